import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ProposalStatus = 'proposed' | 'accepted' | 'declined';

/** A journey an authentic-source event proposes to a subject, waiting for their consent (opt-in). */
@Entity('journey_proposals')
export class JourneyProposalEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'life_event_id', type: 'text' }) lifeEventId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) event!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  /** The data items the event brought, each with the authentic source holding it (the values are in `dataCiphertext`). */
  @Column({ type: 'jsonb' }) items!: Record<string, string>;
  @Column({ name: 'data_ciphertext', type: 'bytea', nullable: true }) dataCiphertext!: Buffer | null;
  @Column({ name: 'data_key_id', type: 'text', nullable: true }) dataKeyId!: string | null;
  @Column({ type: 'text' }) status!: ProposalStatus;
  @Column({ name: 'journey_id', type: 'text', nullable: true }) journeyId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
