import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { JOURNEY_TASK_QUEUE } from '@passage/contracts';

/**
 * A poller counts as a live worker while its last poll began this recently. Temporal notes a poll when it begins,
 * and an idle worker's long poll lasts up to a minute before the next one begins; a worker that died stops counting
 * at most this long after its last poll.
 */
export const LIVE_POLLER_MS = 75_000;

type PollerInfo = temporal.api.taskqueue.v1.IPollerInfo;

/** Whether journeys can progress: workers poll the engine queue for both workflow tasks and the projection. */
export interface EngineWorkers {
  readonly status: 'up' | 'down';
  readonly taskQueue: string;
  /** Workers (by identity) whose last poll began within LIVE_POLLER_MS. */
  readonly workflowPollers: number;
  readonly activityPollers: number;
  /** Seconds since the latest poll began, when any poller is known. */
  readonly lastPollSecondsAgo?: number;
}

/** The verdict on the engine queue's pollers as Temporal lists them at `now`. */
export function judgeEngineWorkers(
  pollers: { readonly workflow: readonly PollerInfo[]; readonly activity: readonly PollerInfo[] },
  now: number,
): EngineWorkers {
  const live = (list: readonly PollerInfo[]) =>
    new Set(list.filter((p) => now - (optionalTsToMs(p.lastAccessTime) ?? 0) <= LIVE_POLLER_MS).map((p) => p.identity))
      .size;
  const workflowPollers = live(pollers.workflow);
  const activityPollers = live(pollers.activity);
  const latest = Math.max(
    ...[...pollers.workflow, ...pollers.activity].map((p) => optionalTsToMs(p.lastAccessTime) ?? 0),
  );
  return {
    status: workflowPollers > 0 && activityPollers > 0 ? 'up' : 'down',
    taskQueue: JOURNEY_TASK_QUEUE,
    workflowPollers,
    activityPollers,
    ...(latest > 0 && { lastPollSecondsAgo: Math.max(0, Math.round((now - latest) / 1000)) }),
  };
}

/** Asks Temporal who polls the engine queue, for workflow tasks and for activities. */
export async function describeEngineWorkers(client: Client): Promise<EngineWorkers> {
  const { TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY } = temporal.api.enums.v1.TaskQueueType;
  const describe = async (taskQueueType: temporal.api.enums.v1.TaskQueueType) =>
    (
      await client.workflowService.describeTaskQueue({
        namespace: client.options.namespace,
        taskQueue: { name: JOURNEY_TASK_QUEUE, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType,
      })
    ).pollers;
  const [workflow, activity] = await Promise.all([
    describe(TASK_QUEUE_TYPE_WORKFLOW),
    describe(TASK_QUEUE_TYPE_ACTIVITY),
  ]);
  return judgeEngineWorkers({ workflow, activity }, Date.now());
}
