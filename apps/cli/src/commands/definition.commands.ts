import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { workspaceRoot } from '@passage/config';
import {
  contentHash,
  DefinitionFormatError,
  intakeContract,
  toJson,
  toMermaid,
  validateLifeEvent,
  type Language,
  type LifeEventDefinition,
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
    .option(
      '--readme',
      "also write it, with step ids as node ids, into the first mermaid block of the life event's README",
    )
    .action((id: string, options: { version?: string; language: string; readme?: boolean }) => {
      const language = languageOption(options.language);
      const definition = catalogueDefinition(id, options.version);
      if (!options.readme) {
        console.log(toMermaid(definition, language));
        return;
      }
      const diagram = toMermaid(definition, language, { nodeIds: 'step-id' });
      const file = join(workspaceRoot(), 'life-events', id, 'README.md');
      writeFileSync(file, withDiagram(readFileSync(file, 'utf8'), diagram, file));
      console.log(diagram);
    });

  program
    .command('hash')
    .description('print the content hash of a definition: the one life-events/published.ts pins when it is published')
    .argument('<life-event|file>', 'life-event id of the catalogue, or a definition file (.ts or .json)')
    .option('--version <n>', 'version of a catalogue life event (default: latest)')
    .action((target: string, options: { version?: string }) => {
      console.log(contentHash(definitionOf(target, options.version)));
    });

  program
    .command('schema')
    .description("print the JSON Schemas (2020-12) of a version's intake and of every citizen step's inputs")
    .argument('<life-event>', 'life-event id')
    .option('--version <n>', 'version (default: latest)')
    .option('--language <nl|en|fr>', 'language of titles, help texts and option labels', 'en')
    .action((id: string, options: { version?: string; language: string }) => {
      const contract = intakeContract(catalogueDefinition(id, options.version), {
        language: languageOption(options.language),
        vocabulary: VOCABULARY,
      });
      console.log(JSON.stringify(contract, null, 2));
    });
}

function languageOption(language: string): Language {
  if (!['nl', 'en', 'fr'].includes(language)) throw new CliError(`--language must be nl, en or fr`);
  return language as Language;
}

/** A catalogue life event, or the definition in a file when the argument names one. */
function definitionOf(target: string, version: string | undefined): LifeEventDefinition {
  if (!/\.(ts|json)$/.test(target)) return catalogueDefinition(target, version);
  if (version !== undefined) throw new CliError('--version is for a life event of the catalogue, not for a file');
  return loadDefinitionFile(target) as LifeEventDefinition;
}

/** The README with its first mermaid block replaced by the diagram. */
function withDiagram(readme: string, diagram: string, file: string): string {
  const block = /```mermaid\n[\s\S]*?```/;
  if (!block.test(readme)) throw new CliError(`${file} has no \`\`\`mermaid block to write the diagram into`);
  return readme.replace(block, () => `\`\`\`mermaid\n${diagram}\`\`\``);
}
