/**
 * What a refusal leaves the subject: pure helpers for the engine (may the subject still resubmit or appeal?) and
 * for the timeline (the journey's standing in words). A step without a refusal policy is refused for good, as every
 * refusal was before policies existed.
 */
import { isExpired, termDueAt } from './statutory-clock';
import type { CalendarOptions, IsoInstant } from './calendar';
import { formatDay } from './date-texts';
import {
  LANGUAGES,
  type Appeal,
  type Language,
  type LifeEventDefinition,
  type RefusalOption,
  type StepDefinition,
  type Texts,
} from './definition.types';
import { FINAL_STEP_STATUSES, type StepStatus } from './step.machine';

/** What a refused step leaves the subject, and until when. */
export interface RefusalOutlook {
  readonly stepId: string;
  readonly allows: RefusalOption;
  readonly refusedAt: IsoInstant;
  /** The end of the term to resubmit or to appeal; absent for a final refusal or a resubmission without limit. */
  readonly until?: IsoInstant;
  /** Where an appeal goes (with `appeal` only). */
  readonly appeal?: Appeal;
}

/** The outlook of a step refused at `refusedAt`; its term counts from that day (not counted itself). */
export function refusalOutlook(
  step: StepDefinition,
  refusedAt: IsoInstant,
  opts: CalendarOptions = {},
): RefusalOutlook {
  const policy = step.refusal ?? { allows: 'final' as const };
  const until = policy.allows !== 'final' && policy.within ? termDueAt(policy.within, refusedAt, opts) : undefined;
  return {
    stepId: step.id,
    allows: policy.allows,
    refusedAt,
    ...(until === undefined ? {} : { until }),
    ...(policy.allows === 'appeal' && policy.appeal ? { appeal: policy.appeal } : {}),
  };
}

/** Whether the subject may still resubmit or appeal at `now`; the last instant of the term still counts. */
export function isRefusalOpen(outlook: RefusalOutlook, now: IsoInstant): boolean {
  return outlook.allows !== 'final' && (outlook.until === undefined || !isExpired(outlook.until, now));
}

/** The id of the appeal step of a step: `<step id>-appeal` (validation keeps it free). */
export function appealStepId(stepId: string): string {
  return `${stepId}-appeal`;
}

/**
 * The appeal of a step as a step the engine can run like any manual one: the body named in the policy decides in
 * its inbox, within its term counted from the day it receives the appeal, on the same data the refused step had.
 * Upheld, it stands in for the refused step, so it produces what that step produces. Undefined when the step's
 * refusal allows no appeal.
 */
export function appealStep(step: StepDefinition): StepDefinition | undefined {
  const appeal = step.refusal?.allows === 'appeal' ? step.refusal.appeal : undefined;
  if (appeal === undefined) return undefined;
  return {
    id: appealStepId(step.id),
    agency: appeal.agency,
    service: appeal.service,
    mode: 'manual',
    title: appeal.title,
    needs: step.needs,
    produces: step.produces,
    dependsOn: [],
    ...(appeal.term
      ? { term: { ...appeal.term, kind: 'authority-decision' as const, from: 'dispatch' as const } }
      : {}),
    channels: step.channels,
    cost: {},
    ...(step.critical === undefined ? {} : { critical: step.critical }),
  };
}

/** A step of the definition, or the appeal step (`<id>-appeal`) of one whose refusal allows an appeal. */
export function findStep(definition: LifeEventDefinition, stepId: string): StepDefinition | undefined {
  const own = definition.steps.find((step) => step.id === stepId);
  if (own) return own;
  const appealed = definition.steps.find((step) => appealStepId(step.id) === stepId);
  return appealed ? appealStep(appealed) : undefined;
}

/** What {@link journeyStanding} reads of a step; the engine's step state fits. */
export interface StepOutcome {
  readonly id: string;
  readonly status: StepStatus;
  readonly finishedAt?: IsoInstant;
  readonly context?: { readonly expiryEffect?: 'approved' | 'refused' };
}

/**
 * Where a journey stands for the subject:
 * - `under-way`: steps are still open and none was refused;
 * - `done`: every step ended and none was refused: nothing left to do;
 * - `refused`: a step was refused (by the agency, or tacitly); `open` are the refusals the subject can still act on
 *   at `now`, soonest deadline first. Other steps may still be open (`underWay`).
 */
export type JourneyStanding =
  | { readonly kind: 'under-way' }
  | { readonly kind: 'done' }
  | {
      readonly kind: 'refused';
      readonly underWay: boolean;
      readonly refusals: readonly RefusalOutlook[];
      readonly open: readonly RefusalOutlook[];
    };

