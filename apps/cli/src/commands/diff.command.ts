import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { diffLifeEvent, formatDiff } from '@passage/authoring';
import { findDefinition } from '@passage/life-events';
import { databaseUrl, definitionOf, wholeNumber, withDatabase } from './cli-support';

export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description(
      'what changes for citizens and agencies between two versions of a life event (catalogue, or the registry with DATABASE_URL)',
    )
    .argument('<life-event>', 'life-event id, e.g. start-business')
    .argument('<from>', 'the older version')
    .argument('<to>', 'the newer version')
    .option('--json', 'print the differences as JSON')
    .action(async (lifeEvent: string, fromArgument: string, toArgument: string, options: { json?: boolean }) => {
      const from = wholeNumber('<from>', fromArgument);
      const to = wholeNumber('<to>', toArgument);
      const both = (dataSource?: DataSource) =>
        Promise.all([definitionOf(lifeEvent, from, dataSource), definitionOf(lifeEvent, to, dataSource)]);
      // The registry is asked only for a version the catalogue does not have.
      const url = databaseUrl();
      const inCatalogue = findDefinition(lifeEvent, from) !== undefined && findDefinition(lifeEvent, to) !== undefined;
      const [before, after] = inCatalogue || !url ? await both() : await withDatabase(url, both);
      const diff = diffLifeEvent(before, after);
      console.log(options.json ? JSON.stringify(diff, null, 2) : formatDiff(diff));
    });
}
