import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification dispatcher's bookkeeping: `fanned_out` marks outbox rows whose e-mail sibling has been considered
 * (ADR 0004), and an index serves the term reminder job's search for open terms that end soon.
 */
export class NotificationFanOut1795912029000 implements MigrationInterface {
  name = 'NotificationFanOut1795912029000';

  async up(q: QueryRunner): Promise<void> {
    // Rows from before the dispatcher count as done: nobody should get e-mail about the past.
    await q.query(`ALTER TABLE notifications ADD COLUMN fanned_out boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN fanned_out SET DEFAULT false`);
    await q.query(`CREATE INDEX notifications_fan_out ON notifications (id) WHERE NOT fanned_out`);
    await q.query(
      `CREATE INDEX journey_steps_open_due ON journey_steps (due_at) WHERE status IN ('dispatched', 'in-progress', 'awaiting-subject')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS journey_steps_open_due`);
    await q.query(`DROP INDEX IF EXISTS notifications_fan_out`);
    await q.query(`ALTER TABLE notifications DROP COLUMN IF EXISTS fanned_out`);
  }
}
