import type { DataSource, EntityManager } from 'typeorm';
import type { JourneyState, Provenance } from '@passage/contracts';
import type { DataValue, EntityScope, ScopeKey } from '@passage/journey-model';
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
 * Where the vault keeps a value: the subject's own (`person`), an entity's under its number, or one journey's
 * (ADR 0009). A value is reused only within its scope.
 */
export type VaultScope =
  | { readonly kind: 'person' }
  | { readonly kind: 'journey'; readonly id: string }
  | { readonly kind: EntityScope; readonly id: string };

export interface VaultKey {
  readonly item: string;
  readonly scope: VaultScope;
}

interface StoredRow {
  readonly item: string;
  readonly ciphertext: Buffer;
  readonly key_id: string;
  readonly provenance: Provenance;
  readonly written_at: Date;
}

export const PERSON_SCOPE: VaultScope = { kind: 'person' };

/** The vault scope of a model scope key, in a given journey (`journey` means that one). */
export function vaultScopeOf(key: ScopeKey | undefined, journeyId: string): VaultScope {
  if (key === undefined || key.scope === 'journey') return { kind: 'journey', id: journeyId };
  if (key.scope === 'person') return PERSON_SCOPE;
  return { kind: key.scope, id: key.number };
}

/** The row's scope columns: a person's values are kept under the subject's own id. */
export function scopeColumns(subject: string, scope: VaultScope): { scope_kind: string; scope_id: string } {
  return { scope_kind: scope.kind, scope_id: scope.kind === 'person' ? subject : scope.id };
}

/** The scopes one journey may read: the subject's own, its own, and the entities it holds a number for. */
export function journeyScopes(journeyId: string, entities: JourneyState['entities'] | null): VaultScope[] {
  return [
    PERSON_SCOPE,
    { kind: 'journey', id: journeyId },
    ...Object.entries(entities ?? {}).flatMap(([kind, entity]) =>
      entity ? [{ kind: kind as EntityScope, id: entity.number }] : [],
    ),
  ];
}

/**
 * The once-only vault: one value per subject, scope and item, encrypted at rest, reused within its scope while the
 * subject's consent stands. Reads are logged; knowing *whether* an item is known is not a read of its value.
 */
export class Vault {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: VaultCipher,
  ) {}

  /** Which of these keys hold a value. */
  async knownItems(subject: string, keys: readonly VaultKey[]): Promise<VaultKey[]> {
    if (keys.length === 0) return [];
    const rows: { item: string; scope_kind: string; scope_id: string }[] = await this.dataSource.query(
      `SELECT d.item, d.scope_kind, d.scope_id FROM data_items d
         JOIN jsonb_to_recordset($2::jsonb) AS k(item text, scope_kind text, scope_id text)
           ON (k.item, k.scope_kind, k.scope_id) = (d.item, d.scope_kind, d.scope_id)
        WHERE d.subject = $1 AND d.consent`,
      [subject, JSON.stringify(this.keyRows(subject, keys))],
    );
    return keys.filter((key) => {
      const { scope_kind, scope_id } = scopeColumns(subject, key.scope);
      return rows.some((row) => row.item === key.item && row.scope_kind === scope_kind && row.scope_id === scope_id);
    });
  }

  /** The values under these keys, by item (one key per item), each read logged. */
  async read(subject: string, keys: readonly VaultKey[], access: DataAccess): Promise<Record<string, KnownValue>> {
    if (keys.length === 0) return {};
    return this.dataSource.transaction(async (tx) => {
      const rows: StoredRow[] = await tx.query(
        `SELECT d.item, d.ciphertext, d.key_id, d.provenance, d.written_at FROM data_items d
           JOIN jsonb_to_recordset($2::jsonb) AS k(item text, scope_kind text, scope_id text)
             ON (k.item, k.scope_kind, k.scope_id) = (d.item, d.scope_kind, d.scope_id)
          WHERE d.subject = $1 AND d.consent`,
        [subject, JSON.stringify(this.keyRows(subject, keys))],
      );
      return this.logged(tx, subject, rows, access);
    });
  }

  /**
   * The values of these items that one journey holds: the subject's own, the journey's, and its entities' (what an
   * agency deciding a step of that journey may see), each read logged. Values of the subject's other journeys and
   * entities are never among them.
   */
  async readForJourney(
    subject: string,
    journey: { readonly id: string; readonly entities: JourneyState['entities'] | null },
    items: readonly string[],
    access: DataAccess,
  ): Promise<Record<string, KnownValue>> {
    const scopes = journeyScopes(journey.id, journey.entities);
    return this.read(
      subject,
      items.flatMap((item) => scopes.map((scope) => ({ item, scope }))),
      access,
    );
  }

  /** Stores values under their scope; a value older than the stored one never replaces it. */
  async write(
    subject: string,
    values: Readonly<Record<string, DataValue>>,
    provenance: Provenance,
    options: { readonly at?: Date; readonly scopeOf?: (item: string) => VaultScope } = {},
  ): Promise<void> {
    const at = options.at ?? new Date();
    for (const [item, value] of Object.entries(values)) {
      const { scope_kind, scope_id } = scopeColumns(subject, options.scopeOf?.(item) ?? PERSON_SCOPE);
      const { ciphertext, keyId } = this.cipher.encrypt(subject, item, value);
      await this.dataSource.query(
        `INSERT INTO data_items (subject, scope_kind, scope_id, item, ciphertext, key_id, provenance, consent, written_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)
         ON CONFLICT (subject, scope_kind, scope_id, item) DO UPDATE SET ciphertext = EXCLUDED.ciphertext,
           key_id = EXCLUDED.key_id, provenance = EXCLUDED.provenance, consent = true, written_at = EXCLUDED.written_at
         WHERE data_items.written_at <= EXCLUDED.written_at`,
        [subject, scope_kind, scope_id, item, ciphertext, keyId, JSON.stringify(provenance), at],
      );
    }
  }

  private keyRows(subject: string, keys: readonly VaultKey[]) {
    return keys.map((key) => ({ item: key.item, ...scopeColumns(subject, key.scope) }));
  }

  /**
   * Logs each read and returns one value per item. Should two scopes hold an item (a journey-scoped copy left by
   * the migration next to a newer value), the most recent wins.
   */
  private async logged(
    tx: EntityManager,
    subject: string,
    rows: readonly StoredRow[],
    access: DataAccess,
  ): Promise<Record<string, KnownValue>> {
    const latest = new Map<string, StoredRow>();
    for (const row of rows) {
      const seen = latest.get(row.item);
      if (!seen || seen.written_at < row.written_at) latest.set(row.item, row);
    }
    for (const row of latest.values()) {
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
      [...latest.values()].map((row) => [
        row.item,
        { value: this.cipher.decrypt(subject, row.item, row.ciphertext, row.key_id), provenance: row.provenance },
      ]),
    );
  }
}
