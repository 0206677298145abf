import type { WorkflowHandle } from '@temporalio/client';
import { withdrawUpdate, type Actor } from '@passage/contracts';
import { AGENCIES, findDefinition } from '@passage/life-events';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import { queryJourney, startJourney } from '@passage/temporal';
import {
  awaitReadModel,
  comparableReadModel,
  comparableState,
  completingAgency,
  driveJourney,
  sampleItems,
  snapshotOf,
  TEST_PAYLOAD_KEYS,
} from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

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
  let bed: JourneyTestBed;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    const v1 = findDefinition('start-business', 1);
    const v2 = findDefinition('start-business', 2);
    if (!v1 || !v2) throw new Error('catalogue incomplete');
    await bed.startAgencies(Object.fromEntries(AGENCIES.map((a) => [a.id, completingAgency(v1, v2)])));
  });

  afterAll(() => bed?.stop());

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
        const handle = await startJourney(bed.temporal.client, {
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
      expect(await awaitReadModel(bed.db.dataSource, state)).toEqual(comparableState(state));
    }

    // Replaying every update the workflows sent (in order, twice, and shuffled) into fresh databases yields exactly
    // the same rows.
    const updates = bed.projections;
    const original = await snapshotTables(bed.db);
    expect(original['journeys']).toHaveLength(JOURNEYS);
    expect(updates.length).toBeGreaterThan(JOURNEYS * 3);
    for (const order of [[...updates, ...updates], shuffled(updates, 7)]) {
      const replica = await createTestDatabase();
      try {
        const writer = new JourneyProjectionWriter(replica.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS));
        for (const update of order) await writer.apply(update);
        expect(await snapshotTables(replica)).toEqual(original);
        expect(await comparableReadModel(replica.dataSource, handles[0].workflowId)).toEqual(
          await comparableReadModel(bed.db.dataSource, handles[0].workflowId),
        );
      } finally {
        await replica.drop();
      }
    }
  });
});
