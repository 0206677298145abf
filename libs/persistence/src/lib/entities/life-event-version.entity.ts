import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LifeEventDefinition } from '@passage/journey-model';

/** A published, immutable version of a life event (the registry). */
@Entity('life_event_versions')
export class LifeEventVersionEntity {
  @PrimaryColumn({ name: 'life_event_id', type: 'text' }) lifeEventId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) hash!: string;
  @Column({ type: 'text' }) owner!: string;
  @Column({ type: 'jsonb' }) definition!: LifeEventDefinition;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
}
