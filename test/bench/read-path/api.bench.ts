/*
 * Read-path benchmark: the citizen's and the agency's reads (a journey's timeline, a subject's journey list, the
 * live events of a journey, an agency's inbox; mixed as READ_MIX) at fixed arrival rates, open loop, against the
 * API and, in the same run, against a raw floor running the same SQL (raw-server.ts). Each rate runs on both,
 * the order alternating per rate. Run with `npm run bench:api`; options (or BENCH_<NAME>):
 *   --journeys=10000        journeys seeded into a database of its own (created and dropped)
 *   --database=<name>       use a database seeded before (`npm run bench:seed`) instead, and keep it
 *   --rates=100,250,500,1000 --duration=20 --warmup=3   offered requests/s, seconds per rate and system
 *   --cpu-prof=<dir>        write the API's V8 CPU profile there (node --cpu-prof)
 * The last line compares the two: `ratio api/raw p99@500=<x> p99@1000=<y> errors=<n>` (errors: the API's).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDevServer } from '@passage/temporal';
import { TEST_PAYLOAD_KEY_SPEC } from '@passage/testing';
import { processMs } from '../cpu-usage';
import { fixed } from '../stats';
import { Teardown } from '../teardown';
import { createBenchDatabase, databaseExists, dropBenchDatabase, openBenchDatabase } from './bench-database';
import { OpenLoopClient, type KindFigures, type RateFigures, type ReadRequest } from './open-loop';
import { READ_MIX, sampleReadRequests } from './read-requests';
import { readReadPathOptions, type ReadPathOptions } from './read-path-options';
import { seedReadModel } from './seed-read-model';

const ROOT = join(__dirname, '..', '..', '..');
const RUN_TS = join(ROOT, 'tools', 'bin', 'run-ts.js');
/** The API as `npm start` runs it. */
const API_ENTRY = join(ROOT, 'apps', 'api', 'src', 'main.ts');
const READY_TIMEOUT_MS = 120_000;
/** A rate is sustained when answers kept up with it (within 5 %) without errors. */
const SUSTAINED = 0.95;

interface System {
  readonly name: 'api' | 'raw';
  readonly client: OpenLoopClient;
  /** The server's process: its CPU time per request is read from /proc (Linux), whatever else loads the machine. */
  readonly pid: number | undefined;
}

/**
 * Starts a server as a child process (`node [flags] run-ts.js <entry>`) on a free port and waits until it answers
 * HTTP. It stops with SIGUSR2 (exit-on-signal.cjs), a normal exit, so that --cpu-prof writes its profile.
 */
