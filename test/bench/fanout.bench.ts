/*
 * Fan-out benchmark: the same 10-step, 3-level DAG run by Passage (the real journey worker and its PostgreSQL
 * projection) and by a hand-written Temporal workflow, on one in-memory dev server, with the same encrypting payload
 * codec and no-op agencies. Run with `npm run bench` (options: --journeys=200 --concurrency=20, or BENCH_JOURNEYS,
 * BENCH_CONCURRENCY; also --warmup, --round-size, --journey-timeout-ms).
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { journeyStateQuery, type JourneyState } from '@passage/contracts';
import { readBenchOptions, type BenchOptions } from './bench-options';
import { fanoutLevels, fanoutLifeEvent } from './fanout-dag';
import { historyProfile, type HistoryProfile } from './history-profile';
import { runInterleaved, runPool, type Measurement } from './measure';
import { ProjectionLagProbe } from './projection-lag';
import { figuresOf, historyLine, lagLine, latencyLine, ratioLine } from './report';
import { runBench, type BenchContext } from './harness';
import { bundleBoth, createPassageSystem, createPlainSystem } from './systems';

async function profileHistories(client: Client, measurement: Measurement): Promise<HistoryProfile[]> {
  return runPool(measurement.runs.length, 10, (i) =>
    historyProfile(client.workflow.getHandle(measurement.runs[i].workflowId)),
  );
}

async function finalSeqOf(handle: WorkflowHandle): Promise<number> {
  const state: JourneyState = await handle.query(journeyStateQuery);
  return state.seq;
}

async function runBenchmark(options: BenchOptions, { env, database, stopping }: BenchContext): Promise<void> {
  const levels = fanoutLevels();
  const definition = fanoutLifeEvent(levels);
  console.log(
    `fan-out benchmark: ${levels.map((l) => l.length).join(' → ')} automatic steps; ${options.journeys} journeys per system at concurrency ${options.concurrency}, rounds of ${options.roundSize} alternating (ABBA), ${options.warmup} warm-up journeys each`,
  );

  const bundles = await bundleBoth();
  console.log(
    `workflow bundles: passage ${fixedKiB(bundles.passage.code)} KiB, plain ${fixedKiB(bundles.plain.code)} KiB`,
  );
  const probe = await ProjectionLagProbe.connect(database.url);
  env.teardown.add('the lag probe', () => probe.close());
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

runBench((context) => runBenchmark(readBenchOptions(), context));
