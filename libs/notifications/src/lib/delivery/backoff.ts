export interface BackoffPolicy {
  /** Delay ceiling after the first failed attempt; it doubles with every further attempt. */
  readonly initialMs: number;
  readonly maxMs: number;
}

/** 1, 2, 4 … minutes, at most an hour: eight attempts span about two hours of a receiver's outage. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 60_000, maxMs: 3_600_000 };

/**
 * The delay after the `attempt`-th failed attempt: exponential and capped, with "equal jitter" (half fixed, half
 * random) so that replicas retrying a shared outage spread out yet never hammer the receiver at once.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
