import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fromJson, type LifeEventDefinition } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';

export class CliError extends Error {
  override readonly name = 'CliError';
}

/**
 * Reads a definition file: JSON in the form `passage show --json` prints, or a TypeScript module whose default
 * export (or only exported definition) is the definition. Returns unknown: the caller validates it.
 */
export function loadDefinitionFile(file: string): unknown {
  const path = resolve(file);
  switch (extname(path)) {
    case '.json':
      return fromJson(readFileSync(path, 'utf8'));
    case '.ts': {
      // Definitions are TypeScript modules loaded at run time (this process runs under SWC's require hook).
      const exports = require(path) as Record<string, unknown>;
      if (exports['default'] !== undefined) return exports['default'];
      const candidates = Object.values(exports).filter(
        (value) => typeof value === 'object' && value !== null && 'steps' in value,
      );
      if (candidates.length === 1) return candidates[0];
      throw new CliError(`${file}: export the definition as default (found ${candidates.length} candidate exports)`);
    }
    default:
      throw new CliError(`${file}: expected a .json or .ts file`);
  }
}

/** A life event of the catalogue, at a version (the latest when omitted). */
export function catalogueDefinition(lifeEventId: string, version?: string): LifeEventDefinition {
  const parsed = version === undefined ? undefined : Number(version);
  if (parsed !== undefined && (!Number.isInteger(parsed) || parsed < 1))
    throw new CliError(`--version must be a positive integer, got ${version}`);
  const definition = findDefinition(lifeEventId, parsed);
  if (!definition)
    throw new CliError(`no life event ${lifeEventId}${parsed ? ` version ${parsed}` : ''} in the catalogue`);
  return definition;
}
