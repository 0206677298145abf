import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { loadPassageConfig } from '@passage/config';
import { isJourneyId, type JourneyState } from '@passage/contracts';
import type { ReadModelDifference } from '@passage/persistence';
import { CliError } from './definition-loader';
import { requireDatabaseUrl, wholeNumber, withDatabase } from './cli-support';

interface VerifyOptions {
  readonly journeys?: string;
  readonly sample?: string;
  readonly all?: boolean;
  readonly json?: boolean;
  readonly graceSeconds: string;
}

interface RepairOptions {
  readonly quarantined?: boolean;
  readonly actor?: string;
  readonly json?: boolean;
}

/** Journeys asked at the same time: enough to go fast, few enough not to flood the engine. */
const PARALLEL_QUERIES = 8;
const MAX_LISTED = 10_000;

/** What one journey's check found: its differences, or why the workflow could not be asked. */
interface JourneyCheck {
  readonly journeyId: string;
  readonly differences: readonly ReadModelDifference[];
  readonly error?: string;
}

function listedIds(flag: string, ids: readonly string[]): string[] {
  const cleaned = ids.map((id) => id.trim()).filter((id) => id !== '');
  if (cleaned.length === 0 || cleaned.length > MAX_LISTED)
    throw new CliError(`${flag} must list 1 to ${MAX_LISTED} journey ids`);
  const malformed = cleaned.find((id) => !isJourneyId(id));
  if (malformed) throw new CliError(`${flag}: ${malformed} is not a journey id (journey-<life-event>-<uuid>)`);
  return [...new Set(cleaned)];
}

/** Every journey of the read model, and those in quarantine that it may not hold at all. */
async function allJourneyIds(dataSource: DataSource, sample?: number): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM (SELECT id FROM journeys UNION SELECT journey_id FROM projection_quarantine WHERE repaired_at IS NULL) ids
      ORDER BY ${sample === undefined ? 'id' : 'random()'} ${sample === undefined ? '' : 'LIMIT $1'}`,
    sample === undefined ? [] : [sample],
  );
  return rows.map((row) => row.id);
}

async function connectTemporal(): Promise<Client> {
  const config = loadPassageConfig();
  const { connectClient } = await import('@passage/temporal');
  try {
    return await connectClient(config.temporal, config.payloadKeys);
  } catch (error) {
    throw new CliError(
      `cannot reach Temporal at ${config.temporal.address}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The workflow's state of a journey; a workflow Temporal does not know is a difference of its own. */
async function workflowState(temporal: Client, journeyId: string): Promise<JourneyState | undefined> {
  const { queryJourney } = await import('@passage/temporal');
  const { WorkflowNotFoundError } = await import('@temporalio/client');
  try {
    return await queryJourney(temporal.workflow.getHandle(journeyId));
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL_QUERIES)
    results.push(...(await Promise.all(items.slice(i, i + PARALLEL_QUERIES).map(work))));
  return results;
}

