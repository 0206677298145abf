import type { Queryable } from '../reading/kpi-samples.query';
import type { OwnerAlert } from './alert-rules';

/** Owner notifications go to the owner's feed; the dispatcher has no transport for it, so they wait there, visible. */
export const OWNER_FEED_CHANNEL = 'owner-feed';

/**
 * Records an alert once: the feed entry, and with it (only when it is new) a notification for the owner in the
 * notifications outbox, addressed to `owner:<id>` so it can never be taken for a subject.
 */
export async function raiseAlert(q: Queryable, alert: OwnerAlert): Promise<boolean> {
  const inserted: unknown[] = await q.query(
    `INSERT INTO owner_alerts (dedupe_key, owner, life_event_id, kind, kpi, threshold, value, period, message)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      alert.key,
      alert.owner,
      alert.lifeEvent,
      alert.kind,
      alert.kpi,
      alert.threshold,
      alert.value,
      alert.period,
      alert.message,
    ],
  );
  if (inserted.length === 0) return false;
  await q.query(
    `INSERT INTO notifications (dedupe_key, subject, journey_id, kind, channel, body)
     VALUES ($1, $2, NULL, 'owner-alert', $3, $4) ON CONFLICT (dedupe_key) DO NOTHING`,
    [`${alert.key}:${OWNER_FEED_CHANNEL}`, `owner:${alert.owner}`, OWNER_FEED_CHANNEL, JSON.stringify({ alert })],
  );
  return true;
}

/**
 * A journey's read model stopped following it: the database refused one of its changes on every attempt and the
 * change was quarantined (the journey goes on). One alert per journey and first quarantined change; the message
 * names codes only, never data, and says what to do.
 */
export function raiseQuarantineAlert(
  q: Queryable,
  entry: { journeyId: string; owner: string; lifeEvent: string; seq: number; sqlState: string; statement: string },
): Promise<boolean> {
  return raiseAlert(q, {
    key: `projection-quarantined:${entry.journeyId}`,
    owner: entry.owner,
    lifeEvent: entry.lifeEvent,
    kind: 'projection-quarantined',
    kpi: 'read-model',
    threshold: 0,
    value: entry.seq,
    period: new Date().toISOString().slice(0, 10),
    message:
      `The timeline of journey ${entry.journeyId} stopped at change ${entry.seq}: the database refused it ` +
      `(SQLSTATE ${entry.sqlState}, ${entry.statement}). The journey goes on; run passage read-model repair --quarantined.`,
  });
}
