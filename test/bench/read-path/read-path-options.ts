/** Options of the read-path benchmark, from `--name=value` arguments or `BENCH_NAME` environment variables. */
export interface ReadPathOptions {
  /** Journeys in the read model when the benchmark seeds its own database. */
  readonly journeys: number;
  /** Offered arrival rates, requests per second, each run for `durationS` per system. */
  readonly rates: readonly number[];
  readonly durationS: number;
  /** Seconds at the lowest rate per system before measuring, not counted. */
  readonly warmupS: number;
  /** A database seeded before (`npm run bench:seed`): used as it is and kept. */
  readonly database?: string;
  /** Where the API writes a V8 CPU profile (node --cpu-prof) for the run, if anywhere. */
  readonly cpuProfileDir?: string;
}

function raw(name: string, argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const flag = argv.find((arg) => arg.startsWith(`--${name}=`));
  const value = flag ? flag.slice(name.length + 3) : env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  return value === '' ? undefined : value;
}

function positiveInt(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return number;
}

export function readReadPathOptions(
  argv: readonly string[] = process.argv.slice(2),
  env = process.env,
): ReadPathOptions {
  const int = (name: string, fallback: number) => {
    const value = raw(name, argv, env);
    return value === undefined ? fallback : positiveInt(name, value);
  };
  const rates = raw('rates', argv, env);
  return {
    journeys: int('journeys', 10_000),
    rates: rates ? rates.split(',').map((rate) => positiveInt('rates', rate.trim())) : [100, 250, 500, 1000],
    durationS: int('duration', 20),
    warmupS: int('warmup', 3),
    database: raw('database', argv, env),
    cpuProfileDir: raw('cpu-prof', argv, env),
  };
}
