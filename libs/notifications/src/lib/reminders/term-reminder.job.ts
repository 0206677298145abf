import type { DataSource } from 'typeorm';
import { Poller } from '@passage/timing';

export interface TermReminderOptions {
  readonly dataSource: DataSource;
  /** Remind this many days before a term ends. */
  readonly daysAhead: number;
  readonly intervalMs?: number;
  readonly batchSize?: number;
}

/**
 * Warns the subject before a term that concerns them ends: the engine only tells when a term has passed, and the
 * journey workflows stay as they are. Every run writes one `term-expiring` e-counter row per open term ending within
 * `daysAhead` days (the dispatcher adds its e-mail), keyed by journey, step and due date, so a run never reminds twice
 * of the same term, while a term that moves (suspended, then resumed) is reminded of again.
 *
 * A term concerns the subject when they must act: a `citizen` step, or any step that waits for their answer.
 */
export class TermReminderJob {
  private readonly poller: Poller;

  constructor(private readonly options: TermReminderOptions) {
    this.poller = new Poller('term reminders', options.intervalMs ?? 15 * 60_000, () => this.runOnce());
  }

  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Writes the reminders due now; returns how many. */
  async runOnce(): Promise<number> {
    const limit = this.options.batchSize ?? 500;
    let written = 0;
    // Bounded: a run handles at most 20 batches; what is left waits for the next run.
    for (let batch = 0; batch < 20; batch++) {
      const rows: unknown[] = await this.options.dataSource.query(
        `WITH due AS (
           SELECT s.journey_id || ':' || s.step_id || ':' || to_char(s.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                    || ':term-expiring:e-counter' AS dedupe_key,
                  j.subject, j.id AS journey_id, j.life_event_id, j.version, j.language, s.step_id, s.agency, s.due_at,
                  s.status = 'awaiting-subject' AS waiting
           FROM journey_steps s JOIN journeys j ON j.id = s.journey_id
           WHERE j.status = 'active'
             AND s.status IN ('dispatched', 'in-progress', 'awaiting-subject')
             AND (s.mode = 'citizen' OR s.status = 'awaiting-subject')
             AND s.due_at > now() AND s.due_at <= now() + make_interval(days => $1)
         )
         INSERT INTO notifications (dedupe_key, subject, journey_id, kind, channel, body)
         SELECT d.dedupe_key, d.subject, d.journey_id, 'term-expiring', 'e-counter',
                jsonb_build_object(
                  'event', jsonb_build_object('type', 'term-expiring', 'at', now(), 'stepId', d.step_id, 'agency', d.agency,
                                              'dueAt', d.due_at, 'waitingForAnswer', d.waiting),
                  'lifeEvent', jsonb_build_object('id', d.life_event_id, 'version', d.version),
                  'language', d.language)
         FROM due d
         WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = d.dedupe_key)
         ORDER BY d.due_at
         LIMIT $2
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id`,
        [this.options.daysAhead, limit],
      );
      written += rows.length;
      // Fewer than asked: nothing left (or another replica wrote the rest at the same moment).
      if (rows.length < limit) break;
    }
    return written;
  }
}
