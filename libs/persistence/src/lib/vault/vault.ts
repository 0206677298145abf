import type { DataSource } from 'typeorm';
import type { Provenance } from '@passage/contracts';
import type { DataValue } from '@passage/journey-model';
import { DataItemEntity } from '../entities';
import type { VaultCipher } from './vault-cipher';

/** Why and by whom a vault value is read: every read is written to the access log. */
export interface DataAccess {
  readonly accessor: string;
  readonly accessorRole: string;
  readonly purpose: string;
  readonly journeyId?: string;
  readonly stepId?: string;
}

export interface KnownValue {
  readonly value: DataValue;
  readonly provenance: Provenance;
}

/**
 * The once-only vault: one value per subject and data item, encrypted at rest, reused by every step and journey
 * that needs it while the subject's consent stands. Reads are logged; knowing *whether* an item is known is not a
 * read of its value.
 */
export class Vault {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: VaultCipher,
  ) {}

  async knownItems(subject: string, items: readonly string[]): Promise<string[]> {
    if (items.length === 0) return [];
    const rows: { item: string }[] = await this.dataSource.query(
      `SELECT item FROM data_items WHERE subject = $1 AND item = ANY($2) AND consent`,
      [subject, items],
    );
    return rows.map((row) => row.item);
  }

  async read(subject: string, items: readonly string[], access: DataAccess): Promise<Record<string, KnownValue>> {
    if (items.length === 0) return {};
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx
        .getRepository(DataItemEntity)
        .createQueryBuilder('d')
        .where('d.subject = :subject AND d.item IN (:...items) AND d.consent', { subject, items })
        .getMany();
      for (const row of rows) {
        await tx.query(
          `INSERT INTO data_access_log (subject, item, journey_id, step_id, accessor, accessor_role, purpose) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            subject,
            row.item,
            access.journeyId ?? null,
            access.stepId ?? null,
            access.accessor,
            access.accessorRole,
            access.purpose,
          ],
        );
      }
      return Object.fromEntries(
        rows.map((row) => [
          row.item,
          { value: this.cipher.decrypt(subject, row.item, row.ciphertext, row.keyId), provenance: row.provenance },
        ]),
      );
    });
  }

  /** Stores values once per subject; a value older than the stored one never replaces it. */
  async write(
    subject: string,
    values: Readonly<Record<string, DataValue>>,
    provenance: Provenance,
    at: Date = new Date(),
  ): Promise<void> {
    for (const [item, value] of Object.entries(values)) {
      const { ciphertext, keyId } = this.cipher.encrypt(subject, item, value);
      await this.dataSource.query(
        `INSERT INTO data_items (subject, item, ciphertext, key_id, provenance, consent, written_at)
         VALUES ($1, $2, $3, $4, $5, true, $6)
         ON CONFLICT (subject, item) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, key_id = EXCLUDED.key_id,
           provenance = EXCLUDED.provenance, consent = true, written_at = EXCLUDED.written_at
         WHERE data_items.written_at <= EXCLUDED.written_at`,
        [subject, item, ciphertext, keyId, JSON.stringify(provenance), at],
      );
    }
  }
}
