import { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure, type Logger } from '@temporalio/common';
import { signWebhook } from '@passage/agency-sdk';
import {
  stepIdempotencyKey,
  type AgencyActivities,
  type ServiceOutcome,
  type ServiceRequest,
} from '@passage/contracts';
import type { AgencyCallbackStore } from '../callbacks/agency-callback.store';
import { callbackUrl } from '../callbacks/callback-token';
import { interpretAnswer } from './answer-interpretation';
import { jitteredDelayMs, retryAfterMs, type BackoffPolicy } from '@passage/timing';
import { backoffPolicyOf } from './retry-policy';
import type { CallVerdict, CircuitBreaker } from './circuit-breaker';
import { callWebhook, WebhookBodyTooLargeError, WebhookTransportError } from './webhook-call';

/** A webhook agency as the adapter calls it: its URL and its resolved signing secret. */
export interface WebhookAgency {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
}

export interface WebhookAdapterOptions {
  readonly agency: WebhookAgency;
  readonly callbacks: Pick<AgencyCallbackStore, 'issue'>;
  /** The API's base URL as agencies reach it (`PASSAGE_PUBLIC_URL`). */
  readonly publicUrl: string;
  readonly breaker: CircuitBreaker;
  readonly logger: Logger;
  readonly requestTimeoutMs: number;
  readonly maxBodyBytes?: number;
}

export const FAILURE_TYPES = {
  unavailable: 'AgencyUnavailable',
  contractViolation: 'AgencyContractViolation',
} as const;

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** Parked calls of an open circuit come back spread over this share of the remaining cool-down. */
const PARKED_SPREAD = 0.2;

/**
 * `performService` for an agency whose delivery is a webhook: POSTs the signed service request (with a callback URL
 * for a later decision) and turns the answer into a service outcome or a failure with Passage's retry schedule.
 * Bodies and data items are never logged: only agency, service, kind, status, attempt and duration.
 */
export class WebhookServiceAdapter implements AgencyActivities {
  constructor(private readonly options: WebhookAdapterOptions) {}

  async performService(request: ServiceRequest): Promise<ServiceOutcome> {
    const { agency, breaker } = this.options;
    const { info } = Context.current();
    const policy = backoffPolicyOf(info.retryPolicy);
    if (request.agency !== agency.id)
      throw contractViolation(`a request for ${request.agency} reached the queue of ${agency.id}`);

    const admission = breaker.admit();
    if (!admission.admitted) {
      this.log(request, 'circuit-open', info.attempt, 0);
      const parked = admission.retryInMs * (1 + PARKED_SPREAD * Math.random());
      throw unavailable(
        `agency ${agency.id} is unavailable (circuit open)`,
        Math.max(parked, jitteredDelayMs(info.attempt, policy)),
      );
    }
    // Set by the call once the agency answered or could not be reached: only that counts for the breaker.
    const seen: { verdict: CallVerdict } = { verdict: 'unknown' };
    try {
      return await this.call(request, info.attempt, policy, seen);
    } catch (error) {
      if (error instanceof ApplicationFailure || error instanceof CancelledFailure) throw error;
      // Passage's own trouble (the database for the callback token): retried like the agency's, not held against it.
      throw unavailable(
        `service call to ${agency.id} could not be prepared (${error instanceof Error ? error.name : 'unknown'})`,
        jitteredDelayMs(info.attempt, policy),
      );
    } finally {
      breaker.report(seen.verdict, admission.probe);
    }
  }

