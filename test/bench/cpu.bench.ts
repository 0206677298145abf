/*
 * Where each system's CPU goes, per journey: the same fan-out as `npm run bench`, but each system runs alone in
 * turn (plain, Passage, Passage, plain) so that the CPU the worker's threads, the Temporal server and PostgreSQL
 * spend in a turn belongs to one system. Linux only (/proc). Run with `npm run bench:cpu` (--journeys=200
 * --concurrency=20 --warmup=20 as for the main benchmark).
 */
import { readBenchOptions, type BenchOptions } from './bench-options';
import { postgresMs, processMs, threadsOfThisProcess, type ThreadCpu } from './cpu-usage';
import { fanoutLevels, fanoutLifeEvent } from './fanout-dag';
import { runBench, type BenchContext } from './harness';
import { runInterleaved, type BenchSystem, type RoundOptions } from './measure';
import { figuresOf } from './report';
import { fixed } from './stats';
import { bundleBoth, createPassageSystem, createPlainSystem } from './systems';

interface CpuReading {
  readonly threads: ThreadCpu[];
  readonly server: number;
  readonly postgres: number;
}

/** CPU per journey by where it was spent, in ms. */
type CpuPerJourney = Record<
  'main thread' | 'Node threads' | 'SDK core' | 'other threads' | 'Temporal server' | 'PostgreSQL' | 'total',
  number
>;

function read(context: BenchContext): CpuReading {
  return { threads: threadsOfThisProcess(), server: processMs(context.server.pid), postgres: postgresMs() };
}

function perJourney(before: CpuReading, after: CpuReading, journeys: number): CpuPerJourney {
  const spent = { main: 0, node: 0, core: 0, other: 0 };
  const earlier = new Map(before.threads.map((thread) => [thread.tid, thread.ms]));
  for (const thread of after.threads) {
    const ms = thread.ms - (earlier.get(thread.tid) ?? 0);
    // Node names its worker threads (where workflows run) and V8's helper threads (GC, compiler) alike: "node".
    if (thread.tid === process.pid) spent.main += ms;
    else if (thread.name === 'node') spent.node += ms;
    else if (thread.name.startsWith('tokio')) spent.core += ms;
    else spent.other += ms;
  }
  const server = after.server - before.server;
  const postgres = after.postgres - before.postgres;
  const total = spent.main + spent.node + spent.core + spent.other + server + postgres;
  const each = (ms: number) => ms / journeys;
  return {
    'main thread': each(spent.main),
    'Node threads': each(spent.node),
    'SDK core': each(spent.core),
    'other threads': each(spent.other),
    'Temporal server': each(server),
    PostgreSQL: each(postgres),
    total: each(total),
  };
}

async function runAlone(context: BenchContext, system: BenchSystem, journeys: number, rounds: RoundOptions) {
  const before = read(context);
  const [measurement] = await runInterleaved([system], journeys, { ...rounds, roundSize: journeys });
  return { cpu: perJourney(before, read(context), journeys), median: figuresOf(measurement).median };
}

async function measureCpu(options: BenchOptions, context: BenchContext): Promise<void> {
  const { env, database, stopping } = context;
  if (threadsOfThisProcess().length === 0) throw new Error('this benchmark reads /proc: it runs on Linux only');
  const levels = fanoutLevels();
  const definition = fanoutLifeEvent(levels);
  const bundles = await bundleBoth();
  const passage = await createPassageSystem(
    env,
    levels,
    definition,
    bundles.passage,
    database.dataSource,
    () => undefined,
  );
  const plain = await createPlainSystem(env, levels, definition, bundles.plain);
  const rounds: RoundOptions = {
    concurrency: options.concurrency,
    roundSize: options.roundSize,
    journeyTimeoutMs: options.journeyTimeoutMs,
    signal: stopping,
  };
  console.log(
    `CPU per journey (ms), each system alone, ${options.journeys} journeys per turn at concurrency ${options.concurrency}`,
  );
  await runInterleaved([passage, plain], Math.max(1, options.warmup), rounds);

  const totals = new Map<string, number>();
  // ABBA: the dev server gets slower as histories pile up in its in-memory database; this order evens that out.
  for (const system of [plain, passage, passage, plain]) {
    const { cpu, median } = await runAlone(context, system, options.journeys, rounds);
    totals.set(system.name, (totals.get(system.name) ?? 0) + cpu.total);
    const parts = Object.entries(cpu).map(([where, ms]) => `${where}=${fixed(ms)}`);
    console.log(`${system.name.padEnd(8)} median latency=${fixed(median)} ms  ${parts.join('  ')}`);
  }
  console.log(
    `ratio passage/plain cpu per journey=${((totals.get('passage') ?? 0) / (totals.get('plain') ?? 1)).toFixed(2)}`,
  );
}

runBench((context) => measureCpu(readBenchOptions(), context));
