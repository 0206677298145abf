import type { DataSource } from 'typeorm';
import type { NonceStore } from '@passage/agency-sdk';

/** Expired nonces are deleted at most this often per process, a bounded batch at a time. */
const CLEANUP_INTERVAL_MS = 60_000;
const CLEANUP_BATCH = 1_000;

/**
 * Nonces of signed webhook requests in PostgreSQL, so that every API replica refuses a request another replica has
 * already seen. Nonces are scoped per agency: one agency's nonces can never block another's.
 */
export class PostgresNonceStore {
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** The store for one agency's requests. */
  scoped(agency: string): NonceStore {
    return { remember: (nonce, expiresAt) => this.remember(`${agency}:${nonce}`, expiresAt) };
  }

  private async remember(nonce: string, expiresAt: Date): Promise<boolean> {
    await this.cleanUpNowAndThen();
    // An expired row (not cleaned up yet) no longer counts: the timestamp check refuses such old requests anyway.
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO webhook_nonces (nonce, expires_at) VALUES ($1, $2)
       ON CONFLICT (nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE webhook_nonces.expires_at < now()
       RETURNING nonce`,
      [nonce, expiresAt],
    );
    return rows.length > 0;
  }

  private async cleanUpNowAndThen(): Promise<void> {
    if (this.now() - this.lastCleanup < CLEANUP_INTERVAL_MS) return;
    this.lastCleanup = this.now();
    await this.dataSource.query(
      `DELETE FROM webhook_nonces WHERE nonce IN (SELECT nonce FROM webhook_nonces WHERE expires_at < now() LIMIT ${CLEANUP_BATCH})`,
    );
  }
}
