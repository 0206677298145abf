import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DevTokenVerifier, type Principal } from '@passage/auth';
import {
  agencySecretVariable,
  exitOf,
  startPassageProcess,
  Supervisor,
  waitForHttp,
  waitForOutput,
  type PassageApp,
  type RunningProcess,
  type SupervisedPart,
  type SupervisedProcess,
} from '@passage/devstack';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import { publishCatalogue } from '@passage/registry';
import { bundleJourneyWorkflows, freePort, passageDataConverter, startDevServer } from '@passage/temporal';
import { TEST_PAYLOAD_KEY_SPEC, TEST_PAYLOAD_KEYS, waitFor } from '@passage/testing';
import { TcpProxy } from './tcp-proxy';

export type FaultPart = 'temporal' | PassageApp;

/** The proxies the experiments act on: each Passage process reaches PostgreSQL and Temporal through its own. */
export interface FaultProxies {
  readonly apiPostgres: TcpProxy;
  readonly workerPostgres: TcpProxy;
  readonly workerTemporal: TcpProxy;
}

export interface FaultStack {
  readonly apiUrl: string;
  readonly db: TestDatabase;
  /** A client of the Temporal server itself (not through a proxy), for the workflows' own state. */
  readonly temporal: Client;
  readonly proxies: FaultProxies;
  /** The environment the processes share (the CLI runs with it, on the database directly). */
  readonly env: Readonly<Record<string, string>>;
  /** A bearer token of this principal, signed with the stack's development secret. */
  token(principal: Principal): Promise<string>;
  /** SIGKILLs a part; the supervisor restarts it (after `holdRestarts`, if asked). */
  kill(part: FaultPart): void;
  /** Whether the part is running now (started and not ended). */
  running(part: FaultPart): boolean;
  /** How many times the part was started (1 once up; 2 after one restart). */
  starts(part: FaultPart): number;
  /** Restarts of this part wait until the returned release is called. */
  holdRestarts(part: FaultPart): () => void;
  /** Waits until the part runs again after `starts` starts. */
  awaitStarted(part: FaultPart, starts: number, timeoutMs?: number): Promise<void>;
  /** What the supervisor said (restarts, giving up). */
  readonly reports: readonly string[];
  /** Everything the processes wrote lately. */
  output(part: FaultPart): string;
  stop(): Promise<void>;
}

export interface FaultStackOptions {
  /** The agency simulator's settings, over the suite's (`PASSAGE_SIM_*`). */
  readonly simulator?: Readonly<Record<string, string>>;
  /** More environment for every process. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Every agency executes every request: the fault suite's journeys end as the test decides, not by chance. */
const NOTHING_BY_CHANCE = AGENCIES.map((agency) => `${agency.id}=0,0`).join(';');

interface Tracked {
  current?: SupervisedProcess;
  starts: number;
  gate?: Promise<void>;
  outputOf?: () => string;
}

/**
 * Passage on real processes, each a child of the test that an experiment can SIGKILL: a Temporal dev server (its
 * state in a file, so a restart keeps every workflow), a fresh PostgreSQL database on the machine's server, the
 * journey worker, the API and the agency simulator (SDK agency workers, webhook agencies, and a ledger of every
 * execution by idempotency key; the test plays the inbox staff). The processes are supervised as `passage dev`
 * supervises them (libs/devstack), and reach PostgreSQL and Temporal through proxies the experiment controls.
 */
export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
  const dir = mkdtempSync(join(tmpdir(), 'passage-faults-'));
  const supervisor = new Supervisor((line) => reports.push(`${new Date().toISOString()} ${line}`));
  const reports: string[] = [];
  const tracked = new Map<FaultPart, Tracked>();
  const track = (name: FaultPart): Tracked => {
    let entry = tracked.get(name);
    if (!entry) tracked.set(name, (entry = { starts: 0 }));
    return entry;
  };
  const cleanups: (() => Promise<void>)[] = [];
  // Jest stopped by a signal runs no afterAll: the stack's processes must not outlive it.
  const children = new Set<number>();
  const killChildren = () => {
    for (const pid of children) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killChildren();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', killChildren);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const stop = async () => {
    process.off('exit', killChildren);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await supervisor.stop();
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const bundlePath = join(dir, 'workflow-bundle.js');
    const [db, bundle, temporalPort] = await Promise.all([createTestDatabase(), bundleJourneyWorkflows(), freePort()]);
    cleanups.push(() => db.drop());
    writeFileSync(bundlePath, bundle.code);
    await publishCatalogue(db.dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });

    const supervise = (name: FaultPart, start: () => Promise<SupervisedProcess>): SupervisedPart => ({
      name,
      start: async () => {
        const entry = track(name);
        await entry.gate;
        const started = await start();
        entry.current = started;
        if (started.pid !== undefined) children.add(started.pid);
        entry.starts++;
        void started.exited.then(() => {
          if (started.pid !== undefined) children.delete(started.pid);
          if (entry.current === started) entry.current = undefined;
        });
        return started;
      },
    });

