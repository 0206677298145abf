import { contentHash } from './content-hash';
import { DATA_ITEM_FIELDS, DEFINITION_FIELDS, LIFE_EVENT_KINDS, TRIGGER_FIELDS } from './definition-fields';
import { CONSENT_RULES, DATA_ITEM_TYPES, type LifeEventDefinition } from './definition.types';
import { isRecord, own, type JsonRecord } from './json-value';
import { checkStep, KEBAB_CASE, type StepChecks } from './validate-step';
import { indexDefinition } from './validation-index';
import {
  anItem,
  eachName,
  field,
  fieldPath,
  Issues,
  nameField,
  oneOfField,
  quote,
  show,
  suggestion,
  textsField,
  unknownFields,
} from './validation-report';
import type { ValidationContext, ValidationIssue } from './validation.types';

/**
 * Every issue of a life-event definition given as plain data (typically parsed JSON); `[]` when it is valid. Never
 * throws, whatever the input. Checks against the registry, the process owners and the published versions run only
 * when the context gives them.
 *
 * Issues come in document order, the document being the input as `toJson` writes it: fields in model order, any
 * unknown field after the known fields of its object, data items by name, costs in channel order. So the order does
 * not depend on how the input's keys happen to be ordered.
 *
 * A step's need is provided when the item is asked at intake, held by an authentic source, or produced by a step it
 * depends on (directly or not) that runs whenever it runs: one without a condition, or whose condition equals the
 * step's condition or a part of the step's `and`. A cycle is reported on the dependency that closes it, reading
 * the steps in order.
 */
export function validateLifeEvent(input: unknown, context: ValidationContext = {}): ValidationIssue[] {
  const issues = new Issues();
  if (!isRecord(input)) {
    issues.add('invalid-type', '', `A definition must be an object, got ${show(input)}.`);
    return issues.found;
  }
  const checks: StepChecks = {
    issues,
    index: indexDefinition(input),
    agencies: context.agencies && new Map(context.agencies.map((a) => [a.id, a.services.map((s) => s.id)])),
  };
  const id = field(issues, input, '', 'id', 'string', true);
  if (id !== undefined && !KEBAB_CASE.test(id)) {
    issues.add(
      'invalid-id',
      'id',
      `${show(id)} is not a kebab-case id (lowercase words joined by hyphens, like "start-business").`,
    );
  }
  checkVersion(issues, input, context.published);
  oneOfField(issues, input, '', 'kind', LIFE_EVENT_KINDS, 'invalid-value', 'a kind of life event');
  const owner = nameField(issues, input, '', 'owner', true);
  if (owner !== undefined && context.owners !== undefined && !context.owners.includes(owner)) {
    issues.add(
      'unknown-owner',
      'owner',
      `${show(owner)} is not a known process owner.${suggestion(owner, context.owners)}`,
    );
  }
  textsField(issues, input, '', 'title', true);
  textsField(issues, input, '', 'summary', true);
  checkDataItems(issues, input);
  eachName(issues, input, '', 'intake', true, (item, at) => {
    const declared = checks.index.dataItems;
    if (declared !== undefined && !declared.has(item)) {
      issues.add(
        'unknown-data-item',
        at,
        `${show(item)} is not declared in dataItems.${suggestion(item, declared.keys())}`,
      );
    }
  });
  const steps = field(issues, input, '', 'steps', 'array', true);
  if (steps?.length === 0) issues.add('empty-journey', 'steps', 'The life event has no steps.');
  steps?.forEach((step, i) => checkStep(checks, step, i));
  checkTrigger(issues, input);
  eachName(issues, input, '', 'sources', false, (source, at) => {
    if (source.trim() === '') issues.add('invalid-value', at, 'A source must not be blank.');
  });
  unknownFields(issues, input, '', DEFINITION_FIELDS, 'a life-event definition');
  return issues.found;
}

/** A positive integer; and, when this version was published, with the content it was published with. */
function checkVersion(issues: Issues, definition: JsonRecord, published: ValidationContext['published']): void {
  const version = field(issues, definition, '', 'version', 'number', true);
  if (version === undefined) return;
  if (!Number.isInteger(version) || version < 1) {
    issues.add('invalid-version', 'version', `A version is a positive whole number (1, 2, …), got ${version}.`);
    return;
  }
  const publication = published?.find((p) => p.version === version);
  if (publication === undefined) return;
  // contentHash reads its input as plain JSON: it needs no valid definition.
  const hash = contentHash(definition as unknown as LifeEventDefinition);
  if (hash === publication.hash) return;
  issues.add(
    'published-content-changed',
    'version',
    `Version ${version} was published with content hash ${publication.hash}, but this content hashes to ${hash}. ` +
      'A published version cannot change: publish the change as a new version.',
  );
}

function checkDataItems(issues: Issues, definition: JsonRecord): void {
  const items = field(issues, definition, '', 'dataItems', 'object', true);
  if (items === undefined) return;
  for (const name of Object.keys(items).sort()) {
    const at = fieldPath('dataItems', name);
    const item = items[name];
    if (!isRecord(item)) {
      issues.add('invalid-type', at, `Data item ${quote(name)} must be an object, got ${show(item)}.`);
      continue;
    }
    const type = oneOfField(issues, item, at, 'type', DATA_ITEM_TYPES, 'invalid-value', 'a data item type');
    if (type === 'enum') {
      const values = eachName(issues, item, at, 'values', false, (value, valueAt) => {
        if (value.trim() === '') issues.add('invalid-value', valueAt, 'An enum value must not be blank.');
      });
      if (own(item, 'values') === undefined || values?.length === 0) {
        issues.add('enum-without-values', fieldPath(at, 'values'), `Enum item ${quote(name)} lists no values.`);
      }
    } else if (type !== undefined && own(item, 'values') !== undefined) {
      issues.add(
        'invalid-value',
        fieldPath(at, 'values'),
        `Only enum items list values; ${quote(name)} is ${anItem(type)}.`,
      );
    }
    textsField(issues, item, at, 'label', true);
    nameField(issues, item, at, 'authenticSource', false);
    unknownFields(issues, item, at, DATA_ITEM_FIELDS, 'a data item');
  }
}

function checkTrigger(issues: Issues, definition: JsonRecord): void {
  const trigger = field(issues, definition, '', 'trigger', 'object', false);
  if (trigger === undefined) return;
  nameField(issues, trigger, 'trigger', 'event', true);
  oneOfField(issues, trigger, 'trigger', 'consent', CONSENT_RULES, 'invalid-value', 'a consent rule');
  unknownFields(issues, trigger, 'trigger', TRIGGER_FIELDS, 'a proactive trigger');
}
