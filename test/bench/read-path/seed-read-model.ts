import type { Pool, PoolClient } from 'pg';

/*
 * Loads N journeys straight into the read model (journeys, their steps, timeline events and inbox tasks), as the
 * projection would have left them, without Temporal: this measures the read path, not the engine. Everything is
 * generated inside PostgreSQL from generate_series, in batches, from the published catalogue's latest versions.
 * The distribution is fixed and deterministic (hashes of the journey number, no random()):
 *   - life events: move-house 30 %, start-business 20 %, birth 20 %, death-of-relative 10 %, build-renovate 10 %,
 *     found-association 10 % (any other published life event gets what is left over, evenly);
 *   - subjects: N / 2.5 citizens, each journey's subject uniform among them (most have 1–4 journeys);
 *   - status: 25 % active (started in the last 120 days, part-way), 63 % completed, 6 % withdrawn, 6 % rejected
 *     (started in the last two years); a quarter of a finished journey's steps skipped, the rest completed;
 *   - every step of the definition has its row; one timeline event per finished step, plus the start, the
 *     current step's dispatch and the end; one inbox task per manual step reached (open while it waits).
 */

/** Shares of the life events (per cent), as an owner would see them; the rest is shared by any other. */
const LIFE_EVENT_SHARE: Readonly<Record<string, number>> = {
  'move-house': 30,
  'start-business': 20,
  birth: 20,
  'death-of-relative': 10,
  'build-renovate': 10,
  'found-association': 10,
};

const BATCH = 25_000;

/** The latest version of every published life event, with the slice of [0, 1000) of journey hashes it gets. */
async function prepareLifeEvents(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ life_event_id: string }>(
    `SELECT DISTINCT life_event_id FROM life_event_versions ORDER BY life_event_id`,
  );
  if (rows.length === 0) throw new Error('publish the catalogue before seeding: no life event is published');
  const ids = rows.map((row) => row.life_event_id);
  const named = ids.filter((id) => LIFE_EVENT_SHARE[id] !== undefined);
  const others = ids.filter((id) => LIFE_EVENT_SHARE[id] === undefined);
  const namedTotal = named.reduce((sum, id) => sum + LIFE_EVENT_SHARE[id], 0);
  const scale = others.length === 0 ? 1000 / namedTotal : 10;
  const leftover = 1000 - Math.round(namedTotal * scale);
  let lo = 0;
  const slices = ids.map((id) => {
    const width =
      LIFE_EVENT_SHARE[id] !== undefined ? Math.round(LIFE_EVENT_SHARE[id] * scale) : leftover / others.length;
    const slice = { id, lo, hi: lo + Math.round(width) };
    lo = slice.hi;
    return slice;
  });
  slices[slices.length - 1] = { ...slices[slices.length - 1], hi: 1000 };
  await pool.query(`DROP TABLE IF EXISTS bench_life_events`);
  await pool.query(
    `CREATE UNLOGGED TABLE bench_life_events AS
       SELECT v.life_event_id, v.version, v.owner, v.definition->'steps' AS steps,
              jsonb_array_length(v.definition->'steps') AS step_count, s.lo, s.hi
         FROM life_event_versions v
         JOIN jsonb_to_recordset($1::jsonb) AS s(id text, lo integer, hi integer) ON s.id = v.life_event_id
        WHERE v.version = (SELECT max(version) FROM life_event_versions w WHERE w.life_event_id = v.life_event_id)`,
    [JSON.stringify(slices)],
  );
}

/** One batch's journeys with what the other tables derive from them: a journey's number `i` decides everything. */
const BATCH_JOURNEYS = `
CREATE TEMP TABLE bench_batch ON COMMIT DROP AS
SELECT g.i,
       'journey-' || le.life_event_id || '-' || lpad(to_hex(g.i >> 12), 8, '0') || '-0000-4000-8'
         || lpad(to_hex(g.i & 4095), 3, '0') || '-' || lpad(to_hex((2147483647 & hashint8(g.i))), 12, '0') AS id,
       le.life_event_id, le.version, le.owner, le.steps, le.step_count,
       'bench-subject-' || ((2147483647 & hashint8(g.i # 7919)) % $3) AS subject,
       CASE WHEN st.q < 25 THEN 'active' WHEN st.q < 88 THEN 'completed' WHEN st.q < 94 THEN 'withdrawn'
            ELSE 'rejected' END AS status,
       CASE WHEN st.q < 25 THEN (2147483647 & hashint8(g.i # 31)) % le.step_count
            WHEN st.q < 88 THEN le.step_count
            ELSE (2147483647 & hashint8(g.i # 31)) % le.step_count END AS progress,
       CASE WHEN st.q < 25 THEN 1 + (2147483647 & hashint8(g.i # 31)) % le.step_count ELSE le.step_count END AS moved,
       CASE WHEN ch.c < 80 THEN 'online' WHEN ch.c < 90 THEN 'counter' ELSE 'intermediary' END AS channel,
       CASE WHEN ch.l < 85 THEN 'nl' WHEN ch.l < 95 THEN 'fr' ELSE 'en' END AS language,
       now() - interval '1 second' * (CASE WHEN st.q < 25 THEN (2147483647 & hashint8(g.i # 99)) % 10368000
                                          ELSE 10368000 + (2147483647 & hashint8(g.i # 99)) % 52704000 END) AS started_at
  FROM generate_series($1::bigint, $2::bigint) AS g(i)
  CROSS JOIN LATERAL (SELECT (2147483647 & hashint8(g.i # 4242)) % 100 AS q) st
  CROSS JOIN LATERAL (SELECT (2147483647 & hashint8(g.i # 55)) % 100 AS c, (2147483647 & hashint8(g.i # 77)) % 100 AS l) ch
  JOIN bench_life_events le ON (2147483647 & hashint8(g.i)) % 1000 >= le.lo AND (2147483647 & hashint8(g.i)) % 1000 < le.hi`;

