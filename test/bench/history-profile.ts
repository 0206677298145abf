import type { WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;

/** What one journey cost Temporal, read from its history after the run. */
export interface HistoryProfile {
  readonly events: number;
  readonly workflowTasks: number;
  /** Activities scheduled, by activity type. */
  readonly activities: Readonly<Record<string, number>>;
  /** Time the worker held the journey's workflow tasks (started → completed), summed. */
  readonly workflowTaskMs: number;
  /** Time the journey's workflow tasks waited in the queue (scheduled → started), summed. */
  readonly workflowTaskQueueMs: number;
}

export async function historyProfile(handle: WorkflowHandle): Promise<HistoryProfile> {
  const events = (await handle.fetchHistory()).events ?? [];
  const at = new Map<number, number>();
  const activities: Record<string, number> = {};
  let workflowTasks = 0;
  let workflowTaskMs = 0;
  let workflowTaskQueueMs = 0;
  for (const event of events) {
    const id = Number(event.eventId);
    const time = event.eventTime ? tsToMs(event.eventTime) : 0;
    at.set(id, time);
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED:
        workflowTaskQueueMs +=
          time - (at.get(Number(event.workflowTaskStartedEventAttributes?.scheduledEventId)) ?? time);
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        workflowTasks += 1;
        workflowTaskMs += time - (at.get(Number(event.workflowTaskCompletedEventAttributes?.startedEventId)) ?? time);
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
        const type = event.activityTaskScheduledEventAttributes?.activityType?.name ?? 'unknown';
        activities[type] = (activities[type] ?? 0) + 1;
        break;
      }
    }
  }
  return { events: events.length, workflowTasks, activities, workflowTaskMs, workflowTaskQueueMs };
}
