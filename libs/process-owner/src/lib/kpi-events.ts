import type { JourneyState, TimelineEvent } from '@passage/contracts';
import type { KpiEvent } from './kpi.types';

const DAY_MS = 86_400_000;

/** Elapsed calendar days between two instants, or undefined when the start is unknown. */
function daysBetween(from: string | undefined, to: string): number | undefined {
  return from === undefined ? undefined : (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/**
 * The KPI event a newly projected timeline event stands for, or undefined when no KPI looks at it. Pure: it reads
 * only the update (the event and the journey's state in the same update), never a data item's value or the subject.
 *
 * - A step's end (completed, rejected) is measured against its term from the event's instant: `onTime` when the
 *   step has a due date, `durationDays` since its (latest) dispatch.
 * - `step-expired` ends a step without a decision: a term-expired event that was not on time. `step-overdue`
 *   leaves the step open (escalate, remind): its later decision says whether it ended on time.
 * - `data-provided` is a contact on a channel only when the event names one: answers during the journey do, the
 *   intake does not (the start is that contact).
 */
export function deriveKpiEvent(state: JourneyState, event: TimelineEvent): KpiEvent | undefined {
  // Keyed like the timeline event: one KPI event per timeline event.
  const base = {
    id: `${state.journeyId}:${event.n}`,
    journeyId: state.journeyId,
    lifeEvent: state.lifeEvent.id,
    version: state.lifeEvent.version,
    at: event.at,
  };
  switch (event.type) {
    case 'journey-started':
      return { ...base, type: 'journey-started', channel: event.channel ?? state.channel, proactive: state.proactive };
    case 'step-dispatched':
    case 'step-completed':
    case 'step-rejected':
    case 'step-expired':
    case 'step-overdue':
      return stepEvent(state, event, base);
    case 'data-reused':
    case 'data-asked':
      return {
        ...base,
        type: event.type,
        items: event.items ?? [],
        ...(event.stepId ? { stepId: event.stepId } : {}),
        ...(event.agency ? { agency: event.agency } : {}),
      };
    case 'data-provided':
      return event.channel === undefined ? undefined : { ...base, type: 'channel-used', channel: event.channel };
    case 'journey-completed':
    case 'journey-rejected':
    case 'journey-withdrawn':
      return {
        ...base,
        type: event.type,
        channel: state.channel,
        durationDays: daysBetween(state.startedAt, event.at),
      };
    default:
      return undefined;
  }
}

type EventBase = Pick<KpiEvent, 'id' | 'journeyId' | 'lifeEvent' | 'version' | 'at'>;

function stepEvent(state: JourneyState, event: TimelineEvent, base: EventBase): KpiEvent | undefined {
  const step = state.steps.find((s) => s.id === event.stepId);
  if (!step) return undefined;
  const fields = {
    ...base,
    stepId: step.id,
    agency: step.agency,
    attempt: step.attempt,
    proactive: step.mode === 'proactive',
  };
  switch (event.type) {
    case 'step-dispatched':
      return { ...fields, type: 'step-dispatched', channel: event.channel ?? step.channel };
    case 'step-expired':
      return { ...fields, type: 'term-expired', onTime: false };
    case 'step-overdue':
      return { ...fields, type: 'term-expired' };
    case 'step-completed':
    case 'step-rejected': {
      const durationDays = daysBetween(step.dispatchedAt, event.at);
      return {
        ...fields,
        type: event.type,
        channel: step.channel,
        ...(durationDays === undefined ? {} : { durationDays }),
        ...(step.dueAt === undefined ? {} : { onTime: Date.parse(event.at) <= Date.parse(step.dueAt) }),
      };
    }
    default:
      return undefined;
  }
}
