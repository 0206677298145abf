import { randomUUID } from 'node:crypto';
import type { JourneyState, ProjectionUpdate, StepState, TimelineEvent } from '@passage/contracts';
import type { StepMode, StepStatus } from '@passage/journey-model';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The cost the catalogue gives `kbo-registration` online, the only step of this fixture with a cost. */
export const KBO_ONLINE_COST = 105.5;
/** Steps executed by one fixture journey, by agency. */
export const EXECUTED_STEPS = { bank: 1, vlaio: 1, ondernemingsloket: 1, 'fod-financien': 1 } as const;
/** Days from start to completion of one fixture journey. */
export const LEAD_TIME_DAYS = 4;

interface StepSpec {
  readonly id: string;
  readonly agency: string;
  readonly mode: StepMode;
}

const STEPS: readonly StepSpec[] = [
  { id: 'business-account', agency: 'bank', mode: 'citizen' },
  { id: 'starter-welcome', agency: 'vlaio', mode: 'proactive' },
  { id: 'kbo-registration', agency: 'ondernemingsloket', mode: 'manual' },
  { id: 'vat-activation', agency: 'fod-financien', mode: 'automatic' },
];

/**
 * The projection updates of one completed start-business v2 journey, as the workflow sends them: three updates over
 * four days, with a reuse, a question answered online, a proactive step, a manual step with a statutory term
 * (decided in time) and an automatic one. Every instant is relative to `startMs`.
 */
export function completedJourneyUpdates(
  startMs: number,
  subject = `subject-${randomUUID().slice(0, 8)}`,
): ProjectionUpdate[] {
  const journeyId = `journey-start-business-${randomUUID()}`;
  const day = (d: number) => iso(startMs + d * DAY_MS);
  const steps = new Map<string, StepState>(
    STEPS.map((s) => [s.id, { ...s, service: s.id, status: 'pending', context: { overdue: false }, attempt: 1 }]),
  );
  const set = (id: string, status: StepStatus, fields: Partial<StepState> = {}) => {
    const current = steps.get(id) as StepState;
    steps.set(id, { ...current, status, ...fields });
  };
  let n = 0;
  let seq = 0;
  const update = (
    status: JourneyState['status'],
    events: Omit<TimelineEvent, 'n'>[],
    finishedAt?: string,
  ): ProjectionUpdate => {
    seq += events.length;
    const state: JourneyState = {
      journeyId,
      lifeEvent: { id: 'start-business', version: 2, hash: 'fixture' },
      owner: 'vlaio',
      subject,
      language: 'en',
      channel: 'online',
      status,
      startedAt: day(0),
      ...(finishedAt ? { finishedAt } : {}),
      seq,
      steps: [...steps.values()],
      provenance: {},
      proactive: false,
    };
    return { state, events: events.map((event) => ({ ...event, n: ++n })), dataWrites: [] };
  };

  set('business-account', 'awaiting-subject', { channel: 'online', dispatchedAt: day(0), asked: ['business.iban'] });
  set('starter-welcome', 'dispatched', { channel: 'automatic', dispatchedAt: day(0) });
  const first = update('active', [
    { at: day(0), type: 'journey-started', channel: 'online', actor: { id: subject, role: 'citizen' } },
    { at: day(0), type: 'data-provided', items: ['business.legalForm'], actor: { id: subject, role: 'citizen' } },
    { at: day(0), type: 'data-reused', items: ['person.name', 'person.address'] },
    { at: day(0), type: 'step-dispatched', stepId: 'business-account', agency: 'bank', channel: 'online' },
    { at: day(0), type: 'data-asked', stepId: 'business-account', agency: 'bank', items: ['business.iban'] },
    { at: day(0), type: 'step-dispatched', stepId: 'starter-welcome', agency: 'vlaio', channel: 'automatic' },
  ]);

  set('business-account', 'completed', { finishedAt: day(1), asked: undefined });
  set('starter-welcome', 'completed', { finishedAt: day(1) });
  set('kbo-registration', 'in-progress', {
    channel: 'online',
    dispatchedAt: day(1),
    dueAt: day(8),
    taskId: randomUUID(),
  });
  const second = update('active', [
    {
      at: day(1),
      type: 'data-provided',
      items: ['business.iban'],
      channel: 'online',
      actor: { id: subject, role: 'citizen' },
    },
    { at: day(1), type: 'step-completed', stepId: 'business-account', agency: 'bank' },
    { at: day(1), type: 'step-completed', stepId: 'starter-welcome', agency: 'vlaio' },
    { at: day(1), type: 'step-dispatched', stepId: 'kbo-registration', agency: 'ondernemingsloket', channel: 'online' },
  ]);

  set('kbo-registration', 'completed', { finishedAt: day(3) });
  set('vat-activation', 'completed', { channel: 'automatic', dispatchedAt: day(3), finishedAt: day(LEAD_TIME_DAYS) });
  const third = update(
    'completed',
    [
      { at: day(3), type: 'step-completed', stepId: 'kbo-registration', agency: 'ondernemingsloket' },
      { at: day(3), type: 'step-dispatched', stepId: 'vat-activation', agency: 'fod-financien', channel: 'automatic' },
      { at: day(LEAD_TIME_DAYS), type: 'step-completed', stepId: 'vat-activation', agency: 'fod-financien' },
      { at: day(LEAD_TIME_DAYS), type: 'journey-completed' },
    ],
    day(LEAD_TIME_DAYS),
  );
  return [first, second, third];
}
