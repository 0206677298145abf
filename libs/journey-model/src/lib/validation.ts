import { contentHash } from './content-hash';
import { DEFINITION_FIELDS, LIFE_EVENT_KINDS, TRIGGER_FIELDS } from './definition-fields';
import { CONSENT_RULES, type LifeEventDefinition } from './definition.types';
import { isRecord, type JsonRecord } from './json-value';
import { checkDataItems } from './validate-data-items';
import { boundScopes, checkEntities } from './validate-entities';
import type { StepChecks } from './step-checks';
import { checkStep, KEBAB_CASE } from './validate-step';
import { indexDefinition } from './validation-index';
import {
  eachName,
  field,
  Issues,
  nameField,
  oneOfField,
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
 *
 * With a vocabulary in the context, every data item must say what it is about (its scope) and every enum value
 * must have a label in Dutch, English and French, in the definition or in the vocabulary; what the definition says
 * itself must agree with the vocabulary; and every entity scope its items use must be bound (`entities`).
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
  const entityChecks = { issues, index: checks.index, vocabulary: context.vocabulary };
  checkDataItems({ issues, vocabulary: context.vocabulary, boundScopes: boundScopes(entityChecks, input) }, input);
  checkEntities(entityChecks, input);
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

function checkTrigger(issues: Issues, definition: JsonRecord): void {
  const trigger = field(issues, definition, '', 'trigger', 'object', false);
  if (trigger === undefined) return;
  nameField(issues, trigger, 'trigger', 'event', true);
  oneOfField(issues, trigger, 'trigger', 'consent', CONSENT_RULES, 'invalid-value', 'a consent rule');
  unknownFields(issues, trigger, 'trigger', TRIGGER_FIELDS, 'a proactive trigger');
}