export function journeyStanding(
  definition: LifeEventDefinition,
  steps: readonly StepOutcome[],
  now: IsoInstant,
  opts: CalendarOptions = {},
): JourneyStanding {
  const underWay = steps.some((step) => !FINAL_STEP_STATUSES.includes(step.status));
  const refusals = steps.flatMap((state) => {
    const refused =
      state.status === 'rejected' || (state.status === 'expired' && state.context?.expiryEffect === 'refused');
    const step = definition.steps.find((candidate) => candidate.id === state.id);
    return refused && step ? [refusalOutlook(step, state.finishedAt ?? now, opts)] : [];
  });
  if (refusals.length === 0) return { kind: underWay ? 'under-way' : 'done' };
  const open = refusals
    .filter((outlook) => isRefusalOpen(outlook, now))
    .sort((a, b) => (a.until ?? '\uffff').localeCompare(b.until ?? '\uffff'));
  return { kind: 'refused', underWay, refusals, open };
}

interface Phrases {
  readonly done: string;
  readonly underWay: string;
  readonly refused: (title: string) => string;
  readonly resubmit: (until?: string) => string;
  readonly appeal: (until: string | undefined, body: string) => string;
  readonly final: string;
  readonly ended: (what: 'resubmit' | 'appeal', on: string) => string;
}

const PHRASES: Readonly<Record<Language, Phrases>> = {
  nl: {
    done: 'Alles is geregeld: je hoeft niets meer te doen.',
    underWay: 'Je traject loopt.',
    refused: (title) => `"${title}" werd geweigerd.`,
    resubmit: (until) =>
      until ? `Je kan opnieuw indienen tot en met ${until}.` : 'Je kan opnieuw indienen, met nieuwe gegevens.',
    appeal: (until, body) => `Je kan in beroep gaan${until ? ` tot en met ${until}` : ''}: ${body}.`,
    final: 'Deze beslissing is definitief.',
    ended: (what, on) =>
      `De termijn om ${what === 'appeal' ? 'in beroep te gaan' : 'opnieuw in te dienen'} liep af op ${on}.`,
  },
  en: {
    done: 'Everything is done: you do not need to do anything more.',
    underWay: 'Your journey is under way.',
    refused: (title) => `"${title}" was refused.`,
    resubmit: (until) => (until ? `You may resubmit until ${until}.` : 'You may resubmit, with new information.'),
    appeal: (until, body) => `You may appeal${until ? ` until ${until}` : ''}: ${body}.`,
    final: 'This decision is final.',
    ended: (what, on) => `The term to ${what === 'appeal' ? 'appeal' : 'resubmit'} ended on ${on}.`,
  },
  fr: {
    done: "Tout est réglé : vous n'avez plus rien à faire.",
    underWay: 'Votre parcours est en cours.',
    refused: (title) => `« ${title} » a été refusé.`,
    resubmit: (until) =>
      until
        ? `Vous pouvez introduire une nouvelle demande jusqu'au ${until} inclus.`
        : 'Vous pouvez introduire une nouvelle demande, avec de nouvelles informations.',
    appeal: (until, body) => `Vous pouvez introduire un recours${until ? ` jusqu'au ${until} inclus` : ''} : ${body}.`,
    final: 'Cette décision est définitive.',
    ended: (what, on) =>
      `Le délai pour ${what === 'appeal' ? 'introduire un recours' : 'introduire une nouvelle demande'} a expiré le ${on}.`,
  },
};

/**
 * The journey's standing in one or two sentences per language, for the timeline's header and notifications: never
 * "everything is done" while a refusal stands. A refusal the subject can still act on is described first (the
 * soonest deadline); else the first refusal, with why nothing more can be done.
 */
export function standingTexts(standing: JourneyStanding, definition: LifeEventDefinition): Texts {
  return Object.fromEntries(
    LANGUAGES.map((language) => [language, standingText(standing, definition, language)]),
  ) as unknown as Texts;
}

function standingText(standing: JourneyStanding, definition: LifeEventDefinition, language: Language): string {
  const phrases = PHRASES[language];
  if (standing.kind === 'done') return phrases.done;
  if (standing.kind === 'under-way') return phrases.underWay;
  const outlook = standing.open[0] ?? standing.refusals[0];
  const title = definition.steps.find((step) => step.id === outlook.stepId)?.title[language] ?? outlook.stepId;
  const until = outlook.until === undefined ? undefined : formatDay(outlook.until, language);
  let next: string;
  if (outlook.allows === 'final') next = phrases.final;
  else if (standing.open[0] === undefined) next = phrases.ended(outlook.allows, until ?? '');
  else if (outlook.allows === 'resubmit') next = phrases.resubmit(until);
  else next = phrases.appeal(until, outlook.appeal?.title[language] ?? '');
  return `${phrases.refused(title)} ${next}`;
}
