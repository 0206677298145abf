import type { Command } from 'commander';
import {
  DefinitionFormatError,
  toJson,
  toMermaid,
  validateLifeEvent,
  type Language,
  type ValidationContext,
  type ValidationIssue,
} from '@passage/journey-model';
import { AGENCIES, CATALOGUE, PUBLISHED_VERSIONS, VOCABULARY } from '@passage/life-events';
import { catalogueDefinition, CliError, loadDefinitionFile } from './definition-loader';

/**
 * What a definition is validated against: the catalogue's agencies, process owners and data-item vocabulary, and
 * the published versions of the same life event (immutable: same version, same content hash).
 */
export function validationContext(definition: unknown): ValidationContext {
  const id = typeof definition === 'object' && definition !== null ? (definition as { id?: unknown }).id : undefined;
  const published = PUBLISHED_VERSIONS.filter((p) => p.lifeEvent === id);
  return {
    agencies: AGENCIES,
    owners: [...new Set(CATALOGUE.map((entry) => entry.owner.id))],
    published,
    vocabulary: VOCABULARY,
  };
}

/** A file that cannot be read or parsed is reported as one issue, like any other malformed definition. */
function validateFile(file: string): ValidationIssue[] {
  try {
    const definition = loadDefinitionFile(file);
    return validateLifeEvent(definition, validationContext(definition));
  } catch (error) {
    if (error instanceof CliError || error instanceof DefinitionFormatError)
      return [{ code: 'invalid-type', path: '', message: error.message }];
    throw error;
  }
}

export function registerDefinitionCommands(program: Command): void {
  program
    .command('validate')
    .description('validate life-event definitions (.ts or .json); exits 1 when any has issues')
    .argument('<files...>', 'definition files')
    .option('--json', 'print the issues per file as JSON')
    .action((files: string[], options: { json?: boolean }) => {
      const report = Object.fromEntries(files.map((file) => [file, validateFile(file)]));
      if (options.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        for (const [file, issues] of Object.entries(report)) {
          for (const issue of issues) console.log(`${file}\t${issue.code}\t${issue.path}\t${issue.message}`);
          console.log(
            `${file}: ${issues.length === 0 ? 'valid' : `${issues.length} issue${issues.length === 1 ? '' : 's'}`}`,
          );
        }
      }
      process.exitCode = Object.values(report).some((issues) => issues.length > 0) ? 1 : 0;
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