    const temporalAddress = `127.0.0.1:${temporalPort}`;
    await supervisor.start(
      supervise('temporal', async () => {
        const server = await startDevServer({
          dbFilename: join(dir, 'temporal.db'),
          port: temporalPort,
          ui: false,
          logLevel: 'error',
        });
        track('temporal').outputOf = server.output;
        return server;
      }),
    );

    const postgres = new URL(db.url);
    const postgresTarget = { host: postgres.hostname, port: Number(postgres.port || 5432) };
    const proxies: FaultProxies = {
      apiPostgres: await TcpProxy.start(postgresTarget),
      workerPostgres: await TcpProxy.start(postgresTarget),
      workerTemporal: await TcpProxy.start({ host: '127.0.0.1', port: temporalPort }),
    };
    for (const proxy of Object.values(proxies)) cleanups.push(() => proxy.close());
    const through = (proxy: TcpProxy) => {
      const url = new URL(db.url);
      url.port = String(proxy.port);
      return url.toString();
    };

    const secret = randomBytes(32).toString('base64url');
    const httpPort = await freePort();
    const env: Record<string, string> = {
      PASSAGE_ENV: 'test',
      PASSAGE_DATA_DIR: dir,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      DATABASE_URL: db.url,
      PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_VAULT_KEYS: `vault:${randomBytes(32).toString('base64')}`,
      PASSAGE_JWT_SECRET: secret,
      PASSAGE_HTTP_PORT: String(httpPort),
      PASSAGE_AGENCY_REGISTRY_REFRESH_MS: '1000',
      PASSAGE_WORKFLOW_BUNDLE: bundlePath,
      ...Object.fromEntries(
        AGENCIES.map((agency) => [agencySecretVariable(agency.id), randomBytes(32).toString('base64url')]),
      ),
      ...options.env,
    };
    const apiUrl = `http://127.0.0.1:${httpPort}`;
    const app = (name: PassageApp, own: Record<string, string>, ready: (p: RunningProcess) => Promise<void>) =>
      supervise(name, async () => {
        const running = startPassageProcess(name, { ...env, ...own }, undefined, { outputLimit: 200_000 });
        track(name).outputOf = running.output;
        try {
          await ready(running);
        } catch (error) {
          await running.stop();
          throw error;
        }
        return { pid: running.child.pid, exited: exitOf(running.child), output: running.output, stop: running.stop };
      });

    await Promise.all([
      supervisor.start(
        app(
          'worker',
          { DATABASE_URL: through(proxies.workerPostgres), TEMPORAL_ADDRESS: proxies.workerTemporal.address },
          (p) => waitForOutput(p, /passage worker: polling/, 180_000),
        ),
      ),
      supervisor.start(
        app('api', { DATABASE_URL: through(proxies.apiPostgres) }, (p) =>
          waitForHttp(`${apiUrl}/health/live`, p, 180_000),
        ),
      ),
    ]);
    await supervisor.start(
      app(
        'agency-simulator',
        {
          PASSAGE_SIM_SECONDS_PER_DAY: '0.01',
          PASSAGE_SIM_MAX_HOLD_SECONDS: '30',
          PASSAGE_SIM_SEED: '11',
          PASSAGE_SIM_REJECT_SHARE: '0',
          PASSAGE_SIM_INFO_SHARE: '0',
          PASSAGE_SIM_SHARES: NOTHING_BY_CHANCE,
          PASSAGE_SIM_INBOX: 'off',
          PASSAGE_SIM_LEDGER_URL: db.url,
          ...options.simulator,
        },
        (p) => waitForOutput(p, /agency-simulator: ready/, 180_000),
      ),
    );

    const connection = await Connection.connect({ address: temporalAddress });
    cleanups.push(() => connection.close());
    const temporal = new Client({
      connection,
      namespace: 'default',
      dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS),
    });
    const verifier = new DevTokenVerifier(secret);
    return {
      apiUrl,
      db,
      temporal,
      proxies,
      env,
      reports,
      token: (principal) => verifier.issue(principal),
      kill: (part) => {
        const pid = track(part).current?.pid;
        if (pid === undefined) throw new Error(`${part} is not running`);
        process.kill(pid, 'SIGKILL');
      },
      running: (part) => track(part).current !== undefined,
      starts: (part) => track(part).starts,
      holdRestarts: (part) => {
        let release: () => void = () => undefined;
        const entry = track(part);
        entry.gate = new Promise<void>((resolve) => (release = resolve));
        return () => {
          entry.gate = undefined;
          release();
        };
      },
      awaitStarted: async (part, starts, timeoutMs = 240_000) => {
        await waitFor(`${part} started ${starts} times`, () => (track(part).starts >= starts ? true : undefined), {
          timeoutMs,
          intervalMs: 200,
        });
      },
      output: (part) => track(part).outputOf?.() ?? '',
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
