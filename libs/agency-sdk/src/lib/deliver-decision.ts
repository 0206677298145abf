import type { Client } from '@temporalio/client';
import { decideStepUpdate, type MessageReceipt } from '@passage/contracts';
import type { DataItems } from '@passage/journey-model';
import type { StepRef } from './step-context';

/** The later decision on a step that answered `accepted`. */
export type AgencyDecision =
  | { readonly outcome: 'approved'; readonly outputs?: DataItems; readonly decidedBy?: string }
  | { readonly outcome: 'rejected'; readonly reason: string; readonly decidedBy?: string };

/**
 * Decides a step this agency accepted earlier, from a worker agency (with a Temporal client using Passage's data
 * converter). The key derives from the request's idempotency key: delivering the same decision twice, or a second
 * different one, changes nothing (`duplicate`); a decision for a step no longer waiting answers `ignored`.
 * `decidedBy` is a pseudonymous staff id, never a name or a national number.
 */
export async function deliverDecision(
  client: Client,
  step: StepRef,
  decision: AgencyDecision,
): Promise<MessageReceipt> {
  const idempotencyKey = `${step.idempotencyKey}:decision`;
  const decidedBy = {
    id: decision.decidedBy ?? `agency-${step.agency ?? 'system'}`,
    role: 'agency' as const,
    agency: step.agency,
  };
  return client.workflow.getHandle(step.journeyId).executeUpdate(decideStepUpdate, {
    updateId: idempotencyKey,
    args: [
      decision.outcome === 'approved'
        ? { idempotencyKey, stepId: step.stepId, outcome: 'approved', outputs: decision.outputs, decidedBy }
        : { idempotencyKey, stepId: step.stepId, outcome: 'rejected', reason: decision.reason, decidedBy },
    ],
  });
}
