import type { Channel } from '@passage/journey-model';
import type { KpiDefinition, KpiEvent, KpiHook, Measurement } from './kpi.types';
import type { KpiTargets, LifeEventOwnership } from './process-owner.types';

/** Channels that need no person at a counter or on the phone. */
export const DIGITAL_CHANNELS: ReadonlySet<Channel> = new Set(['online', 'automatic']);

const kpi = (definition: KpiDefinition) => definition;

/** The KPIs every owner gets, by the target of {@link KpiTargets} they answer to. */
export const STANDARD_KPI_DEFINITIONS = {
  leadTimeDaysP90: kpi({
    id: 'lead-time-days',
    title: 'End-to-end lead time of completed journeys',
    unit: 'days',
    aggregation: 'p90',
    better: 'at-most',
  }),
  onTimeRate: kpi({
    id: 'on-time-rate',
    title: 'Steps ended within their statutory term',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-least',
  }),
  onceOnlyRate: kpi({
    id: 'once-only-rate',
    title: 'Data items reused rather than asked',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-least',
  }),
  proactiveShare: kpi({
    id: 'proactive-share',
    title: 'Steps performed proactively',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-least',
  }),
  digitalShare: kpi({
    id: 'digital-share',
    title: 'Contacts on digital channels',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-least',
  }),
  contactsPerJourney: kpi({
    id: 'contacts-per-journey',
    title: 'Things asked of the subject per journey',
    unit: 'count',
    aggregation: 'per-journey',
    better: 'at-most',
  }),
  costPerJourney: kpi({
    id: 'cost-per-journey',
    title: 'Cost to the government per journey',
    unit: 'euro',
    aggregation: 'per-journey',
    better: 'at-most',
  }),
  satisfaction: kpi({
    id: 'satisfaction',
    title: 'Satisfaction (1 to 5)',
    unit: 'score',
    aggregation: 'mean',
    better: 'at-least',
  }),
} as const satisfies Record<keyof KpiTargets, KpiDefinition>;

const K = STANDARD_KPI_DEFINITIONS;
const one = (kpi: KpiDefinition, value: number, extra: Omit<Measurement, 'kpi' | 'value'> = {}): Measurement[] => [
  { kpi: kpi.id, value, ...extra },
];
const isExecution = (event: KpiEvent) => event.type === 'step-completed' || event.type === 'step-rejected';

/**
 * A contact of the subject's side with the government, on a channel: the start of a journey they applied for,
 * an answer they gave during it, and a step handled by a person (the channel it is handled on). Proactive starts
 * and machine-to-machine steps are no contact.
 */
function contactChannel(event: KpiEvent): Channel | undefined {
  if (event.type === 'journey-started') return event.proactive ? undefined : event.channel;
  if (event.type === 'channel-used') return event.channel;
  if (event.type === 'step-dispatched' && event.channel !== 'automatic') return event.channel;
  return undefined;
}

/** The standard KPIs as hooks: pure, deterministic, workflow-safe. */
export const STANDARD_KPIS: readonly KpiHook[] = [
  {
    kpi: K.leadTimeDaysP90,
    measure: (e) =>
      e.type === 'journey-completed' && e.durationDays !== undefined ? one(K.leadTimeDaysP90, e.durationDays) : [],
  },
  {
    kpi: K.onTimeRate,
    measure: (e) =>
      e.onTime !== undefined && e.agency !== undefined ? one(K.onTimeRate, e.onTime ? 1 : 0, { agency: e.agency }) : [],
  },
  {
    // One measurement per item: a reuse counts 1, an item asked counts 0.
    kpi: K.onceOnlyRate,
    measure: (e) =>
      e.type === 'data-reused' || e.type === 'data-asked'
        ? (e.items ?? []).map((): Measurement => ({
            kpi: K.onceOnlyRate.id,
            value: e.type === 'data-reused' ? 1 : 0,
            ...(e.agency ? { agency: e.agency } : {}),
          }))
        : [],
  },
  {
    kpi: K.proactiveShare,
    measure: (e) =>
      isExecution(e) && e.agency !== undefined ? one(K.proactiveShare, e.proactive ? 1 : 0, { agency: e.agency }) : [],
  },
  {
    kpi: K.digitalShare,
    measure: (e) => {
      const channel = contactChannel(e);
      return channel ? one(K.digitalShare, DIGITAL_CHANNELS.has(channel) ? 1 : 0, { channel }) : [];
    },
  },
  {
    kpi: K.contactsPerJourney,
    measure: (e) =>
      e.type === 'journey-started'
        ? one(K.contactsPerJourney, 0)
        : e.type === 'data-asked'
          ? one(K.contactsPerJourney, 1)
          : [],
  },
  {
    kpi: K.costPerJourney,
    measure: (e) =>
      e.type === 'journey-started'
        ? one(K.costPerJourney, 0)
        : isExecution(e) && e.cost !== undefined && e.agency !== undefined
          ? one(K.costPerJourney, e.cost, { agency: e.agency })
          : [],
  },
  {
    kpi: K.satisfaction,
    measure: (e) => (e.type === 'satisfaction-answered' && e.score !== undefined ? one(K.satisfaction, e.score) : []),
  },
];

/** The targets of a life event by KPI id: the standard targets the owner set, and the targets of their own KPIs. */
export function kpiTargets(ownership: LifeEventOwnership): Readonly<Record<string, number>> {
  const targets: Record<string, number> = {};
  for (const [name, definition] of Object.entries(STANDARD_KPI_DEFINITIONS)) {
    const target = ownership.targets[name as keyof KpiTargets];
    if (target !== undefined) targets[definition.id] = target;
  }
  return { ...targets, ...ownership.customTargets };
}
