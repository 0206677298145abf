import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** The outbox: written in the projection's transaction, delivered by the dispatcher with retries. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'dedupe_key', type: 'text' }) dedupeKey!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'journey_id', type: 'text', nullable: true }) journeyId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'jsonb' }) body!: Record<string, unknown>;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}
