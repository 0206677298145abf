import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Provenance } from '@passage/contracts';

/** The once-only vault: one value per subject and data item, encrypted at rest. */
@Entity('data_items')
export class DataItemEntity {
  @PrimaryColumn({ type: 'text' }) subject!: string;
  @PrimaryColumn({ type: 'text' }) item!: string;
  @Column({ type: 'bytea' }) ciphertext!: Buffer;
  @Column({ name: 'key_id', type: 'text' }) keyId!: string;
  @Column({ type: 'jsonb' }) provenance!: Provenance;
  @Column({ type: 'boolean' }) consent!: boolean;
  @Column({ name: 'written_at', type: 'timestamptz' }) writtenAt!: Date;
}
