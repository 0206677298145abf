import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Registry, read model, timeline, vault with access log, mandates, inbox, escalations, outbox and idempotency keys. */
export class InitialSchema1764370000000 implements MigrationInterface {
  name = 'InitialSchema1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE life_event_versions (
        life_event_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        hash text NOT NULL,
        owner text NOT NULL,
        definition jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (life_event_id, version)
      )`);
    // Published versions are immutable: journeys pin them by hash.
    await q.query(`
      CREATE FUNCTION forbid_change_of_published_version() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'published life-event versions are immutable'; END; $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER life_event_versions_immutable BEFORE UPDATE OR DELETE ON life_event_versions
      FOR EACH ROW EXECUTE FUNCTION forbid_change_of_published_version()`);

    await q.query(`
      CREATE TABLE agencies (
        id text PRIMARY KEY,
        name jsonb NOT NULL,
        level text NOT NULL CHECK (level IN ('local', 'flemish', 'federal', 'private')),
        website text,
        contact jsonb,
        services jsonb NOT NULL,
        delivery jsonb NOT NULL DEFAULT '{"kind":"worker"}',
        rate_limit_per_minute integer,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE journeys (
        id text PRIMARY KEY,
        life_event_id text NOT NULL,
        version integer NOT NULL,
        owner text NOT NULL,
        subject text NOT NULL,
        status text NOT NULL,
        channel text NOT NULL,
        language text NOT NULL,
        proactive boolean NOT NULL DEFAULT false,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        expected_at timestamptz,
        last_seq integer NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX journeys_subject ON journeys (subject, started_at DESC)`);
    await q.query(`CREATE INDEX journeys_life_event ON journeys (life_event_id, version, status)`);

    await q.query(`
      CREATE TABLE journey_steps (
        journey_id text NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
        step_id text NOT NULL,
        agency text NOT NULL,
        service text NOT NULL,
        mode text NOT NULL,
        status text NOT NULL,
        channel text,
        attempt integer NOT NULL,
        overdue boolean NOT NULL DEFAULT false,
        ready_at timestamptz,
        dispatched_at timestamptz,
        finished_at timestamptz,
        due_at timestamptz,
        expected_at timestamptz,
        suspended_at timestamptz,
        asked jsonb,
        reused jsonb,
        task_id text,
        reason text,
        PRIMARY KEY (journey_id, step_id)
      )`);
    await q.query(`CREATE INDEX journey_steps_agency ON journey_steps (agency, status)`);

    await q.query(`
      CREATE TABLE journey_events (
        journey_id text NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
        n integer NOT NULL,
        at timestamptz NOT NULL,
        type text NOT NULL,
        step_id text,
        agency text,
        body jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (journey_id, n)
      )`);

    await q.query(`
      CREATE TABLE data_items (
        subject text NOT NULL,
        item text NOT NULL,
        ciphertext bytea NOT NULL,
        key_id text NOT NULL,
        provenance jsonb NOT NULL,
        consent boolean NOT NULL DEFAULT true,
        written_at timestamptz NOT NULL,
        PRIMARY KEY (subject, item)
      )`);

    await q.query(`
      CREATE TABLE data_access_log (
        id bigserial PRIMARY KEY,
        subject text NOT NULL,
        item text NOT NULL,
        journey_id text,
        step_id text,
        accessor text NOT NULL,
        accessor_role text NOT NULL,
        purpose text NOT NULL,
        dedupe_key text UNIQUE,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX data_access_log_journey ON data_access_log (journey_id, at)`);
    await q.query(`CREATE INDEX data_access_log_subject ON data_access_log (subject, at)`);

    await q.query(`
      CREATE TABLE mandates (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        intermediary text NOT NULL,
        life_events text[] NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_until > valid_from)
      )`);
    await q.query(`CREATE INDEX mandates_intermediary ON mandates (intermediary, subject)`);

    await q.query(`
      CREATE TABLE agency_tasks (
        id text PRIMARY KEY,
        journey_id text NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
        step_id text NOT NULL,
        life_event_id text NOT NULL,
        agency text NOT NULL,
        service text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'awaiting-subject', 'decided', 'cancelled')),
        assignee text,
        due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (journey_id, step_id, id)
      )`);
    await q.query(`CREATE INDEX agency_tasks_inbox ON agency_tasks (agency, status, due_at)`);

    await q.query(`
      CREATE TABLE escalations (
        id text PRIMARY KEY,
        journey_id text NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
        step_id text NOT NULL,
        owner text NOT NULL,
        agency text NOT NULL,
        kind text NOT NULL,
        reason text,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX escalations_owner ON escalations (owner, status)`);

    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        subject text NOT NULL,
        journey_id text,
        kind text NOT NULL,
        channel text NOT NULL,
        body jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_due ON notifications (status, next_attempt_at)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'notifications',
      'escalations',
      'agency_tasks',
      'mandates',
      'data_access_log',
      'data_items',
      'journey_events',
      'journey_steps',
      'journeys',
      'agencies',
      'life_event_versions',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS forbid_change_of_published_version()`);
  }
}
