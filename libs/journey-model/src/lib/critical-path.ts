/**
 * Expected dates for a journey's timeline and the critical path for the simulator. Deterministic: `now` is a
 * parameter, and every estimate is a whole number of days added to a Brussels wall-clock time.
 */
import {
  addBrusselsDays,
  addWorkingDays,
  brusselsDate,
  calendarDaysBetween,
  instantToMs,
  msToInstant,
  type CalendarOptions,
  type IsoInstant,
} from './calendar';
import { evaluateCondition } from './condition';
import type { Condition, DataItems, LifeEventDefinition, StepDefinition, TermUnit } from './definition.types';
import type { StepStatus } from './step.machine';

/** How long a step is expected to take once started, and what that expectation rests on. */
export interface StepEstimate {
  readonly days: number;
  /** `working` only for a working-day term; converted to dates with {@link addWorkingDays} when the start is known. */
  readonly unit: TermUnit;
  readonly basis: 'term' | 'expected-days' | 'default';
}

/**
 * The expected duration of a step, first match wins:
 * 1. its statutory term, in the term's unit: a term is the longest the step may take, so the estimate is cautious;
 *    not a term that ends before its anchor, which says when the step must be done, not how long it takes;
 * 2. `expectedDays` (calendar days), the author's typical duration for a step without such a term;
 * 3. a default: 0 days for `automatic` and `proactive` steps (no person in the loop), 1 day for `manual` and `citizen`.
 */
export function estimateStepDays(step: StepDefinition): StepEstimate {
  if (step.term && !step.term.before) return { days: step.term.days, unit: step.term.unit, basis: 'term' };
  if (step.expectedDays !== undefined) return { days: step.expectedDays, unit: 'calendar', basis: 'expected-days' };
  const days = step.mode === 'automatic' || step.mode === 'proactive' ? 0 : 1;
  return { days, unit: 'calendar', basis: 'default' };
}

/** What the journey knows of one step's progress; all instants are ISO strings. */
export interface StepProgress {
  readonly status: StepStatus;
  readonly readyAt?: IsoInstant;
  readonly dispatchedAt?: IsoInstant;
  readonly finishedAt?: IsoInstant;
  /** The current due instant of the step's statutory term, if running. */
  readonly dueAt?: IsoInstant;
}

export interface ExpectedCompletion {
  /** Per step id: when it finished or is expected to finish; `undefined` for steps that are (or will be) skipped or cancelled. */
  readonly steps: Readonly<Record<string, IsoInstant | undefined>>;
  /** The latest step date; `undefined` when no step has one. */
  readonly journey: IsoInstant | undefined;
}

/**
 * A condition under partial knowledge (Kleene logic): `false` only when the data already rule the step out,
 * `undefined` while a field it depends on is missing. A known field is decided by {@link evaluateCondition} itself.
 */
function conditionOutcome(condition: Condition, data: DataItems): boolean | undefined {
  if ('not' in condition) {
    const outcome = conditionOutcome(condition.not, data);
    return outcome === undefined ? undefined : !outcome;
  }
  if ('and' in condition || 'or' in condition) {
    const [parts, decisive] = 'and' in condition ? [condition.and, false] : [condition.or, true];
    const outcomes = parts.map((part) => conditionOutcome(part, data));
    if (outcomes.includes(decisive)) return decisive;
    return outcomes.includes(undefined) ? undefined : !decisive;
  }
  return data[condition.field] === undefined ? undefined : evaluateCondition(condition, data);
}

/** A step whose condition the data already make false will be skipped; an undecided condition counts as taken. */
function willBeSkipped(step: StepDefinition, data: DataItems): boolean {
  return step.when !== undefined && conditionOutcome(step.when, data) === false;
}

/**
 * Visits every step after its dependencies, memoised. Unknown dependency ids are ignored (validation reports them);
 * a cycle throws, because no date can be expected of it.
 */
function walkDependencies<T>(
  definition: LifeEventDefinition,
  visit: (step: StepDefinition, dependencies: readonly T[]) => T,
): Map<string, T> {
  const byId = new Map(definition.steps.map((step) => [step.id, step]));
  const results = new Map<string, T>();
  const visiting = new Set<string>();
  const resolve = (step: StepDefinition): T => {
    if (results.has(step.id)) return results.get(step.id) as T;
    if (visiting.has(step.id)) throw new Error(`Dependency cycle through step '${step.id}'`);
    visiting.add(step.id);
    const dependencies = step.dependsOn.flatMap((id) => {
      const dependency = byId.get(id);
      return dependency ? [resolve(dependency)] : [];
    });
    const result = visit(step, dependencies);
    visiting.delete(step.id);
    results.set(step.id, result);
    return result;
  };
  definition.steps.forEach(resolve);
  return results;
}