/** Every step of the definition; `k` is its place (1-based). Finished steps came a day and a half apart. */
const BATCH_STEPS = `
CREATE TEMP TABLE bench_steps ON COMMIT DROP AS
SELECT b.id AS journey_id, b.i, s.k, s.step->>'id' AS step_id, s.step->>'agency' AS agency,
       s.step->>'service' AS service, s.step->>'mode' AS mode, b.life_event_id,
       CASE
         WHEN s.k <= b.progress THEN CASE WHEN (2147483647 & hashint8(b.i * 64 + s.k)) % 4 = 0 THEN 'skipped' ELSE 'completed' END
         WHEN s.k = b.progress + 1 AND b.status = 'active'
           THEN CASE WHEN s.step->>'mode' = 'citizen' THEN 'awaiting-subject' ELSE 'dispatched' END
         WHEN s.k = b.progress + 1 AND b.status = 'rejected' THEN 'rejected'
         WHEN b.status = 'active' THEN 'pending'
         ELSE 'cancelled'
       END AS status,
       b.started_at + (36 * s.k) * interval '1 hour' AS step_at,
       s.step->'needs' AS needs, b.channel
  FROM bench_batch b
  CROSS JOIN LATERAL jsonb_array_elements(b.steps) WITH ORDINALITY AS s(step, k)`;

const INSERT_JOURNEYS = `
INSERT INTO journeys (id, life_event_id, version, owner, subject, status, channel, language, proactive, started_at,
                      finished_at, expected_at, last_seq, updated_at)
SELECT b.id, b.life_event_id, b.version, b.owner, b.subject, b.status, b.channel, b.language, false, b.started_at,
       CASE WHEN b.status = 'active' THEN NULL ELSE b.started_at + (36 * (b.progress + 1)) * interval '1 hour' END,
       b.started_at + (36 * (b.step_count + 1)) * interval '1 hour',
       b.moved + CASE WHEN b.status = 'active' THEN 1 ELSE 2 END,
       now()
  FROM bench_batch b`;

const INSERT_STEPS = `
INSERT INTO journey_steps (journey_id, step_id, agency, service, mode, status, channel, attempt, overdue, ready_at,
                           dispatched_at, finished_at, due_at, expected_at, suspended_at, asked, reused, task_id, reason)
SELECT s.journey_id, s.step_id, s.agency, s.service, s.mode, s.status,
       CASE WHEN s.status = 'pending' THEN NULL ELSE s.channel END,
       CASE WHEN s.status = 'pending' THEN 0 ELSE 1 END, false,
       CASE WHEN s.status = 'pending' THEN NULL ELSE s.step_at - interval '1 day' END,
       CASE WHEN s.status IN ('pending', 'skipped') THEN NULL ELSE s.step_at - interval '20 hours' END,
       CASE WHEN s.status IN ('completed', 'skipped', 'rejected', 'cancelled') THEN s.step_at END,
       CASE WHEN s.mode = 'manual' AND s.status <> 'pending' THEN s.step_at + interval '30 days' END,
       s.step_at,
       NULL,
       CASE WHEN s.status = 'awaiting-subject' THEN s.needs END,
       NULL,
       CASE WHEN s.mode = 'manual' AND s.status NOT IN ('pending', 'skipped') THEN md5(s.journey_id || s.step_id)::uuid::text END,
       CASE WHEN s.status = 'rejected' THEN 'the conditions are not met' END
  FROM bench_steps s`;

