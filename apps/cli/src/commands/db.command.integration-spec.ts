import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '@passage/persistence';

const root = join(__dirname, '..', '..', '..', '..');
/** The server the integration tier uses (as createTestDatabase does); each test gets an empty database of its own. */
const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function admin<T>(work: (client: Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('passage db against PostgreSQL', () => {
  const created: string[] = [];

  afterAll(async () => {
    await admin(async (client) => {
      for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });

  /** A new, empty database: what a release's migrate job meets the first time. */
  async function emptyDatabase(): Promise<string> {
    const name = `passage_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    created.push(name);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /**
   * The CLI as a release job runs it: DATABASE_URL and PASSAGE_ENV only. No key or OIDC setting is given and the
   * data folder cannot be created, so the command must need no secret and write nothing.
   */
  function passage(url: string, environment: string, ...args: string[]): Promise<Run> {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      DATABASE_URL: url,
      PASSAGE_ENV: environment,
      PASSAGE_DATA_DIR: '/proc/passage-must-not-write-here',
    };
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), 'db', ...args],
        { cwd: root, env, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  const appliedIn = (url: string) =>
    admin(
      async (client) =>
        (await client.query<{ name: string }>('SELECT name FROM passage_migrations ORDER BY id')).rows.map(
          (row) => row.name,
        ),
      url,
    );

  it('migrates an empty database in production, then finds it up to date', async () => {
    const url = await emptyDatabase();
    const first = await passage(url, 'production', 'migrate');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        ...MIGRATION_NAMES.map((name) => `passage db: applied ${name}`),
        `passage db: ${MIGRATION_NAMES.length} applied, up to date`,
        '',
      ].join('\n'),
    );
    expect(await appliedIn(url)).toEqual(MIGRATION_NAMES);
    // The schema is there, not just the bookkeeping.
    const tables = await admin(
      async (client) =>
        (
          await client.query<{ table_name: string }>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
          )
        ).rows.map((row) => row.table_name),
      url,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['journeys', 'journey_events', 'life_event_versions', 'notifications', 'audit_log']),
    );

    const again = await passage(url, 'production', 'migrate');
    expect(again).toEqual({
      code: 0,
      stdout: `passage db: up to date (${MIGRATION_NAMES.length} migrations)\n`,
      stderr: '',
    });
    expect(await appliedIn(url)).toEqual(MIGRATION_NAMES);
  });

  it('lets two release jobs started together migrate once', async () => {
    const url = await emptyDatabase();
    const runs = await Promise.all([passage(url, 'production', 'migrate'), passage(url, 'production', 'migrate')]);
    expect(runs.map((run) => ({ code: run.code, stderr: run.stderr }))).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    const applied = runs.flatMap((run) =>
      run.stdout.split('\n').filter((line) => line.startsWith('passage db: applied ')),
    );
    expect(applied).toHaveLength(MIGRATION_NAMES.length);
    expect(await appliedIn(url)).toEqual(MIGRATION_NAMES);
  });

  it('reverts and resets in development only', async () => {
    const url = await emptyDatabase();
    expect((await passage(url, 'development', 'migrate')).code).toBe(0);

    for (const command of ['revert', 'reset']) {
      const refused = await passage(url, 'production', command);
      expect({ code: refused.code, stderr: refused.stderr.trim() }).toEqual({
        code: 2,
        stderr: `passage db ${command} drops data: refused with PASSAGE_ENV=production`,
      });
    }
    expect(await appliedIn(url)).toEqual(MIGRATION_NAMES);

    const reverted = await passage(url, 'development', 'revert');
    expect(reverted).toEqual({ code: 0, stdout: `passage db: reverted ${MIGRATION_NAMES.at(-1)}\n`, stderr: '' });
    expect(await appliedIn(url)).toEqual(MIGRATION_NAMES.slice(0, -1));

    // Every `down` runs, then every `up` again: the schema is back, empty.
    await admin(
      (client) =>
        client.query(`INSERT INTO agencies (id, name, level, services) VALUES ('reset-me', '{}', 'local', '[]')`),
      url,
    );
    const reset = await passage(url, 'development', 'reset');
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.stdout.split('\n').filter((line) => line.startsWith('passage db: reverted '))).toHaveLength(
      MIGRATION_NAMES.length - 1,
    );
    expect(await appliedIn(url)).toEqual(MIGRATION_NAMES);
    expect(await admin(async (client) => (await client.query('SELECT id FROM agencies')).rowCount, url)).toBe(0);
  });
});
