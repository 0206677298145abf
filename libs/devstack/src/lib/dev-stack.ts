import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadPassageConfig, type KeyRing, type PassageConfig } from '@passage/config';
import type { DataItems } from '@passage/journey-model';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { publishCatalogue } from '@passage/registry';
import { openDatabase } from '@passage/persistence';
import { freePort, startDevServer } from '@passage/temporal';
import { DEMO_PRINCIPALS, demoStartBusinessIntake, seedDemo } from './demo.seed';
import { DevStackLock } from './dev-stack.lock';
import { startEmbeddedPostgres } from './embedded-postgres';
import { exitOf, isRunning, listProcesses } from './os-processes';
import {
  passageAppEntry,
  startPassageProcess,
  waitForHttp,
  waitForOutput,
  type PassageApp,
  type RunningProcess,
} from './passage-processes';
import { firstFreePort } from './ports';

export interface DevStackOptions {
  readonly dataDir: string;
  /** The API's port, which must then be free; by default 3000 or the next free one. */
  readonly httpPort?: number;
  readonly temporalUi: boolean;
  /** An existing PostgreSQL; when omitted, an embedded one runs under the data folder. */
  readonly databaseUrl?: string;
  /** The embedded PostgreSQL's port; a free one when omitted. */
  readonly postgresPort?: number;
  /** What the stack is doing now, in a few words. */
  readonly onProgress: (message: string) => void;
  /** The apps' output, line by line, prefixed with their name. */
  readonly onOutput: (line: string) => void;
  /** Aborts the start-up (Ctrl-C while starting): what has started is stopped again. */
  readonly signal?: AbortSignal;
}

export interface DevStack {
  /** The configuration the apps run with (their keys and token secret). */
  readonly config: PassageConfig;
  readonly apiUrl: string;
  readonly temporalAddress: string;
  readonly temporalUiUrl?: string;
  /** Where the data is, for people to read: never the URL, which may hold a password. */
  readonly database: string;
  /** The demo the stack seeded: whom to print tokens for, and a start-business intake that goes with it. */
  readonly demo: { readonly principals: typeof DEMO_PRINCIPALS; readonly startBusinessIntake: DataItems };
  /** Settles when a part of the stack ends on its own (not through stop()): how, and its last output. */
  readonly failed: Promise<PartFailure>;
  /** Stops every part, the last started first. */
  stop(): Promise<void>;
}

export interface PartFailure {
  readonly name: string;
  /** e.g. "exit code 1", "signal SIGKILL". */
  readonly how: string;
  readonly output: string;
}

/** A running part of the stack, as the supervisor sees it. */
interface Part {
  readonly name: string;
  /** Settles when the process has ended, with how it ended. */
  readonly exited: Promise<string>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Passage's own processes, started side by side once Temporal and the database are ready, with how to tell that
 * each is ready. The agency simulator plays every agency of the catalogue (it waits for the API itself).
 */
const APPS: readonly { readonly name: PassageApp; ready(running: RunningProcess, apiUrl: string): Promise<void> }[] = [
  { name: 'worker', ready: (running) => waitForOutput(running, /passage worker: polling/) },
  { name: 'api', ready: (running, apiUrl) => waitForHttp(`${apiUrl}/health/ready`, running) },
  { name: 'agency-simulator', ready: (running) => waitForOutput(running, /agency-simulator: ready/) },
];

/**
 * The whole of Passage on one machine: Temporal's dev server (persisted to `<dataDir>/temporal.db`), PostgreSQL
 * (DATABASE_URL, or embedded under `<dataDir>/postgres`) with migrations, the catalogue and demo data, then the
 * worker and the API. One stack per data folder; leftovers of a killed run are stopped first.
 */
export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const { dataDir, onProgress: progress, signal } = options;
  signal?.throwIfAborted();
  const lock = await DevStackLock.acquire(dataDir);
  const parts: Part[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const part of [...parts].reverse()) await part.stop();
    lock.release();
  };
  try {
    const config = loadPassageConfig({ ...process.env, PASSAGE_DATA_DIR: dataDir });
    const apiPort = await choosePort(options.httpPort, config.http.host);
    progress('starting Temporal and PostgreSQL');
    // Side by side: they are the slow and independent part. Whatever started is kept in `parts`, to be stopped.
    const [database, temporal] = await Promise.allSettled([startDatabase(options), startTemporal(options, lock)]);
    for (const started of [database, temporal])
      if (started.status === 'fulfilled' && started.value.part) parts.push(started.value.part);
    if (database.status === 'rejected') throw database.reason;
    if (temporal.status === 'rejected') throw temporal.reason;
    signal?.throwIfAborted();

    progress(`migrating, publishing the catalogue and seeding the demo (${database.value.description})`);
    const dataSource = await openDatabase({ url: database.value.url });
    try {
      await publishCatalogue(dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });
      await seedDemo(dataSource, config.vaultKeys);
    } finally {
      await dataSource.destroy();
    }
    signal?.throwIfAborted();

    progress(`starting ${APPS.map((app) => app.name).join(' and ')}`);
    const apiUrl = `http://${config.http.host}:${apiPort}`;
    const env = appEnvironment(config, {
      dataDir,
      databaseUrl: database.value.url,
      temporalAddress: temporal.value.address,
      apiPort,
    });
    const apps = APPS.map((app) => {
      const running = startPassageProcess(app.name, env, options.onOutput, { detached: true, outputLimit: 64_000 });
      if (running.child.pid) lock.record(app.name, running.child.pid, passageAppEntry(app.name));
      parts.push({ name: app.name, exited: exitOf(running.child), output: running.output, stop: running.stop });
      return { app, running };
    });
    await Promise.race([Promise.all(apps.map(({ app, running }) => app.ready(running, apiUrl))), abortion(signal)]);

    const failed = new Promise<PartFailure>((settle) => {
      for (const part of parts)
        void part.exited.then((how) => stopping || settle({ name: part.name, how, output: part.output() }));
    });
    return {
      config,
      apiUrl,
      temporalAddress: temporal.value.address,
      temporalUiUrl: temporal.value.uiUrl,
      database: database.value.description,
      demo: { principals: DEMO_PRINCIPALS, startBusinessIntake: demoStartBusinessIntake() },
      failed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function choosePort(requested: number | undefined, host: string): Promise<number> {
  if (requested !== undefined) {
    if ((await firstFreePort(requested, 1, host)) === undefined)
      throw new Error(`port ${requested} is in use: choose another with --port`);
    return requested;
  }
  const port = await firstFreePort(3000, 20, host);
  if (port === undefined) throw new Error('ports 3000 to 3019 are all in use: choose one with --port');
  return port;
}

async function startDatabase(options: DevStackOptions): Promise<{ url: string; description: string; part?: Part }> {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    return { url: options.databaseUrl, description: `PostgreSQL ${url.host}${url.pathname} from DATABASE_URL` };
  }
  const postgres = await startEmbeddedPostgres({ dir: join(options.dataDir, 'postgres'), port: options.postgresPort });
  return {
    url: postgres.url,
    description: `embedded PostgreSQL on 127.0.0.1:${postgres.port}, database passage`,
    part: { name: 'postgres', exited: postgres.exited, output: postgres.output, stop: postgres.stop },
  };
}

