import { TEST_PAYLOAD_KEYS } from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '../../testing';
import { insertJourneyPlaceholder } from '../repositories/journey-placeholder';
import { Vault } from '../vault/vault';
import { VaultCipher } from '../vault/vault-cipher';
import { VaultScopes1795917200000 } from './1795917200000-vault-scopes';

const cipher = new VaultCipher(TEST_PAYLOAD_KEYS);
const FOUNDER = 'founder-1';
const access = { accessor: 'test', accessorRole: 'system', purpose: 'migration test' };

/** The schema as it was before the vault had scopes: every migration up to, not including, this one. */
async function revertToBeforeScopes(db: TestDatabase): Promise<void> {
  const applied = async () =>
    ((await db.dataSource.query(`SELECT name FROM passage_migrations`)) as { name: string }[]).map((m) => m.name);
  for (let i = 0; i < 20 && (await applied()).includes(new VaultScopes1795917200000().name); i++) {
    await db.dataSource.undoLastMigration({ transaction: 'each' });
  }
}

async function publish(db: TestDatabase, lifeEventId: string, items: readonly string[]): Promise<void> {
  const dataItems = Object.fromEntries(items.map((item) => [item, { type: 'string', label: {} }]));
  await db.dataSource.query(
    `INSERT INTO life_event_versions (life_event_id, version, hash, owner, definition) VALUES ($1, 1, 'h', 'o', $2)`,
    [lifeEventId, JSON.stringify({ id: lifeEventId, version: 1, dataItems })],
  );
}

async function journey(db: TestDatabase, journeyId: string, lifeEventId: string): Promise<void> {
  await insertJourneyPlaceholder(db.dataSource, {
    journeyId,
    lifeEventId,
    version: 1,
    owner: 'o',
    subject: FOUNDER,
    channel: 'online',
    language: 'nl',
    proactive: false,
  });
}

/** A row of the old vault: one value per subject and item. */
async function oldRow(db: TestDatabase, item: string, value: string, writtenAt: string): Promise<void> {
  const { ciphertext, keyId } = cipher.encrypt(FOUNDER, item, value);
  await db.dataSource.query(
    `INSERT INTO data_items (subject, item, ciphertext, key_id, provenance, consent, written_at)
     VALUES ($1, $2, $3, $4, '{"kind":"subject"}', true, $5)`,
    [FOUNDER, item, ciphertext, keyId, writtenAt],
  );
}

const rows = (db: TestDatabase) =>
  db.dataSource.query(`SELECT * FROM data_items ORDER BY item, scope_kind, scope_id`) as Promise<
    { item: string; scope_kind: string; scope_id: string }[]
  >;

describe('migration: the vault gets scopes (issue 10)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await revertToBeforeScopes(db);
    await publish(db, 'found-association', ['person.name', 'association.iban']);
    await publish(db, 'move-house', ['person.name', 'move.newAddress']);
    await journey(db, 'journey-found-association-a', 'found-association');
    await journey(db, 'journey-found-association-b', 'found-association');
    await journey(db, 'journey-move-house-c', 'move-house');
    await oldRow(db, 'person.name', 'An Stichter', '2026-11-01T10:00:00Z');
    await oldRow(db, 'association.iban', 'BE71 0961 2345 6769', '2026-11-02T10:00:00Z');
    await oldRow(db, 'retired.item', 'nobody declares me', '2026-11-03T10:00:00Z');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('keeps person items, makes the others journey-scoped for the journeys that declare them, and goes back', async () => {
    await db.dataSource.runMigrations({ transaction: 'each' });

    expect((await rows(db)).map((r) => [r.item, r.scope_kind, r.scope_id])).toEqual([
      ['association.iban', 'journey', 'journey-found-association-a'],
      ['association.iban', 'journey', 'journey-found-association-b'],
      ['person.name', 'person', FOUNDER],
    ]);
    const vault = new Vault(db.dataSource, cipher);
    const forJourney = async (id: string) =>
      vault.readForJourney(FOUNDER, { id, entities: null }, ['person.name', 'association.iban'], access);
    // The copies are the same ciphertexts: still readable, each only by its own journey.
    expect((await forJourney('journey-found-association-a'))['association.iban']?.value).toBe('BE71 0961 2345 6769');
    expect(Object.keys(await forJourney('journey-move-house-c'))).toEqual(['person.name']);
    // A new journey of the founder is offered the person's name, never the association's account.
    const offered = await vault.knownItems(FOUNDER, [
      { item: 'person.name', scope: { kind: 'person' } },
      { item: 'association.iban', scope: { kind: 'person' } },
    ]);
    expect(offered.map((key) => key.item)).toEqual(['person.name']);

    // Later migrations go back first: this one is not necessarily the last.
    await revertToBeforeScopes(db);
    const restored: { item: string; ciphertext: Buffer; key_id: string }[] = await db.dataSource.query(
      `SELECT item, ciphertext, key_id FROM data_items ORDER BY item`,
    );
    expect(restored.map((r) => [r.item, cipher.decrypt(FOUNDER, r.item, r.ciphertext, r.key_id)])).toEqual([
      ['association.iban', 'BE71 0961 2345 6769'],
      ['person.name', 'An Stichter'],
    ]);
    const key: { columns: string }[] = await db.dataSource.query(
      `SELECT string_agg(a.attname, ',' ORDER BY array_position(i.indkey, a.attnum)) AS columns
         FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = 'data_items'::regclass AND i.indisprimary`,
    );
    expect(key[0].columns).toBe('subject,item');
  });
});
