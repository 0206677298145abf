import type { Pool } from 'pg';

/** A journey whose projection the database refused on its data; codes and counts only, never the change itself. */
export interface QuarantinedProjection {
  readonly journeyId: string;
  readonly owner: string;
  readonly lifeEvent: string;
  readonly seq: number;
  readonly sqlState: string;
  readonly statement: string;
  readonly attempts: number;
}

/** An open quarantine, as operators and `passage read-model` see it. */
export interface QuarantineRow {
  readonly journeyId: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly sqlState: string;
  readonly statement: string;
  readonly attempts: number;
  readonly changes: number;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
}

/** SQLSTATE classes that no retry can cure: the change itself is wrong (data exception, integrity constraint). */
const POISON_CLASSES = new Set(['22', '23']);

/** The SQLSTATE of a PostgreSQL error (five characters), or undefined for any other failure (a lost connection…). */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function isPoisonSqlState(sqlState: string): boolean {
  return POISON_CLASSES.has(sqlState.slice(0, 2));
}

/**
 * The `projection_quarantine` table: one row per journey, opened by the first change the database refused on its
 * data, counting each further one, closed when the journey's rows are repaired (`passage read-model repair`).
 */
export class ProjectionQuarantineStore {
  constructor(private readonly pool: Pick<Pool, 'query'>) {}

  async isOpen(journeyId: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM projection_quarantine WHERE journey_id = $1 AND repaired_at IS NULL`,
      [journeyId],
    );
    return rows.length > 0;
  }

  async record(entry: QuarantinedProjection): Promise<void> {
    await this.pool.query(
      `INSERT INTO projection_quarantine (journey_id, first_seq, last_seq, sql_state, statement, attempts)
       VALUES ($1, $2, $2, $3, $4, $5)
       ON CONFLICT (journey_id) DO UPDATE SET
         first_seq = CASE WHEN projection_quarantine.repaired_at IS NULL THEN projection_quarantine.first_seq ELSE EXCLUDED.first_seq END,
         first_seen_at = CASE WHEN projection_quarantine.repaired_at IS NULL THEN projection_quarantine.first_seen_at ELSE now() END,
         changes = CASE WHEN projection_quarantine.repaired_at IS NULL THEN projection_quarantine.changes + 1 ELSE 1 END,
         last_seq = greatest(projection_quarantine.last_seq, EXCLUDED.last_seq), sql_state = EXCLUDED.sql_state,
         statement = EXCLUDED.statement, attempts = projection_quarantine.attempts + EXCLUDED.attempts,
         last_seen_at = now(), repaired_at = NULL`,
      [entry.journeyId, entry.seq, entry.sqlState, entry.statement, entry.attempts],
    );
  }

  /** Open quarantines, oldest first. */
  async open(): Promise<QuarantineRow[]> {
    const { rows } = await this.pool.query<QuarantineRow>(
      `SELECT journey_id AS "journeyId", first_seq AS "firstSeq", last_seq AS "lastSeq", sql_state AS "sqlState",
              statement, attempts, changes, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"
         FROM projection_quarantine WHERE repaired_at IS NULL ORDER BY first_seen_at, journey_id`,
    );
    return rows;
  }

  async countOpen(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM projection_quarantine WHERE repaired_at IS NULL`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Closes the journey's quarantine: its rows were rebuilt from the workflow's state. */
  async markRepaired(journeyId: string): Promise<void> {
    await this.pool.query(
      `UPDATE projection_quarantine SET repaired_at = now() WHERE journey_id = $1 AND repaired_at IS NULL`,
      [journeyId],
    );
  }
}
