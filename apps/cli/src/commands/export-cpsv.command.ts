import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CpsvExportError, toCpsvAp, type JsonLdDocument } from '@passage/cpsv';
import type { LifeEventDefinition } from '@passage/journey-model';
import type { ProcessOwnerModule } from '@passage/process-owner';
import { AGENCIES, CATALOGUE, findLifeEvent } from '@passage/life-events';
import { catalogueDefinition, CliError } from './definition-loader';

interface ExportCpsvOptions {
  readonly version?: string;
  readonly out?: string;
  readonly baseUri?: string;
}

/** One exported life-event version and the file name it gets in an output folder. */
export interface CpsvExport {
  readonly file: string;
  readonly document: JsonLdDocument;
}

/**
 * The catalogue versions to export: one life event at one version (the latest when omitted), every version of one
 * life event (into a folder), or every version of the catalogue.
 */
export function cpsvExports(lifeEvent: string | undefined, options: ExportCpsvOptions): CpsvExport[] {
  return selection(lifeEvent, options).map(({ definition, owner }) => ({
    file: `${definition.id}-v${definition.version}.jsonld`,
    document: exportOne(definition, owner, options.baseUri),
  }));
}

function exportOne(
  definition: LifeEventDefinition,
  owner: ProcessOwnerModule,
  baseUri: string | undefined,
): JsonLdDocument {
  try {
    return toCpsvAp(definition, { agencies: AGENCIES, owner, baseUri });
  } catch (error) {
    // A bad --base-uri (or a catalogue out of step with its registry) is one line for the user, not a stack.
    if (error instanceof CpsvExportError)
      throw new CliError(`${definition.id} v${definition.version}: ${error.message}`);
    throw error;
  }
}

function selection(
  lifeEvent: string | undefined,
  options: ExportCpsvOptions,
): { definition: LifeEventDefinition; owner: ProcessOwnerModule }[] {
  if (lifeEvent === undefined) {
    if (options.version !== undefined) throw new CliError('--version needs a life event');
    return CATALOGUE.flatMap((entry) => entry.versions.map((definition) => ({ definition, owner: entry.owner })));
  }
  const entry = findLifeEvent(lifeEvent);
  if (entry === undefined) throw new CliError(`no life event ${lifeEvent} in the catalogue`);
  // Printing shows one version; a folder gets every version unless one is asked for.
  const one = options.version !== undefined || options.out === undefined;
  const definitions = one ? [catalogueDefinition(lifeEvent, options.version)] : entry.versions;
  return definitions.map((definition) => ({ definition, owner: entry.owner }));
}

export function registerExportCpsvCommand(program: Command): void {
  program
    .command('export-cpsv')
    .description('export life events as CPSV-AP 3.2.0 JSON-LD: print one, or write every catalogue version to --out')
    .argument('[life-event]', 'life-event id, e.g. start-business (default with --out: the whole catalogue)')
    .option('--version <n>', 'version (default: latest; with --out and no version: every version)')
    .option('--out <dir>', 'write <life-event>-v<version>.jsonld files into this folder')
    .option('--base-uri <uri>', 'base of the exported IRIs (default: https://data.passage.example)')
    .action((lifeEvent: string | undefined, options: ExportCpsvOptions) => {
      if (lifeEvent === undefined && options.out === undefined)
        throw new CliError('name a life event to print, or give --out <dir>');
      const exports = cpsvExports(lifeEvent, options);
      if (options.out === undefined) {
        console.log(JSON.stringify(exports[0].document, null, 2));
        return;
      }
      mkdirSync(options.out, { recursive: true });
      for (const { file, document } of exports) {
        const path = join(options.out, file);
        writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
        console.log(path);
      }
    });
}
