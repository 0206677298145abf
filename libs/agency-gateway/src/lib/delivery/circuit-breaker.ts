export interface BreakerSettings {
  /** Consecutive failures (unavailable, timeout, no connection) that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit refuses calls before it lets one probe through. */
  readonly coolDownMs: number;
}

export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = { failureThreshold: 5, coolDownMs: 30_000 };

/** `probe`: this call tests a half-open circuit; its report decides whether the circuit closes. */
export type Admission =
  { readonly admitted: true; readonly probe: boolean } | { readonly admitted: false; readonly retryInMs: number };

/** How a call that went through ended, as far as the agency's availability goes. */
export type CallVerdict = 'available' | 'unavailable' | 'unknown';

/**
 * One agency's circuit breaker, in this process. Closed: calls go through. After `failureThreshold` consecutive
 * failures it opens: calls fail fast, without reaching the agency, until the cool-down ends. Then it is half-open:
 * one call (the probe) goes through; success closes it, failure opens it again for another cool-down.
 */
export class CircuitBreaker {
  private failures = 0;
  /** When the open circuit becomes half-open; undefined while closed. */
  private openUntil: number | undefined;
  private probeSince: number | undefined;

  constructor(
    private readonly settings: BreakerSettings,
    /** A probe that never reported (its worker died) stops blocking others after this long. */
    private readonly probeTimeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  admit(): Admission {
    if (this.openUntil === undefined) return { admitted: true, probe: false };
    const now = this.now();
    if (now < this.openUntil) return { admitted: false, retryInMs: this.openUntil - now };
    if (this.probeSince !== undefined && now - this.probeSince < this.probeTimeoutMs) {
      return {
        admitted: false,
        retryInMs: Math.min(this.settings.coolDownMs, this.probeSince + this.probeTimeoutMs - now),
      };
    }
    this.probeSince = now;
    return { admitted: true, probe: true };
  }

  /** Reports how an admitted call ended; `unknown` (cancelled, or failed on Passage's side) only frees the probe. */
  report(verdict: CallVerdict, probe: boolean): void {
    if (probe) this.probeSince = undefined;
    if (verdict === 'available') {
      this.failures = 0;
      this.openUntil = undefined;
    } else if (verdict === 'unavailable') {
      this.failures += 1;
      if (this.failures >= this.settings.failureThreshold) this.openUntil = this.now() + this.settings.coolDownMs;
    }
  }
}
