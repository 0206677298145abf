import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request in progress holds its `Idempotency-Key` as a lease: when the process that runs it dies, the lease runs
 * out and a retry runs the request again, instead of answering "in progress" for ever. Keys in progress when this
 * runs get a lease that has already run out.
 */
export class IdempotencyLease1795917300000 implements MigrationInterface {
  name = 'IdempotencyLease1795917300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN leased_until timestamptz`);
    await q.query(`UPDATE idempotency_keys SET leased_until = created_at WHERE status_code IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN leased_until`);
  }
}
