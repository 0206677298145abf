import type { RetryPolicy } from '@temporalio/common';
import { DEFAULT_JOURNEY_SETTINGS } from '@passage/contracts';
import type { BackoffPolicy } from '@passage/timing';

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
