import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JourneyState } from '@passage/contracts';

/** The read model of one journey: a projection of the workflow's state, never written by anyone else. */
@Entity('journeys')
export class JourneyEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'life_event_id', type: 'text' }) lifeEventId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) owner!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text' }) language!: string;
  @Column({ type: 'boolean' }) proactive!: boolean;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'expected_at', type: 'timestamptz', nullable: true }) expectedAt!: Date | null;
  @Column({ name: 'last_seq', type: 'integer' }) lastSeq!: number;
  /** The entities the journey holds a number for, by scope: whose vault values it uses (`JourneyState.entities`). */
  @Column({ type: 'jsonb', nullable: true }) entities!: JourneyState['entities'] | null;
}
