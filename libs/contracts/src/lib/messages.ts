import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DataItems, DefinitionSnapshot } from '@passage/journey-model';
import type { Actor, JourneyState } from './journey.types';

/** Every message that changes a journey carries a key: a second delivery with the same key changes nothing. */
interface Idempotent {
  readonly idempotencyKey: string;
}

export interface StepDecision extends Idempotent {
  readonly stepId: string;
  readonly outcome: 'approved' | 'rejected';
  readonly outputs?: DataItems;
  readonly reason?: string;
  readonly decidedBy: Actor;
}

export interface SubjectInputs extends Idempotent {
  readonly items: DataItems;
  readonly actor: Actor;
}

export interface InfoRequest extends Idempotent {
  readonly stepId: string;
  readonly items: readonly string[];
  readonly requestedBy: Actor;
}

export interface Withdrawal extends Idempotent {
  readonly actor: Actor;
  readonly reason?: string;
}

export interface StepRetry extends Idempotent {
  readonly stepId: string;
  readonly actor: Actor;
}

/** The subject answers a refusal that allows it with new data: the same step runs again as a new attempt. */
export interface StepResubmission extends Idempotent {
  readonly stepId: string;
  /** New values of items the step needs (may be empty when the reason asks for nothing new). */
  readonly items: DataItems;
  readonly actor: Actor;
}

/** The subject appeals a refusal that allows it: the appeal step (`<id>-appeal`) goes to the body named. */
export interface StepAppeal extends Idempotent {
  readonly stepId: string;
  /** Why the subject disagrees, in their words. */
  readonly reason?: string;
  readonly actor: Actor;
}

/**
 * How the journey took a message: `applied` it changed the journey (inputs given before they are asked are held
 * until then); `duplicate` the same message was taken before (the receipt is the first one's); `ignored` it came
 * too late or does not apply to the step's current status (nothing changed, and nothing is remembered: the same
 * message again is weighed again); `conflict` it contradicts a decision the step already took (nothing changed).
 */
export interface MessageReceipt {
  readonly result: 'applied' | 'duplicate' | 'ignored' | 'conflict';
  readonly seq: number;
  readonly detail?: string;
}

/** The process owner moves a running journey to a newer published version (at a safe point only). */
export interface VersionMigration extends Idempotent {
  readonly snapshot: DefinitionSnapshot;
  readonly actor: Actor;
}

export const decideStepUpdate = defineUpdate<MessageReceipt, [StepDecision]>('decideStep');
export const provideInputsUpdate = defineUpdate<MessageReceipt, [SubjectInputs]>('provideInputs');
export const requestInfoUpdate = defineUpdate<MessageReceipt, [InfoRequest]>('requestInfo');
export const withdrawUpdate = defineUpdate<MessageReceipt, [Withdrawal]>('withdraw');
export const retryStepUpdate = defineUpdate<MessageReceipt, [StepRetry]>('retryStep');
export const resubmitStepUpdate = defineUpdate<MessageReceipt, [StepResubmission]>('resubmitStep');
export const appealStepUpdate = defineUpdate<MessageReceipt, [StepAppeal]>('appealStep');
export const migrateVersionUpdate = defineUpdate<MessageReceipt, [VersionMigration]>('migrateVersion');
export const journeyStateQuery = defineQuery<JourneyState>('journeyState');
