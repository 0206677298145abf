import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The journey's full state was stored again next to its step rows and read by nobody: the step rows are the record. */
export class DropJourneyStateCopy1795916000000 implements MigrationInterface {
  name = 'DropJourneyStateCopy1795916000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journeys DROP COLUMN state`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journeys ADD COLUMN state jsonb NOT NULL DEFAULT '{}'`);
  }
}
