import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, DevTokenVerifier, type Principal } from '@passage/auth';
import { startPassageProcess, waitForHttp, waitForOutput, type RunningProcess } from '@passage/devstack';
import { publishCatalogue } from '@passage/registry';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { freePort } from '@passage/temporal';
import {
  completingAgency,
  connectTestTemporal,
  createTestAgencies,
  TEST_PAYLOAD_KEY_SPEC,
  TEST_PAYLOAD_KEYS,
  type TestAgencies,
  type TestTemporal,
} from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import { HttpClient } from './http-client';

export interface E2eStackOptions {
  /** Test agency workers on every catalogue agency's queue (default); false when something else plays the agencies. */
  readonly agencyWorkers?: boolean;
  /** More environment for the API and worker processes (e.g. agencies' webhook secrets). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface E2eStack {
  readonly baseUrl: string;
  readonly temporal: TestTemporal;
  readonly db: TestDatabase;
  readonly agencies: TestAgencies;
  /** The environment the API and worker processes run with (for spawning the CLI against the same stack). */
  readonly env: Readonly<Record<string, string>>;
  /** An HTTP client acting as this principal. */
  as(principal: Principal, headers?: Record<string, string>): Promise<HttpClient>;
  anonymous(): HttpClient;
  /**
   * A token signed with the stack's development secret, with exactly these claims (for authentication attacks:
   * unknown roles, no `sub`, staff without an agency…); `lifetimeSeconds` below zero gives an expired token, and
   * `iss`, `aud`, `iat` or `exp` among the claims replace the defaults (undefined drops them).
   */
  signToken(claims: Record<string, unknown>, lifetimeSeconds?: number): Promise<string>;
  /** Everything the API and worker processes logged. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * The whole of Passage for one test file: the API and worker as real processes (as `npm start` runs them) on the
 * run's Temporal dev server (a namespace of the file's own) and a fresh PostgreSQL database with the catalogue
 * published; automatic steps are served by test agency workers, unless `agencyWorkers` is false.
 */
export async function startE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  const temporal = await connectTestTemporal();
  const db = await createTestDatabase();
  await publishCatalogue(db.dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });
  const secret = randomBytes(32).toString('base64url');
  const port = await freePort();
  const env = {
    PASSAGE_ENV: 'test',
    PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-e2e-')),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    DATABASE_URL: db.url,
    PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
    PASSAGE_VAULT_KEYS: `vault:${randomBytes(32).toString('base64')}`,
    PASSAGE_JWT_SECRET: secret,
    PASSAGE_HTTP_PORT: String(port),
    PASSAGE_AGENCY_REGISTRY_REFRESH_MS: '1000',
    // The suites send hundreds of refused and of valid requests from one address as one principal: the limits are
    // the subject of their own spec (hardening), which sets them low.
    PASSAGE_LIMIT_AUTH_FAILURES_PER_MINUTE: '1000000',
    PASSAGE_LIMIT_WRITES_PER_MINUTE: '1000000',
    ...options.env,
  };
  const processes: RunningProcess[] = [startPassageProcess('worker', env), startPassageProcess('api', env)];
  const [worker, api] = processes;
  const baseUrl = `http://127.0.0.1:${port}`;
  const agencies =
    options.agencyWorkers === false
      ? { calls: [], stop: async () => undefined }
      : await createTestAgencies(
          temporal.nativeConnection,
          TEST_PAYLOAD_KEYS,
          temporal.namespace,
          Object.fromEntries(
            AGENCIES.map((agency) => [agency.id, completingAgency(...CATALOGUE.flatMap((entry) => entry.versions))]),
          ),
        );
  try {
    await Promise.all([waitForHttp(`${baseUrl}/health/ready`, api), waitForOutput(worker, /passage worker: polling/)]);
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    throw error;
  }
  const verifier = new DevTokenVerifier(secret);
  return {
    baseUrl,
    temporal,
    db,
    agencies,
    env,
    as: async (principal, headers = {}) =>
      new HttpClient(baseUrl, { authorization: `Bearer ${await verifier.issue(principal)}`, ...headers }),
    anonymous: () => new HttpClient(baseUrl, {}),
    signToken: (claims, lifetimeSeconds = 3600) => {
      const now = Math.floor(Date.now() / 1000);
      // Claims given win over the defaults, so that a test can change or drop (with undefined) iss, aud, iat or exp.
      return new SignJWT({ iss: DEV_ISSUER, aud: DEV_AUDIENCE, iat: now, exp: now + lifetimeSeconds, ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(secret));
    },
    logs: () => processes.map((p) => p.output()).join('\n'),
    stop: async () => {
      await agencies.stop();
      await Promise.all(processes.map((p) => p.stop()));
      await db.drop();
      await temporal.close();
    },
  };
}
