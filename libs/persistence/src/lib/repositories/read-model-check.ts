import type { DataSource, EntityManager } from 'typeorm';
import { storableText, type JourneyState } from '@passage/contracts';
import { AuditLog } from '../audit/audit-log';
import { postgresPool } from '../data-source';
import { projectionPlan } from '@passage/read-model';
import { ProjectionQuarantineStore } from './projection-quarantine';

/** The rows of the journey's steps and inbox tasks, as the projection writes them. */
function stateRows(state: JourneyState) {
  const { journey, steps, tasks } = projectionPlan({ state, events: [] });
  return { journey, steps, tasks };
}

/**
 * One difference between a journey's read model and its workflow's state. Only statuses, numbers, dates, ids and
 * data item names are compared and shown: never a reason, a subject or a value.
 */
export interface ReadModelDifference {
  /** `journey.status`, `steps.<id>.status`, `tasks.<id>`, `quarantine`… */
  readonly what: string;
  readonly readModel: string | number | boolean | null;
  readonly workflow: string | number | boolean | null;
}

/** The journey's own columns and each step's columns that the read model must hold as the workflow says. */
const JOURNEY_COLUMNS = ['status', 'version', 'last_seq', 'started_at', 'finished_at', 'expected_at'] as const;
const STEP_COLUMNS = [
  'status',
  'attempt',
  'overdue',
  'channel',
  'ready_at',
  'dispatched_at',
  'finished_at',
  'due_at',
  'expected_at',
  'suspended_at',
  'task_id',
  'asked',
  'reused',
] as const;
const DATE_COLUMNS = new Set([
  'started_at',
  'finished_at',
  'expected_at',
  'ready_at',
  'dispatched_at',
  'due_at',
  'suspended_at',
]);

type Row = Record<string, unknown>;

/**
 * The state as the read model can hold it: texts that entered before the text rule applied are stored with U+FFFD
 * in place of what PostgreSQL cannot store (`storableText`), so the check compares with the same.
 */
export function storableState(state: JourneyState): JourneyState {
  return JSON.parse(JSON.stringify(state), (_key, value: unknown) =>
    typeof value === 'string' ? storableText(value) : value,
  ) as JourneyState;
}

