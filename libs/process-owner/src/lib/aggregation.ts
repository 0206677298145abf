import type { Aggregation, KpiDefinition } from './kpi.types';

/** The measurements of one KPI over a period, summed up before they are combined by the KPI's aggregation. */
export interface MeasurementSample {
  /** Number of measurements. */
  readonly count: number;
  readonly sum: number;
  /** Number of distinct journeys measured. */
  readonly journeys: number;
  /** Every value, for percentiles (other aggregations need only the totals). */
  readonly values?: readonly number[];
}

/** Whether an aggregation needs every value rather than totals. */
export function needsValues(aggregation: Aggregation): boolean {
  return aggregation === 'p50' || aggregation === 'p90';
}

/** The p-quantile (0..1) with linear interpolation between closest ranks (as PostgreSQL's percentile_cont). */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(Math.max(p, 0), 1) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** How many observations back a value: journeys for a per-journey KPI, measurements otherwise. */
export function sampleSize(aggregation: Aggregation, sample: MeasurementSample): number {
  return aggregation === 'per-journey' ? sample.journeys : sample.count;
}

/** Combines a sample as the aggregation says; undefined when nothing was measured. */
export function aggregate(aggregation: Aggregation, sample: MeasurementSample): number | undefined {
  if (sampleSize(aggregation, sample) === 0) return undefined;
  switch (aggregation) {
    case 'sum':
      return sample.sum;
    case 'mean':
    case 'rate':
      return sample.sum / sample.count;
    case 'per-journey':
      return sample.sum / sample.journeys;
    case 'p50':
      return percentile(sample.values ?? [], 0.5);
    case 'p90':
      return percentile(sample.values ?? [], 0.9);
  }
}

/** Whether a value meets its target, in the KPI's direction. */
export function meetsTarget(kpi: Pick<KpiDefinition, 'better'>, value: number, target: number): boolean {
  return kpi.better === 'at-most' ? value <= target : value >= target;
}
