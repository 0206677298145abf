import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Provenance } from '@passage/contracts';

/**
 * The once-only vault: one value per subject, scope and data item, encrypted at rest. The scope says what the
 * value is about: the subject (`person`, scope id the subject), an entity by its number (`enterprise`,
 * `association`, `property`) or one journey (`journey`, scope id the journey id); see ADR 0009.
 */
@Entity('data_items')
export class DataItemEntity {
  @PrimaryColumn({ type: 'text' }) subject!: string;
  @PrimaryColumn({ name: 'scope_kind', type: 'text' }) scopeKind!: string;
  @PrimaryColumn({ name: 'scope_id', type: 'text' }) scopeId!: string;
  @PrimaryColumn({ type: 'text' }) item!: string;
  @Column({ type: 'bytea' }) ciphertext!: Buffer;
  @Column({ name: 'key_id', type: 'text' }) keyId!: string;
  @Column({ type: 'jsonb' }) provenance!: Provenance;
  @Column({ type: 'boolean' }) consent!: boolean;
  @Column({ name: 'written_at', type: 'timestamptz' }) writtenAt!: Date;
}
