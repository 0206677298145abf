import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Worker } from '@temporalio/worker';
import { queryJourney, startJourney } from '@passage/temporal';
import {
  connectTestTemporal,
  createTestAgencies,
  createTestDatabase,
  fanOutLifeEvent,
  snapshotOf,
  TEST_PAYLOAD_KEYS,
  type TestAgencies,
  type TestDatabase,
  type TestTemporal,
} from '@passage/testing';
import { createEngineWorker } from './engine-worker';

/** An agency's error text can quote subject data; Temporal must only ever hold it encrypted. */
describe('failure messages in Temporal history', () => {
  const canary = `CANARY-${randomUUID()}`;
  let temporal: TestTemporal;
  let db: TestDatabase;
  let engine: Worker;
  let running: Promise<void>;
  let agencies: TestAgencies;

  beforeAll(async () => {
    temporal = await connectTestTemporal();
    db = await createTestDatabase();
    engine = await createEngineWorker({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      dataSource: db.dataSource,
      payloadKeys: TEST_PAYLOAD_KEYS,
      vaultKeys: TEST_PAYLOAD_KEYS,
    });
    running = engine.run();
    agencies = await createTestAgencies(temporal.nativeConnection, TEST_PAYLOAD_KEYS, temporal.namespace, {
      alpha: () => {
        throw new Error(`register refused for ${canary}`);
      },
    });
  });

  afterAll(async () => {
    await agencies.stop();
    engine.shutdown();
    await running;
    await db.drop();
    await temporal.close();
  });

  it('are encrypted like payloads, while the journey still knows why the step failed', async () => {
    const handle = await startJourney(temporal.client, {
      snapshot: snapshotOf(fanOutLifeEvent()),
      subject: 'subject-f',
      language: 'en',
      channel: 'online',
      startedBy: { id: 'subject-f', role: 'citizen' },
      data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1' },
      provenance: {},
      settings: { serviceMaxAttempts: 1 },
    });
    let reason: string | undefined;
    for (let attempt = 0; attempt < 100 && !reason; attempt++) {
      reason = (await queryJourney(handle)).steps.find((s) => s.id === 'register' && s.status === 'failed')?.reason;
      if (!reason) await new Promise((r) => setTimeout(r, 100));
    }
    expect(reason).toContain(canary);
    const raw = new Client({ connection: temporal.client.connection, namespace: temporal.namespace });
    const history = historyToJSON(await raw.workflow.getHandle(handle.workflowId).fetchHistory());
    expect(history).toContain('activityTaskFailedEventAttributes');
    expect(history).not.toContain(canary);
    const decoded = [...history.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) =>
      Buffer.from(m[1], 'base64').toString('latin1'),
    );
    expect(decoded.some((payload) => payload.includes(canary))).toBe(false);
    await handle.terminate('test done');
  });
});
