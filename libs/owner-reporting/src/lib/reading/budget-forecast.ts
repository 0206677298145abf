import { periodOfYear } from './brussels-time';

const DAY_MS = 86_400_000;

/**
 * The year's expected spending, as of `now`:
 * - a year that has ended: what was spent;
 * - the current year: what was spent, plus the larger of what open journeys are still expected to cost
 *   (`committed`) and the burn rate so far (spent ÷ elapsed days, at least one day) over the days left;
 *   committed is a floor, not an addition, because the burn rate already counts the cost of journeys under way;
 * - a year that has not begun: nothing (its journeys have not started).
 */
export function forecastSpending(input: {
  readonly year: number;
  readonly spent: number;
  readonly committed: number;
  readonly now: Date;
}): number {
  const { from, to } = periodOfYear(input.year);
  const now = input.now.getTime();
  if (now >= to.getTime()) return input.spent;
  if (now < from.getTime()) return 0;
  const elapsedDays = Math.max(1, (now - from.getTime()) / DAY_MS);
  const remainingDays = (to.getTime() - now) / DAY_MS;
  return input.spent + Math.max(input.committed, (input.spent / elapsedDays) * remainingDays);
}

/** Shares of the year's budget at which the owner is alerted, by what was spent and by the forecast. */
export const BUDGET_THRESHOLDS: readonly number[] = [0.8, 1];
