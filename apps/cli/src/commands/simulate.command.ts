import type { Command } from 'commander';
import type { SimulationResult } from '@passage/authoring';
import { CliError } from './definition-loader';
import { databaseUrl, definitionOf, wholeNumber, withDatabase } from './cli-support';

interface SimulateOptions {
  readonly version?: string;
  readonly journeys: string;
  readonly seed: string;
  readonly volume?: string;
  readonly json?: boolean;
}

/** Bounds the work of one run: a million journeys take about ten seconds. */
const MAX_JOURNEYS = 1_000_000;
/** Below this a run takes well under a second: no progress bar. */
const PROGRESS_FROM_JOURNEYS = 20_000;
const BAR_WIDTH = 30;

/** A progress bar on stderr, for a person at a terminal only: pipes and logs get nothing. */
function progressBar(
  stream: NodeJS.WriteStream,
  journeys: number,
): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY || journeys < PROGRESS_FROM_JOURNEYS) return undefined;
  return (done, total) => {
    const filled = Math.round((done / total) * BAR_WIDTH);
    stream.write(
      `\rsimulating [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.round((done / total) * 100)}%`,
    );
    if (done >= total) stream.write(`\r${' '.repeat(BAR_WIDTH + 18)}\r`);
  };
}

const days = (value: number) => `${value.toFixed(1)} d`;
const euro = (value: number) => `€ ${value.toFixed(2)}`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function table(rows: Readonly<Record<string, number>>, render: (value: number) => string): string[] {
  const width = Math.max(0, ...Object.keys(rows).map((key) => key.length));
  return Object.entries(rows).map(([key, value]) => `  ${key.padEnd(width)}  ${render(value)}`);
}

/** The result as a process owner reads it; the same seed prints the same text. */
export function formatSimulation(
  result: SimulationResult,
  observed: { durations: number; rates: number } | undefined,
  volume: number | undefined,
): string {
  const lead = result.leadTimeDays;
  const lines = [
    `${result.lifeEvent} v${result.version}: ${result.journeys} simulated journeys (seed ${result.seed})`,
    observed
      ? `Observed in the read model: durations of ${observed.durations} step(s), rejection rates of ${observed.rates} step(s); statutory terms and estimates for the rest`
      : 'No DATABASE_URL: durations from statutory terms and estimates only',
    '',
    `Lead time: p50 ${days(lead.p50)} · p90 ${days(lead.p90)} · p99 ${days(lead.p99)} (mean ${days(lead.mean)}, min ${days(lead.min)}, max ${days(lead.max)})`,
    result.withinTarget
      ? `Within the owner's target of ${result.withinTarget.targetDays} days: ${percent(result.withinTarget.probability)}`
      : 'The owner set no lead-time target',
    `Outcomes: ${percent(result.outcomes.completed)} completed, ${percent(result.outcomes.rejected)} rejected`,
    `Cost per journey: mean ${euro(result.costPerJourney.mean)} · p90 ${euro(result.costPerJourney.p90)}`,
    '',
    'Cost per agency (mean per journey):',
    ...table(result.costPerAgency, euro),
  ];
  if (result.loadPerAgencyPerMonth && volume !== undefined) {
    lines.push(
      '',
      `Load per agency per month at ${volume} journeys a month (step executions):`,
      ...table(result.loadPerAgencyPerMonth, (n) => n.toFixed(1)),
    );
  }
  return lines.join('\n');
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description(
      "Monte Carlo simulation of a life-event version: lead time, chance to meet the owner's target, cost, load (observed durations with DATABASE_URL)",
    )
    .argument('<life-event>', 'life-event id, e.g. start-business')
    .option('--version <n>', 'version (default: latest)')
    .option('--journeys <n>', 'journeys to simulate', '10000')
    .option('--seed <n>', 'the same seed gives the same result', '1')
    .option('--volume <journeys-per-month>', 'report the load per agency at this many journeys a month')
    .option('--json', 'print the result as JSON')
    .action(async (lifeEvent: string, options: SimulateOptions) => {
      const version = options.version === undefined ? undefined : wholeNumber('--version', options.version);
      const journeys = wholeNumber('--journeys', options.journeys, { max: MAX_JOURNEYS });
      const seed = wholeNumber('--seed', options.seed, { min: 0, max: 0xffff_ffff });
      const volume = options.volume === undefined ? undefined : Number(options.volume);
      if (volume !== undefined && !(Number.isFinite(volume) && volume >= 0))
        throw new CliError(`--volume must be a number of journeys per month, got ${options.volume}`);
      // Loaded here: the shared simulation inputs come with the database code, which other commands do not need.
      const { ReadModelObservationsQuery } = await import('@passage/persistence');
      const { simulateVersion } = await import('@passage/versioning');
      const url = databaseUrl();
      const { definition, observed } = url
        ? await withDatabase(url, async (dataSource) => {
            const found = await definitionOf(lifeEvent, version, dataSource);
            return {
              definition: found,
              observed: await new ReadModelObservationsQuery(dataSource).observe(found.id, found.version),
            };
          })
        : { definition: await definitionOf(lifeEvent, version), observed: undefined };
      const result = simulateVersion(definition, observed, {
        journeys,
        seed,
        monthlyVolume: volume,
        onProgress: progressBar(process.stderr, journeys),
      });
      if (options.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      const counts = observed && {
        durations: Object.keys(observed.observedDays).length,
        rates: Object.keys(observed.rejectionRates).length,
      };
      console.log(formatSimulation(result, counts, volume));
    });
}
