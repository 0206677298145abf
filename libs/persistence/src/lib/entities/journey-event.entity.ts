import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TimelineEvent } from '@passage/contracts';

/** The append-only combined timeline of a journey. */
@Entity('journey_events')
export class JourneyEventEntity {
  @PrimaryColumn({ name: 'journey_id', type: 'text' }) journeyId!: string;
  @PrimaryColumn({ type: 'integer' }) n!: number;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'step_id', type: 'text', nullable: true }) stepId!: string | null;
  @Column({ type: 'text', nullable: true }) agency!: string | null;
  @Column({ type: 'jsonb' }) body!: TimelineEvent;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
