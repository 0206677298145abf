/*
 * Fan-out benchmark: the same 10-step, 3-level DAG run by Passage (the real engine worker and its PostgreSQL
 * projection) and by a hand-written Temporal workflow, on one in-memory dev server, with the same encrypting payload
 * codec and no-op agencies. Run with `npm run bench` (options: --journeys=200 --concurrency=20, or BENCH_JOURNEYS,
 * BENCH_CONCURRENCY; also --warmup, --round-size, --journey-timeout-ms).
 */
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { journeyStateQuery, type JourneyState } from '@passage/contracts';
import { passageDataConverter, startDevServer } from '@passage/temporal';
import { createTestDatabase, TEST_PAYLOAD_KEYS } from '@passage/testing';
import { readBenchOptions, type BenchOptions } from './bench-options';
import { fanoutLevels, fanoutLifeEvent } from './fanout-dag';
import { historyProfile, type HistoryProfile } from './history-profile';
import { runInterleaved, runPool, type Measurement } from './measure';
import { ProjectionLagProbe } from './projection-lag';
import { figuresOf, historyLine, lagLine, latencyLine, ratioLine } from './report';
import { bundleBoth, createPassageSystem, createPlainSystem, type BenchEnvironment } from './systems';
import { Teardown } from './teardown';

const NAMESPACE = 'default';

/** The dev server, connections and database; each registered for teardown as soon as it exists. */
async function openEnvironment(teardown: Teardown, fail: (error: unknown) => void) {
  const server = await startDevServer({ ui: false, logLevel: 'error' });
  teardown.add('the dev server', () => server.stop());
  const clientConnection = await Connection.connect({ address: server.address });
  teardown.add('the client connection', () => clientConnection.close());
  const connection = await NativeConnection.connect({ address: server.address });
  teardown.add('the worker connection', () => connection.close());
  const database = await createTestDatabase();
  teardown.add('the database', () => database.drop());
  const client = new Client({
    connection: clientConnection,
    namespace: NAMESPACE,
    dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS),
  });
  const env: BenchEnvironment = { client, connection, namespace: NAMESPACE, keys: TEST_PAYLOAD_KEYS, teardown, fail };
  return { env, database };
}

async function profileHistories(client: Client, measurement: Measurement): Promise<HistoryProfile[]> {
  return runPool(measurement.runs.length, 10, (i) =>
    historyProfile(client.workflow.getHandle(measurement.runs[i].workflowId)),
  );
}

async function finalSeqOf(handle: WorkflowHandle): Promise<number> {
  const state: JourneyState = await handle.query(journeyStateQuery);
  return state.seq;
}

async function runBenchmark(
  options: BenchOptions,
  teardown: Teardown,
  fail: (error: unknown) => void,
  stopping: AbortSignal,
): Promise<void> {
  const levels = fanoutLevels();
  const definition = fanoutLifeEvent(levels);
  console.log(
    `fan-out benchmark: ${levels.map((l) => l.length).join(' → ')} automatic steps; ${options.journeys} journeys per system at concurrency ${options.concurrency}, rounds of ${options.roundSize} alternating (ABBA), ${options.warmup} warm-up journeys each`,
  );

  const bundles = await bundleBoth();
  console.log(
    `workflow bundles: passage ${fixedKiB(bundles.passage.code)} KiB, plain ${fixedKiB(bundles.plain.code)} KiB`,
  );
  const { env, database } = await openEnvironment(teardown, fail);
  const probe = await ProjectionLagProbe.connect(database.url);
  teardown.add('the lag probe', () => probe.close());
  const passage = await createPassageSystem(env, levels, definition, bundles.passage, database.dataSource, (run) =>
    probe.observe(run),
  );
  const plain = await createPlainSystem(env, levels, definition, bundles.plain);
  const rounds = {
    concurrency: options.concurrency,
    roundSize: options.roundSize,
    journeyTimeoutMs: options.journeyTimeoutMs,
    signal: stopping,
  };

  const [warmPassage] = await runInterleaved([passage, plain], Math.max(1, options.warmup), rounds);
  probe.expectFinalSeq(await finalSeqOf(env.client.workflow.getHandle(warmPassage.runs[0].workflowId)));
  await probe.take();

  const [measuredPassage, measuredPlain] = await runInterleaved([passage, plain], options.journeys, rounds);
  const lag = await probe.take();
  const passageFigures = figuresOf(measuredPassage);
  const plainFigures = figuresOf(measuredPlain);
  const [passageHistories, plainHistories] = [
    await profileHistories(env.client, measuredPassage),
    await profileHistories(env.client, measuredPlain),
  ];

  console.log(latencyLine(passageFigures));
  console.log(latencyLine(plainFigures));
  console.log(lagLine(lag));
  console.log(historyLine('passage', passageHistories));
  console.log(historyLine('plain', plainHistories));
  console.log(ratioLine(passageFigures, plainFigures));
}

const fixedKiB = (code: string) => (Buffer.byteLength(code) / 1024).toFixed(0);

/** Rejects on SIGINT/SIGTERM, an unhandled rejection or a worker failure, so that teardown still runs. */
function abortOnFatal() {
  let abort: (error: unknown) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => undefined);
  const onSignal = (signal: NodeJS.Signals) => abort(new Error(`interrupted by ${signal}`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.on('unhandledRejection', abort);
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('unhandledRejection', abort);
  };
  return { aborted, fail: (error: unknown) => abort(error), dispose };
}

/** Agency workers serve activities only and the plain worker workflows only: their "not polling" notices are expected. */
const EXPECTED_NOTICE = /^No (workflows|activities) registered, not polling/;

const WIND_DOWN_MS = 10_000;

async function main(): Promise<number> {
  Runtime.install({
    // The benchmark stops its workers itself, in order, also on Ctrl-C.
    shutdownSignals: [],
    logger: new DefaultLogger('WARN', ({ level, message, meta }) => {
      if (!EXPECTED_NOTICE.test(message)) console.error(`[${level}] ${message}`, meta ?? '');
    }),
  });
  const teardown = new Teardown();
  const fatal = abortOnFatal();
  const stop = new AbortController();
  let failed = false;
  const work = Promise.resolve().then(() => runBenchmark(readBenchOptions(), teardown, fatal.fail, stop.signal));
  try {
    await Promise.race([work, fatal.aborted]);
  } catch (error) {
    failed = true;
    console.error('benchmark failed:', error);
  } finally {
    // Journeys still awaited stop waiting, and the run winds down before its connections close.
    stop.abort(new Error('the benchmark is stopping'));
    await Promise.race([
      work.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, WIND_DOWN_MS).unref()),
    ]);
    for (const failure of await teardown.run()) {
      failed = true;
      console.error(failure.message);
    }
    fatal.dispose();
  }
  return failed ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
