import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { postgresPool } from '../data-source';
import type { ProjectionOutcome, ProjectionUpdate } from '@passage/contracts';
import { projectionPlan } from '@passage/read-model';
import type { VaultCipher } from '../vault/vault-cipher';
import { scopeColumns, vaultScopeOf } from '../vault/vault';
import {
  isPoisonSqlState,
  ProjectionQuarantineStore,
  sqlStateOf,
  type QuarantinedProjection,
} from './projection-quarantine';

/** The PostgreSQL notification channel on which the projection announces new timeline events of a journey. */
export const JOURNEY_EVENTS_CHANNEL = 'passage_journey_events';

/**
 * The whole projection of one change as one statement (one round trip, atomic on its own), executing the change's
 * plan (`projectionPlan`, one `jsonb` parameter): the journey row and its steps and inbox tasks (only when the change
 * is newer than what is stored: a retried or reordered write never moves a row backwards), the timeline, and for
 * each event this statement inserted its side effects (data access log, escalations, notifications outbox, KPI
 * outbox, all idempotent by key), the vault, and the wake-up of live timelines. Sibling CTEs do not see each other's
 * rows, so an escalation looks for the events that resolve it both in the stored timeline and in this change.
 */
const APPLY_PROJECTION = `
WITH plan AS (
  SELECT $1::jsonb AS p
), head AS (
  SELECT j.* FROM plan, jsonb_to_record(plan.p->'journey') AS j(id text, life_event_id text, version integer,
         owner text, subject text, status text, channel text, language text, proactive boolean, started_at timestamptz,
         finished_at timestamptz, expected_at timestamptz, last_seq integer, entities jsonb)
), journey AS (
  INSERT INTO journeys (id, life_event_id, version, owner, subject, status, channel, language, proactive,
                        started_at, finished_at, expected_at, last_seq, entities, updated_at)
  SELECT id, life_event_id, version, owner, subject, status, channel, language, proactive,
         started_at, finished_at, expected_at, last_seq, entities, now() FROM head
  ON CONFLICT (id) DO UPDATE SET
    started_at = EXCLUDED.started_at, channel = EXCLUDED.channel, language = EXCLUDED.language, proactive = EXCLUDED.proactive,
    status = EXCLUDED.status, finished_at = EXCLUDED.finished_at, expected_at = EXCLUDED.expected_at,
    last_seq = EXCLUDED.last_seq, version = EXCLUDED.version, entities = EXCLUDED.entities, updated_at = now()
  WHERE journeys.last_seq < EXCLUDED.last_seq
  RETURNING id
), steps AS (
  INSERT INTO journey_steps (journey_id, step_id, agency, service, mode, status, channel, attempt, overdue, ready_at,
                             dispatched_at, finished_at, due_at, expected_at, suspended_at, asked, reused, task_id, reason)
  SELECT head.id, s.step_id, s.agency, s.service, s.mode, s.status, s.channel, s.attempt, s.overdue, s.ready_at,
         s.dispatched_at, s.finished_at, s.due_at, s.expected_at, s.suspended_at, s.asked, s.reused, s.task_id, s.reason
    FROM plan, head, jsonb_to_recordset(plan.p->'steps') AS s(step_id text, agency text, service text, mode text,
         status text, channel text, attempt integer, overdue boolean, ready_at timestamptz, dispatched_at timestamptz,
         finished_at timestamptz, due_at timestamptz, expected_at timestamptz, suspended_at timestamptz, asked jsonb,
         reused jsonb, task_id text, reason text)
   WHERE EXISTS (SELECT 1 FROM journey)
  ON CONFLICT (journey_id, step_id) DO UPDATE SET
    status = EXCLUDED.status, channel = EXCLUDED.channel, attempt = EXCLUDED.attempt, overdue = EXCLUDED.overdue,
    ready_at = EXCLUDED.ready_at, dispatched_at = EXCLUDED.dispatched_at, finished_at = EXCLUDED.finished_at,
    due_at = EXCLUDED.due_at, expected_at = EXCLUDED.expected_at, suspended_at = EXCLUDED.suspended_at,
    asked = EXCLUDED.asked, reused = EXCLUDED.reused, task_id = EXCLUDED.task_id, reason = EXCLUDED.reason
  WHERE (journey_steps.status, journey_steps.channel, journey_steps.attempt, journey_steps.overdue, journey_steps.ready_at,
         journey_steps.dispatched_at, journey_steps.finished_at, journey_steps.due_at, journey_steps.expected_at,
         journey_steps.suspended_at, journey_steps.asked, journey_steps.reused, journey_steps.task_id, journey_steps.reason)
    IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.channel, EXCLUDED.attempt, EXCLUDED.overdue, EXCLUDED.ready_at,
         EXCLUDED.dispatched_at, EXCLUDED.finished_at, EXCLUDED.due_at, EXCLUDED.expected_at,
         EXCLUDED.suspended_at, EXCLUDED.asked, EXCLUDED.reused, EXCLUDED.task_id, EXCLUDED.reason)
), tasks AS (
  INSERT INTO agency_tasks (id, journey_id, step_id, life_event_id, agency, service, status, due_at, closed_at)
  SELECT t.id, head.id, t.step_id, head.life_event_id, t.agency, t.service, t.status, t.due_at,
         CASE WHEN t.open THEN NULL ELSE now() END
    FROM plan, head, jsonb_to_recordset(plan.p->'tasks') AS t(id text, step_id text, agency text, service text,
         status text, due_at timestamptz, open boolean)
   WHERE EXISTS (SELECT 1 FROM journey)
  ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, due_at = EXCLUDED.due_at,
    closed_at = COALESCE(agency_tasks.closed_at, EXCLUDED.closed_at)
  WHERE (agency_tasks.status, agency_tasks.due_at) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.due_at)
), update_events AS (
  SELECT (e.body->>'n')::integer AS n, (e.body->>'at')::timestamptz AS at, e.body->>'type' AS type,
         e.body->>'stepId' AS step_id, e.body->>'agency' AS agency, e.body
    FROM plan, jsonb_array_elements(plan.p->'events') AS e(body)
), fresh AS (
  INSERT INTO journey_events (journey_id, n, at, type, step_id, agency, body)
  SELECT head.id, n, at, type, step_id, agency, body FROM head, update_events
  ON CONFLICT (journey_id, n) DO NOTHING
  RETURNING n
), accesses AS (
  INSERT INTO data_access_log (subject, item, journey_id, step_id, accessor, accessor_role, purpose, dedupe_key, at)
  SELECT head.subject, a.item, head.id, a.step_id, a.accessor, 'agency', a.purpose, a.dedupe_key, a.at
    FROM plan, head, jsonb_to_recordset(plan.p->'accesses') AS a(n integer, item text, step_id text, accessor text,
         purpose text, dedupe_key text, at timestamptz)
   WHERE a.n IN (SELECT n FROM fresh)
  ON CONFLICT (dedupe_key) DO NOTHING
), resolving_types AS (
  SELECT jsonb_array_elements_text(plan.p->'resolvingTypes') AS type FROM plan
), escalated AS (
  -- Born resolved when the step's timeline already goes on past it: a reordered write ends in the same state.
  INSERT INTO escalations (id, journey_id, step_id, owner, agency, kind, reason, created_at, status, resolved_at)
  SELECT x.id, head.id, x.step_id, head.owner, x.agency, x.kind, x.reason, x.at,
         CASE WHEN later.at IS NULL THEN 'open' ELSE 'resolved' END, later.at
    FROM plan, head, jsonb_to_recordset(plan.p->'escalations') AS x(id text, n integer, step_id text, agency text,
         kind text, reason text, at timestamptz)
    LEFT JOIN LATERAL (
      SELECT min(known.at) AS at FROM (
        SELECT e.at, e.n, e.type, e.step_id FROM journey_events e WHERE e.journey_id = (SELECT id FROM head)
        UNION ALL SELECT u.at, u.n, u.type, u.step_id FROM update_events u
      ) known
      WHERE known.step_id = x.step_id AND known.n > x.n AND known.type IN (SELECT type FROM resolving_types)
    ) later ON true
   WHERE x.n IN (SELECT n FROM fresh)
  ON CONFLICT (id) DO NOTHING
), resolved AS (
  -- An escalation's id is \`<journeyId>:<n>\` of the event that opened it: only later events resolve it, the first of
  -- them giving the time.
  UPDATE escalations e SET status = 'resolved', resolved_at = first_resolution.at
    FROM (
      SELECT waiting.id, min(r.at) AS at
        FROM escalations waiting
        JOIN jsonb_to_recordset((SELECT p->'resolutions' FROM plan)) AS r(step_id text, n integer, at timestamptz)
          ON r.step_id = waiting.step_id AND split_part(waiting.id, ':', 2)::integer < r.n
       WHERE waiting.journey_id = (SELECT id FROM head) AND waiting.status = 'open' AND r.n IN (SELECT n FROM fresh)
       GROUP BY waiting.id
    ) first_resolution
   WHERE e.id = first_resolution.id
), notified AS (
  INSERT INTO notifications (dedupe_key, subject, journey_id, kind, channel, body)
  SELECT m.dedupe_key, head.subject, head.id, m.kind, 'e-counter', m.body
    FROM plan, head, jsonb_to_recordset(plan.p->'notifications') AS m(n integer, dedupe_key text, kind text, body jsonb)
   WHERE m.n IN (SELECT n FROM fresh)
  ON CONFLICT (dedupe_key) DO NOTHING
), measured AS (
  INSERT INTO kpi_outbox (dedupe_key, owner, life_event_id, version, event)
  SELECT k.event->>'id', head.owner, head.life_event_id, head.version, k.event
    FROM plan, head, jsonb_to_recordset(plan.p->'kpis') AS k(n integer, event jsonb)
   WHERE k.n IN (SELECT n FROM fresh)
  ON CONFLICT (dedupe_key) DO NOTHING
), stored AS (
  -- Each value under its scope (ADR 0009); an older write never replaces a newer value.
  INSERT INTO data_items (subject, scope_kind, scope_id, item, ciphertext, key_id, provenance, consent, written_at)
  SELECT head.subject, d.scope_kind, d.scope_id, d.item, decode(d.ciphertext, 'base64'), d.key_id, d.provenance, true,
         d.written_at
    FROM plan, head, jsonb_to_recordset(plan.p->'vault') AS d(scope_kind text, scope_id text, item text,
         ciphertext text, key_id text, provenance jsonb, written_at timestamptz)
  ON CONFLICT (subject, scope_kind, scope_id, item) DO UPDATE SET ciphertext = EXCLUDED.ciphertext,
    key_id = EXCLUDED.key_id, provenance = EXCLUDED.provenance, written_at = EXCLUDED.written_at
  WHERE data_items.written_at < EXCLUDED.written_at
), attached AS (
  -- A founded entity got its number: what the journey kept for itself about it now is the entity's.
  DELETE FROM data_items kept USING plan, head, jsonb_to_recordset(plan.p->'vault') AS d(scope_kind text, item text)
   WHERE kept.subject = head.subject AND kept.scope_kind = 'journey' AND kept.scope_id = head.id
     AND kept.item = d.item AND d.scope_kind NOT IN ('journey', 'person')
)
-- Wakes live timelines (server-sent events) when the statement commits.
SELECT pg_notify(plan.p->>'wake', head.id) FROM plan, head`;

