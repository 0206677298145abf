import { aggregate, meetsTarget, needsValues, percentile, sampleSize } from './aggregation';

describe('aggregation helpers', () => {
  it('interpolates percentiles between closest ranks, like percentile_cont', () => {
    expect(percentile([], 0.5)).toBeUndefined();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(percentile([10, 20], 0)).toBe(10);
    expect(percentile([10, 20], 1)).toBe(20);
  });

  it('combines a sample as each aggregation says', () => {
    const sample = { count: 4, sum: 3, journeys: 2, values: [0, 1, 1, 1] };
    expect(aggregate('sum', sample)).toBe(3);
    expect(aggregate('mean', sample)).toBe(0.75);
    expect(aggregate('rate', sample)).toBe(0.75);
    expect(aggregate('per-journey', sample)).toBe(1.5);
    expect(aggregate('p50', sample)).toBe(1);
    expect(aggregate('p90', { ...sample, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toBeCloseTo(9.1);
  });

  it('has no value without measurements, and counts journeys for per-journey KPIs', () => {
    const empty = { count: 0, sum: 0, journeys: 0, values: [] };
    for (const aggregation of ['sum', 'mean', 'rate', 'per-journey', 'p50', 'p90'] as const)
      expect(aggregate(aggregation, empty)).toBeUndefined();
    expect(sampleSize('per-journey', { count: 9, sum: 3, journeys: 3 })).toBe(3);
    expect(sampleSize('rate', { count: 9, sum: 3, journeys: 3 })).toBe(9);
    expect(needsValues('p90')).toBe(true);
    expect(needsValues('rate')).toBe(false);
  });

  it('meets a target in the KPI direction', () => {
    expect(meetsTarget({ better: 'at-most' }, 60, 60)).toBe(true);
    expect(meetsTarget({ better: 'at-most' }, 61, 60)).toBe(false);
    expect(meetsTarget({ better: 'at-least' }, 0.94, 0.95)).toBe(false);
    expect(meetsTarget({ better: 'at-least' }, 0.95, 0.95)).toBe(true);
  });
});
