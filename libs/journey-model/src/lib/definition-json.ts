import { arrangeDefinition } from './definition-layout';
import type { LifeEventDefinition } from './definition.types';
import { isRecord } from './json-value';

/** A definition file that is not JSON, or not a JSON object. */
export class DefinitionFormatError extends Error {
  override readonly name = 'DefinitionFormatError';
}

/**
 * The JSON form of a definition: 2-space indented, with a final newline, fields in model order and data items by
 * name. It depends only on the content, so it is stable: `toJson(fromJson(toJson(d))) === toJson(d)`.
 */
export function toJson(definition: LifeEventDefinition): string {
  return `${JSON.stringify(arrangeDefinition(definition), null, 2)}\n`;
}

/**
 * Parses the JSON form of a definition. Only the syntax is checked here: run `validateLifeEvent` on the result
 * before trusting its content.
 */
export function fromJson(json: string): LifeEventDefinition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new DefinitionFormatError(`The definition is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(parsed)) {
    const got = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new DefinitionFormatError(`The definition must be a JSON object, got ${got}.`);
  }
  return parsed as unknown as LifeEventDefinition;
}
