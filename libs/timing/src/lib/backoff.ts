export interface BackoffPolicy {
  /** The delay ceiling after the first failed attempt. */
  readonly initialMs: number;
  /** How much the ceiling grows with every further attempt. */
  readonly coefficient: number;
  readonly maximumMs: number;
}

/**
 * The delay before the next attempt after `attempt` failed: exponential, capped, with "equal jitter" (half of the
 * delay fixed, the other half random), so that callers that failed together on a shared outage spread out yet never
 * come back at the same instant.
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
