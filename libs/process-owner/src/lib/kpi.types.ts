import type { Channel } from '@passage/journey-model';

/** What happened in a journey, as process-owner KPI hooks see it: no subject, no personal data. */
export const KPI_EVENT_TYPES = [
  'journey-started',
  'step-dispatched',
  'step-completed',
  'step-rejected',
  'term-expired',
  'data-reused',
  'data-asked',
  'channel-used',
  'journey-completed',
  'journey-withdrawn',
  'journey-rejected',
  'satisfaction-answered',
] as const;
export type KpiEventType = (typeof KPI_EVENT_TYPES)[number];

export interface KpiEvent {
  readonly type: KpiEventType;
  /** Unique per journey event: hooks run once per id. */
  readonly id: string;
  readonly journeyId: string;
  readonly lifeEvent: string;
  readonly version: number;
  readonly at: string;
  readonly stepId?: string;
  readonly agency?: string;
  readonly channel?: Channel;
  /** Data items concerned (reused or asked), by name only. */
  readonly items?: readonly string[];
  /**
   * For a step with a statutory term that ended (decided, or expired without a decision): whether it ended within
   * the term. Absent while the step stays open after its term (overdue): its later decision carries it.
   */
  readonly onTime?: boolean;
  /** For finished steps and journeys: elapsed calendar days since dispatch or start. */
  readonly durationDays?: number;
  /** Whether the step ran proactively (without an application). */
  readonly proactive?: boolean;
  /** For step events: the business attempt (1, then +1 per retry); one attempt is one execution. */
  readonly attempt?: number;
  /**
   * For executed steps (completed or rejected): what the execution cost the life event's budget, in euro. Set by the
   * engine when it processes the event, from the owner's cost rules and the definition.
   */
  readonly cost?: number;
  /** For `satisfaction-answered`: 1..5. */
  readonly score?: number;
}

/** One measurement a hook derives from an event; `value` is summed or averaged per KPI as its aggregation says. */
export interface Measurement {
  readonly kpi: string;
  readonly value: number;
  /** The agency the measurement is attributed to, when it concerns one. */
  readonly agency?: string;
  /** The channel the measurement concerns, when it concerns one (channel mix). */
  readonly channel?: Channel;
}

/**
 * How measurements of a KPI combine over a period. `rate` is the mean of 0/1 values; `per-journey` is the sum of the
 * values divided by the number of journeys measured (hooks measure 0 when a journey starts, so every journey counts).
 */
export type Aggregation = 'sum' | 'mean' | 'p50' | 'p90' | 'rate' | 'per-journey';

export interface KpiDefinition {
  readonly id: string;
  readonly title: string;
  readonly unit: 'days' | 'share' | 'count' | 'euro' | 'score';
  readonly aggregation: Aggregation;
  /** `at-most`: lower is better (lead time, cost); `at-least`: higher is better. */
  readonly better: 'at-most' | 'at-least';
}

/** A pure function from journey events to measurements, registered by a process-owner module. */
export interface KpiHook {
  readonly kpi: KpiDefinition;
  measure(event: KpiEvent): readonly Measurement[];
}
