import {
  aggregate,
  meetsTarget,
  sampleSize,
  STANDARD_KPIS,
  type KpiDefinition,
  type MeasurementSample,
} from '@passage/process-owner';
import type { OwnedLifeEvent } from '../owners/owner-directory';
import { NO_SAMPLES, type KpiSamples } from './kpi-samples.query';

/** A value of a KPI with how many observations back it; `value` is null when nothing was measured. */
export interface KpiValue {
  readonly value: number | null;
  readonly sampleSize: number;
}

export interface KpiView extends KpiValue {
  readonly id: string;
  readonly title: string;
  readonly unit: KpiDefinition['unit'];
  readonly aggregation: KpiDefinition['aggregation'];
  readonly better: KpiDefinition['better'];
  /** A standard KPI every owner has, or one of this owner's own. */
  readonly standard: boolean;
  readonly target: number | null;
  /** Whether the value meets the target; null without a value or a target. */
  readonly met: boolean | null;
  readonly byAgency: readonly (KpiValue & { readonly agency: string })[];
  /** How the measurements spread over channels (for the channel mix): count and share of the total. */
  readonly byChannel: readonly { readonly channel: string; readonly count: number; readonly share: number }[];
  /** Per ISO week (Brussels time) with measurements, oldest first. */
  readonly trend: readonly (KpiValue & { readonly week: string })[];
}

const STANDARD_IDS = new Set(STANDARD_KPIS.map((hook) => hook.kpi.id));

/** Rounded for reading: 4 decimals keep shares, days and euro exact enough, and no float noise reaches a report. */
export function rounded(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 10_000) / 10_000;
}

function valueOf(kpi: KpiDefinition, sample: MeasurementSample): KpiValue {
  return { value: rounded(aggregate(kpi.aggregation, sample)), sampleSize: sampleSize(kpi.aggregation, sample) };
}

/** One KPI's view over a period: value, target, breakdowns and weekly trend. */
export function kpiView(kpi: KpiDefinition, target: number | undefined, samples: KpiSamples = NO_SAMPLES): KpiView {
  const total = valueOf(kpi, samples.total);
  const channelTotal = [...samples.byChannel.values()].reduce((sum, sample) => sum + sample.count, 0);
  return {
    id: kpi.id,
    title: kpi.title,
    unit: kpi.unit,
    aggregation: kpi.aggregation,
    better: kpi.better,
    standard: STANDARD_IDS.has(kpi.id),
    ...total,
    target: target ?? null,
    met: total.value === null || target === undefined ? null : meetsTarget(kpi, total.value, target),
    byAgency: [...samples.byAgency]
      .map(([agency, sample]) => ({ agency, ...valueOf(kpi, sample) }))
      .sort((a, b) => a.agency.localeCompare(b.agency)),
    byChannel: [...samples.byChannel]
      .map(([channel, sample]) => ({ channel, count: sample.count, share: rounded(sample.count / channelTotal) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
    trend: [...samples.byWeek]
      .map(([week, sample]) => ({ week, ...valueOf(kpi, sample) }))
      .sort((a, b) => a.week.localeCompare(b.week)),
  };
}

/** Every KPI of a life event (standard first, then the owner's own), with its target. */
export function kpiViews(owned: OwnedLifeEvent, samples: ReadonlyMap<string, KpiSamples>): KpiView[] {
  return [...owned.kpis.values()].map((kpi) => kpiView(kpi, owned.targets[kpi.id], samples.get(kpi.id)));
}
