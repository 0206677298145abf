import { vocabularyEntry, type DataVocabulary, type VocabularyEntry } from './data-vocabulary';
import { DATA_ITEM_FIELDS } from './definition-fields';
import {
  DATA_ITEM_TYPES,
  DATA_SCOPES,
  ENTITY_SCOPES,
  LANGUAGES,
  type DataItemType,
  type DataScope,
  type EntityScope,
} from './definition.types';
import { isRecord, own, type JsonRecord } from './json-value';
import {
  anItem,
  eachName,
  field,
  fieldPath,
  nameField,
  oneOfField,
  quote,
  show,
  textsField,
  unknownFields,
  words,
  type Issues,
} from './validation-report';

/** What checking the data items needs besides them. */
export interface DataItemChecks {
  readonly issues: Issues;
  /** Given by the context: then every item must have a scope and every enum value labels, here or there. */
  readonly vocabulary?: DataVocabulary;
  /** The entity scopes the definition binds (declared in `entities`, or derived); undefined when undecidable. */
  readonly boundScopes?: ReadonlySet<EntityScope>;
}

/** Checks `dataItems`, item by item in name order, each item's fields in model order. */
export function checkDataItems(checks: DataItemChecks, definition: JsonRecord): void {
  const { issues } = checks;
  const items = field(issues, definition, '', 'dataItems', 'object', true);
  if (items === undefined) return;
  const reportedUnbound = new Set<DataScope>();
  for (const name of Object.keys(items).sort()) {
    const at = fieldPath('dataItems', name);
    const item = items[name];
    if (!isRecord(item)) {
      issues.add('invalid-type', at, `Data item ${quote(name)} must be an object, got ${show(item)}.`);
      continue;
    }
    const entry = checks.vocabulary && vocabularyEntry(checks.vocabulary, name);
    const type = oneOfField(issues, item, at, 'type', DATA_ITEM_TYPES, 'invalid-value', 'a data item type');
    if (entry !== undefined && type !== undefined && type !== entry.type) {
      issues.add(
        'vocabulary-mismatch',
        fieldPath(at, 'type'),
        `${quote(name)} is ${anItem(entry.type)} in the vocabulary, here ${anItem(type)}: an item means the same everywhere. Use another name for another fact.`,
      );
    }
    const values = checkValues(checks, item, at, name, type, entry);
    checkOptions(checks, item, at, name, type, values, entry);
    textsField(issues, item, at, 'label', true);
    textsField(issues, item, at, 'help', false);
    const scope = checkScope(checks, item, at, name, entry);
    const bound = checks.boundScopes;
    if (isEntityScope(scope) && bound !== undefined && !bound.has(scope) && !reportedUnbound.has(scope)) {
      reportedUnbound.add(scope);
      issues.add(
        'unbound-scope',
        fieldPath(at, 'scope'),
        `${quote(name)} is about an ${scope}, but the life event binds none: declare it in "entities" (the items that identify it, and the steps that found it when the journey creates it).`,
      );
    }
    nameField(issues, item, at, 'authenticSource', false);
    unknownFields(issues, item, at, DATA_ITEM_FIELDS, 'a data item');
  }
}

/** The enum values when they are a list of names (undefined otherwise); reports what is wrong with them. */
function checkValues(
  checks: DataItemChecks,
  item: JsonRecord,
  at: string,
  name: string,
  type: DataItemType | undefined,
  entry: VocabularyEntry | undefined,
): string[] | undefined {
  const { issues } = checks;
  const valuesAt = fieldPath(at, 'values');
  if (type !== 'enum') {
    if (type !== undefined && own(item, 'values') !== undefined) {
      issues.add('invalid-value', valuesAt, `Only enum items list values; ${quote(name)} is ${anItem(type)}.`);
    }
    return undefined;
  }
  const list = eachName(issues, item, at, 'values', false, (value, valueAt) => {
    if (value.trim() === '') issues.add('invalid-value', valueAt, 'An enum value must not be blank.');
  });
  if (own(item, 'values') === undefined || list?.length === 0) {
    issues.add('enum-without-values', valuesAt, `Enum item ${quote(name)} lists no values.`);
    return undefined;
  }
  if (list === undefined || !list.every((value) => typeof value === 'string')) return undefined;
  const values = list as string[];
  if (entry?.type === 'enum' && entry.values !== undefined && values.join('\n') !== entry.values.join('\n')) {
    issues.add(
      'vocabulary-mismatch',
      valuesAt,
      `${quote(name)} has the values ${words(entry.values, 'and')} in the vocabulary, here ${words(values, 'and')}: an item means the same everywhere. Use another name for another set of answers.`,
    );
    // Their labels are moot until the values agree.
    return undefined;
  }
  return values;
}

