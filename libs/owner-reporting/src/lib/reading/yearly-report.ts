import { percentile, STANDARD_KPI_DEFINITIONS as K } from '@passage/process-owner';
import type { IsoDate } from '@passage/journey-model';
import type { BudgetStatus } from './budget-status';
import { shareOfBudget } from './budget-status';
import { rounded, type KpiView } from './kpi-view';

/** Journeys of a life event started in the year, by how they stand now. */
export type JourneyCounts = Readonly<
  Record<'started' | 'active' | 'completed' | 'rejected' | 'withdrawn' | 'failed', number>
>;

export interface LeadTimeBucket {
  readonly label: string;
  readonly fromDays: number;
  /** Exclusive; null for the open-ended last bucket. */
  readonly toDays: number | null;
  readonly count: number;
}

export interface LifeEventReport {
  readonly id: string;
  readonly title: string;
  readonly journeys: JourneyCounts;
  readonly leadTimeDays: {
    readonly completed: number;
    readonly p50: number | null;
    readonly p90: number | null;
    readonly targetP90: number | null;
    readonly distribution: readonly LeadTimeBucket[];
  };
  readonly onTime: {
    readonly rate: number | null;
    readonly target: number | null;
    readonly steps: number;
    readonly byAgency: readonly {
      readonly agency: string;
      readonly name: string;
      readonly rate: number | null;
      readonly steps: number;
    }[];
  };
  readonly onceOnlyRate: { readonly value: number | null; readonly target: number | null };
  readonly digitalShare: { readonly value: number | null; readonly target: number | null };
  readonly channelMix: readonly { readonly channel: string; readonly count: number; readonly share: number }[];
  readonly budget: {
    readonly budget: number | null;
    readonly spent: number;
    readonly share: number | null;
    readonly byAgency: readonly {
      readonly agency: string;
      readonly name: string;
      readonly spent: number;
      readonly executedSteps: number;
    }[];
  };
  readonly satisfaction: {
    readonly mean: number | null;
    readonly target: number | null;
    readonly answers: number;
    readonly distribution: readonly { readonly score: number; readonly count: number }[];
  };
  /** Every KPI of the life event, the owner's own included, with its weekly trend. */
  readonly kpis: readonly KpiView[];
}

/** The yearly report of one process owner for the Public Service Day (23 June): aggregates only, no personal data. */
export interface YearlyReport {
  readonly owner: {
    readonly id: string;
    readonly name: string;
    readonly minister: string;
    readonly leadAgency: string;
  };
  readonly year: number;
  readonly publicServiceDay: IsoDate;
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly generatedAt: string;
  readonly lifeEvents: readonly LifeEventReport[];
}

const BUCKETS: readonly [string, number, number | null][] = [
  ['under 1 day', 0, 1],
  ['1–7 days', 1, 7],
  ['1–4 weeks', 7, 30],
  ['1–3 months', 30, 90],
  ['3–6 months', 90, 180],
  ['6–12 months', 180, 365],
  ['over 1 year', 365, null],
];

/** Completed journeys' lead times in fixed buckets, so that years and life events compare at a glance. */
export function leadTimeDistribution(days: readonly number[]): LeadTimeBucket[] {
  return BUCKETS.map(([label, fromDays, toDays]) => ({
    label,
    fromDays,
    toDays,
    count: days.filter((d) => d >= fromDays && (toDays === null || d < toDays)).length,
  }));
}

export interface LifeEventFacts {
  readonly id: string;
  readonly title: string;
  readonly journeys: JourneyCounts;
  readonly kpis: readonly KpiView[];
  /** Every lead time and satisfaction score of the year (values of those KPIs). */
  readonly leadTimes: readonly number[];
  readonly scores: readonly number[];
  readonly budget: BudgetStatus;
  readonly agencyName: (agency: string) => string;
}

/** A life event's part of the yearly report, from its KPIs, values and budget (pure). */
export function lifeEventReport(facts: LifeEventFacts): LifeEventReport {
  const view = (id: string) => facts.kpis.find((kpi) => kpi.id === id);
  const onTime = view(K.onTimeRate.id);
  const headline = (id: string) => ({ value: view(id)?.value ?? null, target: view(id)?.target ?? null });
  return {
    id: facts.id,
    title: facts.title,
    journeys: facts.journeys,
    leadTimeDays: {
      completed: facts.leadTimes.length,
      p50: rounded(percentile(facts.leadTimes, 0.5)),
      p90: rounded(percentile(facts.leadTimes, 0.9)),
      targetP90: view(K.leadTimeDaysP90.id)?.target ?? null,
      distribution: leadTimeDistribution(facts.leadTimes),
    },
    onTime: {
      rate: onTime?.value ?? null,
      target: onTime?.target ?? null,
      steps: onTime?.sampleSize ?? 0,
      byAgency: (onTime?.byAgency ?? []).map((a) => ({
        agency: a.agency,
        name: facts.agencyName(a.agency),
        rate: a.value,
        steps: a.sampleSize,
      })),
    },
    onceOnlyRate: headline(K.onceOnlyRate.id),
    digitalShare: headline(K.digitalShare.id),
    channelMix: view(K.digitalShare.id)?.byChannel ?? [],
    budget: {
      budget: facts.budget.budget,
      spent: facts.budget.spent,
      share: shareOfBudget(facts.budget.spent, facts.budget.budget),
      byAgency: facts.budget.byAgency.map((a) => ({
        agency: a.agency,
        name: facts.agencyName(a.agency),
        spent: a.spent,
        executedSteps: a.executedSteps,
      })),
    },
    satisfaction: {
      mean: view(K.satisfaction.id)?.value ?? null,
      target: view(K.satisfaction.id)?.target ?? null,
      answers: facts.scores.length,
      distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: facts.scores.filter((s) => s === score).length })),
    },
    kpis: facts.kpis,
  };
}
