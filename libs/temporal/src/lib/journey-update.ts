import {
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { journeyStateQuery, PassageError, type JourneyState, type MessageReceipt } from '@passage/contracts';

/** gRPC status codes that say "the server did not answer in time or cannot be reached", not "the call is wrong". */
const GRPC_UNAVAILABLE = new Set([
  1, // CANCELLED: the deadline's timer cancelled the call
  4, // DEADLINE_EXCEEDED
  14, // UNAVAILABLE
]);

/**
 * True when a Temporal client call failed because the server could not be reached in time (down, restarting,
 * frozen), so that the same call may succeed later; false when the server answered.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  for (let cause: unknown = error; cause instanceof Error; cause = (cause as { cause?: unknown }).cause) {
    if (isGrpcServiceError(cause)) return GRPC_UNAVAILABLE.has(cause.code);
    if (!(cause instanceof ServiceError)) return false;
  }
  return false;
}

export function temporalUnavailable(): PassageError {
  return new PassageError('unavailable', 'the journey engine cannot be reached now; try again later');
}

/**
 * Sends a message to a journey and waits for its receipt. Temporal's failures become Passage's coded errors:
 * a message the workflow's validator refused → `invalid-request` (with the validator's reason), a journey whose
 * workflow has ended → `journey-not-active`, a server that cannot be reached in time → `unavailable` (the message
 * may or may not have arrived: the same idempotency key again is safe). Anything else is rethrown as it is.
 */
export async function updateJourney<Message>(
  client: Client,
  journeyId: string,
  update: UpdateDefinition<MessageReceipt, [Message]>,
  message: Message,
): Promise<MessageReceipt> {
  try {
    return await client.workflow.getHandle(journeyId).executeUpdate(update, { args: [message] });
  } catch (error) {
    throw journeyUpdateError(error);
  }
}

/** The journey as its workflow sees it now, with Temporal's failures mapped as for {@link updateJourney}. */
export async function readJourney(client: Client, journeyId: string): Promise<JourneyState> {
  try {
    return await client.workflow.getHandle(journeyId).query(journeyStateQuery);
  } catch (error) {
    throw journeyUpdateError(error);
  }
}

/** A decision that contradicts the step's decision is refused (409), distinct from a repeat (200 `duplicate`). */
export function refuseConflict(receipt: MessageReceipt): MessageReceipt {
  if (receipt.result === 'conflict')
    throw new PassageError('conflicting-decision', receipt.detail ?? 'the step has already been decided otherwise');
  return receipt;
}

function journeyUpdateError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError)
    return new PassageError('invalid-request', error.cause?.message ?? 'the journey refused the message');
  if (error instanceof WorkflowNotFoundError) return new PassageError('journey-not-active', 'the journey has ended');
  if (isTemporalUnavailable(error)) return temporalUnavailable();
  return error;
}
