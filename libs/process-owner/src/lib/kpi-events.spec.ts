import type { JourneyState, StepState, TimelineEvent } from '@passage/contracts';
import { deriveKpiEvent } from './kpi-events';

const step = (fields: Partial<StepState> & Pick<StepState, 'id'>): StepState => ({
  agency: 'loket',
  service: fields.id,
  mode: 'manual',
  status: 'completed',
  context: { overdue: false },
  attempt: 1,
  ...fields,
});

const state: JourneyState = {
  journeyId: 'journey-start-business-1',
  lifeEvent: { id: 'start-business', version: 2, hash: 'h' },
  owner: 'vlaio',
  subject: 'alice',
  language: 'en',
  channel: 'online',
  status: 'completed',
  startedAt: '2026-03-01T08:00:00.000Z',
  finishedAt: '2026-03-11T20:00:00.000Z',
  seq: 40,
  provenance: {},
  proactive: false,
  steps: [
    step({
      id: 'kbo',
      channel: 'online',
      dispatchedAt: '2026-03-01T08:00:00.000Z',
      finishedAt: '2026-03-03T08:00:00.000Z',
      dueAt: '2026-03-08T22:59:59.999Z',
      attempt: 2,
    }),
    step({
      id: 'vat',
      agency: 'fod',
      mode: 'automatic',
      channel: 'automatic',
      dispatchedAt: '2026-03-03T08:00:00.000Z',
      finishedAt: '2026-03-03T09:00:00.000Z',
    }),
    step({
      id: 'welcome',
      agency: 'vlaio',
      mode: 'proactive',
      channel: 'automatic',
      dispatchedAt: '2026-03-01T08:00:00.000Z',
    }),
  ],
};

const at = (
  n: number,
  type: TimelineEvent['type'],
  fields: Partial<TimelineEvent> = {},
  when = '2026-03-03T08:00:00.000Z',
): TimelineEvent => ({ n, at: when, type, ...fields });
const base = (n: number, when = '2026-03-03T08:00:00.000Z') => ({
  id: `journey-start-business-1:${n}`,
  journeyId: 'journey-start-business-1',
  lifeEvent: 'start-business',
  version: 2,
  at: when,
});

describe('deriveKpiEvent', () => {
  it('keys the KPI event like the timeline event and names no subject', () => {
    const derived = deriveKpiEvent(
      state,
      at(1, 'journey-started', { channel: 'online', actor: { id: 'alice', role: 'citizen' } }),
    );
    expect(derived).toEqual({ ...base(1), type: 'journey-started', channel: 'online', proactive: false });
    expect(JSON.stringify(derived)).not.toContain('alice');
  });

  it('measures a step end against its term, from the dispatch of its current attempt', () => {
    expect(deriveKpiEvent(state, at(7, 'step-completed', { stepId: 'kbo', agency: 'loket' }))).toEqual({
      ...base(7),
      type: 'step-completed',
      stepId: 'kbo',
      agency: 'loket',
      attempt: 2,
      proactive: false,
      channel: 'online',
      durationDays: 2,
      onTime: true,
    });
    const late = deriveKpiEvent(
      state,
      at(8, 'step-rejected', { stepId: 'kbo', agency: 'loket' }, '2026-03-09T08:00:00.000Z'),
    );
    expect(late).toMatchObject({ type: 'step-rejected', onTime: false, durationDays: 8 });
  });

  it('leaves onTime out for a step without a term, and marks proactive steps', () => {
    const vat = deriveKpiEvent(state, at(9, 'step-completed', { stepId: 'vat' }, '2026-03-03T09:00:00.000Z'));
    expect(vat).not.toHaveProperty('onTime');
    expect(vat).toMatchObject({ channel: 'automatic', durationDays: 1 / 24, proactive: false });
    expect(deriveKpiEvent(state, at(2, 'step-dispatched', { stepId: 'welcome', channel: 'automatic' }))).toMatchObject({
      type: 'step-dispatched',
      proactive: true,
      agency: 'vlaio',
    });
  });

  it('turns an expired term into a late end, and an overdue term into a term event without a verdict', () => {
    expect(deriveKpiEvent(state, at(10, 'step-expired', { stepId: 'kbo', rule: 'tacit-approval' }))).toMatchObject({
      type: 'term-expired',
      onTime: false,
    });
    const overdue = deriveKpiEvent(state, at(11, 'step-overdue', { stepId: 'kbo', rule: 'escalate' }));
    expect(overdue).toMatchObject({ type: 'term-expired', stepId: 'kbo' });
    expect(overdue).not.toHaveProperty('onTime');
  });

  it('passes reused and asked items by name, and answers on a channel as contacts', () => {
    expect(deriveKpiEvent(state, at(3, 'data-reused', { items: ['person.name'] }))).toEqual({
      ...base(3),
      type: 'data-reused',
      items: ['person.name'],
    });
    expect(
      deriveKpiEvent(state, at(4, 'data-asked', { stepId: 'kbo', agency: 'loket', items: ['business.iban'] })),
    ).toEqual({ ...base(4), type: 'data-asked', items: ['business.iban'], stepId: 'kbo', agency: 'loket' });
    expect(deriveKpiEvent(state, at(5, 'data-provided', { items: ['business.iban'], channel: 'phone' }))).toEqual({
      ...base(5),
      type: 'channel-used',
      channel: 'phone',
    });
    // The intake's answers come with the start, which is that contact already.
    expect(deriveKpiEvent(state, at(2, 'data-provided', { items: ['person.name'] }))).toBeUndefined();
  });

  it('gives a finished journey its lead time from its start', () => {
    expect(deriveKpiEvent(state, at(40, 'journey-completed', {}, '2026-03-11T20:00:00.000Z'))).toEqual({
      ...base(40, '2026-03-11T20:00:00.000Z'),
      type: 'journey-completed',
      channel: 'online',
      durationDays: 10.5,
    });
    expect(deriveKpiEvent(state, at(40, 'journey-withdrawn', {}, '2026-03-02T08:00:00.000Z'))).toMatchObject({
      type: 'journey-withdrawn',
      durationDays: 1,
    });
  });

  it('ignores events no KPI looks at, and steps the state does not know', () => {
    for (const type of ['step-ready', 'step-accepted', 'step-cancelled', 'data-shared', 'journey-migrated'] as const) {
      expect(deriveKpiEvent(state, at(12, type, { stepId: 'kbo' }))).toBeUndefined();
    }
    expect(deriveKpiEvent(state, at(13, 'step-completed', { stepId: 'retired-step' }))).toBeUndefined();
  });
});
