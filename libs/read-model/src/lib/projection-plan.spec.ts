import type { JourneyState, StepState, TimelineEvent } from '@passage/contracts';
import { projectionPlan } from './projection-plan';

const step = (fields: Partial<StepState> & Pick<StepState, 'id' | 'status'>): StepState => ({
  agency: 'kbo',
  service: fields.id,
  mode: 'manual',
  context: { overdue: false },
  attempt: 1,
  ...fields,
});

const state = (fields: Partial<JourneyState> = {}): JourneyState => ({
  journeyId: 'j-1',
  lifeEvent: { id: 'start-business', version: 2, hash: 'h' },
  owner: 'vlaio',
  subject: 'alice',
  language: 'nl',
  channel: 'online',
  status: 'active',
  startedAt: '2026-03-01T08:00:00.000Z',
  seq: 7,
  provenance: {},
  proactive: false,
  steps: [],
  ...fields,
});

const event = (n: number, type: TimelineEvent['type'], fields: Partial<TimelineEvent> = {}): TimelineEvent => ({
  n,
  at: `2026-03-0${n}T08:00:00.000Z`,
  type,
  ...fields,
});

describe('projectionPlan', () => {
  it('writes the journey row from the state, with absent dates as null', () => {
    const { journey } = projectionPlan({ state: state({ expectedAt: '2026-04-01T00:00:00.000Z' }), events: [] });
    expect(journey).toEqual({
      id: 'j-1',
      life_event_id: 'start-business',
      version: 2,
      owner: 'vlaio',
      subject: 'alice',
      status: 'active',
      channel: 'online',
      language: 'nl',
      proactive: false,
      started_at: '2026-03-01T08:00:00.000Z',
      finished_at: null,
      expected_at: '2026-04-01T00:00:00.000Z',
      last_seq: 7,
      entities: null,
    });
  });

  it('opens, suspends and closes the inbox tasks of manual steps only, as their steps go', () => {
    const steps = [
      step({ id: 'open', status: 'dispatched', taskId: 't-open', dueAt: '2026-03-09T00:00:00.000Z' }),
      step({ id: 'asking', status: 'awaiting-subject', taskId: 't-asking' }),
      step({ id: 'decided', status: 'rejected', taskId: 't-decided' }),
      step({ id: 'gone', status: 'cancelled', taskId: 't-gone' }),
      step({ id: 'untasked', status: 'pending' }),
      step({ id: 'automatic', status: 'dispatched', mode: 'automatic', taskId: 't-automatic' }),
    ];
    const { tasks, steps: rows } = projectionPlan({ state: state({ steps }), events: [] });
    expect(tasks.map(({ id, status, open }) => [id, status, open])).toEqual([
      ['t-open', 'open', true],
      ['t-asking', 'awaiting-subject', true],
      ['t-decided', 'decided', false],
      ['t-gone', 'cancelled', false],
    ]);
    expect(tasks[0]?.due_at).toBe('2026-03-09T00:00:00.000Z');
    expect(rows).toHaveLength(6);
    expect(rows[4]).toMatchObject({ step_id: 'untasked', task_id: null, channel: null, overdue: false });
  });

  it('logs each data item shared with an agency, keyed by event and item', () => {
    const shared = event(3, 'data-shared', { stepId: 'kbo', agency: 'kbo', items: ['person.name', 'company.name'] });
    const { accesses } = projectionPlan({ state: state(), events: [shared] });
    expect(accesses).toEqual([
      expect.objectContaining({ n: 3, item: 'person.name', accessor: 'kbo', dedupe_key: 'j-1:3:person.name' }),
      expect.objectContaining({
        n: 3,
        item: 'company.name',
        purpose: 'service step kbo',
        dedupe_key: 'j-1:3:company.name',
      }),
    ]);
  });

  it('escalates a failed step and an overdue one whose rule escalates, and names what resolves them', () => {
    const events = [
      event(1, 'step-failed', { stepId: 'kbo', agency: 'kbo', reason: 'unreachable' }),
      event(2, 'step-overdue', { stepId: 'vat', rule: 'escalate' }),
      event(3, 'step-overdue', { stepId: 'nace', rule: 'remind' }),
      event(4, 'step-retried', { stepId: 'kbo' }),
      event(5, 'journey-completed'),
    ];
    const plan = projectionPlan({ state: state(), events });
    expect(plan.escalations.map(({ id, kind, agency }) => [id, kind, agency])).toEqual([
      ['j-1:1', 'step-failed', 'kbo'],
      ['j-1:2', 'term-expired', 'unknown'],
    ]);
    expect(plan.resolutions).toEqual([{ step_id: 'kbo', n: 4, at: '2026-03-04T08:00:00.000Z' }]);
    expect(plan.resolvingTypes).toContain('step-retried');
  });

  it('notifies the subject of what concerns them, and of a start only when Passage started the journey', () => {
    const events = [event(1, 'journey-started'), event(2, 'step-dispatched'), event(3, 'data-asked')];
    const reactive = projectionPlan({ state: state(), events });
    expect(reactive.notifications.map((row) => row.kind)).toEqual(['data-asked']);
    expect(reactive.notifications[0]).toMatchObject({
      dedupe_key: 'j-1:3:e-counter',
      body: { lifeEvent: { id: 'start-business' }, language: 'nl' },
    });
    const proactive = projectionPlan({ state: state({ proactive: true }), events });
    expect(proactive.notifications.map((row) => row.kind)).toEqual(['journey-started', 'data-asked']);
  });

  it('hands the KPI outbox one event per timeline event a KPI looks at, keyed like it', () => {
    const steps = [step({ id: 'kbo', status: 'completed', dispatchedAt: '2026-03-01T08:00:00.000Z' })];
    const { kpis } = projectionPlan({
      state: state({ steps }),
      events: [event(2, 'step-completed', { stepId: 'kbo' })],
    });
    expect(kpis).toEqual([{ n: 2, event: expect.objectContaining({ id: 'j-1:2', journeyId: 'j-1' }) }]);
  });
});
