import type { Command } from 'commander';
import { PassageError } from '@passage/contracts';
import type { LifeEventDefinition } from '@passage/journey-model';
import type { PublishResult } from '@passage/registry';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { catalogueDefinition, CliError, loadDefinitionFile } from './definition-loader';
import { requireDatabaseUrl, wholeNumber, withDatabase } from './cli-support';

/** The definition to publish: the catalogue's, or a file's (which must be the life event and version named). */
function definitionToPublish(lifeEvent: string, version: number, file: string | undefined): LifeEventDefinition {
  if (file === undefined) return catalogueDefinition(lifeEvent, String(version));
  const loaded = loadDefinitionFile(file);
  const { id, version: given } = (typeof loaded === 'object' && loaded !== null ? loaded : {}) as {
    id?: unknown;
    version?: unknown;
  };
  if (id !== lifeEvent || given !== version)
    throw new CliError(`${file} holds ${String(id)} version ${String(given)}, not ${lifeEvent} version ${version}`);
  // The registry validates everything else before anything is written.
  return loaded as LifeEventDefinition;
}

/** One line per version, the same for one version as for the whole catalogue. */
function report(result: PublishResult): void {
  console.log(
    `${result.lifeEvent} v${result.version} ${result.status === 'published' ? 'published' : 'unchanged: this content is already published'} (${result.hash})`,
  );
}

/** A refusal is the release's answer, not a crash: one line on stderr and exit 1. */
function refused(what: string, error: unknown): void {
  if (!(error instanceof PassageError)) throw error;
  console.error(`${what} refused: ${error.message}${error.path ? ` (at ${error.path})` : ''}`);
  process.exitCode = 1;
}

/**
 * The catalogue as a release ships it: its agencies registered (new services added, nothing of an agency's own
 * settings changed) and every version published. Idempotent; a published version whose content changed is refused.
 */
async function publishWholeCatalogue(url: string): Promise<void> {
  const { publishCatalogue } = await import('@passage/registry');
  await withDatabase(url, async (dataSource) => {
    try {
      (await publishCatalogue(dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE })).forEach(report);
    } catch (error) {
      refused('the catalogue', error);
    }
  });
}

export function registerPublishCommand(program: Command): void {
  program
    .command('publish')
    .description(
      'publish a life-event version into the registry (DATABASE_URL), or with --catalogue every version of the catalogue; new journeys take the latest version. Exits 1 when refused',
    )
    .argument('[life-event]', 'life-event id, e.g. start-business')
    .argument('[version]', 'the version to publish')
    .option('--file <path>', 'a definition file (.json or .ts) instead of the catalogue')
    .option(
      '--catalogue',
      "register the catalogue's agencies and publish every version of every life event (what a release runs)",
    )
    .action(
      async (
        lifeEvent: string | undefined,
        versionArgument: string | undefined,
        options: { file?: string; catalogue?: boolean },
      ) => {
        if (options.catalogue) {
          if (lifeEvent !== undefined || options.file !== undefined)
            throw new CliError(
              '--catalogue publishes the whole catalogue: leave out <life-event>, <version> and --file',
            );
          return publishWholeCatalogue(requireDatabaseUrl('publish'));
        }
        if (lifeEvent === undefined || versionArgument === undefined)
          throw new CliError('give <life-event> <version>, or --catalogue');
        const definition = definitionToPublish(lifeEvent, wholeNumber('<version>', versionArgument), options.file);
        const url = requireDatabaseUrl('publish');
        const { AgencyRegistry, LifeEventRegistry } = await import('@passage/registry');
        await withDatabase(url, async (dataSource) => {
          // Checked against the agencies the registry knows now and the catalogue's process owners.
          const context = {
            agencies: await new AgencyRegistry(dataSource).descriptors(),
            owners: [...new Set(CATALOGUE.map((entry) => entry.owner.id))],
          };
          try {
            report(await new LifeEventRegistry(dataSource).publish(definition, context));
          } catch (error) {
            refused(`${lifeEvent} v${definition.version}`, error);
          }
        });
      },
    );
}
