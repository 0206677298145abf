import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The items the catalogue's vocabulary said were about the person when the vault got its scopes (ADR 0009), and
 * the e-mail address notifications read. Frozen here: a migration must mean the same thing whenever it runs.
 */
export const PERSON_ITEMS_AT_VAULT_SCOPES: readonly string[] = [
  'family.iban',
  'parents.married',
  'person.address',
  'person.email',
  'person.iban',
  'person.name',
  'person.nationalRegisterNumber',
  'person.selfEmployedHealthStatus',
  'person.socialInsuranceAffiliation',
];

/**
 * The vault keyed every value by subject and item, so a founder's second association received the first one's
 * bank account (issue 10). Rows are now keyed by (subject, scope kind, scope id, item): the subject's own items
 * (`person`, scope id the subject), an entity's by its number, or one journey's (scope id the journey id). Person
 * items stay; every other item becomes journey-scoped for each journey of the subject whose version declares it
 * (copied, so two journeys that shared it each keep it), and is no longer reused elsewhere. A value no journey
 * declares is dropped: nobody could say whom it is about. Journeys remember which entities they hold a number for.
 *
 * Down: one row per subject and item again, the latest written (the person's row on a tie); values of other
 * journeys and entities are lost, as the old key cannot hold them.
 */
export class VaultScopes1795917200000 implements MigrationInterface {
  name = 'VaultScopes1795917200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_items DROP CONSTRAINT data_items_pkey`);
    await q.query(
      `ALTER TABLE data_items ADD COLUMN scope_kind text NOT NULL DEFAULT 'person', ADD COLUMN scope_id text`,
    );
    await q.query(`UPDATE data_items SET scope_id = subject`);
    await q.query(
      `INSERT INTO data_items (subject, scope_kind, scope_id, item, ciphertext, key_id, provenance, consent, written_at)
       SELECT d.subject, 'journey', j.id, d.item, d.ciphertext, d.key_id, d.provenance, d.consent, d.written_at
         FROM data_items d
         JOIN journeys j ON j.subject = d.subject
         JOIN life_event_versions v ON v.life_event_id = j.life_event_id AND v.version = j.version
        WHERE d.scope_kind = 'person' AND NOT (d.item = ANY($1)) AND v.definition->'dataItems' ? d.item`,
      [PERSON_ITEMS_AT_VAULT_SCOPES],
    );
    await q.query(`DELETE FROM data_items WHERE scope_kind = 'person' AND NOT (item = ANY($1))`, [
      PERSON_ITEMS_AT_VAULT_SCOPES,
    ]);
    await q.query(`ALTER TABLE data_items ALTER COLUMN scope_id SET NOT NULL, ALTER COLUMN scope_kind DROP DEFAULT`);
    await q.query(`ALTER TABLE data_items ADD PRIMARY KEY (subject, scope_kind, scope_id, item)`);
    await q.query(`ALTER TABLE journeys ADD COLUMN entities jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journeys DROP COLUMN entities`);
    await q.query(
      `DELETE FROM data_items WHERE ctid NOT IN (
         SELECT DISTINCT ON (subject, item) ctid FROM data_items
          ORDER BY subject, item, written_at DESC, (scope_kind = 'person') DESC, scope_id)`,
    );
    await q.query(`ALTER TABLE data_items DROP CONSTRAINT data_items_pkey`);
    await q.query(`ALTER TABLE data_items DROP COLUMN scope_kind, DROP COLUMN scope_id`);
    await q.query(`ALTER TABLE data_items ADD PRIMARY KEY (subject, item)`);
  }
}
