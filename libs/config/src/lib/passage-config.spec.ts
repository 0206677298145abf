import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadPassageConfig, parseKeyRing } from './passage-config';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('configuration', () => {
  it('reads a key ring: the first key encrypts, every key decrypts', () => {
    const ring = parseKeyRing('KEYS', `new:${key(2)},old:${key(1)}`);
    expect(ring.current.id).toBe('new');
    expect([...ring.all.keys()]).toEqual(['new', 'old']);
  });

  it.each(['nokey', `short:${Buffer.alloc(16).toString('base64')}`, `:${key(1)}`])('refuses the malformed key ring %p without echoing it', (value) => {
    expect(() => parseKeyRing('PASSAGE_VAULT_KEYS', value)).toThrow(ConfigurationError);
    try {
      parseKeyRing('PASSAGE_VAULT_KEYS', value);
    } catch (error) {
      expect((error as Error).message).not.toContain(value.split(':')[1] || value);
    }
  });

  it('refuses development tokens in production', () => {
    const env = { PASSAGE_ENV: 'production', PASSAGE_PAYLOAD_KEYS: `p:${key(3)}`, PASSAGE_VAULT_KEYS: `v:${key(4)}`, PASSAGE_AUTH: 'development' };
    expect(() => loadPassageConfig(env)).toThrow('development tokens are refused in production');
  });

  it('refuses to run in production without secrets', () => {
    expect(() => loadPassageConfig({ PASSAGE_ENV: 'production', PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-')) })).toThrow(ConfigurationError);
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
    expect(config.auth).toEqual({ mode: 'oidc', issuer: 'https://idp.example.be/', audience: 'passage', jwksUrl: 'https://idp.example.be/.well-known/jwks.json' });
    expect(config.temporal).toMatchObject({ address: 'temporal.internal:7233', namespace: 'passage', tls: false });
    expect(config.databaseUrl).toBe('postgres://passage@db/passage');
  });
});