/** Temporal's usual ports when they are free, so that the `temporal` CLI and its UI work without flags. */
async function startTemporal(
  options: DevStackOptions,
  lock: DevStackLock,
): Promise<{ address: string; uiUrl?: string; part: Part }> {
  const dbFilename = join(options.dataDir, 'temporal.db');
  const port = (await firstFreePort(7233, 1)) ?? (await freePort());
  const uiPort = options.temporalUi ? ((await firstFreePort(8233, 1)) ?? (await freePort())) : undefined;
  const server = await startDevServer({ dbFilename, port, uiPort, ui: options.temporalUi });
  // startDevServer does not expose its process: find it by its SQLite file, to watch it and to record it.
  const pid = listProcesses().find((p) => p.ppid === process.pid && p.command.includes(dbFilename))?.pid;
  if (pid) lock.record('temporal', pid, dbFilename);
  const output = () => 'startDevServer keeps the Temporal server output to itself';
  return {
    address: server.address,
    uiUrl: server.uiUrl,
    part: { name: 'temporal', exited: pid ? whenGone(pid) : new Promise(() => undefined), output, stop: server.stop },
  };
}

/** For a process that is not a ChildProcess of ours: polls, as nothing else tells us. */
function whenGone(pid: number): Promise<string> {
  return new Promise((done) => {
    const timer = setInterval(() => {
      if (isRunning(pid)) return;
      clearInterval(timer);
      done(`process ${pid} ended`);
    }, 500);
  });
}

function abortion(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** What the apps need to join this stack; their secrets are those of the stack's own configuration. */
function appEnvironment(
  config: PassageConfig,
  stack: { dataDir: string; databaseUrl: string; temporalAddress: string; apiPort: number },
): NodeJS.ProcessEnv {
  return {
    PASSAGE_DATA_DIR: stack.dataDir,
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TLS: 'false',
    TEMPORAL_API_KEY: '',
    PASSAGE_PAYLOAD_KEYS: keyRingSpec(config.payloadKeys),
    PASSAGE_VAULT_KEYS: keyRingSpec(config.vaultKeys),
    ...(config.auth.mode === 'development' ? { PASSAGE_JWT_SECRET: config.auth.secret } : {}),
    PASSAGE_HTTP_PORT: String(stack.apiPort),
    // The simulator registers its webhook agencies at start: the worker notices within two seconds.
    PASSAGE_AGENCY_REGISTRY_REFRESH_MS: '2000',
    ...agencyWebhookSecrets(),
  };
}

/**
 * The variable holding an agency's webhook signing secret, as its registry entry names it
 * (`secretRef: env:PASSAGE_AGENCY_SECRET_<NAME>`): `gemeente` → `PASSAGE_AGENCY_SECRET_GEMEENTE`.
 */
export function agencySecretVariable(agency: string): string {
  return `PASSAGE_AGENCY_SECRET_${agency.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * A webhook secret for every agency of the catalogue, given to every app: the agency simulator checks and signs with
 * it what the worker's webhook adapter signs and the API's callback endpoint checks. One set in the environment is
 * kept (a real agency's); the others are fresh per run. The simulator registers the secretRef of the agencies it
 * serves as webhooks; the other secrets go unused.
 */
function agencyWebhookSecrets(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    AGENCIES.map((agency) => {
      const variable = agencySecretVariable(agency.id);
      return [variable, process.env[variable] || randomBytes(32).toString('base64url')];
    }),
  );
}

/** The `id:base64key,…` form that parseKeyRing reads, the current key first. */
function keyRingSpec(ring: KeyRing): string {
  const others = [...ring.all].filter(([id]) => id !== ring.current.id);
  return [[ring.current.id, ring.current.key] as const, ...others]
    .map(([id, key]) => `${id}:${key.toString('base64')}`)
    .join(',');
}
