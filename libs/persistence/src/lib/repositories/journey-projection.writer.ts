import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectionUpdate, StepState, TimelineEvent } from '@passage/contracts';
import type { VaultCipher } from '../vault-cipher';

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

const OPEN_TASK_STATUS: Partial<Record<StepState['status'], 'open' | 'awaiting-subject'>> = {
  dispatched: 'open',
  'in-progress': 'open',
  'awaiting-subject': 'awaiting-subject',
};

/**
 * Applies one projection update in one transaction: the journey row and its steps (only when the update is newer
 * than what is stored: a retried or reordered write never moves a row backwards), the timeline, the vault, the
 * data access log, the inbox, escalations and the notifications outbox (all idempotent by key).
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
                             started_at, finished_at, expected_at, last_seq, state, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
       ON CONFLICT (id) DO UPDATE SET
         status = EXCLUDED.status, finished_at = EXCLUDED.finished_at, expected_at = EXCLUDED.expected_at,
         last_seq = EXCLUDED.last_seq, state = EXCLUDED.state, version = EXCLUDED.version, updated_at = now()
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
        JSON.stringify(state),
      ],
    );
    return rows.length > 0;
  }

  private async writeSteps(tx: EntityManager, { state }: ProjectionUpdate): Promise<void> {
    for (const step of state.steps) {
      await tx.query(
        `INSERT INTO journey_steps (journey_id, step_id, agency, service, mode, status, channel, attempt, overdue, ready_at,
                                    dispatched_at, finished_at, due_at, expected_at, suspended_at, asked, reused, task_id, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT (journey_id, step_id) DO UPDATE SET
           status = EXCLUDED.status, channel = EXCLUDED.channel, attempt = EXCLUDED.attempt, overdue = EXCLUDED.overdue,
           ready_at = EXCLUDED.ready_at, dispatched_at = EXCLUDED.dispatched_at, finished_at = EXCLUDED.finished_at,
           due_at = EXCLUDED.due_at, expected_at = EXCLUDED.expected_at, suspended_at = EXCLUDED.suspended_at,
           asked = EXCLUDED.asked, reused = EXCLUDED.reused, task_id = EXCLUDED.task_id, reason = EXCLUDED.reason`,
        [
          state.journeyId,
          step.id,
          step.agency,
          step.service,
          step.mode,
          step.status,
          step.channel ?? null,
          step.attempt,
          step.context.overdue,
          step.readyAt ?? null,
          step.dispatchedAt ?? null,
          step.finishedAt ?? null,
          step.dueAt ?? null,
          step.expectedAt ?? null,
          step.suspendedAt ?? null,
          step.asked ? JSON.stringify(step.asked) : null,
          step.reused ? JSON.stringify(step.reused) : null,
          step.taskId ?? null,
          step.reason ?? null,
        ],
      );
      if (step.mode === 'manual' && step.taskId) await this.writeTask(tx, state.journeyId, state.lifeEvent.id, step);
    }
  }

  private async writeTask(tx: EntityManager, journeyId: string, lifeEventId: string, step: StepState): Promise<void> {
    const open = OPEN_TASK_STATUS[step.status];
    const status = open ?? (step.status === 'completed' || step.status === 'rejected' ? 'decided' : 'cancelled');
    await tx.query(
      `INSERT INTO agency_tasks (id, journey_id, step_id, life_event_id, agency, service, status, due_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9 THEN NULL ELSE now() END)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, due_at = EXCLUDED.due_at,
         closed_at = COALESCE(agency_tasks.closed_at, EXCLUDED.closed_at)`,
      [step.taskId, journeyId, step.id, lifeEventId, step.agency, step.service, status, step.dueAt ?? null, open !== undefined],
    );
  }

  private async appendEvents(tx: EntityManager, { state, events }: ProjectionUpdate): Promise<void> {
    for (const event of events) {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO journey_events (journey_id, n, at, type, step_id, agency, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (journey_id, n) DO NOTHING RETURNING n`,
        [state.journeyId, event.n, event.at, event.type, event.stepId ?? null, event.agency ?? null, JSON.stringify(event)],
      );
      if (inserted.length === 0) continue; // already projected by an earlier attempt
      await this.eventSideEffects(tx, state, event);
    }
  }

  private async eventSideEffects(tx: EntityManager, state: ProjectionUpdate['state'], event: TimelineEvent): Promise<void> {
    const key = `${state.journeyId}:${event.n}`;
    if (event.type === 'data-shared') {
      for (const item of event.items ?? []) {
        await tx.query(
          `INSERT INTO data_access_log (subject, item, journey_id, step_id, accessor, accessor_role, purpose, dedupe_key, at)
           VALUES ($1, $2, $3, $4, $5, 'agency', $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING`,
          [state.subject, item, state.journeyId, event.stepId ?? null, event.agency ?? 'unknown', `service step ${event.stepId}`, `${key}:${item}`, event.at],
        );
      }
    }
    if (event.type === 'step-failed' || (event.type === 'step-overdue' && event.rule === 'escalate')) {
      await tx.query(
        `INSERT INTO escalations (id, journey_id, step_id, owner, agency, kind, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [key, state.journeyId, event.stepId, state.owner, event.agency ?? 'unknown', event.type === 'step-failed' ? 'step-failed' : 'term-expired', event.reason ?? null, event.at],
      );
    }
    if (event.stepId && ['step-completed', 'step-rejected', 'step-cancelled', 'step-retried', 'step-expired'].includes(event.type)) {
      await tx.query(
        `UPDATE escalations SET status = 'resolved', resolved_at = $3 WHERE journey_id = $1 AND step_id = $2 AND status = 'open'`,
        [state.journeyId, event.stepId, event.at],
      );
    }
    const proactiveStart = event.type === 'journey-started' && state.proactive;
    if (NOTIFY_SUBJECT.has(event.type) || proactiveStart) {
      await tx.query(
        `INSERT INTO notifications (dedupe_key, subject, journey_id, kind, channel, body)
         VALUES ($1, $2, $3, $4, 'e-counter', $5) ON CONFLICT (dedupe_key) DO NOTHING`,
        [`${key}:e-counter`, state.subject, state.journeyId, event.type, JSON.stringify({ event, lifeEvent: state.lifeEvent, language: state.language })],
      );
    }
  }

  /** Stores newly known values once per subject; an older write never replaces a newer value. */
  private async writeVault(tx: EntityManager, { state, dataWrites }: ProjectionUpdate): Promise<void> {
    for (const write of dataWrites) {
      const { ciphertext, keyId } = this.vault.encrypt(state.subject, write.item, write.value);
      await tx.query(
        `INSERT INTO data_items (subject, item, ciphertext, key_id, provenance, consent, written_at)
         VALUES ($1, $2, $3, $4, $5, true, $6)
         ON CONFLICT (subject, item) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, key_id = EXCLUDED.key_id,
           provenance = EXCLUDED.provenance, written_at = EXCLUDED.written_at
         WHERE data_items.written_at < EXCLUDED.written_at`,
        [state.subject, write.item, ciphertext, keyId, JSON.stringify(write.provenance), write.at],
      );
    }
  }
}
