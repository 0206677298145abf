import { DEFAULT_BACKOFF, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const low = () => 0;
  // Math.random() stays below 1: 1 gives the upper bound of the spread.
  const high = () => 1;

  it('doubles from one minute and stays within an hour, half fixed and half jitter', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelayMs(attempt, DEFAULT_BACKOFF, high));
    expect(ceilings).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
    const floors = [1, 2, 3, 8].map((attempt) => retryDelayMs(attempt, DEFAULT_BACKOFF, low));
    expect(floors).toEqual([30_000, 60_000, 120_000, 1_800_000]);
  });

  it('spreads retries of the same attempt between half and the whole ceiling', () => {
    const delays = Array.from({ length: 200 }, () => retryDelayMs(3, DEFAULT_BACKOFF));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(120_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(240_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('does not overflow after very many attempts', () => {
    expect(retryDelayMs(5_000, DEFAULT_BACKOFF, high)).toBe(3_600_000);
  });
});
