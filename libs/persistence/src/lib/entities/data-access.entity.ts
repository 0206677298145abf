import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who read which data item of a subject, for which journey and step, when and why. */
@Entity('data_access_log')
export class DataAccessEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) item!: string;
  @Column({ name: 'journey_id', type: 'text', nullable: true }) journeyId!: string | null;
  @Column({ name: 'step_id', type: 'text', nullable: true }) stepId!: string | null;
  @Column({ type: 'text' }) accessor!: string;
  @Column({ name: 'accessor_role', type: 'text' }) accessorRole!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
}
