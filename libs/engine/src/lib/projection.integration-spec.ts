import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { ENGINE_TASK_QUEUE, withdrawUpdate, type Actor, type ProjectionUpdate } from '@passage/contracts';
import { AGENCIES, findDefinition } from '@passage/life-events';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import { bundleJourneyWorkflows, passageDataConverter, queryJourney, startJourney } from '@passage/temporal';
import {
  awaitReadModel,
  comparableReadModel,
  comparableState,
  completingAgency,
  connectTestTemporal,
  createTestAgencies,
  createTestDatabase,
  driveJourney,
  sampleItems,
  snapshotOf,
  TEST_PAYLOAD_KEYS,
  type TestAgencies,
  type TestDatabase,
  type TestTemporal,
} from '@passage/testing';
import { createEngineActivities } from './engine.activities';

const JOURNEYS = 24;

/** Every table the projection writes, in a stable order, to compare two databases row by row. */
const PROJECTED_TABLES: Record<string, string> = {
  journeys: `SELECT id, status, last_seq, expected_at, finished_at, started_at FROM journeys ORDER BY id`,
  journey_steps: `SELECT * FROM journey_steps ORDER BY journey_id, step_id`,
  journey_events: `SELECT journey_id, n, at, type, step_id, agency, body FROM journey_events ORDER BY journey_id, n`,
  agency_tasks: `SELECT id, journey_id, step_id, status, due_at FROM agency_tasks ORDER BY id`,
  escalations: `SELECT id, journey_id, step_id, kind, reason, status, resolved_at FROM escalations ORDER BY id`,
  notifications: `SELECT dedupe_key, subject, kind, channel, body FROM notifications ORDER BY dedupe_key`,
  data_access_log: `SELECT dedupe_key, subject, item, journey_id, step_id, accessor FROM data_access_log ORDER BY dedupe_key`,
  data_items: `SELECT subject, item, provenance, written_at FROM data_items ORDER BY subject, item`,
};

async function snapshotTables(db: TestDatabase): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, query] of Object.entries(PROJECTED_TABLES)) snapshot[table] = await db.dataSource.query(query);
  return snapshot;
}

/** Deterministic shuffle (a fixed seed keeps failures reproducible). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('the read model is a faithful projection of the journeys', () => {
  let temporal: TestTemporal;
  let db: TestDatabase;
  let worker: Worker;
  let running: Promise<void>;
  let agencies: TestAgencies;
  const updates: ProjectionUpdate[] = [];

  beforeAll(async () => {
    temporal = await connectTestTemporal();
    db = await createTestDatabase();
    const writer = new JourneyProjectionWriter(db.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS));
    // Records every update the workflows send, to replay them later into other databases.
    const recording = {
      apply: (update: ProjectionUpdate) => writer.apply(update).then(() => void updates.push(update)),
    } as JourneyProjectionWriter;
    worker = await Worker.create({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue: ENGINE_TASK_QUEUE,
      workflowBundle: await bundleJourneyWorkflows(),
      activities: createEngineActivities({ projection: recording }),
      dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS),
    });
    running = worker.run();
    const v1 = findDefinition('start-business', 1);
    const v2 = findDefinition('start-business', 2);
    if (!v1 || !v2) throw new Error('catalogue incomplete');
    agencies = await createTestAgencies(
      temporal.nativeConnection,
      TEST_PAYLOAD_KEYS,
      temporal.namespace,
      Object.fromEntries(AGENCIES.map((a) => [a.id, completingAgency(v1, v2)])),
    );
  });

  afterAll(async () => {
    await agencies.stop();
    worker.shutdown();
    await running;
    await db.drop();
    await temporal.close();
  });

  it(`equals the workflows' own state for ${JOURNEYS} journeys of every outcome, and replays to the same rows`, async () => {
    const handles: WorkflowHandle[] = [];
    const outcomes = ['completed', 'rejected', 'withdrawn'] as const;
    await Promise.all(
      Array.from({ length: JOURNEYS }, async (_, i) => {
        const definition = findDefinition('start-business', (i % 2) + 1);
        if (!definition) throw new Error('missing definition');
        const subject: Actor = { id: `subject-${i}`, role: 'citizen' };
        const fromRegister = Object.keys(definition.dataItems).filter(
          (item) => definition.dataItems[item]?.authenticSource,
        );
        const data = {
          ...sampleItems(definition, [...definition.intake, ...fromRegister]),
          'business.legalForm': i % 3 === 0 ? 'company' : 'sole-trader',
          'business.sector': i % 4 === 0 ? 'horeca' : 'services',
        };
        const handle = await startJourney(temporal.client, {
          snapshot: snapshotOf(definition),
          subject: subject.id,
          language: 'nl',
          channel: 'online',
          startedBy: subject,
          data,
          provenance: Object.fromEntries(Object.keys(data).map((item) => [item, { kind: 'intake' as const }])),
        });
        handles.push(handle);
        const outcome = outcomes[i % outcomes.length];
        if (outcome === 'withdrawn') {
          await handle.executeUpdate(withdrawUpdate, { args: [{ idempotencyKey: 'w', actor: subject }] });
          await handle.result();
          return;
        }
        await driveJourney(handle, definition, {
          subject,
          decide: (step) =>
            outcome === 'rejected' && step.id === 'kbo-registration'
              ? { outcome: 'rejected', reason: 'refused' }
              : {
                  outcome: 'approved',
                  outputs: sampleItems(definition, definition.steps.find((s) => s.id === step.id)?.produces ?? []),
                },
        });
      }),
    );

    for (const handle of handles) {
      const state = await queryJourney(handle);
      expect(await awaitReadModel(db.dataSource, state)).toEqual(comparableState(state));
    }

    // Replaying every update (in order, twice, and shuffled) into fresh databases yields exactly the same rows.
    const original = await snapshotTables(db);
    expect(original['journeys']).toHaveLength(JOURNEYS);
    expect(updates.length).toBeGreaterThan(JOURNEYS * 3);
    for (const order of [[...updates, ...updates], shuffled(updates, 7)]) {
      const replica = await createTestDatabase();
      try {
        const writer = new JourneyProjectionWriter(replica.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS));
        for (const update of order) await writer.apply(update);
        expect(await snapshotTables(replica)).toEqual(original);
        expect(await comparableReadModel(replica.dataSource, handles[0].workflowId)).toEqual(
          await comparableReadModel(db.dataSource, handles[0].workflowId),
        );
      } finally {
        await replica.drop();
      }
    }
  });
});
