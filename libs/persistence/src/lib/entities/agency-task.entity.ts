import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InboxTaskStatus } from '@passage/contracts';

/** A manual step in an agency's decision inbox. */
@Entity('agency_tasks')
export class AgencyTaskEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'journey_id', type: 'text' }) journeyId!: string;
  @Column({ name: 'step_id', type: 'text' }) stepId!: string;
  @Column({ name: 'life_event_id', type: 'text' }) lifeEventId!: string;
  @Column({ type: 'text' }) agency!: string;
  @Column({ type: 'text' }) service!: string;
  @Column({ type: 'text' }) status!: InboxTaskStatus;
  @Column({ type: 'text', nullable: true }) assignee!: string | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
