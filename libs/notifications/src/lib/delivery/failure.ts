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
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return { reason: `error ${code}`, retryable: true };
  const name = error instanceof Error && /^\w{1,60}$/.test(error.name) ? error.name : 'unknown';
  return { reason: `unexpected ${name}`, retryable: true };
}