/** Labels of enum values: those given here must be complete; with a vocabulary, every value needs one somewhere. */
function checkOptions(
  checks: DataItemChecks,
  item: JsonRecord,
  at: string,
  name: string,
  type: DataItemType | undefined,
  values: readonly string[] | undefined,
  entry: VocabularyEntry | undefined,
): void {
  const { issues } = checks;
  const optionsAt = fieldPath(at, 'options');
  const options = field(issues, item, at, 'options', 'object', false);
  if (options !== undefined && type !== undefined && type !== 'enum') {
    issues.add('invalid-value', optionsAt, `Only enum items have options; ${quote(name)} is ${anItem(type)}.`);
    return;
  }
  for (const value of Object.keys(options ?? {}).sort()) {
    if (values !== undefined && !values.includes(value)) {
      issues.add(
        'invalid-value',
        fieldPath(optionsAt, value),
        `${show(value)} is not a value of ${quote(name)}; its values are ${words(values, 'and')}.`,
      );
    } else {
      textsField(issues, options ?? {}, optionsAt, value, true);
    }
  }
  if (checks.vocabulary === undefined || values === undefined) return;
  const unlabelled = values.filter((value) => {
    if (own(options ?? {}, value) !== undefined) return false;
    const label = entry?.options === undefined ? undefined : own(entry.options, value);
    return !(isRecord(label) && LANGUAGES.every((language) => isText(own(label, language))));
  });
  if (unlabelled.length === 0) return;
  issues.add(
    'missing-option-label',
    optionsAt,
    `${unlabelled.length === 1 ? 'The value' : 'The values'} ${words(unlabelled, 'and')} of ${quote(name)} ${unlabelled.length === 1 ? 'has' : 'have'} no label in Dutch, English and French, here or in the vocabulary: a form would show the bare value.`,
  );
}

/** The item's scope, its own or else the vocabulary's; reports a missing or contradicting one. */
function checkScope(
  checks: DataItemChecks,
  item: JsonRecord,
  at: string,
  name: string,
  entry: VocabularyEntry | undefined,
): DataScope | undefined {
  const { issues } = checks;
  const scopeAt = fieldPath(at, 'scope');
  const declared =
    own(item, 'scope') === undefined
      ? undefined
      : oneOfField(issues, item, at, 'scope', DATA_SCOPES, 'invalid-value', 'a data scope');
  if (declared !== undefined && entry !== undefined && declared !== entry.scope) {
    issues.add(
      'vocabulary-mismatch',
      scopeAt,
      `${quote(name)} is about the ${entry.scope} in the vocabulary, here about the ${declared}: an item means the same everywhere.`,
    );
  }
  const scope = declared ?? entry?.scope;
  if (scope === undefined && checks.vocabulary !== undefined && own(item, 'scope') === undefined) {
    issues.add(
      'missing-scope',
      scopeAt,
      `${quote(name)} does not say what it is about: give it a scope (${words(DATA_SCOPES)}) or add it to the vocabulary.`,
    );
  }
  return scope;
}

export function isEntityScope(scope: unknown): scope is EntityScope {
  return (ENTITY_SCOPES as readonly unknown[]).includes(scope);
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
