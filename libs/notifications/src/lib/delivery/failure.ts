import { errorLabel } from '@passage/timing';
import { DeliveryError } from './notification-message';

export interface Failure {
  readonly reason: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

const MAX_REASON = 200;

/**
 * What the outbox and the logs may say about an error. Only a DeliveryError's reason (written to be safe) is kept
 * as text; of anything else only the error code or class name, since messages of drivers and servers can echo
 * parameters and addresses.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof DeliveryError) {
    return { reason: error.reason.slice(0, MAX_REASON), retryable: error.retryable, retryAfterMs: error.retryAfterMs };
  }
  return { reason: errorLabel(error), retryable: true };
}
