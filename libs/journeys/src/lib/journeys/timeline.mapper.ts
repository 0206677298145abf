import type { TimelineEvent } from '@passage/contracts';
import {
  appealStep,
  appealStepId,
  journeyStanding,
  standingTexts,
  type AgencyLevel,
  type DataItemType,
  type ExpiryRule,
  type Language,
  type LifeEventDefinition,
  type StepDefinition,
  type StepStatus,
  type TermKind,
  type Texts,
} from '@passage/journey-model';
import type { JourneyEntity, JourneyStepEntity } from '@passage/persistence';

export interface AskedItem {
  readonly item: string;
  readonly label: string;
  readonly type: DataItemType;
  readonly values?: readonly string[];
  readonly stepId: string;
}

export interface TimelineStep {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly agency: { readonly id: string; readonly name: string; readonly level: AgencyLevel | 'unknown' };
  readonly mode: string;
  readonly status: string;
  readonly channel?: string;
  readonly dueAt?: string;
  /** What `dueAt` is: whom the legal term binds (the agency or the subject) and what happens when it expires. */
  readonly term?: { readonly kind: TermKind; readonly onExpiry: ExpiryRule };
  readonly expectedAt?: string;
  readonly finishedAt?: string;
  readonly overdue: boolean;
  readonly asked: readonly AskedItem[];
  readonly reused: readonly { readonly item: string; readonly label: string }[];
  readonly reason?: string;
}

export interface JourneySummary {
  readonly id: string;
  readonly lifeEvent: { readonly id: string; readonly version: number; readonly title: string };
  readonly status: string;
  readonly channel: string;
  /** Started by an authentic source's event rather than an application. */
  readonly proactive: boolean;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly expectedAt?: string;
}

/**
 * Where the journey stands for the subject, in their language: never "everything is done" next to a refusal. While
 * a refusal may still be answered, `open` says how (resubmit or appeal) and until when.
 */
export interface JourneyStandingView {
  readonly kind: 'under-way' | 'done' | 'refused';
  readonly text: string;
  readonly open: readonly { readonly stepId: string; readonly allows: string; readonly until?: string }[];
}

export interface TimelineView extends JourneySummary {
  readonly language: Language;
  readonly standing: JourneyStandingView;
  readonly seq: number;
  readonly steps: readonly TimelineStep[];
  /** Everything asked of the subject now, across agencies. */
  readonly asked: readonly AskedItem[];
  readonly events: readonly TimelineEvent[];
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);
const text = (texts: Texts | undefined, language: Language) => texts?.[language];

export function toJourneySummary(
  journey: JourneyEntity,
  definition: LifeEventDefinition,
  language: Language,
): JourneySummary {
  return {
    id: journey.id,
    lifeEvent: { id: journey.lifeEventId, version: journey.version, title: definition.title[language] },
    status: journey.status,
    channel: journey.channel,
    proactive: journey.proactive,
    startedAt: journey.startedAt.toISOString(),
    finishedAt: iso(journey.finishedAt),
    expectedAt: iso(journey.expectedAt),
  };
}

/**
 * The combined timeline of one journey in the subject's language: every step with its agency and level, status,
 * due date (statutory term) and expected date (critical path), what is asked now, and what was reused.
 */
export function toTimeline(
  journey: JourneyEntity,
  steps: readonly JourneyStepEntity[],
  events: readonly TimelineEvent[],
  definition: LifeEventDefinition,
  agencies: ReadonlyMap<string, { readonly name: Texts; readonly level: AgencyLevel }>,
  language: Language,
  /** Steps of earlier versions the journey finished before it migrated: they stay in the record, after the others. */
  retired: readonly StepDefinition[] = [],
  now: string = new Date().toISOString(),
): TimelineView {
  const byId = new Map(steps.map((step) => [step.stepId, step]));
  const label = (item: string) => text(definition.dataItems[item]?.label, language) ?? item;
  // An appeal step (`<id>-appeal`) runs once the subject appeals: shown right after the step it reviews.
  const shown = [
    ...definition.steps.flatMap((def) => {
      const appeal = byId.has(appealStepId(def.id)) ? appealStep(def) : undefined;
      return appeal ? [def, appeal] : [def];
    }),
    ...retired.filter((def) => byId.has(def.id) && !definition.steps.some((s) => s.id === def.id)),
  ];
  const timelineSteps = shown.map((def): TimelineStep => {
    const row = byId.get(def.id);
    const agency = agencies.get(def.agency);
    const asked = (row?.asked ?? []).map((item): AskedItem => {
      const spec = definition.dataItems[item];
      return {
        item,
        label: label(item),
        type: spec?.type ?? 'string',
        ...(spec?.values ? { values: spec.values } : {}),
        stepId: def.id,
      };
    });
    return {
      id: def.id,
      title: def.title[language],
      description: text(def.description, language),
      agency: { id: def.agency, name: agency?.name[language] ?? def.agency, level: agency?.level ?? 'unknown' },
      mode: def.mode,
      status: row?.status ?? 'pending',
      channel: row?.channel ?? undefined,
      dueAt: iso(row?.dueAt),
      ...(def.term ? { term: { kind: def.term.kind, onExpiry: def.term.onExpiry } } : {}),
      expectedAt: iso(row?.expectedAt),
      finishedAt: iso(row?.finishedAt),
      overdue: row?.overdue ?? false,
      asked,
      reused: (row?.reused ?? []).map((item) => ({ item, label: label(item) })),
      reason: row?.reason ?? undefined,
    };
  });
  return {
    ...toJourneySummary(journey, definition, language),
    language,
    standing: standingOf(definition, steps, language, now),
    seq: journey.lastSeq,
    steps: timelineSteps,
    asked: timelineSteps.flatMap((step) => step.asked),
    events,
  };
}

/**
 * The journey's standing from its steps. A refusal under appeal is under way while the appeal runs; an appeal
 * upheld overturns the refusal; an appeal refused leaves a refusal nothing more can be done about.
 */
function standingOf(
  definition: LifeEventDefinition,
  rows: readonly JourneyStepEntity[],
  language: Language,
  now: string,
): JourneyStandingView {
  const byId = new Map(rows.map((row) => [row.stepId, row]));
  const finalOnAppeal = new Set<string>();
  const outcomes = rows
    .filter((row) => definition.steps.some((step) => step.id === row.stepId))
    .map((row) => {
      const appeal = byId.get(appealStepId(row.stepId));
      let status = row.status as StepStatus;
      if (appeal?.status === 'completed') status = 'completed';
      else if (appeal?.status === 'rejected' || appeal?.status === 'expired') finalOnAppeal.add(row.stepId);
      else if (appeal) status = 'in-progress';
      return { id: row.stepId, status, finishedAt: iso(appeal?.finishedAt ?? row.finishedAt) };
    });
  const judged: LifeEventDefinition = {
    ...definition,
    steps: definition.steps.map((step) =>
      finalOnAppeal.has(step.id) ? { ...step, refusal: { allows: 'final' as const } } : step,
    ),
  };
  const standing = journeyStanding(judged, outcomes, now);
  return {
    kind: standing.kind,
    text: standingTexts(standing, judged)[language],
    open:
      standing.kind === 'refused'
        ? standing.open.map((o) => ({ stepId: o.stepId, allows: o.allows, ...(o.until ? { until: o.until } : {}) }))
        : [],
  };
}
