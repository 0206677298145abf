import { transition } from 'xstate';
import { EXPIRY_RULES, type ExpiryRule } from './definition.types';
import {
  STEP_STATUSES,
  stepMachine,
  stepTransition,
  type StepContext,
  type StepEvent,
  type StepStatus,
} from './step.machine';

const fresh: StepContext = { overdue: false };
const expire = (rule: ExpiryRule): StepEvent => ({ type: 'EXPIRE', rule });

/** Walks a step through events, failing on an event that does not apply. */
function walk(events: readonly StepEvent[], status: StepStatus = 'pending', context: StepContext = fresh) {
  const effects: string[] = [];
  for (const event of events) {
    const result = stepTransition(status, context, event);
    if (!result.changed) throw new Error(`${event.type} does not apply to ${status}`);
    ({ status, context } = result);
    effects.push(...result.effects);
  }
  return { status, context, effects };
}

describe('the step machine', () => {
  it('runs an automatic step from pending to completed, starting and stopping its term', () => {
    expect(walk([{ type: 'ACTIVATE' }, { type: 'DISPATCH' }, { type: 'COMPLETE' }])).toEqual({
      status: 'completed',
      context: fresh,
      effects: ['dispatch', 'startTerm', 'stopTerm'],
    });
  });

  it('skips a pending step and rejects a dispatched one', () => {
    expect(walk([{ type: 'SKIP' }]).status).toBe('skipped');
    expect(walk([{ type: 'REJECT' }], 'in-progress').status).toBe('rejected');
  });

  it('suspends the term while the subject is asked and resumes it when the subject answers', () => {
    expect(walk([{ type: 'ACCEPT' }, { type: 'REQUEST_INFO' }, { type: 'INFO_PROVIDED' }], 'dispatched')).toEqual({
      status: 'in-progress',
      context: fresh,
      effects: ['suspendTerm', 'resumeTerm'],
    });
  });

  it('lets a failed step be retried, which dispatches it again', () => {
    expect(walk([{ type: 'FAIL' }, { type: 'RETRY' }], 'dispatched')).toEqual({
      status: 'dispatched',
      context: fresh,
      effects: ['escalate', 'dispatch'],
    });
  });

  it('applies each expiry rule', () => {
    expect(walk([expire('tacit-approval')], 'in-progress')).toEqual({
      status: 'expired',
      context: { overdue: false, expiryEffect: 'approved' },
      effects: ['cancelWork'],
    });
    expect(walk([expire('tacit-refusal')], 'dispatched')).toEqual({
      status: 'expired',
      context: { overdue: false, expiryEffect: 'refused' },
      effects: ['cancelWork'],
    });
    expect(walk([expire('escalate')], 'dispatched')).toEqual({
      status: 'dispatched',
      context: { overdue: true },
      effects: ['escalate'],
    });
    expect(walk([expire('remind')], 'in-progress')).toEqual({
      status: 'in-progress',
      context: { overdue: true },
      effects: ['remind'],
    });
  });

  it('cancels open work and stops the term when the journey ends', () => {
    expect(walk([{ type: 'CANCEL' }], 'awaiting-subject').effects).toEqual(['stopTerm', 'cancelWork']);
    expect(walk([{ type: 'CANCEL' }], 'failed').effects).toEqual(['stopTerm']);
  });

  it('changes nothing for an event that does not apply (a late or duplicate message)', () => {
    expect(stepTransition('completed', fresh, { type: 'COMPLETE' })).toEqual({
      status: 'completed',
      context: fresh,
      effects: [],
      changed: false,
    });
    expect(stepTransition('pending', fresh, { type: 'COMPLETE' }).changed).toBe(false);
    expect(stepTransition('awaiting-subject', fresh, expire('tacit-approval')).changed).toBe(false);
  });

  it('answers every status, context and event as XState does, and the same question with the same frozen answer', () => {
    const contexts: StepContext[] = [
      fresh,
      { overdue: true },
      { overdue: false, expiryEffect: 'approved' },
      { overdue: false, expiryEffect: 'refused' },
      { overdue: true, expiryEffect: 'approved' },
      { overdue: true, expiryEffect: 'refused' },
    ];
    const events: StepEvent[] = [
      ...(
        [
          'ACTIVATE',
          'SKIP',
          'DISPATCH',
          'ACCEPT',
          'COMPLETE',
          'REJECT',
          'FAIL',
          'RETRY',
          'REQUEST_INFO',
          'INFO_PROVIDED',
          'CANCEL',
        ] as const
      ).map((type) => ({ type }) as StepEvent),
      ...EXPIRY_RULES.map(expire),
    ];
    let compared = 0;
    for (const status of STEP_STATUSES) {
      for (const context of contexts) {
        for (const event of events) {
          const snapshot = stepMachine.resolveState({ value: status, context });
          const [next, actions] = transition(stepMachine, snapshot, event);
          const answer = stepTransition(status, { ...context }, event);
          expect({ status: answer.status, context: answer.context }).toEqual({
            status: next.value,
            context: next.context,
          });
          expect(answer.effects).toEqual(
            actions
              .map((a) => a.type)
              .filter((type) => !['markOverdue', 'approveTacitly', 'refuseTacitly'].includes(type)),
          );
          expect(answer.changed).toBe(next.value !== status || actions.length > 0);
          expect(stepTransition(status, { ...context }, event)).toBe(answer);
          expect(Object.isFrozen(answer) && Object.isFrozen(answer.context) && Object.isFrozen(answer.effects)).toBe(
            true,
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBe(STEP_STATUSES.length * contexts.length * events.length);
  });
});
