import type { JourneyState, ProjectionUpdate, StepState, TimelineEvent } from '@passage/contracts';
import { TEST_PAYLOAD_KEYS } from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { VaultCipher } from '../vault/vault-cipher';
import { JourneyProjectionWriter } from './journey-projection.writer';

const JOURNEY = 'journey-test-writer-0001';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();

function step(status: StepState['status']): StepState {
  return {
    id: 'register',
    agency: 'alpha',
    service: 'register',
    mode: 'automatic',
    status,
    context: { overdue: false },
    attempt: 1,
  };
}

function state(seq: number, status: StepState['status']): JourneyState {
  return {
    journeyId: JOURNEY,
    lifeEvent: { id: 'test-writer', version: 1, hash: 'h' },
    owner: 'test-owner',
    subject: 'subject-w',
    language: 'nl',
    channel: 'online',
    status: 'active',
    startedAt: at(0),
    seq,
    steps: [step(status)],
    provenance: {},
    proactive: false,
  };
}

const event = (n: number, type: TimelineEvent['type'], extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  n,
  at: at(n),
  type,
  stepId: 'register',
  agency: 'alpha',
  ...extra,
});

/** A step is dispatched (its data shared), fails, is retried and completes, in three updates. */
const updates: ProjectionUpdate[] = [
  {
    state: state(2, 'dispatched'),
    events: [event(1, 'step-dispatched'), event(2, 'data-shared', { items: ['person.name'] })],
    dataWrites: [],
  },
  { state: state(3, 'failed'), events: [event(3, 'step-failed', { reason: 'agency down' })], dataWrites: [] },
  {
    state: state(5, 'completed'),
    events: [event(4, 'step-retried'), event(5, 'step-completed', { items: ['case.number'] })],
    dataWrites: [
      {
        item: 'case.number',
        value: 'C-1',
        provenance: { kind: 'step', stepId: 'register', agency: 'alpha' },
        at: at(5),
      },
    ],
  },
];

const TABLES = {
  journey: `SELECT status, last_seq FROM journeys`,
  steps: `SELECT step_id, status FROM journey_steps`,
  events: `SELECT n, type FROM journey_events ORDER BY n`,
  accesses: `SELECT item, accessor, dedupe_key FROM data_access_log`,
  escalations: `SELECT id, kind, reason, status, resolved_at FROM escalations`,
  notifications: `SELECT dedupe_key, kind FROM notifications ORDER BY dedupe_key`,
  kpi: `SELECT dedupe_key FROM kpi_outbox ORDER BY dedupe_key`,
  vault: `SELECT item, key_id FROM data_items`,
};

describe('the journey projection writer', () => {
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  async function project(batches: readonly ProjectionUpdate[], between?: (database: TestDatabase) => Promise<void>) {
    const database = await createTestDatabase();
    databases.push(database);
    const writer = new JourneyProjectionWriter(database.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS));
    for (const update of batches) {
      await writer.apply(update);
      await between?.(database);
    }
    const rows: Record<string, unknown[]> = {};
    for (const [table, sql] of Object.entries(TABLES)) rows[table] = await database.dataSource.query(sql);
    return rows;
  }

  it('writes the journey, its timeline and what the new events entail', async () => {
    const rows = await project(updates);
    expect(rows['journey']).toEqual([{ status: 'active', last_seq: 5 }]);
    expect(rows['steps']).toEqual([{ step_id: 'register', status: 'completed' }]);
    expect(rows['events']).toHaveLength(5);
    expect(rows['accesses']).toEqual([
      { item: 'person.name', accessor: 'alpha', dedupe_key: `${JOURNEY}:2:person.name` },
    ]);
    // Opened by the failure, resolved by the retry that followed it.
    expect(rows['escalations']).toEqual([
      {
        id: `${JOURNEY}:3`,
        kind: 'step-failed',
        reason: 'agency down',
        status: 'resolved',
        resolved_at: new Date(at(4)),
      },
    ]);
    expect(rows['notifications']).toEqual([{ dedupe_key: `${JOURNEY}:5:e-counter`, kind: 'step-completed' }]);
    expect(rows['kpi']).toEqual([`${JOURNEY}:1`, `${JOURNEY}:5`].map((dedupe_key) => ({ dedupe_key })));
    expect(rows['vault']).toEqual([{ item: 'case.number', key_id: 'test' }]);
  });

  it('ends in the same rows whether the updates come together, twice, or in reverse order', async () => {
    const expected = await project(updates);
    const together: ProjectionUpdate = {
      state: updates[2].state,
      events: updates.flatMap((update) => update.events),
      dataWrites: updates.flatMap((update) => update.dataWrites),
    };
    expect(await project([together])).toEqual(expected);
    expect(await project([...updates, ...updates])).toEqual(expected);
    expect(await project([...updates].reverse())).toEqual(expected);
  });

  it('entails nothing again for an event it already recorded, even once the outboxes were emptied', async () => {
    // The outboxes are emptied after every write, as their processors would; the access log too, to see that nothing
    // is written again.
    const emptyOutboxes = async (database: TestDatabase) => {
      await database.dataSource.query(`DELETE FROM notifications`);
      await database.dataSource.query(`DELETE FROM kpi_outbox`);
      await database.dataSource.query(`DELETE FROM data_access_log`);
    };
    const rows = await project([...updates, ...updates], emptyOutboxes);
    expect(rows['events']).toHaveLength(5);
    expect([rows['notifications'], rows['kpi'], rows['accesses']]).toEqual([[], [], []]);
  });

  it('never moves the journey back to an older state', async () => {
    const rows = await project([updates[2], updates[1]]);
    expect(rows['journey']).toEqual([{ status: 'active', last_seq: 5 }]);
    expect(rows['steps']).toEqual([{ step_id: 'register', status: 'completed' }]);
  });
});
