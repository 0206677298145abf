import { LANGUAGES, type DataItemType, type Language } from './definition.types';
import { isRecord, own, type JsonRecord } from './json-value';
import type { ValidationCode, ValidationIssue } from './validation.types';

/** Collects issues in the order they are found. */
export class Issues {
  readonly found: ValidationIssue[] = [];

  add(code: ValidationCode, path: string, message: string): void {
    this.found.push({ code, path, message });
  }

  addAll(issues: readonly ValidationIssue[]): void {
    this.found.push(...issues);
  }
}

/** `steps` and 3 → `steps[3]`. */
export function itemPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** `steps[0]` and `term` → `steps[0].term`; a key that is not an identifier is quoted: `dataItems["person.name"]`. */
export function fieldPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** A value as a message shows it: strings quoted (and cut when long), structures by their kind. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `"a", "b" or "c"` (or `… and "c"`): names quoted, as messages show names. */
export function words(names: readonly string[], last: 'or' | 'and' = 'or'): string {
  const quoted = names.map(quote);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
}

/** ` Did you mean "x"?` when a candidate is within two edits of a misspelt name, else nothing. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance && distance < candidate.length) [best, bestDistance] = [candidate, distance];
  }
  return best === undefined ? '' : ` Did you mean ${JSON.stringify(best)}?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

interface JsonTypes {
  string: string;
  number: number;
  boolean: boolean;
  object: JsonRecord;
  array: readonly unknown[];
}
type JsonType = keyof JsonTypes;

const TYPE_NAMES: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function hasType(value: unknown, type: JsonType): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isRecord(value);
  return typeof value === type;
}

/**
 * A field of the expected JSON type, or undefined after reporting `invalid-type` (wrong type, or missing when
 * `required`). An absent optional field is undefined without an issue.
 */
export function field<T extends JsonType>(
  issues: Issues,
  record: JsonRecord,
  path: string,
  key: string,
  type: T,
  required: boolean,
): JsonTypes[T] | undefined {
  const value = own(record, key);
  const at = fieldPath(path, key);
  if (value === undefined) {
    if (required) issues.add('invalid-type', at, `"${key}" is missing; expected ${TYPE_NAMES[type]}.`);
    return undefined;
  }
  if (hasType(value, type)) return value as JsonTypes[T];
  issues.add('invalid-type', at, `"${key}" must be ${TYPE_NAMES[type]}, got ${show(value)}.`);
  return undefined;
}

/** A string field that must not be blank; reports `invalid-value` when it is. */
export function nameField(
  issues: Issues,
  record: JsonRecord,
  path: string,
  key: string,
  required: boolean,
): string | undefined {
  const value = field(issues, record, path, key, 'string', required);
  if (value === undefined || value.trim() !== '') return value;
  issues.add('invalid-value', fieldPath(path, key), `"${key}" must not be blank.`);
  return undefined;
}

/**
 * Reads a list of names: reports the list's type, non-string entries and repeats, and hands every first occurrence
 * of a name to `check`, in order. Returns the list, or undefined when it is not one.
 */
export function eachName(
  issues: Issues,
  record: JsonRecord,
  path: string,
  key: string,
  required: boolean,
  check: (name: string, at: string) => void,
): readonly unknown[] | undefined {
  const list = field(issues, record, path, key, 'array', required);
  const listPath = fieldPath(path, key);
  const seen = new Map<string, number>();
  list?.forEach((entry, index) => {
    const at = itemPath(listPath, index);
    if (typeof entry !== 'string') {
      issues.add('invalid-type', at, `Expected a string, got ${show(entry)}.`);
    } else if (seen.has(entry)) {
      const first = itemPath(listPath, seen.get(entry) ?? 0);
      issues.add('duplicate-entry', at, `${show(entry)} is already listed at ${first}.`);
    } else {
      seen.set(entry, index);
      check(entry, at);
    }
  });
  return list;
}

/** A string field that must be one of `allowed`; reports `code` when it is not. */
export function oneOfField<T extends string>(
  issues: Issues,
  record: JsonRecord,
  path: string,
  key: string,
  allowed: readonly T[],
  code: ValidationCode,
  what: string,
): T | undefined {
  const value = field(issues, record, path, key, 'string', true);
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  issues.add(code, fieldPath(path, key), `${show(value)} is not ${what}; expected ${words(allowed)}.`);
  return undefined;
}

/** `a string item`, `an enum item`. */
export function anItem(type: DataItemType): string {
  return `${type === 'enum' ? 'an' : 'a'} ${type} item`;
}

/** A name in double quotes, as messages show names. */
export function quote(name: string): string {
  return JSON.stringify(name);
}

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Dutch', en: 'English', fr: 'French' };

/** A text (`Texts`): every language present and not blank, and nothing else. */
export function textsField(issues: Issues, record: JsonRecord, path: string, key: string, required: boolean): void {
  const texts = field(issues, record, path, key, 'object', required);
  if (texts === undefined) return;
  const textsPath = fieldPath(path, key);
  for (const language of LANGUAGES) {
    const text = own(texts, language);
    const at = fieldPath(textsPath, language);
    const name = `${LANGUAGE_NAMES[language]} (${language})`;
    if (text === undefined) {
      issues.add('missing-text', at, `The ${name} text of "${key}" is missing.`);
    } else if (typeof text !== 'string') {
      issues.add('invalid-type', at, `The ${name} text must be a string, got ${show(text)}.`);
    } else if (text.trim() === '') {
      issues.add('missing-text', at, `The ${name} text of "${key}" is blank.`);
    }
  }
  unknownFields(issues, texts, textsPath, LANGUAGES, 'a text (its languages are nl, en and fr)');
}

/**
 * Reports every field of a record outside `known`, alphabetically (the order `toJson` writes them in). A field whose
 * value is undefined is ignored: it does not survive JSON, and it does not count in the content hash.
 */
export function unknownFields(
  issues: Issues,
  record: JsonRecord,
  path: string,
  known: readonly string[],
  of: string,
): void {
  const unknown = Object.keys(record)
    .filter((key) => !known.includes(key) && record[key] !== undefined)
    .sort();
  for (const key of unknown) {
    issues.add('unknown-field', fieldPath(path, key), `"${key}" is not a field of ${of}.${suggestion(key, known)}`);
  }
}
