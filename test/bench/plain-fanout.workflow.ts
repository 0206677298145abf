import { ApplicationFailure, proxyActivities, type ActivityInterfaceFor } from '@temporalio/workflow';
import type { AgencyActivities, ServiceRequest } from '@passage/contracts';
import type { DataItems, DataValue } from '@passage/journey-model';

/*
 * The benchmark's baseline: the same fan-out as a Passage journey, written by hand against Temporal. Each level runs
 * in parallel (`Promise.all`), each step is one `performService` call on its agency's task queue with the same request
 * a Passage journey sends, and the same activity options as a journey's defaults (DEFAULT_JOURNEY_SETTINGS).
 */

export interface PlainStep {
  readonly id: string;
  readonly agency: string;
  readonly taskQueue: string;
  readonly needs: readonly string[];
}

export interface PlainFanoutInput {
  readonly journeyId: string;
  readonly lifeEventId: string;
  readonly levels: readonly (readonly PlainStep[])[];
  readonly data: DataItems;
}

export interface PlainFanoutResult {
  readonly status: 'completed';
  readonly steps: readonly { readonly id: string; readonly status: 'completed' }[];
}

const proxies = new Map<string, ActivityInterfaceFor<AgencyActivities>>();

function agencyOn(taskQueue: string): ActivityInterfaceFor<AgencyActivities> {
  let proxy = proxies.get(taskQueue);
  if (!proxy) {
    proxy = proxyActivities<AgencyActivities>({
      taskQueue,
      startToCloseTimeout: '600 seconds',
      heartbeatTimeout: '60 seconds',
      retry: { initialInterval: '1 second', maximumInterval: '300 seconds', backoffCoefficient: 2, maximumAttempts: 8 },
    });
    proxies.set(taskQueue, proxy);
  }
  return proxy;
}

function requestFor(input: PlainFanoutInput, step: PlainStep, data: DataItems): ServiceRequest {
  const items: Record<string, DataValue> = {};
  for (const item of step.needs) if (data[item] !== undefined) items[item] = data[item];
  return {
    journeyId: input.journeyId,
    stepId: step.id,
    lifeEvent: { id: input.lifeEventId, version: 1 },
    agency: step.agency,
    service: step.id,
    kind: 'perform',
    idempotencyKey: `${input.journeyId}:${step.id}:1`,
    items,
    language: 'nl',
    proactive: false,
  };
}

export async function plainFanout(input: PlainFanoutInput): Promise<PlainFanoutResult> {
  const data: Record<string, DataValue> = { ...input.data };
  for (const level of input.levels) {
    const outcomes = await Promise.all(
      level.map((step) => agencyOn(step.taskQueue).performService(requestFor(input, step, data))),
    );
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.outcome !== 'completed')
        throw ApplicationFailure.nonRetryable(`step ${level[i].id}: ${outcome.outcome}`);
      Object.assign(data, outcome.outputs);
    }
  }
  return { status: 'completed', steps: input.levels.flat().map((step) => ({ id: step.id, status: 'completed' })) };
}
