import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One operation staff performed on a journey: who, what, when. Append-only (the table refuses changes). */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'journey_id', type: 'text', nullable: true }) journeyId!: string | null;
  @Column({ name: 'life_event_id', type: 'text', nullable: true }) lifeEventId!: string | null;
  @Column({ type: 'jsonb' }) detail!: Record<string, unknown>;
  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey!: string | null;
}
