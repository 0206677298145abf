import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { nativeFolder, reachableNativeFolder, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { isRunning } from './os-processes';
import { postgresOsUser } from './postgres-os-user';

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let folder: string;
  const started: EmbeddedPostgres[] = [];
  const start = async () => {
    const server = await startEmbeddedPostgres({ dir: join(folder, 'postgres') });
    started.push(server);
    return server;
  };

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'passage-embedded-pg-'));
    // As root, PostgreSQL runs as the postgres user, who must be able to enter the (0700) temporary folder.
    const user = postgresOsUser();
    if (user) chownSync(folder, user.uid, user.gid);
  });

  afterAll(async () => {
    await Promise.all(started.map((server) => server.stop()));
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates a cluster with the passage database, stops, and keeps the data when started again on the same folder', async () => {
    const first = await start();
    expect(first.url).toMatch(/\/passage$/);
    await query(first.url, 'CREATE TABLE kept (note text)');
    await query(first.url, 'INSERT INTO kept VALUES ($1)', ['across restarts']);
    await first.stop();
    await expect(first.exited).resolves.toBeDefined();
    expect(isRunning(first.pid)).toBe(false);

    const second = await start();
    expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'across restarts' }]);
    await second.stop();
  });

  it('starts despite a stale postmaster.pid whose pid now belongs to another process', async () => {
    // A live process of PostgreSQL's own user that is no server (PostgreSQL itself sees through its parent's pid and
    // through processes it may not signal).
    const other = spawn('sleep', ['60'], { stdio: 'ignore', ...postgresOsUser() });
    try {
      writeFileSync(join(folder, 'postgres', 'postmaster.pid'), `${other.pid}\n${join(folder, 'postgres')}\n`);
      const server = await start();
      expect(await query(server.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
      await server.stop();
    } finally {
      other.kill();
    }
  });

  it('stops the server a killed run left on the cluster, and takes its place', async () => {
    const leftover = await start();
    const server = await start();
    await expect(leftover.exited).resolves.toBeDefined();
    expect(isRunning(leftover.pid)).toBe(false);
    expect(await query(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'across restarts' }]);
    await server.stop();
  });

  it('refuses a folder that holds something else than a cluster, with the reason', async () => {
    // The temporary folder holds the cluster's folder, so it is not empty.
    await expect(startEmbeddedPostgres({ dir: folder })).rejects.toThrow(
      /is not empty and holds no PostgreSQL cluster/,
    );
  });

  const asRoot = postgresOsUser() ? it : it.skip;
  asRoot("runs PostgreSQL from a cached copy when its user cannot reach the project's binaries", () => {
    const user = postgresOsUser() as NonNullable<ReturnType<typeof postgresOsUser>>;
    // A project the postgres user cannot enter: a 0700 folder of root's.
    const project = mkdtempSync(join(tmpdir(), 'passage-unreachable-'));
    const cacheParent = mkdtempSync(join(tmpdir(), 'passage-cache-'));
    chmodSync(cacheParent, 0o755);
    try {
      const native = { path: join(project, 'native'), version: '0.0.0-test' };
      cpSync(nativeFolder().path, native.path, { recursive: true, verbatimSymlinks: true });
      const cache = join(cacheParent, 'cache');

      const copy = reachableNativeFolder(native, user, cache);
      expect(copy).toBe(join(cache, `postgres-${process.platform}-${process.arch}-0.0.0-test`));
      // Runs as the postgres user, with its libraries found inside the copy.
      const version = execFileSync(join(copy, 'bin', 'postgres'), ['--version'], { ...user, encoding: 'utf8' });
      expect(version).toMatch(/^postgres \(PostgreSQL\) \d+/);
      expect(reachableNativeFolder(native, user, cache)).toBe(copy);
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(cacheParent, { recursive: true, force: true });
    }
  });
});
