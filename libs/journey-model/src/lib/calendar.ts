/**
 * Belgian calendar arithmetic for statutory terms and expected dates. Workflow-safe: no clock (callers pass the
 * time), no time-zone database (Brussels time follows the EU summer-time rule, computed here), no state.
 */

/** A civil day in Brussels, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant as an ISO 8601 string with an explicit offset; the functions here produce UTC (`…Z`) strings. */
export type IsoInstant = string;

export interface CalendarOptions {
  /** Also observe 11 July, the Flemish Community holiday on which Flemish administrations are closed. Default: false. */
  readonly flemish?: boolean;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An offset is mandatory: `Date.parse` reads an offset-less date-time in the host's zone, which is not deterministic.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Days since 1970-01-01 of a date; rejects anything that is not a real `YYYY-MM-DD` day, so bad data fails loudly. */
function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
    // The round trip rejects overflowing days (2026-02-30) and years below 100, which Date.UTC maps to 19xx.
    if (isoDateOf(day) === date) return day;
  }
  throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
}

function isoDateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function requireWholeDays(days: number, allowNegative: boolean): void {
  if (!Number.isInteger(days) || (!allowNegative && days < 0)) {
    throw new RangeError(`Expected a whole${allowNegative ? '' : ', non-negative'} number of days: ${days}`);
  }
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds since the epoch of an instant; rejects strings without an explicit offset. */
export function instantToMs(instant: IsoInstant): number {
  const ms = ISO_INSTANT.test(instant) ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant with an offset: ${String(instant)}`);
  return ms;
}

export function msToInstant(ms: number): IsoInstant {
  return new Date(ms).toISOString();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return weekdayOf(dayNumber(date));
}

function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Easter Sunday of a Gregorian year, by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Easter is computed for Gregorian years 1583–9999: ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The ten Belgian legal public holidays of a year (Royal Decree of 18 April 1974), plus 11 July when `flemish`,
 * in chronological order. Holidays on a weekend are not moved: a term only needs to know which days are not working days.
 */
export function belgianPublicHolidays(year: number, opts: CalendarOptions = {}): IsoDate[] {
  const easter = dayNumber(easterSunday(year));
  const fixed = (monthDay: string): IsoDate => `${year}-${monthDay}`;
  const holidays = [
    fixed('01-01'), // New Year
    isoDateOf(easter + 1), // Easter Monday
    fixed('05-01'), // Labour Day
    isoDateOf(easter + 39), // Ascension
    isoDateOf(easter + 50), // Whit Monday
    fixed('07-21'), // National Day
    fixed('08-15'), // Assumption
    fixed('11-01'), // All Saints
    fixed('11-11'), // Armistice
    fixed('12-25'), // Christmas
  ];
  if (opts.flemish) holidays.push(fixed('07-11'));
  return holidays.sort();
}

/** A working-day test for many days in one call: each year's holidays are computed once per call, never cached globally. */
function workingDayTest(opts: CalendarOptions): (day: number) => boolean {
  const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();
  return (day) => {
    if (weekdayOf(day) > 5) return false;
    const date = isoDateOf(day);
    const year = Number(date.slice(0, 4));
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = new Set(belgianPublicHolidays(year, opts));
      holidaysByYear.set(year, holidays);
    }
    return !holidays.has(date);
  };
}

export function isPublicHoliday(date: IsoDate, opts: CalendarOptions = {}): boolean {
  dayNumber(date);
  return belgianPublicHolidays(Number(date.slice(0, 4)), opts).includes(date);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: IsoDate, opts: CalendarOptions = {}): boolean {
  return workingDayTest(opts)(dayNumber(date));
}

/** The date itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate, opts: CalendarOptions = {}): IsoDate {
  const isWorking = workingDayTest(opts);
  let day = dayNumber(date);
  while (!isWorking(day)) day += 1;
  return isoDateOf(day);
}

/** The date itself when it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(date: IsoDate, opts: CalendarOptions = {}): IsoDate {
  const isWorking = workingDayTest(opts);
  let day = dayNumber(date);
  while (!isWorking(day)) day -= 1;
  return isoDateOf(day);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  requireWholeDays(days, true);
  return isoDateOf(dayNumber(date) + days);
}

/**
 * The date `days` working days after `date`. The start date itself is never counted (it may be a weekend day):
 * 1 working day after a Friday is the next Monday, unless that Monday is a holiday. Zero days returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, days: number, opts: CalendarOptions = {}): IsoDate {
  requireWholeDays(days, false);
  const isWorking = workingDayTest(opts);
  let day = dayNumber(date);
  for (let left = days; left > 0;) {
    day += 1;
    if (isWorking(day)) left -= 1;
  }
  return isoDateOf(day);
}

/**
 * The date `days` working days before `date`, the mirror of {@link addWorkingDays}: the date itself is never
 * counted, so 1 working day before a Monday is the Friday before, unless that Friday is a holiday.
 */
export function subtractWorkingDays(date: IsoDate, days: number, opts: CalendarOptions = {}): IsoDate {
  requireWholeDays(days, false);
  const isWorking = workingDayTest(opts);
  let day = dayNumber(date);
  for (let left = days; left > 0;) {
    day -= 1;
    if (isWorking(day)) left -= 1;
  }
  return isoDateOf(day);
}

/** `to − from` in days (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The working days after `from` up to and including `to`, the inverse of {@link addWorkingDays}:
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is earlier than `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, opts: CalendarOptions = {}): number {
  const [start, end] = [dayNumber(from), dayNumber(to)];
  const isWorking = workingDayTest(opts);
  let count = 0;
  for (let day = Math.min(start, end) + 1; day <= Math.max(start, end); day += 1) {
    if (isWorking(day)) count += 1;
  }
  return end < start ? -count : count;
}

/** First instant (ms) of the last Sunday of a month at 01:00 UTC, when EU summer time starts (March) or ends (October). */
function summerTimeSwitchMs(year: number, month: 3 | 10): number {
  const lastDay = Date.UTC(year, month, 0) / DAY_MS;
  const lastSunday = lastDay - (weekdayOf(lastDay) % 7);
  return lastSunday * DAY_MS + HOUR_MS;
}

function offsetMinutesAt(ms: number): 60 | 120 {
  const year = new Date(ms).getUTCFullYear();
  return ms >= summerTimeSwitchMs(year, 3) && ms < summerTimeSwitchMs(year, 10) ? 120 : 60;
}

/**
 * Minutes Brussels is ahead of UTC at an instant: 120 (CEST) from the last Sunday of March 01:00 UTC to the last
 * Sunday of October 01:00 UTC, else 60 (CET). This is the EU rule in force since 1996, applied to every year.
 */
export function brusselsOffsetMinutes(instant: IsoInstant): 60 | 120 {
  return offsetMinutesAt(instantToMs(instant));
}

/** The Brussels civil day an instant falls on. */
export function brusselsDate(instant: IsoInstant): IsoDate {
  const ms = instantToMs(instant);
  return isoDateOf(Math.floor((ms + offsetMinutesAt(ms) * MINUTE_MS) / DAY_MS));
}

/**
 * The instant (ms) of a Brussels wall-clock time. A time in the spring-forward gap maps one hour later (02:30 → 03:30
 * CEST); a time in the autumn overlap maps to its first (CEST) occurrence.
 */
function brusselsWallClockMs(day: number, msOfDay: number): number {
  const wallClock = day * DAY_MS + msOfDay;
  const asSummerTime = wallClock - 120 * MINUTE_MS;
  return offsetMinutesAt(asSummerTime) === 120 ? asSummerTime : wallClock - 60 * MINUTE_MS;
}

/** 00:00:00.000 Brussels time on `date`, as a UTC instant. */
export function startOfBrusselsDay(date: IsoDate): IsoInstant {
  return msToInstant(brusselsWallClockMs(dayNumber(date), 0));
}

/** 23:59:59.999 Brussels time on `date`, as a UTC instant: the last moment of a term's last day. */
export function endOfBrusselsDay(date: IsoDate): IsoInstant {
  return msToInstant(brusselsWallClockMs(dayNumber(date), DAY_MS - 1));
}

/** The same Brussels wall-clock time `days` civil days later (or earlier), so a date never slips across a DST change. */
export function addBrusselsDays(instant: IsoInstant, days: number): IsoInstant {
  requireWholeDays(days, true);
  const ms = instantToMs(instant);
  const local = ms + offsetMinutesAt(ms) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return msToInstant(brusselsWallClockMs(day + days, local - day * DAY_MS));
}
