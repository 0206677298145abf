import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { PassageError } from '@passage/contracts';

/** How much one caller may ask of one API process (README, security: the ingress limits across replicas). */
export interface RateLimitSettings {
  /** Failed authentications (bad tokens, wrong presence evidence) per client address and minute. */
  readonly authFailuresPerMinute: number;
  /** Writes (POST, PUT, DELETE) per principal and minute. */
  readonly writesPerMinute: number;
  /** Event streams one principal may hold open at once. */
  readonly streamsPerPrincipal: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  authFailuresPerMinute: 30,
  writesPerMinute: 120,
  streamsPerPrincipal: 5,
};

/** A 429 that says when to come back (`Retry-After`, in seconds). */
export class RateLimitedError extends PassageError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate-limited', message);
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** In-memory counters of one API process (rate-limiter-flexible), and the open event streams per principal. */
export class RateLimits {
  private readonly failures: RateLimiterMemory;
  private readonly writes: RateLimiterMemory;
  private readonly streams = new Map<string, number>();

  constructor(readonly settings: RateLimitSettings = DEFAULT_RATE_LIMITS) {
    this.failures = new RateLimiterMemory({ points: settings.authFailuresPerMinute, duration: 60 });
    this.writes = new RateLimiterMemory({ points: settings.writesPerMinute, duration: 60 });
  }

  /** Refuses an address that failed to authenticate too often in the last minute, before it tries again. */
  async checkAddress(address: string): Promise<void> {
    const state = await this.failures.get(address);
    if (state && state.remainingPoints <= 0)
      throw new RateLimitedError(
        'too many failed authentications from this address: wait before trying again',
        seconds(state.msBeforeNext),
      );
  }

  /** Counts one failed authentication of an address. */
  async failed(address: string): Promise<void> {
    await this.failures.consume(address).catch((outcome: unknown) => {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
    });
  }

  /** Counts one write of a principal; refuses it beyond the limit. */
  async write(principal: string): Promise<void> {
    try {
      await this.writes.consume(principal);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      throw new RateLimitedError(
        'too many changes in a short time: wait before sending more',
        seconds(outcome.msBeforeNext),
      );
    }
  }

  /** Holds one of a principal's event streams; the returned function releases it. */
  openStream(principal: string): () => void {
    const open = this.streams.get(principal) ?? 0;
    if (open >= this.settings.streamsPerPrincipal)
      throw new RateLimitedError(
        `at most ${this.settings.streamsPerPrincipal} live event streams at once: close one first`,
        5,
      );
    this.streams.set(principal, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = (this.streams.get(principal) ?? 1) - 1;
      if (now <= 0) this.streams.delete(principal);
      else this.streams.set(principal, now);
    };
  }
}