type JourneyView = ProjectionUpdate['state'];

/** The projection statement's name: what logs, failures and the quarantine name instead of its text. */
export const PROJECTION_STATEMENT = 'passage_apply_projection';

export interface ProjectionWriterOptions {
  /**
   * Attempts of a change that the database refuses on its data (SQLSTATE class 22 or 23) before it is quarantined.
   * A journey already in quarantine quarantines such a change at once. Default 5.
   */
  readonly poisonAttempts?: number;
  /** Told once per quarantined change, after its row is written (the worker raises an owner alert). */
  readonly onQuarantined?: (entry: QuarantinedProjection) => Promise<void>;
}

/**
 * A projection that failed: the journey, the change's sequence number, the SQLSTATE and the statement's name. Never
 * PostgreSQL's message, detail or parameters: they can quote a subject's data. Temporal retries it.
 */
export class ProjectionFailure extends Error {
  override readonly name = 'ProjectionFailure';
  constructor(
    readonly journeyId: string,
    readonly seq: number,
    readonly sqlState: string,
  ) {
    super(`projection of ${journeyId} at seq ${seq} failed: SQLSTATE ${sqlState} (${PROJECTION_STATEMENT})`);
  }
}

/**
 * Applies one projection update (ADR 0002): everything derived from a journey's change, written by one statement.
 * The rows it writes are computed here; which of the event rows are new is decided by the database.
 */
