import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A request's `Idempotency-Key`, so that a repeat returns the first answer instead of acting twice. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text' }) scope!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode!: number | null;
  @Column({ type: 'jsonb', nullable: true }) response!: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** While the first request runs: until when it holds the key (a retry after that runs the request again). */
  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true }) leasedUntil!: Date | null;
}
