import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const PASSAGE_ENVIRONMENTS = ['production', 'test', 'development'] as const;
export type PassageEnvironment = (typeof PASSAGE_ENVIRONMENTS)[number];

/** A symmetric key with an id, so that keys can rotate: the first encrypts, all of them decrypt. */
export interface KeyRing {
  readonly current: { readonly id: string; readonly key: Buffer };
  readonly all: ReadonlyMap<string, Buffer>;
}

export interface TemporalSettings {
  readonly address: string;
  readonly namespace: string;
  readonly apiKey?: string;
  readonly tls: boolean;
}

/**
 * How the API authenticates bearer tokens: development tokens (HS256) or an OIDC issuer's keys; either way a token
 * may be valid for at most `maxLifetimeSeconds` (`exp - iat`).
 */
export type AuthSettings = AuthMode & {
  readonly maxLifetimeSeconds: number;
  /** The counter application's client at the identity provider: its tokens prove a citizen is present (ADR 0010). */
  readonly counterClientId: string;
};
type AuthMode =
  | { readonly mode: 'development'; readonly secret: string }
  | { readonly mode: 'oidc'; readonly issuer: string; readonly audience: string; readonly jwksUrl: string };

/** A webhook to the subject's e-counter (a citizen portal), signed with a shared secret. */
export interface ECounterWebhookSettings {
  readonly url: string;
  readonly secret: string;
}

/** How e-mail leaves: `.eml` files in a folder (development), a local SMTP relay or sink, or not at all. */
export type MailSettings =
  | { readonly transport: 'none' }
  | { readonly transport: 'file'; readonly from: string; readonly dir: string }
  | { readonly transport: 'smtp'; readonly from: string; readonly host: string; readonly port: number };

export interface NotificationSettings {
  /** Unset: e-counter notifications stay pending in the outbox until a webhook is configured. */
  readonly eCounterWebhook?: ECounterWebhookSettings;
  readonly mail: MailSettings;
  /** Delivery attempts before a notification is marked failed. */
  readonly maxAttempts: number;
  readonly pollIntervalMs: number;
  /** How many days before a term ends the subject gets a reminder. */
  readonly termReminderDays: number;
}

export interface PassageConfig {
  readonly environment: PassageEnvironment;
  readonly dataDir: string;
  readonly temporal: TemporalSettings;
  /** Encrypts Temporal payloads that carry subject data (shared by clients and workers). */
  readonly payloadKeys: KeyRing;
  /** Encrypts the vault's values at rest. */
  readonly vaultKeys: KeyRing;
  /** PostgreSQL; when unset, the development stack starts an embedded server under the data folder. */
  readonly databaseUrl?: string;
  readonly auth: AuthSettings;
  readonly http: { readonly host: string; readonly port: number };
  /** Where agencies reach this API (webhook callbacks): `PASSAGE_PUBLIC_URL`, by default the local HTTP address. */
  readonly publicUrl: string;
  readonly notifications: NotificationSettings;
  /** Limits of one API process (README, security); the ingress limits across replicas. */
  readonly rateLimits: {
    readonly authFailuresPerMinute: number;
    readonly writesPerMinute: number;
    readonly streamsPerPrincipal: number;
  };
  /** The bearer token of the metrics scraper; in production /metrics exists only with one. */
  readonly metricsToken?: string;
  /** How often the worker re-reads the agency registry to serve (or stop serving) webhook agencies. */
  readonly agencyRegistryRefreshMs: number;
  /**
   * The API's bound on each database call and on the Temporal calls of one request: past it the request answers
   * 503 `unavailable` with `Retry-After` instead of waiting for a server that is down or frozen.
   */
  readonly apiCallTimeoutMs: number;
  /**
   * Attempts of a journey's projection that fails on its data (SQLSTATE class 22 or 23) before it is quarantined and
   * the journey goes on (`docs/reliability.md`).
   */
  readonly projectionPoisonAttempts: number;
  /**
   * How long a request in progress holds its `Idempotency-Key`: a repeat after that runs it again (its process may
   * have died), a repeat before it answers 409 `idempotency-key-in-progress`.
   */
  readonly idempotencyLeaseSeconds: number;
}