  private async call(
    request: ServiceRequest,
    attempt: number,
    policy: BackoffPolicy,
    seen: { verdict: CallVerdict },
  ): Promise<ServiceOutcome> {
    const { agency } = this.options;
    const context = Context.current();
    const body = JSON.stringify(await this.withCallback(request));
    const started = Date.now();
    let answer;
    try {
      answer = await callWebhook({
        url: agency.url,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'passage-agency-gateway',
          'idempotency-key': request.idempotencyKey,
          ...signWebhook(agency.secret, body),
        },
        timeoutMs: Math.max(1000, Math.min(this.options.requestTimeoutMs, context.info.startToCloseTimeoutMs - 1000)),
        cancellation: context.cancellationSignal,
        heartbeat: () => context.heartbeat(),
        heartbeatEveryMs: Math.min(5000, Math.max(250, (context.info.heartbeatTimeoutMs ?? 20_000) / 4)),
        maxBodyBytes: this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      });
    } catch (error) {
      if (error instanceof WebhookTransportError) {
        seen.verdict = 'unavailable';
        this.log(request, error.kind, attempt, Date.now() - started);
        throw unavailable(`agency ${agency.id}: ${error.message}`, jitteredDelayMs(attempt, policy));
      }
      if (error instanceof WebhookBodyTooLargeError) {
        seen.verdict = 'available';
        throw contractViolation(`agency ${agency.id}: ${error.message}`);
      }
      throw error;
    }
    this.log(request, answer.status, attempt, Date.now() - started);
    const meaning = interpretAnswer(answer, request.kind);
    seen.verdict = meaning.kind === 'unavailable' ? 'unavailable' : 'available';
    switch (meaning.kind) {
      case 'outcome':
        return meaning.outcome;
      case 'unavailable': {
        const asked = retryAfterMs(answer.retryAfter);
        const delay = Math.max(jitteredDelayMs(attempt, policy), Math.min(asked ?? 0, policy.maximumMs));
        throw unavailable(`agency ${agency.id} ${meaning.reason}`, delay);
      }
      case 'violation':
        throw contractViolation(`agency ${agency.id} ${meaning.reason}`);
    }
  }

  /**
   * The request as sent: a `perform` of a journey carries the URL on which the agency may post its decision later.
   * Conformance probes belong to no journey: they get no callback.
   */
  private async withCallback(request: ServiceRequest): Promise<ServiceRequest & { callbackUrl?: string }> {
    if (request.kind !== 'perform' || request.conformance) return request;
    const attempt = businessAttempt(request);
    if (attempt === undefined)
      throw contractViolation('the service request has no step attempt in its idempotency key');
    const token = await this.options.callbacks.issue({
      journeyId: request.journeyId,
      stepId: request.stepId,
      attempt,
      agency: request.agency,
    });
    return { ...request, callbackUrl: callbackUrl(this.options.publicUrl, token) };
  }

  private log(request: ServiceRequest, status: number | string, attempt: number, durationMs: number): void {
    const fields = {
      agency: request.agency,
      service: request.service,
      kind: request.kind,
      status,
      attempt,
      durationMs,
    };
    if (typeof status === 'number' && status < 300) this.options.logger.info('agency webhook call', fields);
    else this.options.logger.warn('agency webhook call', fields);
  }
}

/** The step's business attempt, from the idempotency key the engine builds (`<journey>:<step>:<attempt>`). */
function businessAttempt(request: ServiceRequest): number | undefined {
  const prefix = `${request.journeyId}:${request.stepId}:`;
  // A call that brings the subject's answers to the agency's questions continues the same attempt.
  const key = request.idempotencyKey.replace(/:answers-[1-9][0-9]{0,5}$/, '');
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : '';
  const attempt = /^[1-9][0-9]{0,5}$/.test(rest) ? Number(rest) : undefined;
  return attempt !== undefined && stepIdempotencyKey(request.journeyId, request.stepId, attempt) === key
    ? attempt
    : undefined;
}

/** Retried by Temporal after `delayMs` (not after its own jitter-free backoff). */
export function unavailable(message: string, delayMs: number): ApplicationFailure {
  return ApplicationFailure.create({ type: FAILURE_TYPES.unavailable, message, nextRetryDelay: Math.round(delayMs) });
}

/** Not retried: the step fails and the process owner gets an escalation. */
export function contractViolation(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: FAILURE_TYPES.contractViolation, message, nonRetryable: true });
}
