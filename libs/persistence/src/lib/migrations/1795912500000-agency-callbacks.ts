import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Callback tokens of webhook agencies, and the nonces of signed webhook requests (shared by API replicas). */
export class AgencyCallbacks1795912500000 implements MigrationInterface {
  name = 'AgencyCallbacks1795912500000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign key to journeys: a token is issued with the first service call, possibly before the journey's
    // first projection is written.
    await q.query(`
      CREATE TABLE agency_callbacks (
        token text PRIMARY KEY CHECK (token ~ '^[0-9a-f]{64}$'),
        journey_id text NOT NULL,
        step_id text NOT NULL,
        attempt integer NOT NULL CHECK (attempt > 0),
        agency text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        outcome jsonb
      )`);
    await q.query(`CREATE INDEX agency_callbacks_journey ON agency_callbacks (journey_id, step_id)`);
    await q.query(`
      CREATE TABLE webhook_nonces (
        nonce text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_nonces_expiry ON webhook_nonces (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_nonces`);
    await q.query(`DROP TABLE agency_callbacks`);
  }
}
