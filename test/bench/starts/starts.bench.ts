/*
 * Journey starts at saturation: citizens start start-business journeys through the API (POST /api/journeys, as the
 * pages do) as fast as it lets them — a closed loop of `concurrency` citizens, each starting the next journey once
 * the last one is visible — with one and then two worker processes, on one Temporal dev server and one database.
 * A start counts when the worker's first projection of the journey is written (the projection's notification on
 * PostgreSQL): from then on the citizen sees it on their timeline. A sole trader's journey starts with citizen
 * steps, so no agency is called. Run with `npm run bench:starts` (options, or BENCH_<NAME>: --workers=1,2
 * --concurrency=40 --duration=30 --warmup=5).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { DevTokenVerifier } from '@passage/auth';
import { startPassageProcess, waitForHttp, waitForOutput, type RunningProcess } from '@passage/devstack';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { JOURNEY_EVENTS_CHANNEL } from '@passage/persistence';
import { createTestDatabase } from '@passage/persistence/testing';
import { publishCatalogue } from '@passage/registry';
import { freePort, startDevServer } from '@passage/temporal';
import { soleTraderIntake, TEST_PAYLOAD_KEY_SPEC } from '@passage/testing';
import { fixed, summarize } from '../stats';
import { Teardown } from '../teardown';

interface StartsOptions {
  readonly workers: readonly number[];
  readonly concurrency: number;
  readonly durationS: number;
  readonly warmupS: number;
}

function option(name: string): string | undefined {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : process.env[`BENCH_${name.toUpperCase()}`] || undefined;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return number;
}

function readOptions(): StartsOptions {
  const workers = option('workers');
  return {
    workers: workers ? workers.split(',').map((w) => positive('workers', w, 1)) : [1, 2],
    concurrency: positive('concurrency', option('concurrency'), 40),
    durationS: positive('duration', option('duration'), 30),
    warmupS: positive('warmup', option('warmup'), 5),
  };
}

/** Bound on one start, from the request to the first projection. */
const START_TIMEOUT_MS = 60_000;

/** Resolves when the projection first announces a journey (the LISTEN connection the API's live timelines use). */
class ProjectionWatch {
  private readonly waiting = new Map<string, () => void>();
  private readonly seen = new Set<string>();

  private constructor(private readonly client: PgClient) {
    client.on('notification', ({ payload }) => {
      if (!payload) return;
      const resolve = this.waiting.get(payload);
      if (resolve) {
        this.waiting.delete(payload);
        resolve();
      } else this.seen.add(payload);
    });
  }

  static async connect(url: string): Promise<ProjectionWatch> {
    const client = new PgClient({ connectionString: url });
    await client.connect();
    await client.query(`LISTEN ${JOURNEY_EVENTS_CHANNEL}`);
    return new ProjectionWatch(client);
  }

  visible(journeyId: string): Promise<void> {
    if (this.seen.delete(journeyId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(journeyId);
        reject(new Error(`${journeyId} was not projected within ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);
      this.waiting.set(journeyId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

interface Sample {
  readonly acceptedMs: number;
  readonly visibleMs: number;
}

interface Run {
  readonly samples: Sample[];
  readonly errors: number;
  readonly windowMs: number;
}

/** `concurrency` citizens starting journeys one after the other for `seconds`. */
async function runStarts(
  baseUrl: string,
  verifier: DevTokenVerifier,
  watch: ProjectionWatch,
  concurrency: number,
  seconds: number,
): Promise<Run> {
  const samples: Sample[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const citizen = async () => {
    while (performance.now() < deadline) {
      const subject = `bench-citizen-${randomUUID()}`;
      const token = await verifier.issue({ sub: subject, roles: ['citizen'] }, 3600);
      const sent = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/journeys`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ lifeEvent: 'start-business', intake: soleTraderIntake() }),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status !== 201 || !body.id) throw new Error(`POST /api/journeys answered ${response.status}`);
        const acceptedMs = performance.now() - sent;
        await watch.visible(body.id);
        samples.push({ acceptedMs, visibleMs: performance.now() - sent });
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, citizen));
  return { samples, errors, windowMs: performance.now() - started };
}

function report(workers: number, run: Run): { throughput: number; p99: number } {
  const accepted = summarize(run.samples.map((s) => s.acceptedMs));
  const visible = summarize(run.samples.map((s) => s.visibleMs));
  const throughput = run.samples.length / (run.windowMs / 1000);
  console.log(
    `${workers} worker${workers === 1 ? ' ' : 's'}  starts/s=${fixed(throughput, 2)} (${run.samples.length} in ${fixed(run.windowMs / 1000)} s)` +
      `  visible p50=${fixed(visible.median)} p99=${fixed(visible.p99)} max=${fixed(visible.max)} ms` +
      `  answered p50=${fixed(accepted.median)} p99=${fixed(accepted.p99)} ms  errors=${run.errors}`,
  );
  return { throughput, p99: visible.p99 };
}

async function runBenchmark(options: StartsOptions, teardown: Teardown): Promise<void> {
  const temporal = await startDevServer({ ui: false, logLevel: 'error' });
  teardown.add('the Temporal dev server', () => temporal.stop());
  const database = await createTestDatabase();
  teardown.add('the database', () => database.drop());
  await publishCatalogue(database.dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });
  const secret = randomBytes(32).toString('base64url');
  const port = await freePort();
  const env = {
    PASSAGE_ENV: 'test',
    PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-bench-')),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    DATABASE_URL: database.url,
    PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
    PASSAGE_VAULT_KEYS: `vault:${randomBytes(32).toString('base64')}`,
    PASSAGE_JWT_SECRET: secret,
    PASSAGE_HTTP_PORT: String(port),
  };
  const limit = { outputLimit: 20_000 };
  const api = startPassageProcess('api', env, undefined, limit);
  teardown.add('the API', () => api.stop());
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/health/live`, api);
  const watch = await ProjectionWatch.connect(database.url);
  teardown.add('the projection watch', () => watch.close());
  const verifier = new DevTokenVerifier(secret);

  console.log(
    `journey starts: start-business (sole trader) through POST /api/journeys, closed loop of ${options.concurrency} citizens, ${options.durationS} s per worker count after ${options.warmupS} s of warm-up; "visible" is until the worker's first projection`,
  );
  const figures = new Map<number, { throughput: number; p99: number }>();
  for (const count of options.workers) {
    const workers: RunningProcess[] = [];
    for (let i = 0; i < count; i++) workers.push(startPassageProcess('worker', env, undefined, limit));
    try {
      await Promise.all(workers.map((worker) => waitForOutput(worker, /passage worker: polling/)));
      await runStarts(baseUrl, verifier, watch, options.concurrency, options.warmupS);
      figures.set(
        count,
        report(count, await runStarts(baseUrl, verifier, watch, options.concurrency, options.durationS)),
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  }
  const [one, two] = [figures.get(1), figures.get(2)];
  if (one && two)
    console.log(
      `ratio two/one workers starts/s=${(two.throughput / one.throughput).toFixed(2)} p99=${(two.p99 / one.p99).toFixed(2)}`,
    );
}

async function main(): Promise<void> {
  const teardown = new Teardown();
  const interrupted = new Promise<never>((_, reject) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => reject(new Error(`interrupted by ${signal}`)));
  });
  let failed = false;
  try {
    await Promise.race([runBenchmark(readOptions(), teardown), interrupted]);
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
