import type { RetryPolicy } from '@temporalio/common';
import { DEFAULT_JOURNEY_SETTINGS } from '@passage/contracts';

export interface BackoffPolicy {
  readonly initialMs: number;
  readonly coefficient: number;
  readonly maximumMs: number;
}

/**
 * The backoff of the activity's own retry policy (the journey's settings), as Temporal hands it to the
 * activity; the journeys' defaults where the server sent none.
 */
export function backoffPolicyOf(policy: RetryPolicy | undefined): BackoffPolicy {
  const ms = (value: unknown, fallback: number) => (typeof value === 'number' && value > 0 ? value : fallback);
  return {
    initialMs: ms(policy?.initialInterval, DEFAULT_JOURNEY_SETTINGS.serviceInitialRetrySeconds * 1000),
    coefficient: policy?.backoffCoefficient && policy.backoffCoefficient >= 1 ? policy.backoffCoefficient : 2,
    maximumMs: ms(policy?.maximumInterval, DEFAULT_JOURNEY_SETTINGS.serviceMaxRetrySeconds * 1000),
  };
}

/**
 * The delay before the next attempt after `attempt` failed: exponential, capped, with "equal jitter" (half of the
 * delay fixed, the other half random), so that steps that failed together do not all come back at the same instant.
 * Temporal's own retry has no jitter; the adapter hands this delay to Temporal as `nextRetryDelay`.
 */
export function jitteredDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maximumMs, policy.initialMs * policy.coefficient ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d{1,7}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
