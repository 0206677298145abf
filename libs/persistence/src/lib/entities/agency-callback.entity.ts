import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MessageReceipt } from '@passage/contracts';

/** What an agency's callback decided, without data values (those go to the journey, and from there to the vault). */
export interface AgencyCallbackOutcome {
  readonly outcome: 'approved' | 'rejected';
  readonly result: MessageReceipt['result'];
  readonly outputs?: readonly string[];
}

/**
 * A callback URL handed to an agency with a service request it may accept (202) and decide later. Only the SHA-256
 * of the token is stored, so that a copy of this table cannot be used to post decisions.
 */
@Entity('agency_callbacks')
export class AgencyCallbackEntity {
  /** SHA-256 (hex) of the token in the callback URL. */
  @PrimaryColumn({ type: 'text' }) token!: string;
  @Column({ name: 'journey_id', type: 'text' }) journeyId!: string;
  @Column({ name: 'step_id', type: 'text' }) stepId!: string;
  /** The step's business attempt the request belongs to. */
  @Column({ type: 'integer' }) attempt!: number;
  @Column({ type: 'text' }) agency!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) outcome!: AgencyCallbackOutcome | null;
}
