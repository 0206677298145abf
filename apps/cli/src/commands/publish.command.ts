import type { Command } from 'commander';
import { PassageError } from '@passage/contracts';
import type { LifeEventDefinition } from '@passage/journey-model';
import { CATALOGUE } from '@passage/life-events';
import { catalogueDefinition, CliError, loadDefinitionFile } from './definition-loader';
import { requireDatabaseUrl, wholeNumber, withDatabase } from './cli-support';

/** The definition to publish: the catalogue's, or a file's (which must be the life event and version named). */
function definitionToPublish(lifeEvent: string, version: number, file: string | undefined): LifeEventDefinition {
  if (file === undefined) return catalogueDefinition(lifeEvent, String(version));
  const loaded = loadDefinitionFile(file);
  const { id, version: given } = (typeof loaded === 'object' && loaded !== null ? loaded : {}) as { id?: unknown; version?: unknown };
  if (id !== lifeEvent || given !== version) throw new CliError(`${file} holds ${String(id)} version ${String(given)}, not ${lifeEvent} version ${version}`);
  // The registry validates everything else before anything is written.
  return loaded as LifeEventDefinition;
}

export function registerPublishCommand(program: Command): void {
  program
    .command('publish')
    .description("publish a life-event version into the registry (DATABASE_URL); new journeys take the latest version. Exits 1 when refused")
    .argument('<life-event>', 'life-event id, e.g. start-business')
    .argument('<version>', 'the version to publish')
    .option('--file <path>', 'a definition file (.json or .ts) instead of the catalogue')
    .action(async (lifeEvent: string, versionArgument: string, options: { file?: string }) => {
      const definition = definitionToPublish(lifeEvent, wholeNumber('<version>', versionArgument), options.file);
      const url = requireDatabaseUrl('publish');
      const { AgencyRegistry, LifeEventRegistry } = await import('@passage/journeys');
      await withDatabase(url, async (dataSource) => {
        // Checked against the agencies the registry knows now and the catalogue's process owners.
        const context = { agencies: await new AgencyRegistry(dataSource).descriptors(), owners: [...new Set(CATALOGUE.map((entry) => entry.owner.id))] };
        try {
          const result = await new LifeEventRegistry(dataSource).publish(definition, context);
          console.log(`${result.lifeEvent} v${result.version} ${result.status === 'published' ? 'published' : 'unchanged: this content is already published'} (${result.hash})`);
        } catch (error) {
          if (!(error instanceof PassageError)) throw error;
          console.error(`${lifeEvent} v${definition.version} refused: ${error.message}${error.path ? ` (at ${error.path})` : ''}`);
          process.exitCode = 1;
        }
      });
    });
}
