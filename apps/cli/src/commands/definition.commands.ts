import type { Command } from 'commander';
import { toJson, toMermaid, validateLifeEvent, type Language } from '@passage/journey-model';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { catalogueDefinition, CliError, loadDefinitionFile } from './definition-loader';

/** What a definition is validated against: the catalogue's agencies and process owners. */
export const validationContext = () => ({ agencies: AGENCIES, owners: [...new Set(CATALOGUE.map((entry) => entry.owner.id))] });

export function registerDefinitionCommands(program: Command): void {
  program
    .command('validate')
    .description('validate a life-event definition (.ts or .json); exits 1 when it has issues')
    .argument('<file>', 'definition file')
    .option('--json', 'print the issues as JSON')
    .action((file: string, options: { json?: boolean }) => {
      const issues = validateLifeEvent(loadDefinitionFile(file), validationContext());
      if (options.json) {
        console.log(JSON.stringify(issues, null, 2));
      } else if (issues.length === 0) {
        console.log(`${file}: valid`);
      } else {
        for (const issue of issues) console.log(`${issue.code}\t${issue.path}\t${issue.message}`);
        console.log(`${file}: ${issues.length} issue${issues.length === 1 ? '' : 's'}`);
      }
      process.exitCode = issues.length === 0 ? 0 : 1;
    });

  program
    .command('show')
    .description('print a life event of the catalogue in its JSON form (the form validate accepts)')
    .argument('<life-event>', 'life-event id, e.g. start-business')
    .option('--version <n>', 'version (default: latest)')
    .option('--json', 'JSON form (the default and only form)')
    .action((id: string, options: { version?: string }) => {
      console.log(toJson(catalogueDefinition(id, options.version)));
    });

  program
    .command('diagram')
    .description('print a life event as a Mermaid flowchart')
    .argument('<life-event>', 'life-event id')
    .option('--version <n>', 'version (default: latest)')
    .option('--language <nl|en|fr>', 'language of the labels', 'en')
    .action((id: string, options: { version?: string; language: string }) => {
      if (!['nl', 'en', 'fr'].includes(options.language)) throw new CliError(`--language must be nl, en or fr`);
      console.log(toMermaid(catalogueDefinition(id, options.version), options.language as Language));
    });
}