async function startServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  teardown: Teardown,
  nodeFlags: string[] = [],
): Promise<{ url: string; pid: number | undefined }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, '--require', join(__dirname, 'exit-on-signal.cjs'), RUN_TS, entry],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PASSAGE_HTTP_PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  teardown.add(entry, async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGUSR2');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + READY_TIMEOUT_MS; ;) {
    if (child.exitCode !== null) throw new Error(`${entry} stopped (exit code ${child.exitCode})`);
    if (Date.now() > deadline) throw new Error(`${entry} did not answer HTTP in time`);
    const answered = await fetch(`${url}/health/live`).then(
      () => true,
      () => false,
    );
    if (answered) return { url, pid: child.pid };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every kind of request answers 200 on both systems before anything is measured. */
async function checkAnswers(urls: Readonly<Record<string, string>>, requests: readonly ReadRequest[]): Promise<void> {
  for (const kind of Object.keys(READ_MIX)) {
    const request = requests.find((r) => r.kind === kind);
    for (const [system, url] of Object.entries(urls)) {
      const response = request && (await fetch(`${url}${request.path}`, { headers: request.headers }));
      const body = (await response?.text()) ?? '';
      if (response?.status !== 200)
        throw new Error(`${system} answered ${kind} with ${response?.status}: ${body.slice(0, 300)}`);
    }
  }
}

const kindLine = (f: KindFigures) =>
  `${f.kind.padEnd(8)} p50=${fixed(f.median)} p99=${fixed(f.p99)} max=${fixed(f.max)} ms errors=${f.errors}`;

function report(system: string, f: RateFigures, cpuMsPerRequest: number): void {
  const sustained = f.achieved >= SUSTAINED * f.rate && f.all.errors === 0;
  console.log(
    `${system.padEnd(4)} @${String(f.rate).padStart(4)}/s  achieved=${fixed(f.achieved)}/s${sustained ? '' : ' (not sustained)'}  cpu=${fixed(cpuMsPerRequest, 2)} ms/request  ${kindLine(f.all)}`,
  );
  for (const kind of f.byKind) console.log(`     ${''.padStart(6)}  ${kindLine(kind)}`);
}

async function runBenchmark(options: ReadPathOptions, teardown: Teardown): Promise<void> {
  let name = options.database;
  if (name && !(await databaseExists(name))) throw new Error(`database ${name} does not exist: seed it first`);
  if (!name) {
    name = await createBenchDatabase();
    const created = name;
    teardown.add('the bench database', () => dropBenchDatabase(created));
  }
  const database = await openBenchDatabase(name);
  teardown.add('the bench database pool', () => database.close());
  if (!options.database) {
    await seedReadModel(database.pool, options.journeys, ({ seeded, total, elapsedMs }) => {
      if (seeded === total || seeded % 100_000 === 0)
        console.log(`seeded ${seeded}/${total} journeys in ${fixed(elapsedMs / 1000)} s`);
    });
  }
  const journeys = await database.journeyCount();
  // The API as `npm start` runs it: its own process, connected to a Temporal dev server (the reads never call it).
  const temporal = await startDevServer({ ui: false, logLevel: 'error' });
  teardown.add('the Temporal dev server', () => temporal.stop());
  const secret = randomBytes(32).toString('base64url');
  const env = {
    PASSAGE_ENV: 'test',
    PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-bench-')),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    DATABASE_URL: database.url,
    PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
    PASSAGE_VAULT_KEYS: `vault:${randomBytes(32).toString('base64')}`,
    PASSAGE_JWT_SECRET: secret,
  };
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const api = await startServer(API_ENTRY, env, teardown, profile);
  const raw = await startServer(join(__dirname, 'raw-server.ts'), env, teardown);
  const systems: System[] = [
    { name: 'api', client: new OpenLoopClient(api.url), pid: api.pid },
    { name: 'raw', client: new OpenLoopClient(raw.url), pid: raw.pid },
  ];
  for (const system of systems) teardown.add(`the ${system.name} client`, () => system.client.close());
  const requests = await sampleReadRequests(database.pool, secret);
  await checkAnswers({ api: api.url, raw: raw.url }, requests);

  const mix = Object.entries(READ_MIX)
    .map(([kind, share]) => `${kind} ${share} %`)
    .join(', ');
  console.log(
    `read-path benchmark: ${journeys} journeys in the read model; open loop at ${options.rates.join(', ')} requests/s, ${options.durationS} s per rate and system, alternating; mix ${mix}; latencies in ms from when each request was due`,
  );
  for (const system of systems) await system.client.run(requests, options.rates[0], options.warmupS);

  const results = new Map<string, RateFigures>();
  const cpu = new Map<string, { ms: number; requests: number }>();
  let offset = 0;
  for (const [index, rate] of options.rates.entries()) {
    const order = index % 2 === 0 ? systems : [...systems].reverse();
    for (const system of order) {
      const cpuBefore = processMs(system.pid);
      const figures = await system.client.run(requests, rate, options.durationS, offset);
      const cpuMs = processMs(system.pid) - cpuBefore;
      results.set(`${system.name}@${rate}`, figures);
      const answered = figures.all.count + figures.all.errors;
      cpu.set(system.name, {
        ms: (cpu.get(system.name)?.ms ?? 0) + cpuMs,
        requests: (cpu.get(system.name)?.requests ?? 0) + answered,
      });
      report(system.name, figures, cpuMs / answered);
    }
    offset += Math.round(rate * options.durationS);
  }

  const maxSustained = (system: string) =>
    Math.max(
      0,
      ...options.rates.filter((rate) => {
        const f = results.get(`${system}@${rate}`);
        return f !== undefined && f.achieved >= SUSTAINED * rate && f.all.errors === 0;
      }),
    );
  console.log(`highest rate sustained: api ${maxSustained('api')}/s, raw ${maxSustained('raw')}/s`);
  const ratioAt = (rate: number) => {
    const api = results.get(`api@${rate}`);
    const raw = results.get(`raw@${rate}`);
    return api && raw ? (api.all.p99 / raw.all.p99).toFixed(2) : 'n/a';
  };
  const apiErrors = options.rates.reduce((sum, rate) => sum + (results.get(`api@${rate}`)?.all.errors ?? 0), 0);
  const perRequest = (system: string) => (cpu.get(system)?.ms ?? 0) / (cpu.get(system)?.requests || 1);
  console.log(
    `server CPU per request (from /proc): api ${fixed(perRequest('api'), 2)} ms, raw ${fixed(perRequest('raw'), 2)} ms (api/raw ${(perRequest('api') / perRequest('raw')).toFixed(2)})`,
  );
  console.log(`ratio api/raw p99@500=${ratioAt(500)} p99@1000=${ratioAt(1000)} errors=${apiErrors}`);
}

async function main(): Promise<void> {
  const teardown = new Teardown();
  const interrupted = new Promise<never>((_, reject) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => reject(new Error(`interrupted by ${signal}`)));
  });
  let failed = false;
  try {
    await Promise.race([runBenchmark(readReadPathOptions(), teardown), interrupted]);
  } catch (error) {
    failed = true;
    console.error('benchmark failed:', error);
  } finally {
    for (const failure of await teardown.run()) {
      failed = true;
      console.error(failure.message);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
