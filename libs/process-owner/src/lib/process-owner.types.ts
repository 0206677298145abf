import type { Channel, Texts } from '@passage/journey-model';
import type { KpiHook } from './kpi.types';

/** Targets a process owner sets for a life event; a measurement that misses one raises an alert. */
export interface KpiTargets {
  /** 90th percentile of the end-to-end lead time, in calendar days. */
  readonly leadTimeDaysP90?: number;
  /** Share of steps decided within their statutory term (0..1). */
  readonly onTimeRate?: number;
  /** Share of needed data items that were reused rather than asked (0..1). */
  readonly onceOnlyRate?: number;
  /** Share of steps performed proactively (0..1). */
  readonly proactiveShare?: number;
  /** Share of journeys started and handled on digital channels (0..1). */
  readonly digitalShare?: number;
  /** Average contacts (things asked of the subject) per journey. */
  readonly contactsPerJourney?: number;
  /** Average cost to the government per journey, in euro. */
  readonly costPerJourney?: number;
  /** Average answer to the satisfaction survey, 1..5. */
  readonly satisfaction?: number;
}

/** The owner's overrides of step costs, per step and channel (euro); otherwise the definition's costs apply. */
export type CostRules = Readonly<Record<string, Readonly<Partial<Record<Channel, number>>>>>;

export interface LifeEventOwnership {
  /** Yearly horizontal budget of the life event across all its agencies, in euro, per calendar year. */
  readonly budget: Readonly<Record<number, number>>;
  readonly targets: KpiTargets;
  readonly costRules?: CostRules;
  /** Lead time (calendar days) the owner promises; the simulator reports the chance of finishing within it. */
  readonly leadTimeTargetDays?: number;
  /** Targets of the owner's own KPIs, by KPI id. */
  readonly customTargets?: Readonly<Record<string, number>>;
}

export interface ProcessOwnerModule {
  readonly id: string;
  readonly name: Texts;
  /** The one minister accountable for the life events of this owner. */
  readonly minister: string;
  /** The one lead agency (an agency id of the registry). */
  readonly leadAgency: string;
  readonly contact: { readonly email: string; readonly website?: string };
  readonly lifeEvents: Readonly<Record<string, LifeEventOwnership>>;
  /** The owner's own KPIs, on top of the standard ones every owner gets. */
  readonly kpiHooks?: readonly KpiHook[];
}

export function defineProcessOwner(module: ProcessOwnerModule): ProcessOwnerModule {
  return module;
}
