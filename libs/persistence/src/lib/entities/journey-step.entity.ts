import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('journey_steps')
export class JourneyStepEntity {
  @PrimaryColumn({ name: 'journey_id', type: 'text' }) journeyId!: string;
  @PrimaryColumn({ name: 'step_id', type: 'text' }) stepId!: string;
  @Column({ type: 'text' }) agency!: string;
  @Column({ type: 'text' }) service!: string;
  @Column({ type: 'text' }) mode!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', nullable: true }) channel!: string | null;
  @Column({ type: 'integer' }) attempt!: number;
  @Column({ type: 'boolean' }) overdue!: boolean;
  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true }) readyAt!: Date | null;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'expected_at', type: 'timestamptz', nullable: true }) expectedAt!: Date | null;
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) asked!: string[] | null;
  @Column({ type: 'jsonb', nullable: true }) reused!: string[] | null;
  @Column({ name: 'task_id', type: 'text', nullable: true }) taskId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}
