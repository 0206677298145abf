import { jitteredDelayMs, retryAfterMs } from './backoff';

describe('retry delays', () => {
  const policy = { initialMs: 1000, coefficient: 2, maximumMs: 300_000 };

  it('grows exponentially with equal jitter: between half and all of the exponential delay', () => {
    expect(jitteredDelayMs(1, policy, () => 0)).toBe(500);
    expect(jitteredDelayMs(1, policy, () => 0.999999)).toBe(1000);
    expect(jitteredDelayMs(4, policy, () => 0)).toBe(4000);
    expect(jitteredDelayMs(4, policy, () => 0.5)).toBe(6000);
  });

  it('is capped by the maximum interval, even after very many attempts', () => {
    expect(jitteredDelayMs(10, policy, () => 1)).toBe(300_000);
    expect(jitteredDelayMs(5000, policy, () => 0)).toBe(150_000);
  });

  it('spreads steps that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => jitteredDelayMs(6, policy)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(16_000);
  });

  it('doubles from one minute and stays within an hour: the notification outbox’s policy', () => {
    const hourly = { initialMs: 60_000, coefficient: 2, maximumMs: 3_600_000 };
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => jitteredDelayMs(attempt, hourly, () => 1));
    expect(ceilings).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(10_000 + 3000).toUTCString(), 10_000)).toBe(3000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
