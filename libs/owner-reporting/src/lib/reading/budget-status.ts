import type { LifeEventDefinition } from '@passage/journey-model';
import type { OwnedLifeEvent } from '../owners/owner-directory';
import { brusselsYear } from './brussels-time';
import { forecastSpending } from './budget-forecast';
import { committedByAgency, spentByAgency } from './budget.query';
import type { Queryable } from './kpi-samples.query';
import { rounded } from './kpi-view';

/** A published definition of a life event's version (they never change, so callers may cache). */
export type DefinitionLookup = (lifeEvent: string, version: number) => Promise<LifeEventDefinition | undefined>;

export interface AgencyBudget {
  readonly agency: string;
  readonly spent: number;
  readonly executedSteps: number;
  readonly committed: number;
}

/** A life event's budget year in euro; `committed` only in the current year (open journeys cost from now on). */
export interface BudgetStatus {
  readonly year: number;
  readonly budget: number | null;
  readonly spent: number;
  readonly committed: number;
  readonly forecast: number;
  readonly byAgency: readonly AgencyBudget[];
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

export async function budgetStatus(
  q: Queryable,
  definitions: DefinitionLookup,
  owned: OwnedLifeEvent,
  year: number,
  now: Date,
): Promise<BudgetStatus> {
  const { owner, lifeEvent, ownership } = owned;
  const spent = await spentByAgency(q, owner.id, lifeEvent, year);
  const committed =
    brusselsYear(now) === year
      ? await committedByAgency(q, owner.id, lifeEvent, ownership, (version) => definitions(lifeEvent, version))
      : new Map();
  const agencies = [...new Set([...spent.keys(), ...committed.keys()])].sort();
  const byAgency = agencies.map((agency) => ({
    agency,
    spent: cents(spent.get(agency)?.amount ?? 0),
    executedSteps: spent.get(agency)?.steps ?? 0,
    committed: cents(committed.get(agency)?.amount ?? 0),
  }));
  const totalSpent = cents(byAgency.reduce((sum, a) => sum + a.spent, 0));
  const totalCommitted = cents(byAgency.reduce((sum, a) => sum + a.committed, 0));
  return {
    year,
    budget: ownership.budget[year] ?? null,
    spent: totalSpent,
    committed: totalCommitted,
    forecast: cents(forecastSpending({ year, spent: totalSpent, committed: totalCommitted, now })),
    byAgency,
  };
}

/** A share of the budget, or null when there is no budget for the year. */
export function shareOfBudget(amount: number, budget: number | null): number | null {
  return budget === null || budget <= 0 ? null : rounded(amount / budget);
}
