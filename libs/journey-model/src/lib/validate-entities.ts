import { vocabularyEntry, type DataVocabulary } from './data-vocabulary';
import { ENTITY_FIELDS } from './definition-fields';
import { ENTITY_SCOPES, type EntityScope, type LifeEventDefinition } from './definition.types';
import { entityBindings } from './entity-bindings';
import { isRecord, own, type JsonRecord } from './json-value';
import { isEntityScope } from './validate-data-items';
import type { DefinitionIndex } from './validation-index';
import {
  eachName,
  field,
  fieldPath,
  itemPath,
  oneOfField,
  quote,
  show,
  suggestion,
  unknownFields,
  words,
  type Issues,
} from './validation-report';

/** What checking entity bindings needs besides them. */
export interface EntityChecks {
  readonly issues: Issues;
  readonly index: DefinitionIndex;
  readonly vocabulary?: DataVocabulary;
}

/**
 * The entity scopes the definition binds: those its `entities` name, or, without `entities`, those the vocabulary
 * lets {@link entityBindings} derive (read from the well-formed parts of the input only). Undefined when that
 * cannot be decided: no `entities` and no vocabulary to derive them from, or no steps to found an entity.
 */
export function boundScopes(checks: EntityChecks, definition: JsonRecord): ReadonlySet<EntityScope> | undefined {
  const declared = own(definition, 'entities');
  if (declared !== undefined) {
    const scopes = (Array.isArray(declared) ? declared : []).map((binding: unknown) =>
      isRecord(binding) ? own(binding, 'scope') : undefined,
    );
    return new Set(scopes.filter(isEntityScope));
  }
  const steps = own(definition, 'steps');
  if (checks.vocabulary === undefined || !Array.isArray(steps) || steps.length === 0) return undefined;
  return new Set(entityBindings(wellFormedParts(checks.index), checks.vocabulary).map((binding) => binding.scope));
}

/** What derivation reads, rebuilt from the index so that malformed input cannot make it throw. */
function wellFormedParts(index: DefinitionIndex): LifeEventDefinition {
  const dataItems = Object.fromEntries(
    [...(index.dataItems ?? [])].map(([name, facts]) => [
      name,
      {
        type: facts.type ?? 'string',
        ...(facts.scope === undefined ? {} : { scope: facts.scope }),
        ...(facts.fromAuthenticSource ? { authenticSource: 'source' } : {}),
      },
    ]),
  );
  const steps = index.steps.map((facts) => ({ id: facts.name, produces: facts.produces }));
  return { dataItems, intake: [...index.intake], steps } as unknown as LifeEventDefinition;
}

/** Checks `entities`, if the definition declares them. */
export function checkEntities(checks: EntityChecks, definition: JsonRecord): void {
  const { issues } = checks;
  const entities = field(issues, definition, '', 'entities', 'array', false);
  const bound = new Map<string, number>();
  entities?.forEach((binding, i) => {
    const at = itemPath('entities', i);
    if (!isRecord(binding)) {
      issues.add('invalid-type', at, `An entity binding must be an object, got ${show(binding)}.`);
      return;
    }
    const scope = oneOfField(issues, binding, at, 'scope', ENTITY_SCOPES, 'invalid-entity', 'an entity scope');
    if (scope !== undefined && bound.has(scope)) {
      issues.add(
        'duplicate-entry',
        fieldPath(at, 'scope'),
        `The ${scope} is already bound at ${itemPath('entities', bound.get(scope) ?? 0)}; a journey concerns one ${scope}.`,
      );
    } else if (scope !== undefined) {
      bound.set(scope, i);
    }
    checkBinding(checks, binding, at, scope);
    unknownFields(issues, binding, at, ENTITY_FIELDS, 'an entity binding');
  });
}

function checkBinding(checks: EntityChecks, binding: JsonRecord, at: string, scope: EntityScope | undefined): void {
  const { issues, index } = checks;
  const identifiers: string[] = [];
  const identifiedBy = eachName(issues, binding, at, 'identifiedBy', true, (item, itemAt) => {
    const facts = index.dataItems?.get(item);
    if (index.dataItems !== undefined && facts === undefined) {
      issues.add(
        'unknown-data-item',
        itemAt,
        `${show(item)} is not declared in dataItems.${suggestion(item, index.dataItems.keys())}`,
      );
      return;
    }
    identifiers.push(item);
    const itemScope = facts?.scope ?? (checks.vocabulary && vocabularyEntry(checks.vocabulary, item)?.scope);
    if (scope !== undefined && itemScope !== undefined && itemScope !== scope) {
      issues.add(
        'invalid-entity',
        itemAt,
        `${quote(item)} is about the ${itemScope}, so it cannot identify the ${scope}.`,
      );
    }
  });
  const identifiedAt = fieldPath(at, 'identifiedBy');
  if (identifiedBy?.length === 0) {
    issues.add('invalid-entity', identifiedAt, 'Name at least one data item that holds the number of the entity.');
  }
  const producers = index.steps.filter((facts) => facts.produces.some((item) => identifiers.includes(item)));
  const founders = eachName(issues, binding, at, 'foundedBy', false, (stepId, stepAt) => {
    const step = index.stepIds.get(stepId);
    if (step === undefined) {
      issues.add(
        'invalid-entity',
        stepAt,
        `${show(stepId)} is not a step of this life event.${suggestion(stepId, index.stepIds.keys())}`,
      );
    } else if (!producers.includes(index.steps[step])) {
      issues.add(
        'invalid-entity',
        stepAt,
        `Step ${quote(stepId)} does not produce ${words(identifiers)}, so it cannot found the ${scope ?? 'entity'}.`,
      );
    }
  });
  const what = scope ?? 'entity';
  if (founders !== undefined) {
    const foundedAt = fieldPath(at, 'foundedBy');
    const unlisted = producers.filter((facts) => !founders.includes(facts.name));
    for (const facts of unlisted) {
      issues.add(
        'invalid-entity',
        foundedAt,
        `Step ${quote(facts.name)} also produces the number of the ${what}: list it in foundedBy, so its items attach to the ${what} whichever step runs.`,
      );
    }
    identifiers.forEach((item) => {
      if (!index.intake.has(item)) return;
      issues.add(
        'invalid-entity',
        itemPath(identifiedAt, (identifiedBy ?? []).indexOf(item)),
        `${quote(item)} is asked at intake, but the journey founds the ${what}: its number is produced by ${words(founders.filter((f): f is string => typeof f === 'string'))}, not asked.`,
      );
    });
  } else if (identifiers.length > 0) {
    const chosen = identifiers.some(
      (item) => index.intake.has(item) || index.dataItems?.get(item)?.fromAuthenticSource,
    );
    if (!chosen) {
      issues.add(
        'invalid-entity',
        identifiedAt,
        `An existing ${what} is chosen by its number when the journey starts: ask ${words(identifiers)} at intake or read it from an authentic source. If the journey founds the ${what}, name the steps that produce its number in foundedBy.`,
      );
    }
  }
}