/** The start (n = 1), one event per step that moved, in order, and the end of a finished journey. */
const INSERT_EVENTS = `
WITH moved AS (
  SELECT s.journey_id, s.step_id, s.agency, s.step_at AS at,
         CASE s.status WHEN 'awaiting-subject' THEN 'data-asked' WHEN 'dispatched' THEN 'step-dispatched'
                       ELSE 'step-' || s.status END AS type,
         1 + row_number() OVER (PARTITION BY s.journey_id ORDER BY s.k) AS n
    FROM bench_steps s WHERE s.status <> 'pending'
), ends AS (
  SELECT b.id AS journey_id, NULL::text AS step_id, NULL::text AS agency,
         b.started_at + (36 * (b.progress + 1)) * interval '1 hour' AS at, 'journey-' || b.status AS type,
         2 + b.moved AS n
    FROM bench_batch b WHERE b.status <> 'active'
), starts AS (
  SELECT b.id AS journey_id, NULL::text AS step_id, NULL::text AS agency, b.started_at AS at,
         'journey-started' AS type, 1::bigint AS n, b.channel, b.subject
    FROM bench_batch b
), everything AS (
  SELECT journey_id, n, at, type, step_id, agency,
         jsonb_strip_nulls(jsonb_build_object('n', n, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'type', type, 'stepId', step_id, 'agency', agency)) AS body
    FROM (SELECT * FROM moved UNION ALL SELECT * FROM ends) e
  UNION ALL
  SELECT journey_id, n, at, type, NULL, NULL,
         jsonb_build_object('n', n, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'type', type,
                            'channel', channel, 'actor', jsonb_build_object('id', subject, 'role', 'citizen'))
    FROM starts
)
INSERT INTO journey_events (journey_id, n, at, type, step_id, agency, body, recorded_at)
SELECT journey_id, n, at, type, step_id, agency, body, at FROM everything`;

const INSERT_TASKS = `
INSERT INTO agency_tasks (id, journey_id, step_id, life_event_id, agency, service, status, due_at, created_at, closed_at)
SELECT md5(s.journey_id || s.step_id)::uuid::text, s.journey_id, s.step_id, s.life_event_id, s.agency, s.service,
       CASE s.status WHEN 'dispatched' THEN 'open' WHEN 'completed' THEN 'decided' WHEN 'rejected' THEN 'decided'
                     ELSE 'cancelled' END,
       s.step_at + interval '30 days', s.step_at - interval '20 hours',
       CASE WHEN s.status = 'dispatched' THEN NULL ELSE s.step_at END
  FROM bench_steps s WHERE s.mode = 'manual' AND s.status NOT IN ('pending', 'skipped')`;

/** The tables seeded; their keys, indexes and foreign keys are set aside while loading and rebuilt once after. */
const SEEDED_TABLES = ['journeys', 'journey_steps', 'journey_events', 'agency_tasks'];

/**
 * Runs `load` with the seeded tables' constraints and indexes dropped (and every foreign key pointing at them), then
 * recreates them from their saved definitions: building an index once is much faster than growing it row by row, and
 * a million journeys would otherwise check their foreign keys row by row too.
 */
async function withoutIndexes(client: PoolClient, load: () => Promise<void>): Promise<void> {
  const { rows: constraints } = await client.query<{ tbl: string; name: string; def: string; type: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def, contype AS type
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f')
        AND (conrelid::regclass::text = ANY($1) OR (contype = 'f' AND confrelid::regclass::text = ANY($1)))`,
    [SEEDED_TABLES],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [SEEDED_TABLES],
  );
  const foreign = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  for (const c of [...foreign, ...keys]) await client.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  await load();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const c of keys) await client.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.name}" ${c.def}`);
  for (const index of indexes) await client.query(index.def);
  for (const c of foreign) await client.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.name}" ${c.def}`);
}

export interface SeedProgress {
  readonly seeded: number;
  readonly total: number;
  readonly elapsedMs: number;
}

/**
 * Adds journeys numbered `from`..`from + count - 1` (numbers decide ids, so a second call with the same range fails on
 * the primary keys rather than duplicating). Each batch is one transaction.
 */
export async function seedReadModel(
  pool: Pool,
  count: number,
  onProgress: (progress: SeedProgress) => void = () => undefined,
  from = 1,
): Promise<void> {
  await prepareLifeEvents(pool);
  const subjects = Math.max(1, Math.ceil(count / 2.5));
  const started = performance.now();
  const client = await pool.connect();
  try {
    // Losing the tail of a bench seeding on a crash costs nothing; waiting for each commit's flush costs time.
    await client.query(`SET synchronous_commit = off`);
    await withoutIndexes(client, async () => {
      for (let lo = from; lo < from + count; lo += BATCH) {
        const hi = Math.min(from + count - 1, lo + BATCH - 1);
        await client.query('BEGIN');
        await client.query(BATCH_JOURNEYS, [lo, hi, subjects]);
        await client.query(BATCH_STEPS);
        for (const statement of [INSERT_JOURNEYS, INSERT_STEPS, INSERT_EVENTS, INSERT_TASKS])
          await client.query(statement);
        await client.query('COMMIT');
        onProgress({ seeded: hi - from + 1, total: count, elapsedMs: performance.now() - started });
      }
    });
    await client.query(`DROP TABLE bench_life_events`);
    await client.query(`ANALYZE ${SEEDED_TABLES.join(', ')}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
