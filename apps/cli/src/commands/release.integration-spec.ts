import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { contentHash } from '@passage/journey-model';
import { AGENCIES, CATALOGUE } from '@passage/life-events';

const root = join(__dirname, '..', '..', '..', '..');
/** The server the integration tier uses (as createTestDatabase does). */
const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A release's jobs as docker/compose.yaml runs them, on a database that has never seen Passage: `passage db migrate`,
 * then `passage publish --catalogue`, with nothing but DATABASE_URL and PASSAGE_ENV=production (no key, no OIDC
 * setting, no writable data folder). Run twice, as every release does.
 */
describe('the release jobs: migrate, then publish the catalogue', () => {
  const name = `passage_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

  async function admin<T>(work: (client: Client) => Promise<T>, connectionString = ADMIN_URL): Promise<T> {
    const client = new Client({ connectionString });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(() => admin((client) => client.query(`CREATE DATABASE ${name}`)));
  afterAll(() => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  function passage(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      DATABASE_URL: url,
      PASSAGE_ENV: 'production',
      PASSAGE_DATA_DIR: '/proc/passage-must-not-write-here',
    };
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), ...args],
        { cwd: root, env, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  const versions = CATALOGUE.flatMap((entry) => entry.versions);
  const lines = (status: string) =>
    versions.map((definition) => `${definition.id} v${definition.version} ${status} (${contentHash(definition)})`);

  it('registers the agencies and publishes every catalogue version the first time', async () => {
    expect((await passage('db', 'migrate')).code).toBe(0);
    const published = await passage('publish', '--catalogue');
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout.trim().split('\n')).toEqual(lines('published'));
    const agencies = await admin(
      async (client) =>
        (await client.query<{ id: string }>('SELECT id FROM agencies ORDER BY id')).rows.map((row) => row.id),
      url,
    );
    expect(agencies).toEqual(AGENCIES.map((agency) => agency.id).sort());
  });

  it('changes nothing the second time', async () => {
    expect((await passage('db', 'migrate')).stdout).toMatch(/^passage db: up to date/);
    const again = await passage('publish', '--catalogue');
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(again.stdout.trim().split('\n')).toEqual(lines('unchanged: this content is already published'));
  });

  it('refuses a catalogue whose published version changed: exit 1 with the reason', async () => {
    // As if this release shipped different content under a version already published (past the trigger that keeps
    // published versions immutable).
    await admin(async (client) => {
      await client.query(`SET session_replication_role = replica`);
      await client.query(
        `UPDATE life_event_versions SET hash = 'sha256:${'0'.repeat(64)}' WHERE life_event_id = $1 AND version = 1`,
        [versions[0].id],
      );
    }, url);
    const refused = await passage('publish', '--catalogue');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^the catalogue refused: .*cannot change/);
  });
});
