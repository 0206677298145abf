import { dataScopeOf, vocabularyEntry, type DataVocabulary } from './data-vocabulary';
import {
  ENTITY_SCOPES,
  type DataItems,
  type EntityBinding,
  type EntityScope,
  type LifeEventDefinition,
} from './definition.types';

/**
 * The entities a journey of this definition concerns: its declared `entities`, or, for a definition that declares
 * none (every version published before entities existed), one binding per entity scope its items use, derived from
 * the vocabulary:
 * - the scope's identifiers are the definition's items of that scope the vocabulary marks `identifier`, by name;
 * - an identifier asked at intake or held by an authentic source makes it an existing entity, chosen at the start;
 * - else the steps producing an identifier found it.
 * A scope none of this binds is left out; validation reports it (`unbound-scope`).
 */
export function entityBindings(
  definition: LifeEventDefinition,
  vocabulary: DataVocabulary = {},
): readonly EntityBinding[] {
  if (definition.entities !== undefined) return definition.entities;
  return ENTITY_SCOPES.flatMap((scope) => derivedBinding(definition, vocabulary, scope) ?? []);
}

function derivedBinding(
  definition: LifeEventDefinition,
  vocabulary: DataVocabulary,
  scope: EntityScope,
): EntityBinding | undefined {
  const items = Object.keys(definition.dataItems)
    .filter((item) => dataScopeOf(definition, item, vocabulary) === scope)
    .sort();
  const identifiedBy = items.filter((item) => vocabularyEntry(vocabulary, item)?.identifier === true);
  if (identifiedBy.length === 0) return undefined;
  const chosenAtStart = identifiedBy.some(
    (item) => definition.intake.includes(item) || definition.dataItems[item].authenticSource !== undefined,
  );
  if (chosenAtStart) return { scope, identifiedBy };
  const foundedBy = definition.steps
    .filter((step) => step.produces.some((item) => identifiedBy.includes(item)))
    .map((step) => step.id);
  return foundedBy.length > 0 ? { scope, identifiedBy, foundedBy } : undefined;
}

/** Where a value is kept and may be reused: the subject, an entity by its number, or this journey only. */
export type ScopeKey =
  | { readonly scope: 'person' }
  | { readonly scope: 'journey' }
  | { readonly scope: EntityScope; readonly identifier: string; readonly number: string };

/**
 * Where the value of an item is kept and may be reused, given the data the journey holds now. An entity's item
 * belongs to the entity once one of its identifiers has a value (in the binding's order of preference); until then
 * (an entity still to be founded) it belongs to this journey only, and moves to the entity when its number is
 * produced. An item whose scope neither the definition nor the vocabulary gives is kept for the journey only: never
 * reusing is the safe reading.
 */
export function scopeKeyOf(
  definition: LifeEventDefinition,
  item: string,
  data: DataItems,
  vocabulary: DataVocabulary = {},
): ScopeKey {
  const scope = dataScopeOf(definition, item, vocabulary);
  if (scope === 'person') return { scope };
  if (scope === undefined || scope === 'journey') return { scope: 'journey' };
  const entity = boundEntities(definition, data, vocabulary)[scope];
  return entity === undefined ? { scope: 'journey' } : { scope, ...entity };
}

/** The number an entity of the journey is known by now. */
export interface BoundEntity {
  readonly identifier: string;
  readonly number: string;
}

/**
 * The entities the journey holds a number for now, by scope (the binding's identifiers in order of preference):
 * what the vault keys their items under. An entity still to be founded is absent until its number is produced.
 */
export function boundEntities(
  definition: LifeEventDefinition,
  data: DataItems,
  vocabulary: DataVocabulary = {},
): Readonly<Partial<Record<EntityScope, BoundEntity>>> {
  const bound: Partial<Record<EntityScope, BoundEntity>> = {};
  for (const binding of entityBindings(definition, vocabulary)) {
    for (const identifier of binding.identifiedBy) {
      const number = data[identifier];
      if (typeof number === 'string' && number.trim() !== '') {
        bound[binding.scope] = { identifier, number };
        break;
      }
    }
  }
  return bound;
}
