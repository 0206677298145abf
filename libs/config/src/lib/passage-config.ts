import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type PassageEnvironment = 'development' | 'test' | 'production';

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

/** How the API authenticates bearer tokens: development tokens (HS256) or an OIDC issuer's keys. */
export type AuthSettings =
  | { readonly mode: 'development'; readonly secret: string }
  | { readonly mode: 'oidc'; readonly issuer: string; readonly audience: string; readonly jwksUrl: string };

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
}

/** Secrets generated for a development machine, kept under the data folder so that every local process shares them. */
interface DevSecrets {
  readonly payloadKey: string;
  readonly vaultKey: string;
  readonly jwtSecret: string;
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
  const environment = parseEnvironment(env['PASSAGE_ENV'] ?? env['NODE_ENV']);
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
  };
}

function authSettings(env: NodeJS.ProcessEnv, environment: PassageEnvironment, devSecret: () => string): AuthSettings {
  const mode = env['PASSAGE_AUTH'] ?? (environment === 'production' ? 'oidc' : 'development');
  if (mode === 'oidc') {
    const issuer = env['PASSAGE_OIDC_ISSUER'];
    const audience = env['PASSAGE_OIDC_AUDIENCE'];
    if (!issuer || !audience) throw new ConfigurationError('PASSAGE_AUTH=oidc needs PASSAGE_OIDC_ISSUER and PASSAGE_OIDC_AUDIENCE');
    const jwksUrl = env['PASSAGE_OIDC_JWKS_URL'] ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
    return { mode, issuer, audience, jwksUrl };
  }
  if (mode !== 'development') throw new ConfigurationError('PASSAGE_AUTH must be oidc or development');
  if (environment === 'production') throw new ConfigurationError('development tokens are refused in production: set PASSAGE_AUTH=oidc');
  return { mode, secret: env['PASSAGE_JWT_SECRET'] ?? devSecret() };
}

function parseEnvironment(value: string | undefined): PassageEnvironment {
  if (value === 'production' || value === 'test') return value;
  return 'development';
}

/** `id:base64key[,id:base64key…]`, each key 32 bytes (AES-256). */
export function parseKeyRing(name: string, value: string): KeyRing {
  const entries = value.split(',').map((entry, index) => {
    const [id, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || key.length !== 32) throw new ConfigurationError(`${name}: entry ${index + 1} must be <id>:<32-byte key in base64>`);
    return [id, key] as const;
  });
  const [id, key] = entries[0];
  return { current: { id, key }, all: new Map(entries) };
}

let cachedSecrets: { dir: string; secrets: DevSecrets } | undefined;

export function devSecrets(environment: PassageEnvironment, dataDir: string): DevSecrets {
  if (environment === 'production') {
    throw new ConfigurationError('a secret is missing: in production set PASSAGE_PAYLOAD_KEYS, PASSAGE_VAULT_KEYS and the JWT settings');
  }
  if (cachedSecrets?.dir === dataDir) return cachedSecrets.secrets;
  const file = join(dataDir, 'dev-secrets.json');
  if (!existsSync(file)) {
    const fresh: DevSecrets = {
      payloadKey: randomBytes(32).toString('base64'),
      vaultKey: randomBytes(32).toString('base64'),
      jwtSecret: randomBytes(32).toString('base64url'),
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