export class JourneyProjectionWriter {
  private readonly pool: Pool;
  private readonly quarantine: ProjectionQuarantineStore;
  private readonly poisonAttempts: number;

  constructor(
    dataSource: DataSource,
    private readonly vault: VaultCipher,
    private readonly options: ProjectionWriterOptions = {},
  ) {
    // A named statement is parsed once per connection, and PostgreSQL may then keep a generic plan for it: that was
    // about half of what the database spent per write.
    // Behind PgBouncer in transaction mode this needs PgBouncer 1.21+ (max_prepared_statements).
    this.pool = postgresPool(dataSource);
    this.quarantine = new ProjectionQuarantineStore(this.pool);
    this.poisonAttempts = options.poisonAttempts ?? 5;
  }

  /**
   * Writes one change; `attempt` is Temporal's attempt of the activity (1 for the first). A failure of the database
   * is logged and thrown with its SQLSTATE only. A change the database refuses on its data is retried up to
   * `poisonAttempts` times, then quarantined: it answers `quarantined` and the journey goes on without it.
   */
  async apply(update: ProjectionUpdate, attempt = 1): Promise<ProjectionOutcome> {
    try {
      await this.write(update);
      return { outcome: 'applied' };
    } catch (error) {
      const sqlState = sqlStateOf(error);
      if (sqlState === undefined) throw error;
      const { journeyId, seq } = update.state;
      const failure = new ProjectionFailure(journeyId, seq, sqlState);
      const poison = isPoisonSqlState(sqlState);
      if (!poison || (attempt < this.poisonAttempts && !(await this.quarantine.isOpen(journeyId)))) {
        console.error(`${failure.message}; attempt ${attempt}${poison ? ` of ${this.poisonAttempts}` : ''}`);
        throw failure;
      }
      const entry: QuarantinedProjection = {
        journeyId,
        owner: update.state.owner,
        lifeEvent: update.state.lifeEvent.id,
        seq,
        sqlState,
        statement: PROJECTION_STATEMENT,
        attempts: attempt,
      };
      await this.quarantine.record(entry);
      console.error(`${failure.message}; quarantined after ${attempt} attempt${attempt === 1 ? '' : 's'}`);
      await this.options.onQuarantined?.(entry);
      return { outcome: 'quarantined', sqlState };
    }
  }

  private async write(update: ProjectionUpdate): Promise<void> {
    const plan = {
      ...projectionPlan(update),
      vault: this.vaultRows(update.state, update.dataWrites),
      wake: JOURNEY_EVENTS_CHANNEL,
    };
    await this.pool.query({ name: PROJECTION_STATEMENT, text: APPLY_PROJECTION, values: [JSON.stringify(plan)] });
  }

  /**
   * Newly known values, encrypted for the subject, each under its scope (a write without one, from a journey started
   * before scopes, is kept for the journey only); the same item twice in one update: the later write wins.
   */
  private vaultRows(state: JourneyView, dataWrites: ProjectionUpdate['dataWrites']) {
    const latest = new Map(dataWrites.map((write) => [write.item, write]));
    return [...latest.values()].map((write) => {
      const { ciphertext, keyId } = this.vault.encrypt(state.subject, write.item, write.value);
      return {
        ...scopeColumns(state.subject, vaultScopeOf(write.scope, state.journeyId)),
        item: write.item,
        ciphertext: ciphertext.toString('base64'),
        key_id: keyId,
        provenance: write.provenance,
        written_at: write.at,
      };
    });
  }
}
