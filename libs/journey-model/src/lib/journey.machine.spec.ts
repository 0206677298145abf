import { JOURNEY_STATUSES, journeyTransition, type JourneyEvent } from './journey.machine';

const EVENTS: readonly JourneyEvent['type'][] = ['ALL_SETTLED', 'CRITICAL_REJECTED', 'WITHDRAW', 'ABORT'];

describe('the journey machine', () => {
  it('completes an active journey and offers the satisfaction survey', () => {
    expect(journeyTransition('active', { type: 'ALL_SETTLED' })).toEqual({
      status: 'completed',
      effects: ['offerSurvey'],
      changed: true,
    });
  });

  it.each([
    ['CRITICAL_REJECTED', 'rejected'],
    ['WITHDRAW', 'withdrawn'],
    ['ABORT', 'failed'],
  ] as const)('ends an active journey on %s as %s, cancelling open steps and compensating', (type, status) => {
    expect(journeyTransition('active', { type })).toEqual({
      status,
      effects: ['cancelOpenSteps', 'compensate'],
      changed: true,
    });
  });

  it('changes nothing once the journey has ended', () => {
    for (const status of JOURNEY_STATUSES.filter((s) => s !== 'active')) {
      for (const type of EVENTS)
        expect(journeyTransition(status, { type })).toEqual({ status, effects: [], changed: false });
    }
  });

  it('gives the same frozen answer to the same question', () => {
    const answer = journeyTransition('active', { type: 'WITHDRAW' });
    expect(journeyTransition('active', { type: 'WITHDRAW' })).toBe(answer);
    expect(Object.isFrozen(answer) && Object.isFrozen(answer.effects)).toBe(true);
  });
});
