import type { DataItems, Language } from '@passage/journey-model';
import type { ProjectionUpdate } from './journey.types';

/** What an agency's service step receives: only the data items the step declares in `needs`. */
export interface ServiceRequest {
  readonly journeyId: string;
  readonly stepId: string;
  readonly lifeEvent: { readonly id: string; readonly version: number };
  readonly agency: string;
  readonly service: string;
  /** `perform` the service, or `compensate` (undo) a service performed earlier in this journey. */
  readonly kind: 'perform' | 'compensate';
  /** Stable across retries of the same business action: the agency must act once per key. */
  readonly idempotencyKey: string;
  readonly items: DataItems;
  readonly language: Language;
  readonly dueAt?: string;
  /** The step was started without an application, from data the government holds. */
  readonly proactive: boolean;
  /** Only on requests of the conformance kit (never in a journey): which check this is. */
  readonly conformance?: ConformanceProbe;
  /**
   * The items the subject gave because the agency asked for them (`information-requested`): the request continues
   * the same step with them in `items`.
   */
  readonly answered?: readonly string[];
}

/**
 * A conformance check. Agencies answer probes like any request, with one addition: for `slow`, they take at least
 * `delayMs` before answering and keep heartbeating meanwhile (the agency SDK does this on its own).
 */
export interface ConformanceProbe {
  readonly probe: 'happy-path' | 'duplicate' | 'slow' | 'incomplete' | 'malformed';
  readonly delayMs?: number;
}

/**
 * - `completed`: done, with the outputs the step declares in `produces`;
 * - `rejected`: a business decision (not retried);
 * - `accepted`: the agency took the request and will answer later (a decision on the journey);
 * - `information-requested`: the agency needs more from the subject (data items of the life event, with a message
 *   in the subject's language); the step waits for the subject with its term suspended, then the same service is
 *   called again with the answers (`ServiceRequest.answered`).
 * A retryable failure is a thrown error: Temporal retries it with backoff.
 */
export type ServiceOutcome =
  | { readonly outcome: 'completed'; readonly outputs: DataItems }
  | { readonly outcome: 'rejected'; readonly reason: string }
  | { readonly outcome: 'accepted'; readonly reference?: string }
  | { readonly outcome: 'information-requested'; readonly items: readonly string[]; readonly message: string };

/** The one activity every agency queue serves; the webhook adapter and the agency SDK both implement it. */
export interface AgencyActivities {
  performService(request: ServiceRequest): Promise<ServiceOutcome>;
}

/**
 * How a projection ended: `applied`, or `quarantined` when the database refused the change itself (a data exception
 * or a constraint, SQLSTATE class 22 or 23) on every bounded attempt: the change is left out of the read model, an
 * operator is alerted and the journey goes on (`passage read-model repair` rebuilds its rows later). The workflow
 * does not branch on it: older histories recorded no result at all.
 */
export type ProjectionOutcome =
  { readonly outcome: 'applied' } | { readonly outcome: 'quarantined'; readonly sqlState: string };

/** Passage's own activities on the journey task queue (their names are in recorded histories: never rename them). */
export interface JourneyActivities {
  /** Writes the read model, the timeline, the vault and the outbox for one change, idempotently. */
  projectJourney(update: ProjectionUpdate): Promise<ProjectionOutcome | void>;
}

export const PERFORM_SERVICE_ACTIVITY = 'performService' satisfies keyof AgencyActivities;
