import type { DataSource } from 'typeorm';

export interface AuditEntry {
  /** Who did it: a staff member's id or name (never a subject's). */
  readonly actor: string;
  readonly action: string;
  readonly journeyId?: string;
  readonly lifeEventId?: string;
  /** What exactly, without data values. */
  readonly detail: Readonly<Record<string, unknown>>;
  /** The operation's idempotency key: a repeated operation is recorded once. */
  readonly dedupeKey?: string;
}

/** The append-only record of what staff did to journeys. */
export class AuditLog {
  /** A data source, or the entity manager of a transaction the entry belongs to. */
  constructor(private readonly dataSource: Pick<DataSource, 'query'>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (actor, action, journey_id, life_event_id, detail, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        entry.actor,
        entry.action,
        entry.journeyId ?? null,
        entry.lifeEventId ?? null,
        JSON.stringify(entry.detail),
        entry.dedupeKey ?? null,
      ],
    );
  }
}
