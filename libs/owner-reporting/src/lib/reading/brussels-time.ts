import { addCalendarDays, brusselsDate, isoWeekday, startOfBrusselsDay, type IsoDate } from '@passage/journey-model';

// Owners report in Brussels civil time: weeks, days and years start at midnight in Brussels.

/** The ISO week of a date, as PostgreSQL's `to_char(…, 'IYYY-"W"IW')` writes it: `2026-W05`. */
export function isoWeek(date: IsoDate): string {
  const thursday = addCalendarDays(date, 4 - isoWeekday(date));
  // The week belongs to the year of its Thursday, and is numbered by how many Thursdays of that year came before.
  const year = thursday.slice(0, 4);
  const week = 1 + Math.floor((Date.parse(thursday) - Date.parse(`${year}-01-01`)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A half-open period [from, to) of instants, from Brussels dates (both days included). */
export interface Period {
  readonly from: Date;
  readonly to: Date;
}

export function periodOfDates(from: IsoDate, to: IsoDate): Period {
  return { from: new Date(startOfBrusselsDay(from)), to: new Date(startOfBrusselsDay(addCalendarDays(to, 1))) };
}

export function periodOfYear(year: number): Period {
  return periodOfDates(`${year}-01-01`, `${year}-12-31`);
}

/** The Brussels calendar year an instant falls in. */
export function brusselsYear(at: Date): number {
  return Number(brusselsDate(at.toISOString()).slice(0, 4));
}

export function brusselsToday(now: Date): IsoDate {
  return brusselsDate(now.toISOString());
}
