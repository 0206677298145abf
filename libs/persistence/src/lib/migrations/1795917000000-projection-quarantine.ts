import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Journeys whose projection the database refused on its data (SQLSTATE class 22 or 23): one row per journey, with
 * codes and counts only — never a parameter or any text of the change. Owner alerts get a kind for it.
 */
export class ProjectionQuarantine1795917000000 implements MigrationInterface {
  name = 'ProjectionQuarantine1795917000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_quarantine (
        journey_id text PRIMARY KEY,
        first_seq integer NOT NULL,
        last_seq integer NOT NULL,
        sql_state text NOT NULL CHECK (sql_state ~ '^[0-9A-Z]{5}$'),
        statement text NOT NULL,
        attempts integer NOT NULL,
        changes integer NOT NULL DEFAULT 1,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        repaired_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX projection_quarantine_open ON projection_quarantine (first_seen_at) WHERE repaired_at IS NULL`,
    );
    await q.query(`ALTER TABLE owner_alerts DROP CONSTRAINT owner_alerts_kind_check`);
    await q.query(
      `ALTER TABLE owner_alerts ADD CONSTRAINT owner_alerts_kind_check CHECK (kind IN ('target-missed', 'budget-threshold', 'projection-quarantined'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM owner_alerts WHERE kind = 'projection-quarantined'`);
    await q.query(`ALTER TABLE owner_alerts DROP CONSTRAINT owner_alerts_kind_check`);
    await q.query(
      `ALTER TABLE owner_alerts ADD CONSTRAINT owner_alerts_kind_check CHECK (kind IN ('target-missed', 'budget-threshold'))`,
    );
    await q.query(`DROP TABLE projection_quarantine`);
  }
}
