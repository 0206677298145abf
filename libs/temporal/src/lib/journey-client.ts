import { createHash, randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import {
  JOURNEY_TASK_QUEUE,
  JOURNEY_STATUS_SA,
  journeyStateQuery,
  journeyWorkflowId,
  LIFE_EVENT_SA,
  LIFE_EVENT_VERSION_SA,
  PROCESS_OWNER_SA,
  workflowTypeFor,
  type JourneyInput,
  type JourneyResult,
  type JourneyState,
} from '@passage/contracts';

export type StartJourneyInput = Omit<JourneyInput, 'journeyId' | 'carried'>;

export interface StartOptions {
  /** Defaults to the journey task queue; tests use one of their own. */
  readonly taskQueue?: string;
  /** A fixed uuid makes the start idempotent: starting twice with the same id starts one journey. */
  readonly uuid?: string;
}

/**
 * A uuid derived from a key within a scope (a caller's idempotency key, a source event): a repeated start with the
 * same key names the same workflow.
 */
export function uuidFromKey(scope: string, key: string): string {
  const hex = createHash('sha256').update(`${scope}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Starts a journey as the workflow type of its life event, with the life event, version and owner as search
 * attributes (no personal data: the subject is only inside the encrypted input).
 */
export async function startJourney(
  client: Client,
  input: StartJourneyInput,
  options: StartOptions = {},
): Promise<WorkflowHandle> {
  const { snapshot } = input;
  const journeyId = journeyWorkflowId(snapshot.id, options.uuid ?? randomUUID());
  return client.workflow.start(workflowTypeFor(snapshot.id), {
    workflowId: journeyId,
    taskQueue: options.taskQueue ?? JOURNEY_TASK_QUEUE,
    args: [{ ...input, journeyId } satisfies JourneyInput],
    typedSearchAttributes: new TypedSearchAttributes([
      { key: LIFE_EVENT_SA, value: snapshot.id },
      { key: LIFE_EVENT_VERSION_SA, value: snapshot.version },
      { key: PROCESS_OWNER_SA, value: snapshot.definition.owner },
      { key: JOURNEY_STATUS_SA, value: 'active' },
    ]),
  });
}

export function queryJourney(handle: WorkflowHandle): Promise<JourneyState> {
  return handle.query(journeyStateQuery);
}

export function journeyResult(handle: WorkflowHandle): Promise<JourneyResult> {
  return handle.result() as Promise<JourneyResult>;
}