async function check(dataSource: DataSource, temporal: Client, journeyId: string): Promise<JourneyCheck> {
  const { compareReadModel } = await import('@passage/persistence');
  try {
    const state = await workflowState(temporal, journeyId);
    if (!state) return { journeyId, differences: [{ what: 'workflow', readModel: 'present', workflow: null }] };
    return { journeyId, differences: await compareReadModel(dataSource, state) };
  } catch (error) {
    // The name only: a failure's message can quote a payload.
    return { journeyId, differences: [], error: `the workflow could not be asked (${errorName(error)})` };
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Checks journeys, then checks again those that differ, once a second for up to `graceSeconds`: a projection in
 * flight (or routine progress waiting for the next change) makes the read model trail the workflow for a moment.
 */
async function verify(
  dataSource: DataSource,
  temporal: Client,
  ids: readonly string[],
  graceSeconds: number,
): Promise<JourneyCheck[]> {
  let checks = await inBatches(ids, (id) => check(dataSource, temporal, id));
  const deadline = Date.now() + graceSeconds * 1000;
  while (Date.now() < deadline && checks.some((c) => c.differences.length > 0 || c.error)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = await inBatches(
      checks.filter((c) => c.differences.length > 0 || c.error),
      (c) => check(dataSource, temporal, c.journeyId),
    );
    const latest = new Map(again.map((c) => [c.journeyId, c]));
    checks = checks.map((c) => latest.get(c.journeyId) ?? c);
  }
  return checks;
}

function show(value: ReadModelDifference['readModel']): string {
  return value === null ? '(none)' : String(value);
}

function printChecks(checks: readonly JourneyCheck[], json: boolean | undefined): void {
  const mismatched = checks.filter((c) => c.differences.length > 0);
  const unverified = checks.filter((c) => c.error);
  if (json) {
    console.log(
      JSON.stringify(
        {
          checked: checks.length,
          mismatched: mismatched.length,
          unverified: unverified.length,
          journeys: [...mismatched, ...unverified],
        },
        null,
        2,
      ),
    );
    return;
  }
  for (const c of unverified) console.log(`${c.journeyId}: ${c.error}`);
  for (const c of mismatched)
    for (const d of c.differences)
      console.log(`${c.journeyId} ${d.what}: read model ${show(d.readModel)}, workflow ${show(d.workflow)}`);
  console.log(
    `read-model verify: ${checks.length} journeys checked, ${mismatched.length} mismatched, ${unverified.length} not verified`,
  );
}

/** The name the audit log records: given, or the operating-system user. */
function actorOf(given: string | undefined): string {
  let actor = given;
  if (actor === undefined) {
    try {
      actor = userInfo().username;
    } catch {
      actor = process.env['USER'] ?? 'unknown';
    }
  }
  if (!/^[^\p{Cc}]{1,100}$/u.test(actor))
    throw new CliError('--actor must be 1 to 100 characters without control characters');
  return actor;
}

export function registerReadModelCommands(program: Command): void {
  const readModel = program
    .command('read-model')
    .description("compare journeys' read model with their workflows, and rebuild it from them");

  readModel
    .command('verify')
    .description(
      "compare each journey's read model (status, steps, seq, dates, open tasks, quarantine) with its workflow's state; exit 1 on any mismatch, 2 when a workflow could not be asked",
    )
    .option('--journeys <ids>', 'these journeys (ids separated by commas)')
    .option('--sample <n>', 'n journeys picked at random')
    .option('--all', 'every journey (the default)')
    .option('--grace-seconds <s>', 'how long a difference may last before it counts (a projection in flight)', '10')
    .option('--json', 'machine-readable output')
    .action(async (options: VerifyOptions) => {
      const chosen = [options.journeys !== undefined, options.sample !== undefined, options.all].filter(Boolean);
      if (chosen.length > 1) throw new CliError('give one of --journeys, --sample and --all');
      const grace = wholeNumber('--grace-seconds', options.graceSeconds, { min: 0, max: 600 });
      const sample = options.sample === undefined ? undefined : wholeNumber('--sample', options.sample);
      const url = requireDatabaseUrl('read-model verify');
      await withDatabase(url, async (dataSource) => {
        const ids =
          options.journeys !== undefined
            ? listedIds('--journeys', options.journeys.split(','))
            : await allJourneyIds(dataSource, sample);
        const temporal = await connectTemporal();
        try {
          const checks = await verify(dataSource, temporal, ids, grace);
          printChecks(checks, options.json);
          if (checks.some((c) => c.differences.length > 0)) process.exitCode = 1;
          else if (checks.some((c) => c.error)) process.exitCode = 2;
        } finally {
          await temporal.connection.close();
        }
      });
    });

  readModel
    .command('repair')
    .description(
      "rebuild journeys' rows (journey, steps, inbox tasks) from their workflows' state, close their projection quarantine, and audit it; a journey that already matches is left alone",
    )
    .argument('[ids...]', 'journey ids')
    .option('--quarantined', 'every journey in projection quarantine')
    .option('--actor <name>', 'who repairs, for the audit log (default: your user name)')
    .option('--json', 'machine-readable output')
    .action(async (given: string[], options: RepairOptions) => {
      if (given.length > 0 === Boolean(options.quarantined))
        throw new CliError('give journey ids or --quarantined (one of them)');
      const actor = actorOf(options.actor);
      const url = requireDatabaseUrl('read-model repair');
      const { ProjectionQuarantineStore, postgresPool, repairReadModel } = await import('@passage/persistence');
      await withDatabase(url, async (dataSource) => {
        const ids = options.quarantined
          ? (await new ProjectionQuarantineStore(postgresPool(dataSource)).open()).map((q) => q.journeyId)
          : listedIds('journey ids', given);
        const temporal = await connectTemporal();
        try {
          const results = await inBatches(ids, async (journeyId) => {
            try {
              const state = await workflowState(temporal, journeyId);
              if (!state) return { journeyId, result: 'no workflow: not repaired' };
              const { differences } = await repairReadModel(dataSource, state, actor);
              return { journeyId, result: differences.length === 0 ? 'already matched' : 'repaired', differences };
            } catch (error) {
              return { journeyId, result: `not repaired (${errorName(error)})` };
            }
          });
          if (options.json) console.log(JSON.stringify({ journeys: results }, null, 2));
          else {
            for (const r of results)
              console.log(
                `${r.journeyId}: ${r.result}${r.differences?.length ? ` (${r.differences.map((d) => d.what).join(', ')})` : ''}`,
              );
            console.log(`read-model repair: ${results.length} journeys (audit log: ${actor})`);
          }
          if (results.some((r) => r.result !== 'repaired' && r.result !== 'already matched')) process.exitCode = 1;
        } finally {
          await temporal.connection.close();
        }
      });
    });
}
