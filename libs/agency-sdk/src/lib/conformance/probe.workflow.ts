import { ActivityFailure, ApplicationFailure, proxyActivities, TimeoutFailure } from '@temporalio/workflow';
import type { AgencyActivities, ServiceOutcome, ServiceRequest } from '@passage/contracts';

/** One conformance check as a workflow: activities can only be called from one. */
export interface ProbeInput {
  /** `agency-<id>`. */
  readonly taskQueue: string;
  readonly request: ServiceRequest;
  /** How many times to deliver the same request (2 for the duplicate check). */
  readonly deliveries: number;
  readonly startToCloseTimeoutMs: number;
  readonly heartbeatTimeoutMs?: number;
  readonly maximumAttempts: number;
}

export interface ProbeFailure {
  readonly type?: string;
  readonly message: string;
  readonly nonRetryable: boolean;
  /** Set when the agency did not answer in time: `HEARTBEAT`, `START_TO_CLOSE`, … */
  readonly timeout?: string;
  /** Why Temporal stopped retrying: `NON_RETRYABLE_FAILURE`, `MAXIMUM_ATTEMPTS_REACHED`, … */
  readonly retryState?: string;
}

export type ProbeAnswer =
  | { readonly kind: 'outcome'; readonly outcome: ServiceOutcome }
  | { readonly kind: 'failure'; readonly failure: ProbeFailure };

/** Calls `performService` on the agency's queue as the engine does, and reports each answer or failure. */
export async function conformanceProbe(input: ProbeInput): Promise<ProbeAnswer[]> {
  const agency = proxyActivities<AgencyActivities>({
    taskQueue: input.taskQueue,
    startToCloseTimeout: input.startToCloseTimeoutMs,
    heartbeatTimeout: input.heartbeatTimeoutMs,
    retry: {
      initialInterval: 200,
      backoffCoefficient: 2,
      maximumInterval: 1_000,
      maximumAttempts: input.maximumAttempts,
    },
  });
  const answers: ProbeAnswer[] = [];
  for (let delivery = 0; delivery < input.deliveries; delivery++) {
    try {
      answers.push({ kind: 'outcome', outcome: await agency.performService(input.request) });
    } catch (error) {
      answers.push({ kind: 'failure', failure: failureOf(error) });
    }
  }
  return answers;
}

function failureOf(error: unknown): ProbeFailure {
  const retryState = error instanceof ActivityFailure ? error.retryState : undefined;
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  if (cause instanceof ApplicationFailure)
    return {
      type: cause.type ?? undefined,
      message: cause.message,
      nonRetryable: cause.nonRetryable === true,
      retryState,
    };
  if (cause instanceof TimeoutFailure)
    return { message: cause.message, nonRetryable: false, timeout: cause.timeoutType, retryState };
  return {
    type: cause instanceof Error ? cause.name : undefined,
    message: cause instanceof Error ? cause.message : String(cause),
    nonRetryable: false,
    retryState,
  };
}
