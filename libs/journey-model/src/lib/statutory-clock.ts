/**
 * The statutory clock (DESIGN §1 "statutory term"): when a step's legal term ends, how suspension (opschorting)
 * while the agency waits for the subject moves that end, and what the term counts from. Pure: the caller passes
 * every instant, so the journey workflow can call it deterministically and arm a Temporal timer for the result.
 *
 * Counting conventions, shared by every function here:
 * - the day of the anchor is not counted: a term of N days counted from day D ends on day D + N (calendar days)
 *   or N working days after D;
 * - a term ends at the end of its last day, 23:59:59.999 Brussels time;
 * - a calendar term whose last day is a Saturday, Sunday or public holiday ends on the next working day. This is
 *   the rule of art. 53 of the Judicial Code (Gerechtelijk Wetboek), which administrations apply by analogy when an
 *   administrative act is silent; it is the citizen-friendly reading. Working-day terms end on a working day anyway.
 * - a term that ends before its anchor (`before`, "at least 5 days before the event") counts back the same way:
 *   N calendar days before day D is day D − N, N working days before D is the Nth working day before D. Its last day
 *   moves to the working day *before* it when it is not a working day: moving it later would leave fewer than N days
 *   (the reading applied to terms counted back, such as a convocation "at least 15 days before" a meeting).
 */
import type { DataItems, StatutoryTerm, TermUnit } from './definition.types';
import {
  addCalendarDays,
  addWorkingDays,
  subtractWorkingDays,
  workingDayOnOrBefore,
  brusselsDate,
  calendarDaysBetween,
  endOfBrusselsDay,
  instantToMs,
  isIsoDate,
  startOfBrusselsDay,
  workingDayOnOrAfter,
  workingDaysBetween,
  type CalendarOptions,
  type IsoDate,
  type IsoInstant,
} from './calendar';

/** The part of a term that decides where it ends; a full {@link StatutoryTerm} fits. */
export type TermLength = Pick<StatutoryTerm, 'days' | 'unit' | 'before'>;

/** What a suspended term still has to run, to be resumed when the subject answers. Plain data, kept in workflow state. */
export interface SuspendedTerm {
  readonly unit: TermUnit;
  /** The due instant when the term was suspended. */
  readonly dueAt: IsoInstant;
  readonly suspendedAt: IsoInstant;
  /**
   * Days of the term left after the day of suspension, in the term's unit. Days, not milliseconds, because a term
   * ends at the end of a day: suspending and resuming on the same day leaves the due date unchanged.
   */
  readonly remainingDays: number;
}

/** The last day of a term of `days` counted from `from` (not counted itself), moved to a working day. */
function lastDayOfTerm(unit: TermUnit, from: IsoDate, days: number, opts: CalendarOptions): IsoDate {
  // Also for working days: a zero-day remainder after resuming on a weekend must still end on a working day.
  return workingDayOnOrAfter(
    unit === 'calendar' ? addCalendarDays(from, days) : addWorkingDays(from, days, opts),
    opts,
  );
}

/** The last day of a term of `days` counted back from `anchor` (not counted itself), moved to an earlier working day. */
function lastDayBefore(unit: TermUnit, anchor: IsoDate, days: number, opts: CalendarOptions): IsoDate {
  return unit === 'calendar'
    ? workingDayOnOrBefore(addCalendarDays(anchor, -days), opts)
    : workingDayOnOrBefore(subtractWorkingDays(anchor, days, opts), opts);
}

/**
 * When a term counted from `anchor` (or, with `before`, back from it) ends: the end (Brussels time) of its last day,
 * see the conventions above. `opts.flemish` adds 11 July for terms of Flemish administrations; the default counts
 * the ten legal holidays only.
 */
export function termDueAt(term: TermLength, anchor: IsoInstant, opts: CalendarOptions = {}): IsoInstant {
  const anchorDay = brusselsDate(anchor);
  const lastDay = term.before
    ? lastDayBefore(term.unit, anchorDay, term.days, opts)
    : lastDayOfTerm(term.unit, anchorDay, term.days, opts);
  return endOfBrusselsDay(lastDay);
}

