import type { JourneyState, StepState, TimelineEvent } from '@passage/contracts';
import { TEST_PAYLOAD_KEYS } from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { JourneyEventEntity } from '../entities/journey-event.entity';
import { JourneyStepEntity } from '../entities/journey-step.entity';
import { JourneyEntity } from '../entities/journey.entity';
import { VaultCipher } from '../vault/vault-cipher';
import { JourneyProjectionWriter } from './journey-projection.writer';
import { ReadModelQueries, type InboxFilter } from './read-model.queries';

const SUBJECT = 'subject-r';
const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 10, day, 9, minute, 0, 123)).toISOString();
const journeyId = (n: number) => `journey-test-reads-0000000${n}-0000-4000-8000-000000000000`;

function step(id: string, status: StepState['status'], extra: Partial<StepState> = {}): StepState {
  return {
    id,
    agency: 'alpha',
    service: id,
    mode: 'manual',
    status,
    context: { overdue: false },
    attempt: 1,
    ...extra,
  };
}

/** A journey with every kind of step column filled somewhere: dates, asked and reused items, a task, a reason. */
function journey(n: number, startDay: number): JourneyState {
  return {
    journeyId: journeyId(n),
    lifeEvent: { id: 'test-reads', version: 1, hash: 'h' },
    owner: 'test-owner',
    subject: SUBJECT,
    language: 'fr',
    channel: 'online',
    status: 'active',
    startedAt: at(startDay),
    expectedAt: at(startDay + 30),
    seq: 3,
    steps: [
      step('decide', 'in-progress', {
        readyAt: at(startDay, 1),
        dispatchedAt: at(startDay, 2),
        dueAt: at(startDay + 14),
        expectedAt: at(startDay + 10),
        taskId: '3f1c2a4e-8b5d-4c6e-9f7a-1b2c3d4e5f60',
        reused: ['person.name'],
      }),
      step('answer', 'awaiting-subject', { channel: 'online', asked: ['person.email'], readyAt: at(startDay, 3) }),
      step('refused', 'rejected', { finishedAt: at(startDay, 4), reason: 'not eligible' }),
      step('later', 'pending'),
    ],
    provenance: {},
    proactive: false,
  };
}

const events = (count: number): TimelineEvent[] =>
  Array.from({ length: count }, (_, i) => ({ n: i + 1, at: at(1, i), type: 'step-ready', stepId: 'decide' }));

const byStepId = (steps: readonly JourneyStepEntity[]) => [...steps].sort((a, b) => a.stepId.localeCompare(b.stepId));

describe('the read model queries', () => {
  let database: TestDatabase;
  let reads: ReadModelQueries;

  beforeAll(async () => {
    database = await createTestDatabase();
    const writer = new JourneyProjectionWriter(database.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS));
    await writer.apply({ state: journey(1, 1), events: events(3), dataWrites: [] });
    await writer.apply({ state: journey(2, 5), events: events(2), dataWrites: [] });
    reads = new ReadModelQueries(database.dataSource);
  });

  afterAll(() => database.drop());

  it('read a timeline in one statement as the entity reads give it', async () => {
    const id = journeyId(1);
    const rows = await reads.timeline(id);
    const steps = await database.dataSource.getRepository(JourneyStepEntity).find({ where: { journeyId: id } });
    const timeline = await database.dataSource
      .getRepository(JourneyEventEntity)
      .find({ where: { journeyId: id }, order: { n: 'ASC' } });
    expect(rows?.journey).toEqual(await database.dataSource.getRepository(JourneyEntity).findOneBy({ id }));
    expect(byStepId(rows?.steps ?? [])).toEqual(byStepId(steps));
    expect(rows?.steps.find((s) => s.stepId === 'decide')?.dueAt).toEqual(new Date(at(15)));
    expect(rows?.events).toEqual(timeline.map((event) => event.body));
    expect(rows?.events.map((event) => event.n)).toEqual([1, 2, 3]);
  });

  it('find nothing for an unknown journey', async () => {
    expect(await reads.timeline(journeyId(9))).toBeUndefined();
    expect(await reads.journey(journeyId(9))).toBeUndefined();
  });

  it("list a subject's journeys newest first, as the repository does", async () => {
    const expected = await database.dataSource
      .getRepository(JourneyEntity)
      .find({ where: { subject: SUBJECT }, order: { startedAt: 'DESC' }, take: 200 });
    expect(await reads.journeysOf(SUBJECT, 200)).toEqual(expected);
    expect((await reads.journeysOf(SUBJECT, 1)).map((j) => j.id)).toEqual([journeyId(2)]);
    expect(await reads.journeysOf('someone-else', 200)).toEqual([]);
  });

  it('give the journey and its events after a number, in order', async () => {
    const since = await reads.eventsSince(journeyId(1), 1);
    expect(since?.journey).toEqual(await reads.journey(journeyId(1)));
    expect(since?.events.map((event) => event.n)).toEqual([2, 3]);
    expect((await reads.eventsSince(journeyId(1), 3))?.events).toEqual([]);
    expect(await reads.eventsSince(journeyId(9), 0)).toBeUndefined();
  });

  describe("an agency's inbox", () => {
    const task = (id: string, status: string, due: string | null, created: string, agency = 'beta') =>
      database.dataSource.query(
        `INSERT INTO agency_tasks (id, journey_id, step_id, life_event_id, agency, service, status, due_at, created_at)
         VALUES ($1, $2, $1, 'test-reads', $6, 's', $3, $4, $5)`,
        [id, journeyId(2), status, due, created, agency],
      );
    const ids = async (filter: Partial<InboxFilter>) =>
      (await reads.inbox({ agency: 'beta', page: 1, pageSize: 25, ...filter })).tasks.map((t) => t.id);

    beforeAll(async () => {
      await task('no-due-date', 'open', null, at(1));
      await task('due-later', 'open', '2999-01-01T00:00:00Z', at(1));
      await task('overdue-old', 'open', at(2), at(1));
      await task('overdue-new', 'awaiting-subject', at(2), at(3));
      await task('decided-late', 'decided', at(2), at(2));
      await task('elsewhere', 'open', at(2), at(1), 'gamma');
    });

    it('pages by due date (none last), then by creation, with the number matching', async () => {
      expect(await ids({})).toEqual(['overdue-old', 'decided-late', 'overdue-new', 'due-later', 'no-due-date']);
      expect(await reads.inbox({ agency: 'beta', page: 2, pageSize: 2 })).toMatchObject({
        tasks: [{ id: 'overdue-new', status: 'awaiting-subject', dueAt: new Date(at(2)) }, { id: 'due-later' }],
        total: 5,
      });
    });

    it('filters by status, life event and being overdue (open or waiting past the due date)', async () => {
      expect(await ids({ status: 'open' })).toEqual(['overdue-old', 'due-later', 'no-due-date']);
      expect(await ids({ lifeEvent: 'other' })).toEqual([]);
      expect(await ids({ overdue: true })).toEqual(['overdue-old', 'overdue-new']);
      expect(await ids({ overdue: false })).toEqual(['decided-late', 'due-later', 'no-due-date']);
      expect(await ids({ status: 'open', lifeEvent: 'test-reads', overdue: true })).toEqual(['overdue-old']);
    });
  });
});
