import { DATA_ITEM_TYPES, DATA_SCOPES } from './definition.types';
import { isRecord, own } from './json-value';
import { isEntityScope } from './validate-data-items';
import {
  eachName,
  field,
  fieldPath,
  Issues,
  oneOfField,
  quote,
  show,
  textsField,
  unknownFields,
} from './validation-report';
import type { ValidationIssue } from './validation.types';

const ENTRY_FIELDS = ['type', 'values', 'options', 'scope', 'identifier', 'help'];

/**
 * Every issue of a data-item vocabulary given as plain data, with the codes and paths definitions use (an entry's
 * path is its quoted name): a valid type and scope, enum values each with a label in every language, and the
 * identifier role only on a text item about an enterprise, association or property.
 */
export function validateVocabulary(input: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isRecord(input)) {
    issues.add('invalid-type', '', `A vocabulary must be an object, got ${show(input)}.`);
    return issues.found;
  }
  for (const name of Object.keys(input).sort()) {
    const at = fieldPath('', name);
    const entry = input[name];
    if (!isRecord(entry)) {
      issues.add('invalid-type', at, `Entry ${quote(name)} must be an object, got ${show(entry)}.`);
      continue;
    }
    const type = oneOfField(issues, entry, at, 'type', DATA_ITEM_TYPES, 'invalid-value', 'a data item type');
    const values = eachName(issues, entry, at, 'values', type === 'enum', () => undefined) ?? [];
    if (type === 'enum' && values.length === 0) {
      issues.add('enum-without-values', fieldPath(at, 'values'), `Enum item ${quote(name)} lists no values.`);
    } else if (type !== 'enum' && own(entry, 'values') !== undefined) {
      issues.add('invalid-value', fieldPath(at, 'values'), `Only enum items list values.`);
    }
    const options = field(issues, entry, at, 'options', 'object', false) ?? {};
    for (const value of values.filter((v): v is string => typeof v === 'string')) {
      const label = own(options, value);
      if (label === undefined) {
        issues.add('missing-option-label', fieldPath(at, 'options'), `The value ${show(value)} has no label.`);
      } else {
        textsField(issues, options, fieldPath(at, 'options'), value, true);
      }
    }
    for (const key of Object.keys(options).filter((key) => !values.includes(key))) {
      issues.add(
        'invalid-value',
        fieldPath(fieldPath(at, 'options'), key),
        `${show(key)} is not a value of this item.`,
      );
    }
    const scope = oneOfField(issues, entry, at, 'scope', DATA_SCOPES, 'invalid-value', 'a data scope');
    const identifier = field(issues, entry, at, 'identifier', 'boolean', false);
    if (identifier !== undefined && !(identifier && type === 'string' && isEntityScope(scope))) {
      issues.add(
        'invalid-entity',
        fieldPath(at, 'identifier'),
        'Only a text item about an enterprise, association or property identifies it; write "identifier": true or leave it out.',
      );
    }
    textsField(issues, entry, at, 'help', false);
    unknownFields(issues, entry, at, ENTRY_FIELDS, 'a vocabulary entry');
  }
  return issues.found;
}
