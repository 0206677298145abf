import { setup, transition } from 'xstate';

export const JOURNEY_STATUSES = ['active', 'completed', 'rejected', 'withdrawn', 'failed'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export type JourneyEvent =
  /** Every step is final: nothing is left to do. */
  | { type: 'ALL_SETTLED' }
  /** A critical step was rejected (or tacitly refused). */
  | { type: 'CRITICAL_REJECTED' }
  /** The subject withdrew the journey. */
  | { type: 'WITHDRAW' }
  /** The process owner aborted a journey that cannot go on. */
  | { type: 'ABORT' };

/** Effects the interpreter carries out when the journey ends. */
export type JourneyEffect = 'cancelOpenSteps' | 'compensate' | 'offerSurvey';

const effect = (_: unknown) => undefined;

/** The lifecycle of a journey as a whole. Pure, like {@link stepMachine}. */
export const journeyMachine = setup({
  types: { events: {} as JourneyEvent },
  actions: { cancelOpenSteps: effect, compensate: effect, offerSurvey: effect },
}).createMachine({
  id: 'journey',
  initial: 'active',
  states: {
    active: {
      on: {
        ALL_SETTLED: { target: 'completed', actions: 'offerSurvey' },
        CRITICAL_REJECTED: { target: 'rejected', actions: ['cancelOpenSteps', 'compensate'] },
        WITHDRAW: { target: 'withdrawn', actions: ['cancelOpenSteps', 'compensate'] },
        ABORT: { target: 'failed', actions: ['cancelOpenSteps', 'compensate'] },
      },
    },
    completed: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
    failed: { type: 'final' },
  },
});

export interface JourneyTransition {
  readonly status: JourneyStatus;
  readonly effects: readonly JourneyEffect[];
  readonly changed: boolean;
}

/** Answers already given, by status and event (the machine is pure; see `stepTransition`). */
const answered = new Map<string, JourneyTransition>();

/** Applies one event to a journey in a given status. */
export function journeyTransition(status: JourneyStatus, event: JourneyEvent): JourneyTransition {
  const key = `${status}|${event.type}`;
  let answer = answered.get(key);
  if (!answer) {
    const [next, actions] = transition(
      journeyMachine,
      journeyMachine.resolveState({ value: status, context: undefined }),
      event,
    );
    const nextStatus = next.value as JourneyStatus;
    const effects = Object.freeze(actions.map((a) => a.type as JourneyEffect));
    answer = Object.freeze({ status: nextStatus, effects, changed: nextStatus !== status });
    answered.set(key, answer);
  }
  return answer;
}
