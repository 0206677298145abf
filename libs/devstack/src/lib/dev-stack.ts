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
import { exitOf } from './os-processes';
import {
  passageAppEntry,
  startPassageProcess,
  waitForHttp,
  waitForOutput,
  type PassageApp,
  type RunningProcess,
} from './passage-processes';
import { firstFreePort } from './ports';
import { Supervisor, type PartFailure, type SupervisedPart } from './supervisor';

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
  /**
   * Settles when a part of the stack crashed more often than the restart policy allows (a crash is otherwise
   * restarted, with a line through `onProgress`): which part, how it ended, and its last output.
   */
  readonly failed: Promise<PartFailure>;
  /** Stops every part, the last started first. */
  stop(): Promise<void>;
}

/**
 * Passage's own processes, started side by side once Temporal and the database are ready, with how to tell that
 * each is ready. The API counts as up when it answers (its readiness also needs the worker, which starts beside it);
 * the agency simulator plays every agency of the catalogue, once the API is ready.
 */
const APPS: readonly { readonly name: PassageApp; ready(running: RunningProcess, apiUrl: string): Promise<void> }[] = [
  { name: 'worker', ready: (running) => waitForOutput(running, /passage worker: polling/) },
  { name: 'api', ready: (running, apiUrl) => waitForHttp(`${apiUrl}/health/live`, running) },
  { name: 'agency-simulator', ready: (running) => waitForOutput(running, /agency-simulator: ready/) },
];

/**
 * The whole of Passage on one machine: Temporal's dev server (persisted to `<dataDir>/temporal.db`), PostgreSQL
 * (DATABASE_URL, or embedded under `<dataDir>/postgres`) with migrations, the catalogue and demo data, then the
 * worker, the API and the agency simulator, each restarted when it crashes (RESTART_POLICY). One stack per data
 * folder; leftovers of a killed run are stopped first.
 */
export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const { dataDir, onProgress: progress, signal } = options;
  signal?.throwIfAborted();
  const lock = await DevStackLock.acquire(dataDir);
  const supervisor = new Supervisor(progress);
  const stop = async () => {
    await supervisor.stop();
    lock.release();
  };
  try {
    const config = loadPassageConfig({ ...process.env, PASSAGE_DATA_DIR: dataDir });
    const apiPort = await choosePort(options.httpPort, config.http.host);
    progress('starting Temporal and PostgreSQL');
    // Side by side: they are the slow and independent part. Whatever started is the supervisor's, to be stopped.
    const database = databasePart(options);
    const temporal = await temporalPart(options, lock);
    await allStarted(supervisor, [...(database.part ? [database.part] : []), temporal.part]);
    signal?.throwIfAborted();

    const databaseUrl = database.url();
    progress(`migrating, publishing the catalogue and seeding the demo (${database.description()})`);
    const dataSource = await openDatabase({ url: databaseUrl });
    try {
      await publishCatalogue(dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });
      await seedDemo(dataSource, config.vaultKeys);
    } finally {
      await dataSource.destroy();
    }
    signal?.throwIfAborted();

    progress(`starting ${APPS.map((app) => app.name).join(' and ')}`);
    const apiUrl = `http://${config.http.host}:${apiPort}`;
    const env = appEnvironment(config, { dataDir, databaseUrl, temporalAddress: temporal.address, apiPort });
    const parts = APPS.map((app) => appPart(app, { env, apiUrl, lock, onOutput: options.onOutput }));
    await Promise.race([allStarted(supervisor, parts), abortion(signal)]);

    return {
      config,
      apiUrl,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      database: database.description(),
      demo: { principals: DEMO_PRINCIPALS, startBusinessIntake: demoStartBusinessIntake() },
      failed: supervisor.failed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts parts side by side; rejects with the first failure once every start has settled. */
async function allStarted(supervisor: Supervisor, parts: readonly SupervisedPart[]): Promise<void> {
  const started = await Promise.allSettled(parts.map((part) => supervisor.start(part)));
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
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

/** DATABASE_URL as it is, or an embedded PostgreSQL that restarts on the port and folder of its first start. */
function databasePart(options: DevStackOptions): { url(): string; description(): string; part?: SupervisedPart } {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    return {
      url: () => options.databaseUrl ?? '',
      description: () => `PostgreSQL ${url.host}${url.pathname} from DATABASE_URL`,
    };
  }
  let port = options.postgresPort;
  let url = '';
  return {
    url: () => url,
    description: () => `embedded PostgreSQL on 127.0.0.1:${port}, database passage`,
    part: {
      name: 'postgres',
      start: async () => {
        const postgres = await startEmbeddedPostgres({ dir: join(options.dataDir, 'postgres'), port });
        port = postgres.port;
        url = postgres.url;
        return postgres;
      },
    },
  };
}

/** Temporal's usual ports when they are free, so that the `temporal` CLI and its UI work without flags. */
async function temporalPart(
  options: DevStackOptions,
  lock: DevStackLock,
): Promise<{ address: string; uiUrl?: string; part: SupervisedPart }> {
  const dbFilename = join(options.dataDir, 'temporal.db');
  const port = (await firstFreePort(7233, 1)) ?? (await freePort());
  const uiPort = options.temporalUi ? ((await firstFreePort(8233, 1)) ?? (await freePort())) : undefined;
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined,
    part: {
      name: 'temporal',
      // A restart takes the same ports and file: the apps' connections find it again where it was.
      start: async () => {
        const server = await startDevServer({ dbFilename, port, uiPort, ui: options.temporalUi });
        if (server.pid) lock.record('temporal', server.pid, dbFilename);
        return server;
      },
    },
  };
}

function appPart(
  app: (typeof APPS)[number],
  stack: { env: NodeJS.ProcessEnv; apiUrl: string; lock: DevStackLock; onOutput: (line: string) => void },
): SupervisedPart {
  return {
    name: app.name,
    start: async (signal) => {
      const running = startPassageProcess(app.name, stack.env, stack.onOutput, { detached: true, outputLimit: 64_000 });
      if (running.child.pid) stack.lock.record(app.name, running.child.pid, passageAppEntry(app.name));
      try {
        await Promise.race([app.ready(running, stack.apiUrl), abortion(signal)]);
      } catch (error) {
        await running.stop();
        throw error;
      }
      return { pid: running.child.pid, exited: exitOf(running.child), output: running.output, stop: running.stop };
    },
  };
}

function abortion(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
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
