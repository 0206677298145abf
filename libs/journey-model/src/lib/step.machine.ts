import { assign, setup, transition, type SnapshotFrom } from 'xstate';
import type { ExpiryRule } from './definition.types';

export const STEP_STATUSES = [
  'pending',
  'skipped',
  'ready',
  'dispatched',
  'in-progress',
  'awaiting-subject',
  'completed',
  'rejected',
  'failed',
  'expired',
  'cancelled',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Statuses after which nothing more happens to a step. `failed` is not final: the owner can retry. */
export const FINAL_STEP_STATUSES: readonly StepStatus[] = ['skipped', 'completed', 'rejected', 'expired', 'cancelled'];
/** Statuses in which an agency or the subject is working on the step. */
export const OPEN_STEP_STATUSES: readonly StepStatus[] = [
  'ready',
  'dispatched',
  'in-progress',
  'awaiting-subject',
  'failed',
];

export type StepEvent =
  | { type: 'ACTIVATE' }
  | { type: 'SKIP' }
  | { type: 'DISPATCH' }
  | { type: 'ACCEPT' }
  | { type: 'COMPLETE' }
  | { type: 'REJECT' }
  | { type: 'FAIL' }
  | { type: 'RETRY' }
  | { type: 'RESUBMIT' }
  | { type: 'REQUEST_INFO' }
  | { type: 'INFO_PROVIDED' }
  | { type: 'EXPIRE'; rule: ExpiryRule }
  | { type: 'CANCEL' };

export interface StepContext {
  /** The statutory term passed and its rule kept the step open (escalate, remind). */
  readonly overdue: boolean;
  /** How an expired term decided the step: a tacit approval satisfies dependants, a tacit refusal rejects. */
  readonly expiryEffect?: 'approved' | 'refused';
}

/** Effects the journey interpreter carries out for a transition; the machine itself never performs I/O. */
export type StepEffect =
  'dispatch' | 'startTerm' | 'suspendTerm' | 'resumeTerm' | 'stopTerm' | 'cancelWork' | 'escalate' | 'remind';

const effect = (_: unknown) => undefined;

/**
 * The lifecycle of one service step in a journey. Pure: the interpreter steps it with `transition()` and maps
 * the returned actions (named after {@link StepEffect}) to Temporal activities and timers.
 */
export const stepMachine = setup({
  types: { context: {} as StepContext, events: {} as StepEvent },
  actions: {
    dispatch: effect,
    startTerm: effect,
    suspendTerm: effect,
    resumeTerm: effect,
    stopTerm: effect,
    cancelWork: effect,
    escalate: effect,
    remind: effect,
    markOverdue: assign({ overdue: true }),
    approveTacitly: assign({ expiryEffect: 'approved' as const }),
    refuseTacitly: assign({ expiryEffect: 'refused' as const }),
    // A resubmission starts the step afresh: the earlier attempt's expiry stays in the timeline only.
    startAfresh: assign({ overdue: false, expiryEffect: undefined }),
  },
  guards: {
    tacitApproval: ({ event }) => event.type === 'EXPIRE' && event.rule === 'tacit-approval',
    tacitRefusal: ({ event }) => event.type === 'EXPIRE' && event.rule === 'tacit-refusal',
    escalation: ({ event }) => event.type === 'EXPIRE' && event.rule === 'escalate',
    refusedTacitly: ({ context }) => context.expiryEffect === 'refused',
  },
}).createMachine({
  id: 'step',
  context: { overdue: false },
  initial: 'pending',
  states: {
    pending: {
      on: { ACTIVATE: 'ready', SKIP: 'skipped', CANCEL: 'cancelled' },
    },
    ready: {
      on: { DISPATCH: { target: 'dispatched', actions: ['dispatch', 'startTerm'] }, CANCEL: 'cancelled' },
    },
    dispatched: {
      on: {
        ACCEPT: 'in-progress',
        COMPLETE: { target: 'completed', actions: 'stopTerm' },
        REJECT: { target: 'rejected', actions: 'stopTerm' },
        FAIL: { target: 'failed', actions: 'escalate' },
        REQUEST_INFO: { target: 'awaiting-subject', actions: 'suspendTerm' },
        EXPIRE: [
          { guard: 'tacitApproval', target: 'expired', actions: ['approveTacitly', 'cancelWork'] },
          { guard: 'tacitRefusal', target: 'expired', actions: ['refuseTacitly', 'cancelWork'] },
          { guard: 'escalation', actions: ['markOverdue', 'escalate'] },
          { actions: ['markOverdue', 'remind'] },
        ],
        CANCEL: { target: 'cancelled', actions: ['stopTerm', 'cancelWork'] },
      },
    },
    'in-progress': {
      on: {
        COMPLETE: { target: 'completed', actions: 'stopTerm' },
        REJECT: { target: 'rejected', actions: 'stopTerm' },
        FAIL: { target: 'failed', actions: 'escalate' },
        REQUEST_INFO: { target: 'awaiting-subject', actions: 'suspendTerm' },
        EXPIRE: [
          { guard: 'tacitApproval', target: 'expired', actions: ['approveTacitly', 'cancelWork'] },
          { guard: 'tacitRefusal', target: 'expired', actions: ['refuseTacitly', 'cancelWork'] },
          { guard: 'escalation', actions: ['markOverdue', 'escalate'] },
          { actions: ['markOverdue', 'remind'] },
        ],
        CANCEL: { target: 'cancelled', actions: ['stopTerm', 'cancelWork'] },
      },
    },
    'awaiting-subject': {
      on: {
        INFO_PROVIDED: { target: 'in-progress', actions: 'resumeTerm' },
        COMPLETE: { target: 'completed', actions: 'stopTerm' },
        REJECT: { target: 'rejected', actions: 'stopTerm' },
        CANCEL: { target: 'cancelled', actions: ['stopTerm', 'cancelWork'] },
      },
    },
    failed: {
      on: {
        RETRY: { target: 'dispatched', actions: 'dispatch' },
        CANCEL: { target: 'cancelled', actions: 'stopTerm' },
      },
    },
    skipped: { type: 'final' },
    completed: { type: 'final' },
    // A refusal whose policy allows it is answered with new data: the same step runs again as a new attempt. The
    // engine decides whether the refusal allows it; the status stays final for everything else.
    rejected: {
      on: { RESUBMIT: { target: 'dispatched', actions: ['dispatch', 'startTerm'] } },
    },
    expired: {
      on: {
        RESUBMIT: { guard: 'refusedTacitly', target: 'dispatched', actions: ['startAfresh', 'dispatch', 'startTerm'] },
      },
    },
    cancelled: { type: 'final' },
  },
});

export type StepSnapshot = SnapshotFrom<typeof stepMachine>;

export interface StepTransition {
  readonly status: StepStatus;
  readonly context: StepContext;
  readonly effects: readonly StepEffect[];
  /** False when the event does not apply in the current status (a late or duplicate message). */
  readonly changed: boolean;
}

const EFFECTS = new Set<string>([
  'dispatch',
  'startTerm',
  'suspendTerm',
  'resumeTerm',
  'stopTerm',
  'cancelWork',
  'escalate',
  'remind',
]);

/**
 * Transitions already asked for, by status, context and event. The machine is pure, so its answer for the same
 * question never changes; a journey asks the same few questions for every step. Bounded by the machine itself:
 * 11 statuses × 6 contexts × 16 events. Answers are frozen because steps and journeys share them.
 */
const answered = new Map<string, StepTransition>();

/** Applies one event to a step in a given status; returns the next status and the effects to carry out. */
export function stepTransition(status: StepStatus, context: StepContext, event: StepEvent): StepTransition {
  const key = `${status}|${context.overdue}|${context.expiryEffect ?? ''}|${event.type}|${event.type === 'EXPIRE' ? event.rule : ''}`;
  let answer = answered.get(key);
  if (!answer) {
    answer = freezeTransition(askMachine(status, context, event));
    answered.set(key, answer);
  }
  return answer;
}

function askMachine(status: StepStatus, context: StepContext, event: StepEvent): StepTransition {
  const snapshot = stepMachine.resolveState({ value: status, context });
  const [next, actions] = transition(stepMachine, snapshot, event);
  const effects = actions.map((action) => action.type).filter((type): type is StepEffect => EFFECTS.has(type));
  const nextStatus = next.value as StepStatus;
  return {
    status: nextStatus,
    context: {
      overdue: next.context.overdue,
      ...(next.context.expiryEffect ? { expiryEffect: next.context.expiryEffect } : {}),
    },
    effects,
    changed: nextStatus !== status || next.context !== snapshot.context || effects.length > 0,
  };
}

function freezeTransition(answer: StepTransition): StepTransition {
  Object.freeze(answer.context);
  Object.freeze(answer.effects);
  return Object.freeze(answer);
}
