import type { DataSource } from 'typeorm';
import type { NotificationChannel } from '../delivery/notification-message';

/** The data item holding the subject's e-mail address in the vault. */
export const EMAIL_ITEM = 'person.email';

/** An outbox row claimed for one delivery attempt; `attempts` counts this attempt and fences the result write. */
export interface ClaimedNotification {
  readonly id: string;
  readonly dedupeKey: string;
  readonly subject: string;
  readonly journeyId: string | null;
  readonly kind: string;
  readonly channel: NotificationChannel;
  readonly body: unknown;
  readonly attempts: number;
}

/**
 * The notifications table as the dispatcher uses it. Every statement is safe with several dispatchers on the same
 * table: rows are claimed with `FOR UPDATE SKIP LOCKED`, and results are written only by the claimant.
 */
export class NotificationOutbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes rows the projection or the reminder job wrote and, when `mail` is on and the subject has an e-mail address
   * in the vault, adds an `email` sibling of each e-counter row (same body, own retries). Knowing whether the address
   * is known is not a read of it, so nothing is logged here; the address is read when the e-mail is delivered.
   */
  async fanOut(limit: number, mail: boolean): Promise<{ sources: number; emails: number }> {
    const [row]: { sources: number; emails: number }[] = await this.dataSource.query(
      `WITH sources AS (
         UPDATE notifications SET fanned_out = true
         WHERE id IN (SELECT id FROM notifications WHERE NOT fanned_out ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING dedupe_key, subject, journey_id, kind, channel, body
       ), emails AS (
         INSERT INTO notifications (dedupe_key, subject, journey_id, kind, channel, body, fanned_out)
         SELECT left(s.dedupe_key, -length(':e-counter')) || ':email', s.subject, s.journey_id, s.kind, 'email', s.body, true
         FROM sources s
         WHERE $2::boolean AND s.channel = 'e-counter' AND s.dedupe_key LIKE '%:e-counter'
           AND EXISTS (SELECT 1 FROM data_items d
                       WHERE d.subject = s.subject AND d.scope_kind = 'person' AND d.item = $3 AND d.consent)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM sources)::int AS sources, (SELECT count(*) FROM emails)::int AS emails`,
      [limit, mail, EMAIL_ITEM],
    );
    return row;
  }

  /**
   * Claims due rows of the given channels: counts the attempt and leases the row (moves its next attempt past the
   * lease) in one statement, so no connection is held while a receiver answers. A dispatcher that dies mid-delivery
   * leaves the row to be claimed again when the lease ends.
   */
  async claim(
    channels: readonly NotificationChannel[],
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedNotification[]> {
    if (channels.length === 0) return [];
    // Wrapped in a SELECT: for a bare UPDATE … RETURNING, TypeORM answers [rows, count] instead of the rows.
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE notifications n
         SET attempts = n.attempts + 1, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
         FROM (SELECT id FROM notifications
               WHERE status = 'pending' AND next_attempt_at <= now() AND channel = ANY($1::text[])
               ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) due
         WHERE n.id = due.id
         RETURNING n.id, n.dedupe_key, n.subject, n.journey_id, n.kind, n.channel, n.body, n.attempts
       )
       SELECT id, dedupe_key AS "dedupeKey", subject, journey_id AS "journeyId", kind, channel, body, attempts FROM claimed`,
      [channels, limit, leaseMs],
    );
  }

  // The result writes match the claimed attempt: a dispatcher whose lease ran out cannot overwrite a newer attempt.

  async markSent(row: ClaimedNotification): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', sent_at = now() WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [row.id, row.attempts],
    );
  }

  async reschedule(row: ClaimedNotification, delayMs: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), last_error = $4
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [row.id, row.attempts, delayMs, reason],
    );
  }

  async markFailed(row: ClaimedNotification, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'failed', last_error = $3 WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [row.id, row.attempts, reason],
    );
  }
}
