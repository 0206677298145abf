import type { ProjectionUpdate, StepState, TimelineEvent } from '@passage/contracts';
import { deriveKpiEvent } from '@passage/process-owner';

type JourneyView = ProjectionUpdate['state'];

/** Timeline events that concern the subject and go to the notifications outbox. */
const NOTIFY_SUBJECT: ReadonlySet<TimelineEvent['type']> = new Set([
  'step-completed',
  'step-rejected',
  'step-expired',
  'step-overdue',
  // One notification when something is asked: `info-requested` always comes with a `data-asked`.
  'data-asked',
  'journey-completed',
  'journey-rejected',
  'journey-withdrawn',
]);

/** Once one of these happens to a step, its open escalation is resolved. */
export const RESOLVES_ESCALATION: readonly TimelineEvent['type'][] = [
  'step-completed',
  'step-rejected',
  'step-cancelled',
  'step-retried',
  'step-expired',
];

const OPEN_TASK_STATUS: Partial<Record<StepState['status'], 'open' | 'awaiting-subject'>> = {
  dispatched: 'open',
  'in-progress': 'open',
  'awaiting-subject': 'awaiting-subject',
};

/**
 * The rows one journey change stands for, keyed by the column names of the read model. Only the timeline's rows are
 * conditional: which events are new is the database's to decide, so every row derived from an event carries the
 * event's `n`, and the writer keeps a row only when its event was inserted by the same statement.
 */
export interface ProjectionPlan {
  readonly journey: ReturnType<typeof journeyRow>;
  readonly steps: ReturnType<typeof stepRows>;
  readonly tasks: ReturnType<typeof taskRows>;
  readonly events: readonly TimelineEvent[];
  readonly accesses: ReturnType<typeof accessRows>;
  readonly escalations: ReturnType<typeof escalationRows>;
  /** The events of this change that resolve a step's open escalation. */
  readonly resolutions: ReturnType<typeof resolutionRows>;
  readonly resolvingTypes: readonly TimelineEvent['type'][];
  readonly notifications: ReturnType<typeof notificationRows>;
  readonly kpis: ReturnType<typeof kpiRows>;
}

/**
 * What the read model makes of one change (ADR 0002): the journey row, its steps and inbox tasks, the timeline, and
 * what follows from each event — who received which data item, escalations opened and resolved, the subject's
 * notifications, the process owner's KPI events. Pure and workflow-safe: the writer only executes it.
 */
export function projectionPlan({ state, events }: Pick<ProjectionUpdate, 'state' | 'events'>): ProjectionPlan {
  return {
    journey: journeyRow(state),
    steps: stepRows(state),
    tasks: taskRows(state),
    events,
    accesses: accessRows(state, events),
    escalations: escalationRows(state, events),
    resolutions: resolutionRows(events),
    resolvingTypes: RESOLVES_ESCALATION,
    notifications: notificationRows(state, events),
    kpis: kpiRows(state, events),
  };
}

const eventKey = (state: JourneyView, event: TimelineEvent) => `${state.journeyId}:${event.n}`;

function journeyRow(state: JourneyView) {
  return {
    id: state.journeyId,
    life_event_id: state.lifeEvent.id,
    version: state.lifeEvent.version,
    owner: state.owner,
    subject: state.subject,
    status: state.status,
    channel: state.channel,
    language: state.language,
    proactive: state.proactive,
    started_at: state.startedAt,
    finished_at: state.finishedAt ?? null,
    expected_at: state.expectedAt ?? null,
    last_seq: state.seq,
    // The entities the journey concerns (ADR 0009), kept on the journey row when it has any.
    entities: state.entities && Object.keys(state.entities).length > 0 ? state.entities : null,
  };
}

function stepRows(state: JourneyView) {
  return state.steps.map((step) => ({
    step_id: step.id,
    agency: step.agency,
    service: step.service,
    mode: step.mode,
    status: step.status,
    channel: step.channel ?? null,
    attempt: step.attempt,
    overdue: step.context.overdue,
    ready_at: step.readyAt ?? null,
    dispatched_at: step.dispatchedAt ?? null,
    finished_at: step.finishedAt ?? null,
    due_at: step.dueAt ?? null,
    expected_at: step.expectedAt ?? null,
    suspended_at: step.suspendedAt ?? null,
    asked: step.asked ?? null,
    reused: step.reused ?? null,
    task_id: step.taskId ?? null,
    reason: step.reason ?? null,
  }));
}

/** The inbox tasks of manual steps, opened, suspended or closed as their steps go. */
function taskRows(state: JourneyView) {
  return state.steps
    .filter((step) => step.mode === 'manual' && step.taskId)
    .map((step) => {
      const open = OPEN_TASK_STATUS[step.status];
      const status = open ?? (step.status === 'completed' || step.status === 'rejected' ? 'decided' : 'cancelled');
      return {
        id: step.taskId as string,
        step_id: step.id,
        agency: step.agency,
        service: step.service,
        status,
        due_at: step.dueAt ?? null,
        open: open !== undefined,
      };
    });
}

/** Who received which data item, for the subject's "who used my data" view. */
function accessRows(state: JourneyView, events: readonly TimelineEvent[]) {
  return events
    .filter((event) => event.type === 'data-shared')
    .flatMap((event) =>
      (event.items ?? []).map((item) => ({
        n: event.n,
        item,
        step_id: event.stepId ?? null,
        accessor: event.agency ?? 'unknown',
        purpose: `service step ${event.stepId}`,
        dedupe_key: `${eventKey(state, event)}:${item}`,
        at: event.at,
      })),
    );
}

/** A failed step, or an overdue one whose rule escalates, opens an escalation to the process owner. */
function escalationRows(state: JourneyView, events: readonly TimelineEvent[]) {
  return events
    .filter((event) => event.type === 'step-failed' || (event.type === 'step-overdue' && event.rule === 'escalate'))
    .map((event) => ({
      id: eventKey(state, event),
      n: event.n,
      step_id: event.stepId,
      agency: event.agency ?? 'unknown',
      kind: event.type === 'step-failed' ? 'step-failed' : 'term-expired',
      reason: event.reason ?? null,
      at: event.at,
    }));
}

function resolutionRows(events: readonly TimelineEvent[]) {
  return events
    .filter((event) => event.stepId && RESOLVES_ESCALATION.includes(event.type))
    .map((event) => ({ step_id: event.stepId, n: event.n, at: event.at }));
}

function notificationRows(state: JourneyView, events: readonly TimelineEvent[]) {
  return events
    .filter((event) => NOTIFY_SUBJECT.has(event.type) || (event.type === 'journey-started' && state.proactive))
    .map((event) => ({
      n: event.n,
      dedupe_key: `${eventKey(state, event)}:e-counter`,
      kind: event.type,
      body: { event, lifeEvent: state.lifeEvent, language: state.language },
    }));
}

/** The process owner's KPI hooks see each event through the KPI outbox, once (same key as the event). */
function kpiRows(state: JourneyView, events: readonly TimelineEvent[]) {
  return events.flatMap((event) => {
    const kpiEvent = deriveKpiEvent(state, event);
    return kpiEvent ? [{ n: event.n, event: kpiEvent }] : [];
  });
}
