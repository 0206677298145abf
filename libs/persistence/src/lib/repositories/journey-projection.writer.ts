import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectionUpdate, StepState, TimelineEvent } from '@passage/contracts';
import type { VaultCipher } from '../vault-cipher';
import { deriveKpiEvent } from './kpi-events';

/** The PostgreSQL notification channel on which the projection announces new timeline events of a journey. */
export const JOURNEY_EVENTS_CHANNEL = 'passage_journey_events';

/** Timeline events that concern the subject and go to the notifications outbox. */
const NOTIFY_SUBJECT: ReadonlySet<TimelineEvent['type']> = new Set([
  'step-completed',
  'step-rejected',
  'step-expired',
  'step-overdue',
  // One notification when something is asked: `info-requested` always comes with a `data-asked`.
  'data-asked',
  'journey-completed',
  'journey-rejected',
  'journey-withdrawn',
]);

/** Once one of these happens to a step, its open escalation is resolved. */
const RESOLVES_ESCALATION: ReadonlySet<TimelineEvent['type']> = new Set([
  'step-completed',
  'step-rejected',
  'step-cancelled',
  'step-retried',
  'step-expired',
]);

const OPEN_TASK_STATUS: Partial<Record<StepState['status'], 'open' | 'awaiting-subject'>> = {
  dispatched: 'open',
  'in-progress': 'open',
  'awaiting-subject': 'awaiting-subject',
};

/**
 * Applies one projection update in one transaction: the journey row and its steps (only when the update is newer
 * than what is stored: a retried or reordered write never moves a row backwards), the timeline, the vault, the
 * data access log, the inbox, escalations, the notifications outbox and the KPI outbox (all idempotent by key).
 */
