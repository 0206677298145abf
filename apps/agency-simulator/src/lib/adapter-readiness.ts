import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { agencyTaskQueue } from '@passage/contracts';

/**
 * Waits until something polls each webhook agency's queue: Passage's adapter (in its worker) serves an agency once
 * it has read the registry the simulator just changed, which it does every so often. Calls `onWait` once, with the
 * agencies not served yet, if it has to wait at all; resolves with those still not served at the deadline.
 */
export async function awaitAdapter(
  client: Client,
  agencies: readonly string[],
  timeoutMs: number,
  onWait: (agencies: readonly string[]) => void,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let waiting = [...agencies];
  for (let round = 0; ; round++) {
    const served = await Promise.all(waiting.map((agency) => polled(client, agency)));
    waiting = waiting.filter((_, i) => !served[i]);
    if (waiting.length === 0 || Date.now() > deadline) return waiting;
    if (round === 0) onWait(waiting);
    await sleep(500);
  }
}

async function polled(client: Client, agency: string): Promise<boolean> {
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: agencyTaskQueue(agency), kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
  });
  return pollers.length > 0;
}
