import type { DataValue, StatutoryTerm, StepDefinition, TermKind } from '@passage/journey-model';
import { draw } from './random';

/** How long an agency takes for a step, in days: a triangular distribution (min, most likely, max). */
export interface Timing {
  /** Where the shape comes from: the term binding the agency, the definition's expected days, or a default. */
  readonly basis: 'term' | 'expected' | 'default';
  readonly min: number;
  readonly mode: number;
  readonly max: number;
  /** The agency's term in calendar days, when it has one: a step taking longer is late. */
  readonly termDays?: number;
}

/** Shares of requests an agency rejects and (manual steps only) answers by asking the subject for more. */
export interface Shares {
  readonly reject: number;
  readonly info: number;
}

/** Shares of one agency, or of one of its services. */
export interface ShareRule {
  readonly agency: string;
  readonly service?: string;
  readonly reject?: number;
  readonly info?: number;
}

export interface BehaviourSettings {
  readonly seed: number;
  /** Real seconds a simulated day takes. */
  readonly secondsPerDay: number;
  /** For every agency, unless a rule says otherwise. */
  readonly shares: Shares;
  /** From the research (see research-shares.ts), over `shares`. */
  readonly researchRules: readonly ShareRule[];
  /** Given by whoever runs the simulator, over everything else. */
  readonly overrideRules: readonly ShareRule[];
}

export type ServiceAction = 'complete' | 'reject';
export type TaskAction = 'approve' | 'reject' | 'request-info';

export interface Plan<A> {
  readonly action: A;
  readonly days: number;
  readonly ms: number;
  /** Past the agency's term (in simulated time). */
  readonly late: boolean;
  /** The agency's term in calendar days, when it has one. */
  readonly termDays?: number;
}

/** The step fields timing depends on (a compensation has no term of its own). */
export type TimedStep = Pick<StepDefinition, 'mode' | 'term' | 'expectedDays'>;

type Shape = readonly [min: number, mode: number, max: number];

/**
 * Shapes relative to the term. A binding decision term is nearly always met (≈2 % late); observed practice and
 * estimates bind nobody, so more steps run over (≈15 %).
 */
const TERM_SHAPES: Readonly<Record<Exclude<TermKind, 'citizen-deadline'>, Shape>> = {
  'authority-decision': [0.15, 0.6, 1.1],
  observed: [0.3, 0.8, 1.25],
  estimate: [0.3, 0.8, 1.25],
};
/** Around the definition's expected days, with that as its mean. */
const EXPECTED_SHAPE: Shape = [0.4, 0.9, 1.7];
/** Where a step has neither term nor expected days: a person takes days, a system a day, an undo half a day. */
const DEFAULT_DAYS = { manual: 5, service: 1, compensation: 0.5 } as const;
const CALENDAR_DAYS_PER_WORKING_DAY = 7 / 5;

/** Staff ask for more after this share of their processing time, and decide after the rest once answered. */
export const INFO_REQUEST_AT = 0.3;

export function timingOf(step: TimedStep, kind: 'perform' | 'compensate' = 'perform'): Timing {
  if (kind === 'compensate') return shaped('default', DEFAULT_DAYS.compensation, EXPECTED_SHAPE);
  const termDays = agencyTermDays(step.term);
  if (termDays !== undefined && step.term && step.term.kind !== 'citizen-deadline') {
    return { ...shaped('term', termDays, TERM_SHAPES[step.term.kind]), termDays };
  }
  if (step.expectedDays !== undefined && step.expectedDays > 0)
    return shaped('expected', step.expectedDays, EXPECTED_SHAPE);
  return shaped('default', step.mode === 'manual' ? DEFAULT_DAYS.manual : DEFAULT_DAYS.service, EXPECTED_SHAPE);
}

/**
 * The term that binds the agency, in calendar days. A citizen deadline binds the subject, not the agency's
 * processing, and a term of 0 days ("before you start") says nothing about how long the agency takes.
 */
