import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyLevel, AgencyService, Texts } from '@passage/journey-model';

/** How an agency's service steps reach it: its own worker on `agency-<id>`, or Passage's webhook adapter. */
export type AgencyDelivery =
  { readonly kind: 'worker' } | { readonly kind: 'webhook'; readonly url: string; readonly secretRef: string };

@Entity('agencies')
export class AgencyEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'jsonb' }) name!: Texts;
  @Column({ type: 'text' }) level!: AgencyLevel;
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @Column({ type: 'jsonb', nullable: true }) contact!: { email?: string; phone?: string } | null;
  @Column({ type: 'jsonb' }) services!: AgencyService[];
  @Column({ type: 'jsonb' }) delivery!: AgencyDelivery;
  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true }) rateLimitPerMinute!: number | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