export class JourneyProjectionWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: VaultCipher,
  ) {}

  apply(update: ProjectionUpdate): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const fresh = await this.upsertJourney(tx, update);
      if (fresh) await this.writeSteps(tx, update);
      await this.appendEvents(tx, update);
      await this.writeVault(tx, update);
      // Wakes live timelines (server-sent events) when this transaction commits.
      await tx.query(`SELECT pg_notify($1, $2)`, [JOURNEY_EVENTS_CHANNEL, update.state.journeyId]);
    });
  }

  /** Returns true when this update is newer than the stored row (and so was applied). */
  private async upsertJourney(tx: EntityManager, { state }: ProjectionUpdate): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO journeys (id, life_event_id, version, owner, subject, status, channel, language, proactive,
                             started_at, finished_at, expected_at, last_seq, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       ON CONFLICT (id) DO UPDATE SET
         started_at = EXCLUDED.started_at, channel = EXCLUDED.channel, language = EXCLUDED.language, proactive = EXCLUDED.proactive,
         status = EXCLUDED.status, finished_at = EXCLUDED.finished_at, expected_at = EXCLUDED.expected_at,
         last_seq = EXCLUDED.last_seq, version = EXCLUDED.version, updated_at = now()
       WHERE journeys.last_seq < EXCLUDED.last_seq
       RETURNING id`,
      [
        state.journeyId,
        state.lifeEvent.id,
        state.lifeEvent.version,
        state.owner,
        state.subject,
        state.status,
        state.channel,
        state.language,
        state.proactive,
        state.startedAt,
        state.finishedAt ?? null,
        state.expectedAt ?? null,
        state.seq,
      ],
    );
    return rows.length > 0;
  }

  /** All steps in one statement; a row that did not change is not rewritten. */
  private async writeSteps(tx: EntityManager, { state }: ProjectionUpdate): Promise<void> {
    const rows = state.steps.map((step) => ({
      step_id: step.id,
      agency: step.agency,
      service: step.service,
      mode: step.mode,
      status: step.status,
      channel: step.channel ?? null,
      attempt: step.attempt,
      overdue: step.context.overdue,
      ready_at: step.readyAt ?? null,
      dispatched_at: step.dispatchedAt ?? null,
      finished_at: step.finishedAt ?? null,
      due_at: step.dueAt ?? null,
      expected_at: step.expectedAt ?? null,
      suspended_at: step.suspendedAt ?? null,
      asked: step.asked ?? null,
      reused: step.reused ?? null,
      task_id: step.taskId ?? null,
      reason: step.reason ?? null,
    }));
    await tx.query(
      `INSERT INTO journey_steps (journey_id, step_id, agency, service, mode, status, channel, attempt, overdue, ready_at,
                                  dispatched_at, finished_at, due_at, expected_at, suspended_at, asked, reused, task_id, reason)
       SELECT $1, s.step_id, s.agency, s.service, s.mode, s.status, s.channel, s.attempt, s.overdue, s.ready_at,
              s.dispatched_at, s.finished_at, s.due_at, s.expected_at, s.suspended_at, s.asked, s.reused, s.task_id, s.reason
         FROM jsonb_to_recordset($2::jsonb) AS s(step_id text, agency text, service text, mode text, status text, channel text,
              attempt integer, overdue boolean, ready_at timestamptz, dispatched_at timestamptz, finished_at timestamptz,
              due_at timestamptz, expected_at timestamptz, suspended_at timestamptz, asked jsonb, reused jsonb, task_id text, reason text)
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
              EXCLUDED.suspended_at, EXCLUDED.asked, EXCLUDED.reused, EXCLUDED.task_id, EXCLUDED.reason)`,
      [state.journeyId, JSON.stringify(rows)],
    );
    await this.writeTasks(tx, state);
  }

  /** The inbox tasks of manual steps, opened, suspended or closed as their steps go. */
  private async writeTasks(tx: EntityManager, state: ProjectionUpdate['state']): Promise<void> {
    const tasks = state.steps
      .filter((step) => step.mode === 'manual' && step.taskId)
      .map((step) => {
        const open = OPEN_TASK_STATUS[step.status];
        const status = open ?? (step.status === 'completed' || step.status === 'rejected' ? 'decided' : 'cancelled');
        return {
          id: step.taskId,
          step_id: step.id,
          agency: step.agency,
          service: step.service,
          status,
          due_at: step.dueAt ?? null,
          open: open !== undefined,
        };
      });
    if (tasks.length === 0) return;
    await tx.query(
      `INSERT INTO agency_tasks (id, journey_id, step_id, life_event_id, agency, service, status, due_at, closed_at)
       SELECT t.id, $1, t.step_id, $2, t.agency, t.service, t.status, t.due_at, CASE WHEN t.open THEN NULL ELSE now() END
         FROM jsonb_to_recordset($3::jsonb) AS t(id text, step_id text, agency text, service text, status text, due_at timestamptz, open boolean)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, due_at = EXCLUDED.due_at,
         closed_at = COALESCE(agency_tasks.closed_at, EXCLUDED.closed_at)
       WHERE (agency_tasks.status, agency_tasks.due_at) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.due_at)`,
      [state.journeyId, state.lifeEvent.id, JSON.stringify(tasks)],
    );
  }

  /** Appends the events in one statement; the side effects follow only for the events this call inserted. */
  private async appendEvents(tx: EntityManager, { state, events }: ProjectionUpdate): Promise<void> {
    if (events.length === 0) return;
    const inserted: { n: number }[] = await tx.query(
      `INSERT INTO journey_events (journey_id, n, at, type, step_id, agency, body)
       SELECT $1, (e.body->>'n')::integer, (e.body->>'at')::timestamptz, e.body->>'type', e.body->>'stepId', e.body->>'agency', e.body
         FROM jsonb_array_elements($2::jsonb) AS e(body)
       ON CONFLICT (journey_id, n) DO NOTHING RETURNING n`,
      [state.journeyId, JSON.stringify(events)],
    );
    const fresh = new Set(inserted.map((row) => Number(row.n)));
    await this.eventSideEffects(
      tx,
      state,
      events.filter((event) => fresh.has(event.n)),
    );
  }

  /** What newly recorded events entail, each kind of row written in one statement, each idempotent by key. */
  private async eventSideEffects(
    tx: EntityManager,
    state: ProjectionUpdate['state'],
    events: readonly TimelineEvent[],
  ): Promise<void> {
    if (events.length === 0) return;
    const key = (event: TimelineEvent) => `${state.journeyId}:${event.n}`;
    const accesses = events
      .filter((event) => event.type === 'data-shared')
      .flatMap((event) =>
        (event.items ?? []).map((item) => ({
          item,
          step_id: event.stepId ?? null,
          accessor: event.agency ?? 'unknown',
          purpose: `service step ${event.stepId}`,
          dedupe_key: `${key(event)}:${item}`,
          at: event.at,
        })),
      );
    if (accesses.length > 0) {
      await tx.query(
        `INSERT INTO data_access_log (subject, item, journey_id, step_id, accessor, accessor_role, purpose, dedupe_key, at)
         SELECT $1, a.item, $2, a.step_id, a.accessor, 'agency', a.purpose, a.dedupe_key, a.at
           FROM jsonb_to_recordset($3::jsonb) AS a(item text, step_id text, accessor text, purpose text, dedupe_key text, at timestamptz)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [state.subject, state.journeyId, JSON.stringify(accesses)],
      );
    }
    const escalations = events
      .filter((event) => event.type === 'step-failed' || (event.type === 'step-overdue' && event.rule === 'escalate'))
      .map((event) => ({
        id: key(event),
        n: event.n,
        step_id: event.stepId,
        agency: event.agency ?? 'unknown',
        kind: event.type === 'step-failed' ? 'step-failed' : 'term-expired',
        reason: event.reason ?? null,
        at: event.at,
      }));
    if (escalations.length > 0) {
      // Born resolved when the step's timeline already goes on past it: a reordered write ends in the same state.
      await tx.query(
        `INSERT INTO escalations (id, journey_id, step_id, owner, agency, kind, reason, created_at, status, resolved_at)
         SELECT x.id, $1, x.step_id, $2, x.agency, x.kind, x.reason, x.at,
                CASE WHEN later.at IS NULL THEN 'open' ELSE 'resolved' END, later.at
           FROM jsonb_to_recordset($3::jsonb) AS x(id text, n integer, step_id text, agency text, kind text, reason text, at timestamptz)
           LEFT JOIN LATERAL (
             SELECT min(e.at) AS at FROM journey_events e
              WHERE e.journey_id = $1 AND e.step_id = x.step_id AND e.n > x.n AND e.type = ANY($4)
           ) later ON true
         ON CONFLICT (id) DO NOTHING`,
        [state.journeyId, state.owner, JSON.stringify(escalations), [...RESOLVES_ESCALATION]],
      );
    }
    const resolving = events.filter((event) => event.stepId && RESOLVES_ESCALATION.has(event.type));
    if (resolving.length > 0) {
      // An escalation's id is `<journeyId>:<n>` of the event that opened it: only earlier escalations are resolved.
      await tx.query(
        `UPDATE escalations e SET status = 'resolved', resolved_at = r.at
           FROM jsonb_to_recordset($2::jsonb) AS r(step_id text, n integer, at timestamptz)
          WHERE e.journey_id = $1 AND e.step_id = r.step_id AND e.status = 'open' AND split_part(e.id, ':', 2)::integer < r.n`,
        [
          state.journeyId,
          JSON.stringify(resolving.map((event) => ({ step_id: event.stepId, n: event.n, at: event.at }))),
        ],
      );
    }
    const notifications = events
      .filter((event) => NOTIFY_SUBJECT.has(event.type) || (event.type === 'journey-started' && state.proactive))
      .map((event) => ({
        dedupe_key: `${key(event)}:e-counter`,
        kind: event.type,
        body: { event, lifeEvent: state.lifeEvent, language: state.language },
      }));
    if (notifications.length > 0) {
      await tx.query(
        `INSERT INTO notifications (dedupe_key, subject, journey_id, kind, channel, body)
         SELECT n.dedupe_key, $1, $2, n.kind, 'e-counter', n.body
           FROM jsonb_to_recordset($3::jsonb) AS n(dedupe_key text, kind text, body jsonb)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [state.subject, state.journeyId, JSON.stringify(notifications)],
      );
    }
    await this.writeKpiEvents(tx, state, events);
  }

  /** The process owner's KPI hooks see each event through the KPI outbox, once (same key as the event). */
  private async writeKpiEvents(
    tx: EntityManager,
    state: ProjectionUpdate['state'],
    events: readonly TimelineEvent[],
  ): Promise<void> {
    const kpiEvents = events.map((event) => deriveKpiEvent(state, event)).filter((event) => event !== undefined);
    if (kpiEvents.length === 0) return;
    await tx.query(
      `INSERT INTO kpi_outbox (dedupe_key, owner, life_event_id, version, event)
       SELECT k.event->>'id', $1, $2, $3, k.event FROM jsonb_array_elements($4::jsonb) AS k(event)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [state.owner, state.lifeEvent.id, state.lifeEvent.version, JSON.stringify(kpiEvents)],
    );
  }

  /** Stores newly known values once per subject, in one statement; an older write never replaces a newer value. */
  private async writeVault(tx: EntityManager, { state, dataWrites }: ProjectionUpdate): Promise<void> {
    if (dataWrites.length === 0) return;
    // The same item twice in one update: the later write wins (one row may only be upserted once per statement).
    const latest = new Map(dataWrites.map((write) => [write.item, write]));
    const rows = [...latest.values()].map((write) => {
      const { ciphertext, keyId } = this.vault.encrypt(state.subject, write.item, write.value);
      return {
        item: write.item,
        ciphertext: ciphertext.toString('base64'),
        key_id: keyId,
        provenance: write.provenance,
        written_at: write.at,
      };
    });
    await tx.query(
      `INSERT INTO data_items (subject, item, ciphertext, key_id, provenance, consent, written_at)
       SELECT $1, d.item, decode(d.ciphertext, 'base64'), d.key_id, d.provenance, true, d.written_at
         FROM jsonb_to_recordset($2::jsonb) AS d(item text, ciphertext text, key_id text, provenance jsonb, written_at timestamptz)
       ON CONFLICT (subject, item) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, key_id = EXCLUDED.key_id,
         provenance = EXCLUDED.provenance, written_at = EXCLUDED.written_at
       WHERE data_items.written_at < EXCLUDED.written_at`,
      [state.subject, JSON.stringify(rows)],
    );
  }
}
