import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenVerifier, type Principal } from '@passage/auth';
import { publishCatalogue, startPassageProcess, waitForHttp, waitForOutput, type RunningProcess } from '@passage/devstack';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { freePort } from '@passage/temporal';
import {
  completingAgency,
  connectTestTemporal,
  createTestAgencies,
  createTestDatabase,
  TEST_PAYLOAD_KEY_SPEC,
  TEST_PAYLOAD_KEYS,
  type TestAgencies,
  type TestDatabase,
  type TestTemporal,
} from '@passage/testing';
import { HttpClient } from './http-client';

export interface E2eStack {
  readonly baseUrl: string;
  readonly temporal: TestTemporal;
  readonly db: TestDatabase;
  readonly agencies: TestAgencies;
  /** An HTTP client acting as this principal. */
  as(principal: Principal, headers?: Record<string, string>): Promise<HttpClient>;
  anonymous(): HttpClient;
  /** Everything the API and worker processes logged. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * The whole of Passage for one test file: the API and worker as real processes (as `npm start` runs them) on the
 * run's Temporal dev server (a namespace of the file's own) and a fresh PostgreSQL database with the catalogue
 * published; automatic steps are served by test agency workers.
 */
export async function startE2eStack(): Promise<E2eStack> {
  const temporal = await connectTestTemporal();
  const db = await createTestDatabase();
  await publishCatalogue(db.dataSource);
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
  };
  const processes: RunningProcess[] = [startPassageProcess('worker', env), startPassageProcess('api', env)];
  const [worker, api] = processes;
  const baseUrl = `http://127.0.0.1:${port}`;
  const agencies = await createTestAgencies(
    temporal.nativeConnection,
    TEST_PAYLOAD_KEYS,
    temporal.namespace,
    Object.fromEntries(AGENCIES.map((agency) => [agency.id, completingAgency(...CATALOGUE.flatMap((entry) => entry.versions))])),
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
    as: async (principal, headers = {}) => new HttpClient(baseUrl, { authorization: `Bearer ${await verifier.issue(principal)}`, ...headers }),
    anonymous: () => new HttpClient(baseUrl, {}),
    logs: () => processes.map((p) => p.output()).join('\n'),
    stop: async () => {
      await agencies.stop();
      await Promise.all(processes.map((p) => p.stop()));
      await db.drop();
      await temporal.close();
    },
  };
}
