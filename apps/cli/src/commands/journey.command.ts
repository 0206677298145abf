import type { Command } from 'commander';
import { isJourneyId, PassageError } from '@passage/contracts';
import { CliError } from './definition-loader';
import { actorOf, connectTemporal, requireDatabaseUrl, withDatabase } from './cli-support';

interface RetryStepOptions {
  readonly actor?: string;
}

/** `passage journey …`: what an operator does to one journey. */
export function registerJourneyCommand(program: Command): void {
  const journey = program.command('journey').description('operate on one running journey (audited)');
  journey
    .command('retry-step')
    .description('retry a failed step as a new attempt; audited as an administrator. Exits 1 when nothing was retried')
    .argument('<journey-id>', 'journey-<life-event>-<uuid>')
    .argument('<step>', 'the failed step, e.g. kbo-registration')
    .option('--actor <name>', 'who retries it, for the audit log (default: your user name)')
    .action(async (journeyId: string, stepId: string, options: RetryStepOptions) => {
      if (!isJourneyId(journeyId)) throw new CliError(`${journeyId} is not a journey id (journey-<life-event>-<uuid>)`);
      const actor = actorOf(options.actor);
      const url = requireDatabaseUrl('journey retry-step');
      const { StepRetries } = await import('@passage/journeys');
      const temporal = await connectTemporal();
      try {
        await withDatabase(url, async (dataSource) => {
          try {
            const receipt = await new StepRetries(dataSource, temporal).retry(
              { id: actor, role: 'admin' },
              journeyId,
              stepId,
            );
            console.log(
              `${journeyId}  ${stepId}: retried (${receipt.result}, seq ${receipt.seq}; audit log: ${actor})`,
            );
          } catch (error) {
            if (error instanceof PassageError) throw new CliError(`${journeyId}  ${stepId}: ${error.message}`);
            throw error;
          }
        });
      } finally {
        await temporal.connection.close();
      }
    });
}
