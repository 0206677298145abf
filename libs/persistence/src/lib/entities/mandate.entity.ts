import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A subject's mandate for an intermediary, limited to some life events and a period. */
@Entity('mandates')
export class MandateEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) intermediary!: string;
  @Column({ name: 'life_events', type: 'text', array: true }) lifeEvents!: string[];
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom!: Date;
  @Column({ name: 'valid_until', type: 'timestamptz' }) validUntil!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
