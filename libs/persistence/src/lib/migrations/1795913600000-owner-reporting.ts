import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Process-owner reporting: the KPI outbox the projection fills, the measurements the KPI hooks derive from it, the
 * budget ledger (one row per executed step attempt), the owners' alerts, and the satisfaction survey's answers.
 * None of these tables holds a subject id or a data item's value.
 */
export class OwnerReporting1795913600000 implements MigrationInterface {
  name = 'OwnerReporting1795913600000';

  async up(q: QueryRunner): Promise<void> {
    // One row per journey event that a KPI hook may measure, written in the projection's transaction.
    await q.query(`
      CREATE TABLE kpi_outbox (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        owner text NOT NULL,
        life_event_id text NOT NULL,
        version integer NOT NULL,
        event jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX kpi_outbox_pending ON kpi_outbox (id) WHERE processed_at IS NULL`);

    // `ordinal` numbers one event's measurements of one KPI (a hook may measure a KPI once per data item).
    await q.query(`
      CREATE TABLE kpi_measurements (
        id bigserial PRIMARY KEY,
        event_key text NOT NULL,
        journey_id text NOT NULL,
        kpi text NOT NULL,
        ordinal integer NOT NULL CHECK (ordinal >= 0),
        owner text NOT NULL,
        life_event_id text NOT NULL,
        agency text,
        channel text,
        value double precision NOT NULL CHECK (value > '-Infinity' AND value < 'Infinity'),
        at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_key, kpi, ordinal)
      )`);
    await q.query(`CREATE INDEX kpi_measurements_period ON kpi_measurements (owner, life_event_id, at)`);

    await q.query(`
      CREATE TABLE budget_ledger (
        id bigserial PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        owner text NOT NULL,
        life_event_id text NOT NULL,
        year integer NOT NULL,
        agency text NOT NULL,
        journey_id text NOT NULL,
        step_id text NOT NULL,
        channel text,
        amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
        at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX budget_ledger_year ON budget_ledger (owner, life_event_id, year)`);

    await q.query(`
      CREATE TABLE owner_alerts (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        owner text NOT NULL,
        life_event_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('target-missed', 'budget-threshold')),
        kpi text NOT NULL,
        threshold double precision NOT NULL,
        value double precision NOT NULL,
        period text NOT NULL,
        message text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz
      )`);
    await q.query(`CREATE INDEX owner_alerts_feed ON owner_alerts (owner, life_event_id, at DESC)`);

    await q.query(`
      CREATE TABLE satisfaction_answers (
        journey_id text PRIMARY KEY REFERENCES journeys (id) ON DELETE CASCADE,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        answered_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['satisfaction_answers', 'owner_alerts', 'budget_ledger', 'kpi_measurements', 'kpi_outbox']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
