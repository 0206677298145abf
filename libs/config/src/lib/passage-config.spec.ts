import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadPassageConfig, parseKeyRing, passageEnvironment } from './passage-config';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('configuration', () => {
  it('reads a key ring: the first key encrypts, every key decrypts', () => {
    const ring = parseKeyRing('KEYS', `new:${key(2)},old:${key(1)}`);
    expect(ring.current.id).toBe('new');
    expect([...ring.all.keys()]).toEqual(['new', 'old']);
  });

  it.each(['nokey', `short:${Buffer.alloc(16).toString('base64')}`, `:${key(1)}`])(
    'refuses the malformed key ring %p without echoing it',
    (value) => {
      expect(() => parseKeyRing('PASSAGE_VAULT_KEYS', value)).toThrow(ConfigurationError);
      try {
        parseKeyRing('PASSAGE_VAULT_KEYS', value);
      } catch (error) {
        expect((error as Error).message).not.toContain(value.split(':')[1] || value);
      }
    },
  );

  describe('the environment', () => {
    it.each(['Production', 'prod', 'PRODUCTION', 'production ', 'staging', ''])(
      'refuses PASSAGE_ENV=%j before generating any secret',
      (value) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'passage-'));
        expect(() => loadPassageConfig({ PASSAGE_ENV: value, PASSAGE_DATA_DIR: dataDir })).toThrow(
          `PASSAGE_ENV must be exactly production, test, development, not ${JSON.stringify(value)}: refusing to start`,
        );
        expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
      },
    );

    it.each([undefined, 'development', 'test'])('refuses NODE_ENV=production with PASSAGE_ENV=%j', (declared) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'passage-'));
      expect(() =>
        loadPassageConfig({
          NODE_ENV: 'production',
          PASSAGE_DATA_DIR: dataDir,
          ...(declared && { PASSAGE_ENV: declared }),
        }),
      ).toThrow('NODE_ENV=production needs PASSAGE_ENV=production');
      expect(existsSync(join(dataDir, 'dev-secrets.json'))).toBe(false);
    });

    it('takes the known names as they are, and a test runner for a test', () => {
      expect(passageEnvironment({ PASSAGE_ENV: 'production', NODE_ENV: 'production' })).toBe('production');
      expect(passageEnvironment({ PASSAGE_ENV: 'test' })).toBe('test');
      expect(passageEnvironment({ PASSAGE_ENV: 'development', NODE_ENV: 'development' })).toBe('development');
      expect(passageEnvironment({ NODE_ENV: 'test' })).toBe('test');
      expect(passageEnvironment({})).toBe('development');
    });
  });

  it('refuses development tokens in production', () => {
    const env = {
      PASSAGE_ENV: 'production',
      PASSAGE_PAYLOAD_KEYS: `p:${key(3)}`,
      PASSAGE_VAULT_KEYS: `v:${key(4)}`,
      PASSAGE_AUTH: 'development',
    };
    expect(() => loadPassageConfig(env)).toThrow('development tokens are refused in production');
  });

  it('refuses to run in production without secrets', () => {
    expect(() =>
      loadPassageConfig({ PASSAGE_ENV: 'production', PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-')) }),
    ).toThrow(ConfigurationError);
  });

  it('generates development secrets once and shares them between processes', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passage-'));
    const first = loadPassageConfig({ PASSAGE_DATA_DIR: dataDir });
    const second = loadPassageConfig({ PASSAGE_DATA_DIR: dataDir });
    expect(second.payloadKeys.current.key.equals(first.payloadKeys.current.key)).toBe(true);
    expect(first.vaultKeys.current.key.equals(first.payloadKeys.current.key)).toBe(false);
    expect(JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8'))).toHaveProperty('jwtSecret');
  });

  it('takes Temporal and PostgreSQL from the environment', () => {
    const config = loadPassageConfig({
      PASSAGE_ENV: 'production',
      PASSAGE_PAYLOAD_KEYS: `p:${key(3)}`,
      PASSAGE_VAULT_KEYS: `v:${key(4)}`,
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_NAMESPACE: 'passage',
      DATABASE_URL: 'postgres://passage@db/passage',
      PASSAGE_OIDC_ISSUER: 'https://idp.example.be/',
      PASSAGE_OIDC_AUDIENCE: 'passage',
    });
    expect(config.auth).toEqual({
      maxLifetimeSeconds: 12 * 3600,
      counterClientId: 'passage-counter',
      mode: 'oidc',
      issuer: 'https://idp.example.be/',
      audience: 'passage',
      jwksUrl: 'https://idp.example.be/.well-known/jwks.json',
    });
    expect(config.temporal).toMatchObject({ address: 'temporal.internal:7233', namespace: 'passage', tls: false });
    expect(config.databaseUrl).toBe('postgres://passage@db/passage');
  });

  describe('notifications', () => {
    const production = {
      PASSAGE_ENV: 'production',
      PASSAGE_PAYLOAD_KEYS: `p:${key(3)}`,
      PASSAGE_VAULT_KEYS: `v:${key(4)}`,
      PASSAGE_OIDC_ISSUER: 'https://idp.example.be/',
      PASSAGE_OIDC_AUDIENCE: 'passage',
    };

    it('writes e-mail to files under the data folder on a development machine, and has no e-counter by default', () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'passage-'));
      expect(loadPassageConfig({ PASSAGE_DATA_DIR: dataDir }).notifications).toEqual({
        eCounterWebhook: undefined,
        mail: { transport: 'file', from: 'Passage <no-reply@passage.localhost>', dir: join(dataDir, 'mail') },
        maxAttempts: 8,
        pollIntervalMs: 5_000,
        termReminderDays: 3,
      });
    });

    it('generates the e-counter webhook secret once into the development secrets, also for an older data folder', () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'passage-'));
      writeFileSync(
        join(dataDir, 'dev-secrets.json'),
        JSON.stringify({ payloadKey: key(5), vaultKey: key(6), jwtSecret: 'jwt' }),
      );
      const env = { PASSAGE_DATA_DIR: dataDir, PASSAGE_ECOUNTER_WEBHOOK_URL: 'http://127.0.0.1:4010/notifications' };
      const first = loadPassageConfig(env).notifications.eCounterWebhook;
      expect(first?.secret).toMatch(/^[\w-]{43}$/);
      const stored = JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8'));
      expect(stored).toMatchObject({ jwtSecret: 'jwt', eCounterWebhookSecret: first?.secret });
      expect(loadPassageConfig(env).notifications.eCounterWebhook).toEqual(first);
    });

    it('takes channels and limits from the environment', () => {
      const notifications = loadPassageConfig({
        ...production,
        PASSAGE_ECOUNTER_WEBHOOK_URL: 'https://burgerprofiel.example.be/passage',
        PASSAGE_ECOUNTER_WEBHOOK_SECRET: 'a-secret-of-enough-length',
        PASSAGE_MAIL_TRANSPORT: 'smtp',
        PASSAGE_SMTP_HOST: 'relay.internal',
        PASSAGE_SMTP_PORT: '2525',
        PASSAGE_MAIL_FROM: 'Passage <no-reply@passage.example.be>',
        PASSAGE_NOTIFY_MAX_ATTEMPTS: '5',
        PASSAGE_NOTIFY_POLL_INTERVAL_MS: '1000',
        PASSAGE_NOTIFY_TERM_REMINDER_DAYS: '7',
      }).notifications;
      expect(notifications).toEqual({
        eCounterWebhook: { url: 'https://burgerprofiel.example.be/passage', secret: 'a-secret-of-enough-length' },
        mail: { transport: 'smtp', from: 'Passage <no-reply@passage.example.be>', host: 'relay.internal', port: 2525 },
        maxAttempts: 5,
        pollIntervalMs: 1_000,
        termReminderDays: 7,
      });
    });

    it('sends no e-mail in production unless told how', () => {
      expect(loadPassageConfig(production).notifications.mail).toEqual({ transport: 'none' });
      expect(() =>
        loadPassageConfig({ ...production, PASSAGE_MAIL_TRANSPORT: 'smtp', PASSAGE_SMTP_HOST: 'relay' }),
      ).toThrow('needs PASSAGE_MAIL_FROM');
    });

    it.each([
      [
        'a webhook without a secret',
        { PASSAGE_ECOUNTER_WEBHOOK_URL: 'https://portal.example.be/hook' },
        'needs PASSAGE_ECOUNTER_WEBHOOK_SECRET in production',
      ],
      [
        'a webhook over plain http',
        {
          PASSAGE_ECOUNTER_WEBHOOK_URL: 'http://portal.example.be/hook',
          PASSAGE_ECOUNTER_WEBHOOK_SECRET: 'a-secret-of-enough-length',
        },
        'absolute https URL',
      ],
      [
        'a short webhook secret',
        {
          PASSAGE_ECOUNTER_WEBHOOK_URL: 'https://portal.example.be/hook',
          PASSAGE_ECOUNTER_WEBHOOK_SECRET: 'short-secret',
        },
        'at least 16 characters',
      ],
      ['an unknown mail transport', { PASSAGE_MAIL_TRANSPORT: 'pigeon' }, 'must be file, smtp or none'],
      [
        'a sender with a line break',
        { PASSAGE_MAIL_TRANSPORT: 'file', PASSAGE_MAIL_FROM: 'no-reply@x\r\nBcc: all@x' },
        'PASSAGE_MAIL_FROM must be an address',
      ],
      ['zero attempts', { PASSAGE_NOTIFY_MAX_ATTEMPTS: '0' }, 'PASSAGE_NOTIFY_MAX_ATTEMPTS must be a positive integer'],
      [
        'a poll interval that is not a number',
        { PASSAGE_NOTIFY_POLL_INTERVAL_MS: 'soon' },
        'PASSAGE_NOTIFY_POLL_INTERVAL_MS must be a positive integer',
      ],
    ])('refuses %s in production, without echoing secrets', (_, env, message) => {
      expect(() => loadPassageConfig({ ...production, ...env })).toThrow(message);
      try {
        loadPassageConfig({ ...production, ...env });
      } catch (error) {
        expect((error as Error).message).not.toContain('short-secret');
      }
    });
  });
});