/** One comparable form of a column's value: dates as ISO instants, lists as JSON, absent as null. */
function comparable(column: string, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (DATE_COLUMNS.has(column)) {
    const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
    return Number.isNaN(time) ? String(value) : new Date(time).toISOString();
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}

/** The rows the read model holds for a journey: the journey, its steps, its inbox tasks still open. */
async function storedRows(q: Pick<EntityManager, 'query'>, journeyId: string) {
  const [journey]: Row[] = await q.query(`SELECT ${JOURNEY_COLUMNS.join(', ')} FROM journeys WHERE id = $1`, [
    journeyId,
  ]);
  const steps: Row[] = await q.query(
    `SELECT step_id, ${STEP_COLUMNS.join(', ')} FROM journey_steps WHERE journey_id = $1`,
    [journeyId],
  );
  const tasks: Row[] = await q.query(
    `SELECT id, status FROM agency_tasks WHERE journey_id = $1 AND closed_at IS NULL`,
    [journeyId],
  );
  return { journey, steps, tasks };
}

/**
 * Every difference between the read model of a journey and the workflow's state (empty when they match), including
 * an open projection quarantine: its timeline misses the quarantined changes until it is repaired.
 */
export async function compareReadModel(
  dataSource: DataSource,
  workflowState: JourneyState,
): Promise<ReadModelDifference[]> {
  const state = storableState(workflowState);
  const { journey, steps, tasks } = await storedRows(dataSource, state.journeyId);
  const differences: ReadModelDifference[] = [];
  const differ = (
    what: string,
    readModel: ReadModelDifference['readModel'],
    workflow: ReadModelDifference['workflow'],
  ) => {
    if (readModel !== workflow) differences.push({ what, readModel, workflow });
  };
  if (!journey) {
    differences.push({ what: 'journey', readModel: null, workflow: state.status });
  } else {
    const expected: Row = {
      status: state.status,
      version: state.lifeEvent.version,
      last_seq: state.seq,
      started_at: state.startedAt,
      finished_at: state.finishedAt,
      expected_at: state.expectedAt,
    };
    for (const column of JOURNEY_COLUMNS)
      differ(`journey.${column}`, comparable(column, journey[column]), comparable(column, expected[column]));
  }
  const storedSteps = new Map(steps.map((row) => [String(row['step_id']), row]));
  for (const expected of stateRows(state).steps) {
    const stored = storedSteps.get(expected.step_id);
    storedSteps.delete(expected.step_id);
    if (!stored) {
      differences.push({ what: `steps.${expected.step_id}`, readModel: null, workflow: expected.status });
      continue;
    }
    for (const column of STEP_COLUMNS)
      differ(
        `steps.${expected.step_id}.${column}`,
        comparable(column, stored[column]),
        comparable(column, (expected as Row)[column]),
      );
  }
  for (const [stepId, stored] of storedSteps)
    differences.push({ what: `steps.${stepId}`, readModel: String(stored['status']), workflow: null });

  const openTasks = new Map(
    stateRows(state)
      .tasks.filter((t) => t.open)
      .map((t) => [String(t.id), t.status]),
  );
  for (const task of tasks) {
    const id = String(task['id']);
    differ(`tasks.${id}`, String(task['status']), openTasks.get(id) ?? 'closed');
    openTasks.delete(id);
  }
  for (const [id, status] of openTasks)
    differences.push({ what: `tasks.${id}`, readModel: 'closed', workflow: status });

  const [quarantine]: Row[] = await dataSource.query(
    `SELECT first_seq, sql_state FROM projection_quarantine WHERE journey_id = $1 AND repaired_at IS NULL`,
    [state.journeyId],
  );
  if (quarantine)
    differences.push({
      what: 'quarantine',
      readModel: `open since seq ${String(quarantine['first_seq'])} (SQLSTATE ${String(quarantine['sql_state'])})`,
      workflow: null,
    });
  return differences;
}

export interface RepairOutcome {
  readonly journeyId: string;
  /** The differences found before the repair (none: the rows already matched, nothing was written). */
  readonly differences: readonly ReadModelDifference[];
}

/**
 * Rebuilds a journey's rows from its workflow's state — the journey, its steps, its inbox tasks — whatever the
 * stored sequence number, closes its projection quarantine and records it in the audit log. Idempotent: a journey
 * whose rows match is left alone. Timeline events of quarantined changes are not rebuilt: the state does not hold
 * them (the timeline goes on from the next change).
 */
export async function repairReadModel(
  dataSource: DataSource,
  workflowState: JourneyState,
  actor: string,
): Promise<RepairOutcome> {
  const state = storableState(workflowState);
  const differences = await compareReadModel(dataSource, state);
  if (differences.length === 0) return { journeyId: state.journeyId, differences };
  const { journey, steps, tasks } = stateRows(state);
  await dataSource.transaction(async (q) => {
    await q.query(
      `INSERT INTO journeys (id, life_event_id, version, owner, subject, status, channel, language, proactive,
                             started_at, finished_at, expected_at, last_seq, entities, updated_at)
       SELECT j.id, j.life_event_id, j.version, j.owner, j.subject, j.status, j.channel, j.language, j.proactive,
              j.started_at, j.finished_at, j.expected_at, j.last_seq, j.entities, now()
         FROM jsonb_to_record($1::jsonb) AS j(id text, life_event_id text, version integer, owner text, subject text,
              status text, channel text, language text, proactive boolean, started_at timestamptz,
              finished_at timestamptz, expected_at timestamptz, last_seq integer, entities jsonb)
       ON CONFLICT (id) DO UPDATE SET life_event_id = EXCLUDED.life_event_id, version = EXCLUDED.version,
         owner = EXCLUDED.owner, subject = EXCLUDED.subject, status = EXCLUDED.status, channel = EXCLUDED.channel,
         language = EXCLUDED.language, proactive = EXCLUDED.proactive, started_at = EXCLUDED.started_at,
         finished_at = EXCLUDED.finished_at, expected_at = EXCLUDED.expected_at, last_seq = EXCLUDED.last_seq,
         entities = EXCLUDED.entities, updated_at = now()`,
      [JSON.stringify(journey)],
    );
    await q.query(`DELETE FROM journey_steps WHERE journey_id = $1 AND NOT (step_id = ANY($2))`, [
      state.journeyId,
      steps.map((s) => s.step_id),
    ]);
    await q.query(
      `INSERT INTO journey_steps (journey_id, step_id, agency, service, mode, status, channel, attempt, overdue, ready_at,
                                  dispatched_at, finished_at, due_at, expected_at, suspended_at, asked, reused, task_id, reason)
       SELECT $1, s.step_id, s.agency, s.service, s.mode, s.status, s.channel, s.attempt, s.overdue, s.ready_at,
              s.dispatched_at, s.finished_at, s.due_at, s.expected_at, s.suspended_at, s.asked, s.reused, s.task_id, s.reason
         FROM jsonb_to_recordset($2::jsonb) AS s(step_id text, agency text, service text, mode text, status text, channel text,
              attempt integer, overdue boolean, ready_at timestamptz, dispatched_at timestamptz, finished_at timestamptz,
              due_at timestamptz, expected_at timestamptz, suspended_at timestamptz, asked jsonb, reused jsonb, task_id text, reason text)
       ON CONFLICT (journey_id, step_id) DO UPDATE SET agency = EXCLUDED.agency, service = EXCLUDED.service,
         mode = EXCLUDED.mode, status = EXCLUDED.status, channel = EXCLUDED.channel, attempt = EXCLUDED.attempt,
         overdue = EXCLUDED.overdue, ready_at = EXCLUDED.ready_at, dispatched_at = EXCLUDED.dispatched_at,
         finished_at = EXCLUDED.finished_at, due_at = EXCLUDED.due_at, expected_at = EXCLUDED.expected_at,
         suspended_at = EXCLUDED.suspended_at, asked = EXCLUDED.asked, reused = EXCLUDED.reused,
         task_id = EXCLUDED.task_id, reason = EXCLUDED.reason`,
      [state.journeyId, JSON.stringify(steps)],
    );
    await q.query(
      `INSERT INTO agency_tasks (id, journey_id, step_id, life_event_id, agency, service, status, due_at, closed_at)
       SELECT t.id, $1, t.step_id, $2, t.agency, t.service, t.status, t.due_at, CASE WHEN t.open THEN NULL ELSE now() END
         FROM jsonb_to_recordset($3::jsonb) AS t(id text, step_id text, agency text, service text, status text, due_at timestamptz, open boolean)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, due_at = EXCLUDED.due_at,
         closed_at = CASE WHEN EXCLUDED.closed_at IS NULL THEN NULL ELSE COALESCE(agency_tasks.closed_at, EXCLUDED.closed_at) END`,
      [state.journeyId, state.lifeEvent.id, JSON.stringify(tasks)],
    );
    // A task the workflow does not know as open (a hand-made or stale row) is closed, not deleted: staff saw it.
    await q.query(
      `UPDATE agency_tasks SET status = 'cancelled', closed_at = now()
        WHERE journey_id = $1 AND closed_at IS NULL AND NOT (id = ANY($2))`,
      [state.journeyId, tasks.filter((t) => t.open).map((t) => t.id)],
    );
    await new AuditLog(q).record({
      actor,
      action: 'read-model-repaired',
      journeyId: state.journeyId,
      lifeEventId: state.lifeEvent.id,
      detail: { seq: state.seq, differences: differences.map((d) => d.what) },
      dedupeKey: `read-model-repair:${state.journeyId}:${state.seq}`,
    });
  });
  await new ProjectionQuarantineStore(postgresPool(dataSource)).markRepaired(state.journeyId);
  return { journeyId: state.journeyId, differences };
}
