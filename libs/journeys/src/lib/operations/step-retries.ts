import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { isJourneyId, notFound, PassageError, retryStepUpdate, type MessageReceipt } from '@passage/contracts';
import { AuditLog, JourneyEntity } from '@passage/persistence';
import { readJourney, updateJourney } from '@passage/temporal';

/** Who retries: a process owner's staff member (for their owner's journeys only) or an administrator. */
export interface Operator {
  readonly id: string;
  readonly role: 'owner' | 'admin';
  /** The process owner a staff member works for (role `owner`). */
  readonly owner?: string;
}

/**
 * Retries a failed step: the step runs again as a new attempt (the agency sees a new idempotency key), and the retry
 * is recorded in the audit log and on the timeline. A failed step escalates to the process owner; this is their way
 * out. A journey the operator may not act on does not exist for them.
 */
export class StepRetries {
  private readonly audit: AuditLog;

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {
    this.audit = new AuditLog(dataSource);
  }

  async retry(operator: Operator, journeyId: string, stepId: string, idempotencyKey?: string): Promise<MessageReceipt> {
    if (!isJourneyId(journeyId)) throw notFound('journey');
    const journey = await this.dataSource.getRepository(JourneyEntity).findOneBy({ id: journeyId });
    if (!journey || (operator.role === 'owner' && journey.owner !== operator.owner)) throw notFound('journey');
    const step = (await readJourney(this.temporal, journeyId)).steps.find((s) => s.id === stepId);
    if (!step) throw new PassageError('not-found', `the journey has no step ${stepId}`, 'stepId');
    if (step.status !== 'failed')
      throw new PassageError('step-not-failed', `step ${stepId} is ${step.status}: only a failed step is retried`);
    const key = idempotencyKey ?? `retry:${journeyId}:${stepId}:${step.attempt}:${randomUUID()}`;
    const receipt = await updateJourney(this.temporal, journeyId, retryStepUpdate, {
      idempotencyKey: key,
      stepId,
      actor: { id: operator.id, role: operator.role },
    });
    if (receipt.result === 'ignored')
      throw new PassageError('step-not-failed', receipt.detail ?? `step ${stepId} has not failed`);
    await this.audit.record({
      actor: operator.id,
      action: 'step-retried',
      journeyId,
      lifeEventId: journey.lifeEventId,
      detail: { stepId, failedAttempt: step.attempt, role: operator.role },
      dedupeKey: `step-retried:${journeyId}:${key}`,
    });
    return receipt;
  }
}
