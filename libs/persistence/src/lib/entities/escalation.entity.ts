import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Work for a process owner: a step that failed for good, or whose statutory term passed with rule `escalate`. */
@Entity('escalations')
export class EscalationEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'journey_id', type: 'text' }) journeyId!: string;
  @Column({ name: 'step_id', type: 'text' }) stepId!: string;
  @Column({ type: 'text' }) owner!: string;
  @Column({ type: 'text' }) agency!: string;
  @Column({ type: 'text' }) kind!: 'step-failed' | 'term-expired';
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text' }) status!: 'open' | 'resolved';
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