function agencyTermDays(term: StatutoryTerm | undefined): number | undefined {
  if (!term || term.kind === 'citizen-deadline' || term.days <= 0) return undefined;
  return term.unit === 'working' ? term.days * CALENDAR_DAYS_PER_WORKING_DAY : term.days;
}

function shaped(basis: Timing['basis'], days: number, [min, mode, max]: Shape): Timing {
  return { basis, min: days * min, mode: days * mode, max: days * max };
}

/** The inverse of the triangular distribution's CDF: `u` uniform in [0, 1) gives days. */
export function drawDays(timing: Timing, u: number): number {
  const { min, mode, max } = timing;
  if (max <= min) return min;
  const split = (mode - min) / (max - min);
  return u < split
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

export function daysToMs(days: number, secondsPerDay: number): number {
  return Math.round(days * secondsPerDay * 1000);
}

/** Defaults, then the research's rules, then the overrides; within each, the agency's rule before its service's. */
export function sharesFor(settings: BehaviourSettings, agency: string, service: string): Shares {
  let shares = settings.shares;
  for (const rules of [settings.researchRules, settings.overrideRules]) {
    for (const specific of [false, true]) {
      for (const rule of rules) {
        if (
          rule.agency !== agency ||
          (rule.service !== undefined) !== specific ||
          (specific && rule.service !== service)
        )
          continue;
        shares = { reject: rule.reject ?? shares.reject, info: rule.info ?? shares.info };
      }
    }
  }
  return shares;
}

/** What an automatic or proactive step (or a compensation, which always completes) does, and how long it takes. */
export function planService(
  settings: BehaviourSettings,
  step: TimedStep,
  agency: string,
  service: string,
  kind: 'perform' | 'compensate',
  key: string,
): Plan<ServiceAction> {
  const shares = sharesFor(settings, agency, service);
  const action: ServiceAction =
    kind === 'perform' && draw(settings.seed, key, 'decision') < shares.reject ? 'reject' : 'complete';
  return timed(settings, timingOf(step, kind), action, key);
}

/**
 * What staff do with an inbox task: mostly approve, sometimes reject, sometimes ask the subject for more first —
 * always when the file lacks an item the step needs. Once the subject answered, they approve or reject, drawn anew.
 */
export function planTask(
  settings: BehaviourSettings,
  step: TimedStep,
  agency: string,
  service: string,
  key: string,
  file: { readonly infoAnswered?: boolean; readonly incomplete?: boolean } = {},
): Plan<TaskAction> {
  const shares = sharesFor(settings, agency, service);
  const u = draw(settings.seed, key, file.infoAnswered ? 'decision-after-info' : 'decision');
  const drawn: TaskAction =
    u < shares.reject ? 'reject' : !file.infoAnswered && u < shares.reject + shares.info ? 'request-info' : 'approve';
  const action = drawn === 'approve' && file.incomplete && !file.infoAnswered ? 'request-info' : drawn;
  return timed(settings, timingOf(step), action, key);
}

function timed<A>(settings: BehaviourSettings, timing: Timing, action: A, key: string): Plan<A> {
  const days = drawDays(timing, draw(settings.seed, key, 'duration'));
  const { termDays } = timing;
  return {
    action,
    days,
    ms: daysToMs(days, settings.secondsPerDay),
    late: termDays !== undefined && days > termDays,
    ...(termDays === undefined ? {} : { termDays }),
  };
}

/**
 * What staff ask the subject for: the needed items the file lacks, and nothing else. An item the file holds was
 * given once already, by the subject, an authentic source or an earlier step (the enterprise number the KBO step
 * produced): asking for it again is exactly what the once-only principle forbids. A complete file is judged as it is.
 */
export function itemsToAsk(items: readonly { readonly item: string; readonly value?: DataValue }[]): string[] {
  return items.filter(({ value }) => value === undefined).map(({ item }) => item);
}
