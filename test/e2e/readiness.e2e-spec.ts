import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { startPassageProcess, waitForHttp, waitForOutput, type RunningProcess } from '@passage/devstack';
import { freePort } from '@passage/temporal';
import { TEST_PAYLOAD_KEY_SPEC, TEST_TEMPORAL_ADDRESS } from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';

interface Readiness {
  status: string;
  checks: Record<string, string>;
  details?: {
    engineWorkers: { workflowPollers: number; activityPollers: number };
    projectionQuarantine?: { open: number };
  };
}

/*
 * `/health/ready` says whether journeys can progress: with PostgreSQL and Temporal up but no worker polling the
 * engine's queue, they cannot. A namespace of this test's own guarantees that no worker ever polled it.
 */
describe('readiness', () => {
  let db: TestDatabase;
  let connection: Connection;
  const processes: RunningProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    connection = await Connection.connect({ address: process.env[TEST_TEMPORAL_ADDRESS] ?? '' });
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await connection?.close();
    await db?.drop();
  });

  async function freshNamespace(): Promise<string> {
    const namespace = `passage-ready-${randomUUID().slice(0, 8)}`;
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(24 * 3600_000),
    });
    // The server knows a new namespace once its cache refreshes.
    for (const deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 500))) {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return namespace;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  async function readiness(baseUrl: string): Promise<{ status: number; body: Readiness }> {
    const response = await fetch(`${baseUrl}/health/ready`);
    return { status: response.status, body: (await response.json()) as Readiness };
  }

  it('answers 503 while no worker polls the engine queue, and 200 with the workers counted once one does', async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      PASSAGE_ENV: 'test',
      PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-ready-')),
      TEMPORAL_ADDRESS: process.env[TEST_TEMPORAL_ADDRESS] ?? '',
      TEMPORAL_NAMESPACE: await freshNamespace(),
      DATABASE_URL: db.url,
      PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_VAULT_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_JWT_SECRET: randomBytes(32).toString('base64url'),
      PASSAGE_HTTP_PORT: String(port),
    };
    const api = startPassageProcess('api', env);
    processes.push(api);
    await waitForHttp(`${baseUrl}/health/live`, api);

    expect(await readiness(baseUrl)).toEqual({
      status: 503,
      body: {
        status: 'down',
        checks: { temporal: 'up', postgres: 'up', engineWorkers: 'down' },
        details: {
          engineWorkers: { status: 'down', taskQueue: 'passage-engine', workflowPollers: 0, activityPollers: 0 },
          projectionQuarantine: { open: 0 },
        },
      },
    });

    const worker = startPassageProcess('worker', env);
    processes.push(worker);
    await waitForOutput(worker, /passage worker: polling/);
    let ready = await readiness(baseUrl);
    for (const deadline = Date.now() + 60_000; ready.status !== 200 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 500));
      ready = await readiness(baseUrl);
    }
    expect(ready).toEqual({
      status: 200,
      body: {
        status: 'up',
        checks: { temporal: 'up', postgres: 'up', engineWorkers: 'up' },
        details: {
          engineWorkers: {
            status: 'up',
            taskQueue: 'passage-engine',
            workflowPollers: 1,
            activityPollers: 1,
            lastPollSecondsAgo: expect.any(Number),
          },
          projectionQuarantine: { open: 0 },
        },
      },
    });
  });
});
