import type { ServiceRequest } from '@passage/contracts';
import type { Language } from '@passage/journey-model';
import type { ItemsOf } from './item-class';
import { ServiceFailure } from './service-failure';

/** What a handler answers; build it with the context's `completed`, `rejected` and `accepted`. */
export type StepResult<O> =
  | { readonly outcome: 'completed'; readonly outputs: ItemsOf<O> }
  | { readonly outcome: 'rejected'; readonly reason: string }
  | { readonly outcome: 'accepted'; readonly reference?: string }
  | { readonly outcome: 'information-requested'; readonly items: readonly string[]; readonly message: string };

/** Where a step that answered `accepted` sends its decision later (see `deliverDecision`). */
export interface StepRef {
  readonly journeyId: string;
  readonly stepId: string;
  readonly idempotencyKey: string;
  readonly agency?: string;
}

/** How the transport (Temporal worker or webhook) lets a handler report progress and learn of cancellation. */
export interface StepRuntime {
  readonly signal: AbortSignal;
  heartbeat(details?: unknown): void;
  /** Worker requests only: the details of the last heartbeat of the previous attempt. */
  readonly heartbeatDetails?: unknown;
  /** Webhook requests only: where to send a later decision (see the README's callback contract). */
  readonly callbackUrl?: string;
}

export interface StepContext<O> {
  /** Stable across retries of the same business action: act once per key and answer the same again. */
  readonly idempotencyKey: string;
  readonly journeyId: string;
  readonly stepId: string;
  readonly service: string;
  readonly lifeEvent: { readonly id: string; readonly version: number };
  /** The subject's language, for any text you return (a rejection's reason). */
  readonly language: Language;
  /** The statutory term's end, when the step has one (ISO date-time). */
  readonly dueAt?: string;
  /** The journey started this step without an application, from data the government holds. */
  readonly proactive: boolean;
  /** A request of the conformance kit (journey id `conformance-…`): answer as usual, but change nothing real. */
  readonly conformance: boolean;
  /** Aborted when Passage cancels the step (the journey was withdrawn or the step is no longer needed). */
  readonly signal: AbortSignal;
  /** Webhook requests only: where to POST the decision of a step you answered `accepted`. */
  readonly callbackUrl?: string;
  /** Everything `deliverDecision` needs to decide this step later. */
  readonly ref: StepRef;
  /** Reports progress (the SDK also heartbeats on its own every few seconds); `details` come back on a retry. */
  heartbeat(details?: unknown): void;
  /** What the previous attempt last passed to `heartbeat`, to resume from (worker requests only). */
  readonly heartbeatDetails?: unknown;
  completed(outputs: ItemsOf<O>): StepResult<O>;
  /** A business decision, final: Passage does not retry it. The subject reads the reason. */
  rejected(reason: string): StepResult<O>;
  /** You took the request and will decide later, with `deliverDecision` or the webhook callback. */
  accepted(reference?: string): StepResult<O>;
  /**
   * You need more from the subject: Passage asks them for these data items (names the life event knows) with your
   * message (in `language`), suspends the step's term meanwhile, and calls this service again with the answers in
   * the input (declare them in your input class) and their names in `answered`.
   */
  requestInformation(items: readonly string[], message: string): StepResult<O>;
  /** The items the subject gave because this step asked (empty on a first call). */
  readonly answered: readonly string[];
  /** Cannot answer now (a back office is down): Passage retries with backoff, after `afterSeconds` if given. */
  retryLater(reason: string, afterSeconds?: number): never;
}

export function stepContext<O>(request: ServiceRequest, runtime: StepRuntime): StepContext<O> {
  const { idempotencyKey, journeyId, stepId, service, lifeEvent, language, dueAt, proactive, agency } = request;
  return {
    idempotencyKey,
    journeyId,
    stepId,
    service,
    lifeEvent,
    language,
    dueAt,
    proactive,
    conformance: request.conformance !== undefined,
    signal: runtime.signal,
    callbackUrl: runtime.callbackUrl,
    heartbeatDetails: runtime.heartbeatDetails,
    ref: { journeyId, stepId, idempotencyKey, agency },
    heartbeat: (details) => runtime.heartbeat(details),
    completed: (outputs) => ({ outcome: 'completed', outputs }),
    rejected: (reason) => ({ outcome: 'rejected', reason }),
    accepted: (reference) => ({ outcome: 'accepted', reference }),
    requestInformation: (items, message) => ({ outcome: 'information-requested', items: [...items], message }),
    answered: request.answered ?? [],
    retryLater: (reason, afterSeconds) => {
      throw new ServiceFailure('ServiceUnavailable', reason, afterSeconds);
    },
  };
}
