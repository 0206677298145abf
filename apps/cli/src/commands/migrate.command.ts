import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { isJourneyId, PassageError } from '@passage/contracts';
import type { MigrationCandidate, MigrationOutcome, MigrationPlan, VersionMigrations } from '@passage/versioning';
import { CliError } from './definition-loader';
import { actorOf, connectTemporal, requireDatabaseUrl, wholeNumber, withDatabase } from './cli-support';

interface MigrateOptions {
  readonly from: string;
  readonly to: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly journeys?: string;
  readonly actor?: string;
}

/** Who confirmed which journeys: every one that can move, the ones listed, or each asked in turn. */
type Confirmation =
  { readonly kind: 'all' } | { readonly kind: 'listed'; readonly ids: ReadonlySet<string> } | { readonly kind: 'ask' };

/** Journeys asked to move at the same time: enough to go fast, few enough not to flood the engine. */
const PARALLEL_UPDATES = 8;
const MAX_LISTED = 1_000;

function confirmationOf(options: MigrateOptions): Confirmation | undefined {
  if (options.yes && options.journeys !== undefined) throw new CliError('give --yes or --journeys, not both');
  if (options.dryRun) {
    if (options.yes || options.journeys !== undefined)
      throw new CliError('--dry-run only reports: leave out --yes and --journeys');
    return undefined;
  }
  if (options.yes) return { kind: 'all' };
  if (options.journeys !== undefined) {
    const ids = options.journeys
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (ids.length === 0 || ids.length > MAX_LISTED)
      throw new CliError(`--journeys must list 1 to ${MAX_LISTED} journey ids, separated by commas`);
    const malformed = ids.find((id) => !isJourneyId(id));
    if (malformed) throw new CliError(`--journeys: ${malformed} is not a journey id (journey-<life-event>-<uuid>)`);
    return { kind: 'listed', ids: new Set(ids) };
  }
  if (!process.stdin.isTTY)
    throw new CliError(
      'confirm with --yes (every journey that can move) or --journeys <id,id>: there is no terminal to ask',
    );
  return { kind: 'ask' };
}

function describe(candidate: MigrationCandidate): string {
  const { canMove, reasons, added, retired } = candidate.assessment;
  if (!canMove) return `cannot move: ${reasons.join('; ')}`;
  const parts = [
    added.length > 0 ? `adds ${added.join(', ')}` : 'adds no step',
    ...(retired.length > 0 ? [`keeps the results of retired ${retired.join(', ')}`] : []),
  ];
  return `can move: ${parts.join('; ')}`;
}

function printPlan(plan: MigrationPlan): void {
  console.log(
    `${plan.lifeEvent}: ${plan.journeys.length} running journey(s) on version ${plan.from.version}, to move to version ${plan.to.version}`,
  );
  for (const candidate of plan.journeys) console.log(`  ${candidate.journeyId}  ${describe(candidate)}`);
  if (plan.truncated) console.log(`  (only the first ${plan.journeys.length}: run again for the others)`);
}

async function ask(candidates: readonly MigrationCandidate[], to: number): Promise<Set<string>> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const confirmed = new Set<string>();
  try {
    for (const candidate of candidates.filter((c) => c.assessment.canMove)) {
      const answer = await prompt.question(`Move ${candidate.journeyId} to version ${to}? [y/N] `);
      if (/^y(es)?$/i.test(answer.trim())) confirmed.add(candidate.journeyId);
    }
  } finally {
    prompt.close();
  }
  return confirmed;
}

/**
 * Moves the journeys in scope, a few at a time: a journey that cannot move is refused (and audited) without being
 * asked; one the owner did not confirm is skipped. Returns whether every confirmed journey moved.
 */
async function run(
  plan: MigrationPlan,
  migrations: VersionMigrations,
  confirmation: Confirmation,
  actor: string,
): Promise<boolean> {
  const listed = confirmation.kind === 'listed' ? confirmation.ids : undefined;
  const scope = listed ? plan.journeys.filter((c) => listed.has(c.journeyId)) : plan.journeys;
  const confirmed =
    confirmation.kind === 'ask'
      ? await ask(scope, plan.to.version)
      : new Set(scope.filter((c) => listed || c.assessment.canMove).map((c) => c.journeyId));
  let allMoved = true;
  for (const id of listed ?? []) {
    if (!scope.some((c) => c.journeyId === id)) {
      console.log(`  ${id}  not found among the running journeys on version ${plan.from.version}`);
      allMoved = false;
    }
  }
  const counts = { migrated: 0, refused: 0, skipped: 0 };
  for (let start = 0; start < scope.length; start += PARALLEL_UPDATES) {
    const batch = scope.slice(start, start + PARALLEL_UPDATES);
    const outcomes = await Promise.all(
      batch.map((candidate): Promise<MigrationOutcome | undefined> =>
        confirmed.has(candidate.journeyId) || !candidate.assessment.canMove
          ? migrations.migrate(plan, candidate, actor)
          : Promise.resolve(undefined),
      ),
    );
    batch.forEach((candidate, index) => {
      const outcome = outcomes[index];
      const result = outcome?.result ?? 'skipped';
      counts[result] += 1;
      if (result !== 'migrated' && confirmed.has(candidate.journeyId)) allMoved = false;
      const text =
        outcome === undefined
          ? 'skipped'
          : outcome.result === 'migrated'
            ? `migrated v${plan.from.version} → v${plan.to.version}`
            : `refused: ${outcome.reason}`;
      console.log(`  ${candidate.journeyId}  ${text}`);
    });
  }
  console.log(
    `${counts.migrated} migrated, ${counts.refused} refused, ${counts.skipped} skipped (audit log: ${actor})`,
  );
  return allMoved;
}

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      'move running journeys to a newer published version, at safe points only; each move or refusal is audited. Exits 1 when a confirmed journey did not move',
    )
    .argument('<life-event>', 'life-event id, e.g. start-business')
    .requiredOption('--from <n>', 'the version the journeys run on')
    .requiredOption('--to <n>', 'the published version to move them to')
    .option('--dry-run', 'only report which journeys can move and why not')
    .option('--yes', 'move every journey that can move')
    .option('--journeys <ids>', 'move only these journeys (ids separated by commas)')
    .option('--actor <name>', 'who moves them, for the audit log (default: your user name)')
    .action(async (lifeEvent: string, options: MigrateOptions) => {
      const from = wholeNumber('--from', options.from);
      const to = wholeNumber('--to', options.to);
      if (to <= from) throw new CliError(`--to must be newer than --from (${to} ≤ ${from})`);
      const confirmation = confirmationOf(options);
      const actor = actorOf(options.actor);
      const url = requireDatabaseUrl('migrate');
      const { LifeEventRegistry } = await import('@passage/registry');
      const { planVersionMigration, VersionMigrations } = await import('@passage/versioning');
      await withDatabase(url, async (dataSource) => {
        let plan: MigrationPlan;
        try {
          plan = await planVersionMigration(dataSource, new LifeEventRegistry(dataSource), lifeEvent, from, to);
        } catch (error) {
          if (error instanceof PassageError) throw new CliError(error.message);
          throw error;
        }
        printPlan(plan);
        if (!confirmation) {
          console.log('dry run: nothing moved');
          return;
        }
        const temporal = await connectTemporal();
        try {
          if (!(await run(plan, new VersionMigrations(dataSource, temporal), confirmation, actor)))
            process.exitCode = 1;
        } finally {
          await temporal.connection.close();
        }
      });
    });
}