/** Secrets generated for a development machine, kept under the data folder so that every local process shares them. */
interface DevSecrets {
  readonly payloadKey: string;
  readonly vaultKey: string;
  readonly jwtSecret: string;
  /** Absent from files written before notifications existed: added on first use. */
  readonly eCounterWebhookSecret?: string;
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/**
 * Reads the configuration from the environment. In production every secret must be given; on a development
 * machine missing secrets are generated once into `<dataDir>/dev-secrets.json`.
 */
export function loadPassageConfig(env: NodeJS.ProcessEnv = process.env): PassageConfig {
  const environment = passageEnvironment(env);
  const dataDir = resolve(env['PASSAGE_DATA_DIR'] ?? join(workspaceRoot(), '.data'));
  const secrets = () => devSecrets(environment, dataDir);
  return {
    environment,
    dataDir,
    temporal: {
      address: env['TEMPORAL_ADDRESS'] ?? 'localhost:7233',
      namespace: env['TEMPORAL_NAMESPACE'] ?? 'default',
      apiKey: env['TEMPORAL_API_KEY'] || undefined,
      tls: env['TEMPORAL_TLS'] === 'true',
    },
    payloadKeys: parseKeyRing('PASSAGE_PAYLOAD_KEYS', env['PASSAGE_PAYLOAD_KEYS'] ?? `dev:${secrets().payloadKey}`),
    vaultKeys: parseKeyRing('PASSAGE_VAULT_KEYS', env['PASSAGE_VAULT_KEYS'] ?? `dev:${secrets().vaultKey}`),
    databaseUrl: env['DATABASE_URL'] || undefined,
    auth: authSettings(env, environment, () => secrets().jwtSecret),
    http: { host: env['PASSAGE_HTTP_HOST'] ?? '127.0.0.1', port: Number(env['PASSAGE_HTTP_PORT'] ?? 3000) },
    publicUrl: publicUrl(env, environment),
    rateLimits: {
      authFailuresPerMinute: positiveInteger(env, 'PASSAGE_LIMIT_AUTH_FAILURES_PER_MINUTE', 30),
      writesPerMinute: positiveInteger(env, 'PASSAGE_LIMIT_WRITES_PER_MINUTE', 120),
      streamsPerPrincipal: positiveInteger(env, 'PASSAGE_LIMIT_STREAMS_PER_PRINCIPAL', 5),
    },
    metricsToken: metricsToken(env),
    agencyRegistryRefreshMs: Number(env['PASSAGE_AGENCY_REGISTRY_REFRESH_MS'] ?? 30_000),
    apiCallTimeoutMs: positiveInteger(env, 'PASSAGE_API_CALL_TIMEOUT_MS', 5_000),
    projectionPoisonAttempts: positiveInteger(env, 'PASSAGE_PROJECTION_POISON_ATTEMPTS', 5),
    idempotencyLeaseSeconds: positiveInteger(env, 'PASSAGE_IDEMPOTENCY_LEASE_SECONDS', 60),
    notifications: notificationSettings(env, environment, dataDir),
  };
}

function notificationSettings(
  env: NodeJS.ProcessEnv,
  environment: PassageEnvironment,
  dataDir: string,
): NotificationSettings {
  return {
    eCounterWebhook: eCounterWebhook(env, environment, dataDir),
    mail: mailSettings(env, environment, dataDir),
    maxAttempts: positiveInteger(env, 'PASSAGE_NOTIFY_MAX_ATTEMPTS', 8),
    pollIntervalMs: positiveInteger(env, 'PASSAGE_NOTIFY_POLL_INTERVAL_MS', 5_000),
    termReminderDays: positiveInteger(env, 'PASSAGE_NOTIFY_TERM_REMINDER_DAYS', 3),
  };
}

function eCounterWebhook(
  env: NodeJS.ProcessEnv,
  environment: PassageEnvironment,
  dataDir: string,
): ECounterWebhookSettings | undefined {
  const url = env['PASSAGE_ECOUNTER_WEBHOOK_URL'];
  if (!url) return undefined;
  // A signature proves origin but hides nothing: in production the payload must travel encrypted.
  const allowed = environment === 'production' ? ['https:'] : ['https:', 'http:'];
  if (!URL.canParse(url) || !allowed.includes(new URL(url).protocol)) {
    throw new ConfigurationError(
      `PASSAGE_ECOUNTER_WEBHOOK_URL must be an absolute ${environment === 'production' ? 'https' : 'http(s)'} URL`,
    );
  }
  const secret = env['PASSAGE_ECOUNTER_WEBHOOK_SECRET'];
  if (secret !== undefined && secret.length < 16)
    throw new ConfigurationError('PASSAGE_ECOUNTER_WEBHOOK_SECRET must be at least 16 characters');
  if (!secret && environment === 'production') {
    throw new ConfigurationError('PASSAGE_ECOUNTER_WEBHOOK_URL needs PASSAGE_ECOUNTER_WEBHOOK_SECRET in production');
  }
  return { url, secret: secret || devWebhookSecret(environment, dataDir) };
}

const MAIL_TRANSPORTS: readonly string[] = ['none', 'file', 'smtp'] satisfies MailSettings['transport'][];
const isMailTransport = (value: string): value is MailSettings['transport'] => MAIL_TRANSPORTS.includes(value);

function mailSettings(env: NodeJS.ProcessEnv, environment: PassageEnvironment, dataDir: string): MailSettings {
  const production = environment === 'production';
  // Files on a production server would be mail nobody reads: production sends none unless told how.
  const transport = env['PASSAGE_MAIL_TRANSPORT'] ?? (production ? 'none' : 'file');
  if (!isMailTransport(transport)) throw new ConfigurationError('PASSAGE_MAIL_TRANSPORT must be file, smtp or none');
  if (transport === 'none') return { transport };
  const from = env['PASSAGE_MAIL_FROM'] ?? (production ? undefined : 'Passage <no-reply@passage.localhost>');
  if (!from) throw new ConfigurationError('PASSAGE_MAIL_TRANSPORT needs PASSAGE_MAIL_FROM in production');
  if (!/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(from)) {
    throw new ConfigurationError(
      'PASSAGE_MAIL_FROM must be an address, optionally with a display name: Name <address@domain>',
    );
  }
  if (transport === 'file') return { transport, from, dir: join(dataDir, 'mail') };
  const host = env['PASSAGE_SMTP_HOST'] ?? (production ? undefined : '127.0.0.1');
  if (!host) throw new ConfigurationError('PASSAGE_MAIL_TRANSPORT=smtp needs PASSAGE_SMTP_HOST in production');
  // 1025 is where local SMTP sinks (Mailpit, MailHog) listen.
  return { transport, from, host, port: positiveInteger(env, 'PASSAGE_SMTP_PORT', production ? 25 : 1025) };
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env['PASSAGE_METRICS_TOKEN'];
  if (!token) return undefined;
  if (token.length < 16) throw new ConfigurationError('PASSAGE_METRICS_TOKEN must be at least 16 characters');
  return token;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new ConfigurationError(`${name} must be a positive integer`);
  return parsed;
}

function authSettings(env: NodeJS.ProcessEnv, environment: PassageEnvironment, devSecret: () => string): AuthSettings {
  const maxLifetimeSeconds = positiveInteger(env, 'PASSAGE_TOKEN_MAX_LIFETIME_HOURS', 12) * 3600;
  const counterClientId = env['PASSAGE_COUNTER_CLIENT_ID'] || 'passage-counter';
  const mode = authMode(env, environment, devSecret);
  // Were they one, every token of a citizen signed in to Passage would prove them present at any counter.
  if (counterClientId === (mode.mode === 'oidc' ? mode.audience : 'passage'))
    throw new ConfigurationError("PASSAGE_COUNTER_CLIENT_ID must differ from the API's own audience");
  return { maxLifetimeSeconds, counterClientId, ...mode };
}

function authMode(env: NodeJS.ProcessEnv, environment: PassageEnvironment, devSecret: () => string): AuthMode {
  const mode = env['PASSAGE_AUTH'] ?? (environment === 'production' ? 'oidc' : 'development');
  if (mode === 'oidc') {
    const issuer = env['PASSAGE_OIDC_ISSUER'];
    const audience = env['PASSAGE_OIDC_AUDIENCE'];
    if (!issuer || !audience)
      throw new ConfigurationError('PASSAGE_AUTH=oidc needs PASSAGE_OIDC_ISSUER and PASSAGE_OIDC_AUDIENCE');
    const jwksUrl = env['PASSAGE_OIDC_JWKS_URL'] ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
    return { mode, issuer, audience, jwksUrl };
  }
  if (mode !== 'development') throw new ConfigurationError('PASSAGE_AUTH must be oidc or development');
  if (environment === 'production')
    throw new ConfigurationError('development tokens are refused in production: set PASSAGE_AUTH=oidc');
  return { mode, secret: env['PASSAGE_JWT_SECRET'] ?? devSecret() };
}

/** The base URL agencies call back on; without a trailing slash. */
function publicUrl(env: NodeJS.ProcessEnv, environment: PassageEnvironment): string {
  const value = env['PASSAGE_PUBLIC_URL'];
  if (!value) return `http://127.0.0.1:${Number(env['PASSAGE_HTTP_PORT'] ?? 3000)}`;
  // Callbacks carry decisions and data items: in production they must travel encrypted.
  const allowed = environment === 'production' ? ['https:'] : ['https:', 'http:'];
  if (!URL.canParse(value) || !allowed.includes(new URL(value).protocol)) {
    throw new ConfigurationError(
      `PASSAGE_PUBLIC_URL must be an absolute ${environment === 'production' ? 'https' : 'http(s)'} URL`,
    );
  }
  return value.replace(/\/+$/, '');
}

/**
 * The environment alone, for code that needs no other setting (and so no secrets). Only the known names count: a
 * mistyped one (`Production`, `prod`) must not quietly mean development, with its generated secrets and development
 * tokens, and neither may a process that Node was told runs in production.
 */
export function passageEnvironment(env: NodeJS.ProcessEnv = process.env): PassageEnvironment {
  const declared = env['PASSAGE_ENV'];
  const node = env['NODE_ENV'];
  if (declared !== undefined && !isPassageEnvironment(declared))
    throw new ConfigurationError(
      `PASSAGE_ENV must be exactly ${PASSAGE_ENVIRONMENTS.join(', ')}, not ${JSON.stringify(declared.slice(0, 40))}: refusing to start`,
    );
  if (node === 'production' && declared !== 'production')
    throw new ConfigurationError(
      'NODE_ENV=production needs PASSAGE_ENV=production (or another NODE_ENV for a development stack): refusing to start',
    );
  if (declared) return declared;
  // Test runners set NODE_ENV=test; every other NODE_ENV leaves a development machine.
  return node === 'test' ? 'test' : 'development';
}

function isPassageEnvironment(value: string): value is PassageEnvironment {
  return (PASSAGE_ENVIRONMENTS as readonly string[]).includes(value);
}

/** `id:base64key[,id:base64key…]`, each key 32 bytes (AES-256). */
export function parseKeyRing(name: string, value: string): KeyRing {
  const entries = value.split(',').map((entry, index) => {
    const [id, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || key.length !== 32)
      throw new ConfigurationError(`${name}: entry ${index + 1} must be <id>:<32-byte key in base64>`);
    return [id, key] as const;
  });
  const [id, key] = entries[0];
  return { current: { id, key }, all: new Map(entries) };
}

let cachedSecrets: { dir: string; secrets: DevSecrets } | undefined;

export function devSecrets(environment: PassageEnvironment, dataDir: string): DevSecrets {
  if (environment === 'production') {
    throw new ConfigurationError(
      'a secret is missing: in production set PASSAGE_PAYLOAD_KEYS, PASSAGE_VAULT_KEYS and the JWT settings',
    );
  }
  if (cachedSecrets?.dir === dataDir) return cachedSecrets.secrets;
  const file = join(dataDir, 'dev-secrets.json');
  if (!existsSync(file)) {
    const fresh: DevSecrets = {
      payloadKey: randomBytes(32).toString('base64'),
      vaultKey: randomBytes(32).toString('base64'),
      jwtSecret: randomBytes(32).toString('base64url'),
      eCounterWebhookSecret: randomBytes(32).toString('base64url'),
    };
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another local process created it first: use theirs, so that every process shares the same keys.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secrets = JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  cachedSecrets = { dir: dataDir, secrets };
  return secrets;
}

/** The development webhook secret; a data folder from before notifications gets one added. */
function devWebhookSecret(environment: PassageEnvironment, dataDir: string): string {
  const secrets = devSecrets(environment, dataDir);
  if (secrets.eCounterWebhookSecret) return secrets.eCounterWebhookSecret;
  const file = join(dataDir, 'dev-secrets.json');
  const secret = randomBytes(32).toString('base64url');
  const upgraded: DevSecrets = { ...secrets, eCounterWebhookSecret: secret };
  // Replace the file whole (rename is atomic) so a concurrent reader never sees half of it.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
  cachedSecrets = { dir: dataDir, secrets: upgraded };
  return secret;
}
