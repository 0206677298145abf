import { aggregate, meetsTarget, sampleSize } from '@passage/process-owner';
import type { OwnedLifeEvent } from '../owners/owner-directory';
import { BUDGET_THRESHOLDS } from '../reading/budget-forecast';
import type { BudgetStatus } from '../reading/budget-status';
import { NO_SAMPLES, type KpiSamples } from '../reading/kpi-samples.query';
import { rounded } from '../reading/kpi-view';

/** An alert for a process owner: an entry in their feed (`owner_alerts`) and a notification, once per key. */
export interface OwnerAlert {
  /** One alert per owner, life event, KPI, period (and threshold): evaluating again raises nothing new. */
  readonly key: string;
  readonly owner: string;
  readonly lifeEvent: string;
  readonly kind: 'target-missed' | 'budget-threshold' | 'projection-quarantined';
  /** The KPI, or `budget-spent` / `budget-forecast`. */
  readonly kpi: string;
  /** The target, or the share of the budget crossed. */
  readonly threshold: number;
  readonly value: number;
  /** The ISO week the target was missed in, or the budget year. */
  readonly period: string;
  readonly message: string;
}

export interface TargetPolicy {
  /** The rolling window a KPI is measured over, in days. */
  readonly windowDays: number;
  /** Fewer observations than this say nothing yet: no alert. */
  readonly minSample: number;
}

const euro = (amount: number) => `EUR ${amount.toFixed(2)}`;

/** The targets a life event misses over the window, given the window's samples; `week` names the period. */
export function missedTargets(
  owned: OwnedLifeEvent,
  samples: ReadonlyMap<string, KpiSamples>,
  policy: TargetPolicy,
  week: string,
): OwnerAlert[] {
  return Object.entries(owned.targets).flatMap(([id, target]) => {
    const kpi = owned.kpis.get(id);
    if (!kpi) return [];
    const sample = (samples.get(id) ?? NO_SAMPLES).total;
    const value = aggregate(kpi.aggregation, sample);
    const n = sampleSize(kpi.aggregation, sample);
    if (value === undefined || n < policy.minSample || meetsTarget(kpi, value, target)) return [];
    return [
      {
        key: `${owned.owner.id}:${owned.lifeEvent}:target-missed:${id}:${week}`,
        owner: owned.owner.id,
        lifeEvent: owned.lifeEvent,
        kind: 'target-missed' as const,
        kpi: id,
        threshold: target,
        value: rounded(value) ?? 0,
        period: week,
        message: `${kpi.title}: ${rounded(value)} over the last ${policy.windowDays} days (${n} observations) misses the target of ${target} (${kpi.better === 'at-most' ? 'at most' : 'at least'}).`,
      },
    ];
  });
}

/** The budget thresholds the year's spending, or its forecast, has reached. */
export function budgetAlerts(owned: OwnedLifeEvent, status: BudgetStatus): OwnerAlert[] {
  const { budget, year } = status;
  if (budget === null || budget <= 0) return [];
  const measures = [
    { kpi: 'budget-spent', label: 'Spent', value: status.spent },
    { kpi: 'budget-forecast', label: 'The forecast for the year', value: status.forecast },
  ];
  return measures.flatMap(({ kpi, label, value }) =>
    BUDGET_THRESHOLDS.filter((threshold) => value >= threshold * budget).map((threshold) => ({
      key: `${owned.owner.id}:${owned.lifeEvent}:budget-threshold:${kpi}:${year}:${threshold}`,
      owner: owned.owner.id,
      lifeEvent: owned.lifeEvent,
      kind: 'budget-threshold' as const,
      kpi,
      threshold,
      value,
      period: String(year),
      message: `${label} (${euro(value)}) has reached ${Math.round(threshold * 100)}% of the ${year} budget of ${owned.lifeEvent} (${euro(budget)}).`,
    })),
  );
}
