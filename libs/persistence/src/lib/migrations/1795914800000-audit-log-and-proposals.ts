import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of operations staff perform on journeys (first: moving running journeys to a newer version), and
 * the journeys proposed to a subject by an authentic-source event whose life event asks consent first (opt-in).
 */
export class AuditLogAndProposals1795914800000 implements MigrationInterface {
  name = 'AuditLogAndProposals1795914800000';

  async up(q: QueryRunner): Promise<void> {
    // `dedupe_key` makes an operation that is retried with the same idempotency key one entry; refusals have none,
    // since each is a decision of its own.
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        journey_id text,
        life_event_id text,
        detail jsonb NOT NULL DEFAULT '{}',
        dedupe_key text UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_journey ON audit_log (journey_id, at)`);
    // An audit log that can be edited proves nothing.
    await q.query(`
      CREATE FUNCTION forbid_change_of_audit_entry() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit log entries are immutable'; END; $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION forbid_change_of_audit_entry()`);

    // The event's data are encrypted with the vault's keys (bound to the subject and the proposal) until the
    // subject accepts; a decline erases them. `items` names the data items and their sources, without values.
    await q.query(`
      CREATE TABLE journey_proposals (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        life_event_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        event text NOT NULL,
        occurred_at timestamptz NOT NULL,
        items jsonb NOT NULL DEFAULT '{}',
        data_ciphertext bytea,
        data_key_id text,
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
        journey_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CHECK ((data_ciphertext IS NULL) = (data_key_id IS NULL))
      )`);
    await q.query(`CREATE INDEX journey_proposals_subject ON journey_proposals (subject, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE journey_proposals`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION forbid_change_of_audit_entry()`);
  }
}
