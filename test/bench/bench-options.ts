/** Options of the benchmark, from `--name=value` arguments or `BENCH_NAME` environment variables. */
export interface BenchOptions {
  /** Measured journeys per system. */
  readonly journeys: number;
  /** Journeys in flight at once for the system being measured. */
  readonly concurrency: number;
  /** Journeys per system run before measuring, not counted. */
  readonly warmup: number;
  /** Journeys of one system per round; rounds alternate between the systems (ABBA). */
  readonly roundSize: number;
  /** Bound on one journey, from start to result. */
  readonly journeyTimeoutMs: number;
}

function readInt(name: string, fallback: number, argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.find((arg) => arg.startsWith(`--${name}=`));
  const raw = flag ? flag.slice(name.length + 3) : env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function readBenchOptions(argv: readonly string[] = process.argv.slice(2), env = process.env): BenchOptions {
  const journeys = readInt('journeys', 200, argv, env);
  const concurrency = readInt('concurrency', 20, argv, env);
  if (journeys < 1 || concurrency < 1) throw new Error('journeys and concurrency must be at least 1');
  return {
    journeys,
    concurrency,
    warmup: readInt('warmup', 20, argv, env),
    roundSize: Math.max(1, readInt('round-size', 2 * concurrency, argv, env)),
    journeyTimeoutMs: readInt('journey-timeout-ms', 60_000, argv, env),
  };
}
