import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PassageError } from '@passage/contracts';

export type IdempotentOutcome =
  { readonly kind: 'new' } | { readonly kind: 'replay'; readonly statusCode: number; readonly response: unknown };

/** How long a request in progress holds its key unless told otherwise (`PASSAGE_IDEMPOTENCY_LEASE_SECONDS`). */
export const DEFAULT_IDEMPOTENCY_LEASE_SECONDS = 60;

/**
 * `Idempotency-Key` bookkeeping: the first request with a key runs and its answer is kept; a repeat with the same
 * request gets the same answer, a repeat with a different request is refused, a repeat while the first still runs
 * is asked to retry later. A request in progress holds its key as a lease of `leaseSeconds`: if its process dies,
 * the lease runs out and the next repeat runs the request again (the journey's own message keys, derived from the
 * same key, keep the effect single).
 */
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    readonly leaseSeconds = DEFAULT_IDEMPOTENCY_LEASE_SECONDS,
  ) {}

  static fingerprint(parts: readonly unknown[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  async begin(scope: string, key: string, fingerprint: string): Promise<IdempotentOutcome> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, leased_until)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, fingerprint, this.leaseSeconds],
    );
    if (inserted.length > 0) return { kind: 'new' };
    const [row]: { request_hash: string; status_code: number | null; response: unknown }[] =
      await this.dataSource.query(
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
    if (!row) return this.begin(scope, key, fingerprint);
    if (row.request_hash !== fingerprint)
      throw new PassageError(
        'idempotency-key-reused',
        'this Idempotency-Key was used for a different request',
        'headers.idempotency-key',
      );
    if (row.status_code === null) {
      // Only one repeat takes over a lease that ran out; the others still see it in progress. (A SELECT around the
      // UPDATE: TypeORM answers an UPDATE with [rows, count], a SELECT with its rows.)
      const taken: unknown[] = await this.dataSource.query(
        `WITH taken AS (
           UPDATE idempotency_keys SET leased_until = now() + make_interval(secs => $3)
            WHERE scope = $1 AND key = $2 AND status_code IS NULL AND (leased_until IS NULL OR leased_until < now())
            RETURNING key)
         SELECT key FROM taken`,
        [scope, key, this.leaseSeconds],
      );
      if (taken.length > 0) return { kind: 'new' };
      throw new PassageError(
        'idempotency-key-in-progress',
        `a request with this Idempotency-Key is still being processed; retry shortly (it holds the key for at most ${this.leaseSeconds} s)`,
      );
    }
    return { kind: 'replay', statusCode: row.status_code, response: row.response };
  }

  async complete(scope: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4, leased_until = NULL WHERE scope = $1 AND key = $2`,
      [scope, key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** Forgets a key whose request failed on our side, so that the client can retry it. */
  async abandon(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL`, [
      scope,
      key,
    ]);
  }
}