/** Whether a term due at `dueAt` has passed at `now`; the due instant itself still belongs to the term. */
export function isExpired(dueAt: IsoInstant, now: IsoInstant): boolean {
  return instantToMs(now) > instantToMs(dueAt);
}

/**
 * Stops the clock of a term due at `dueAt`. What remains is counted from the day of suspension (not counted, like an
 * anchor) to the due day: calendar days or working days per the term's unit. Measured against `dueAt` as it stands,
 * so a weekend or holiday shift already in it stays in the remainder.
 */
export function suspendTerm(
  dueAt: IsoInstant,
  term: TermLength,
  suspendedAt: IsoInstant,
  opts: CalendarOptions = {},
): SuspendedTerm {
  const [suspendedOn, dueOn] = [brusselsDate(suspendedAt), brusselsDate(dueAt)];
  const remaining =
    term.unit === 'calendar' ? calendarDaysBetween(suspendedOn, dueOn) : workingDaysBetween(suspendedOn, dueOn, opts);
  return { unit: term.unit, dueAt, suspendedAt, remainingDays: Math.max(0, remaining) };
}

/**
 * Restarts a suspended term: the remaining days run again from the day of resumption (not counted), so a term
 * suspended for 10 calendar days is due 10 days later. A term that had already run out when it was suspended stays
 * due at its original instant: a request for information cannot revive an expired term. Nor does a term that ends
 * before an event move: the event does not wait for the answer.
 */
export function resumeTerm(
  suspended: SuspendedTerm,
  term: TermLength,
  resumedAt: IsoInstant,
  opts: CalendarOptions = {},
): IsoInstant {
  if (suspended.unit !== term.unit) {
    throw new RangeError(`Suspended a ${suspended.unit} term, resumed as a ${term.unit} term`);
  }
  if (instantToMs(resumedAt) < instantToMs(suspended.suspendedAt)) {
    throw new RangeError(`Resumed at ${resumedAt}, before the suspension at ${suspended.suspendedAt}`);
  }
  if (term.before || isExpired(suspended.dueAt, suspended.suspendedAt)) return suspended.dueAt;
  return endOfBrusselsDay(lastDayOfTerm(term.unit, brusselsDate(resumedAt), suspended.remainingDays, opts));
}

/** What a journey knows when it resolves a term's anchor. */
export interface TermAnchorFacts {
  /** When the agency received the (complete) request for this step. */
  readonly dispatchedAt: IsoInstant;
  readonly journeyStartedAt: IsoInstant;
  /** When an earlier step completed, if it did. */
  readonly completedAt: (stepId: string) => IsoInstant | undefined;
  readonly data: DataItems;
}

/**
 * The instant a term counts from, or `undefined` when the journey does not know it yet (an anchor step that has not
 * completed, a date item that is missing or not a `YYYY-MM-DD` date). A date item anchors at the start of that
 * Brussels day, so the term counts from the day after.
 */
export function resolveTermAnchor(term: Pick<StatutoryTerm, 'from'>, facts: TermAnchorFacts): IsoInstant | undefined {
  const { from } = term;
  if (from === 'dispatch') return facts.dispatchedAt;
  if (from === 'journey-start') return facts.journeyStartedAt;
  if (from.startsWith('completed:')) return facts.completedAt(from.slice('completed:'.length));
  const value = facts.data[from.slice('date:'.length)];
  return isIsoDate(value) ? startOfBrusselsDay(value) : undefined;
}

/**
 * When a step's term ends, as far as the journey knows now: `undefined` until its anchor is known. For a term
 * anchored on a date item (the only kind a term counting back has) this is known before the step starts, so the
 * timeline can show the subject's deadline ahead of time.
 */
export function stepDueAt(
  term: StatutoryTerm,
  facts: TermAnchorFacts,
  opts: CalendarOptions = {},
): IsoInstant | undefined {
  const anchor = resolveTermAnchor(term, facts);
  return anchor === undefined ? undefined : termDueAt(term, anchor, opts);
}