/** `from` plus an estimate, keeping the Brussels time of day; working days skip weekends and holidays. */
function afterEstimate(fromMs: number, estimate: StepEstimate, opts: CalendarOptions): number {
  const from = msToInstant(fromMs);
  const startDate = brusselsDate(from);
  const days =
    estimate.unit === 'working'
      ? calendarDaysBetween(startDate, addWorkingDays(startDate, estimate.days, opts))
      : estimate.days;
  return instantToMs(addBrusselsDays(from, days));
}

/** Per step: when dependants may start, and the date shown for the step itself (none for skipped steps). */
interface Expected {
  readonly doneMs: number;
  readonly shownMs: number | undefined;
}

/**
 * Expected completion of every step and of the journey at `now`. The rules, kept simple so a citizen's timeline can be
 * explained:
 * - a finished step (completed, rejected, expired) is done at its `finishedAt` (at `now` if it was not recorded);
 * - a skipped or cancelled step, and a pending step whose condition `data` already make false, gets no date and lets
 *   its dependants start as soon as its own dependencies are done; a condition that `data` cannot decide yet counts
 *   as taken;
 * - an open step (ready, dispatched, in progress, awaiting the subject, failed) is expected at its start
 *   (`dispatchedAt`, else `readyAt`, else when its dependencies are done) plus its estimate, no later than its
 *   `dueAt` (except while awaiting the subject, when the clock is suspended), and never before `now`;
 * - a pending step starts when all its dependencies are expected to be done, but not before `now`, and takes its
 *   estimate ({@link estimateStepDays}).
 * The journey is expected when its last step is.
 */
export function expectedCompletion(
  definition: LifeEventDefinition,
  progress: Readonly<Record<string, StepProgress | undefined>>,
  now: IsoInstant,
  data: DataItems = {},
  opts: CalendarOptions = {},
): ExpectedCompletion {
  const nowMs = instantToMs(now);
  const expected = walkDependencies<Expected>(definition, (step, dependencies) => {
    const startMs = Math.max(nowMs, ...dependencies.map((dependency) => dependency.doneMs));
    const skipped: Expected = { doneMs: startMs, shownMs: undefined };
    const state = progress[step.id] ?? { status: 'pending' };
    const estimate = estimateStepDays(step);
    const at = (ms: number): Expected => ({ doneMs: ms, shownMs: ms });
    switch (state.status) {
      case 'completed':
      case 'rejected':
      case 'expired':
        return at(state.finishedAt === undefined ? nowMs : instantToMs(state.finishedAt));
      case 'skipped':
      case 'cancelled':
        return skipped;
      case 'pending':
        return willBeSkipped(step, data) ? skipped : at(afterEstimate(startMs, estimate, opts));
      case 'ready':
      case 'dispatched':
      case 'in-progress':
      case 'awaiting-subject':
      case 'failed': {
        const began = state.dispatchedAt ?? state.readyAt;
        const byEstimate = afterEstimate(began === undefined ? startMs : instantToMs(began), estimate, opts);
        const capped =
          state.dueAt !== undefined && state.status !== 'awaiting-subject'
            ? Math.min(byEstimate, instantToMs(state.dueAt))
            : byEstimate;
        return at(Math.max(nowMs, capped));
      }
    }
  });
  const steps: Record<string, IsoInstant | undefined> = {};
  let journeyMs: number | undefined;
  for (const step of definition.steps) {
    const shownMs = expected.get(step.id)?.shownMs;
    steps[step.id] = shownMs === undefined ? undefined : msToInstant(shownMs);
    if (shownMs !== undefined) journeyMs = Math.max(journeyMs ?? shownMs, shownMs);
  }
  return { steps, journey: journeyMs === undefined ? undefined : msToInstant(journeyMs) };
}

/**
 * The length in days of the longest dependency path when every step starts as soon as its dependencies are done,
 * each taking {@link estimateStepDays}. Without dates a working day counts as one day. Steps that `data` already rule
 * out take 0 days; undecided conditions count as taken. For a journey of calendar-day estimates started at `now`,
 * `expectedCompletion(...).journey` is exactly this many days later.
 */
export function criticalPathDays(definition: LifeEventDefinition, data: DataItems = {}): number {
  const finish = walkDependencies<number>(
    definition,
    (step, dependencies) =>
      Math.max(0, ...dependencies) + (willBeSkipped(step, data) ? 0 : estimateStepDays(step).days),
  );
  return Math.max(0, ...finish.values());
}
