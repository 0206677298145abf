import { scopeKeyOf, type DataItems, type DataVocabulary, type LifeEventDefinition } from '@passage/journey-model';
import { vaultScopeOf, type VaultKey, type VaultScope } from './vault';

/** What a journey may take from the vault: intake answers, authentic-source data, and answers to citizen steps. */
export function reusableItems(definition: LifeEventDefinition): string[] {
  const authentic = Object.entries(definition.dataItems)
    .filter(([, spec]) => spec.authenticSource)
    .map(([item]) => item);
  const answered = definition.steps.filter((step) => step.mode === 'citizen').flatMap((step) => step.produces);
  return [...new Set([...definition.intake, ...authentic, ...answered])];
}

/** Where the values of a new journey are kept, given what it holds at the start (its entities' numbers). */
export function scopeIn(
  definition: LifeEventDefinition,
  vocabulary: DataVocabulary,
  data: DataItems,
  journeyId: string,
): (item: string) => VaultScope {
  return (item) => vaultScopeOf(scopeKeyOf(definition, item, data, vocabulary), journeyId);
}

/**
 * The vault keys a new journey may reuse for these items: the subject's own values, and the values of an entity
 * the journey names by its number at the start. An item kept for the journey only (or for an entity still to be
 * founded) has nothing to reuse: it is asked again, which is what "once only" means for a second association.
 */
export function reusableKeys(
  definition: LifeEventDefinition,
  vocabulary: DataVocabulary,
  given: DataItems,
  journeyId: string,
  items: readonly string[],
): VaultKey[] {
  const scopeOf = scopeIn(definition, vocabulary, given, journeyId);
  return [...new Set(items)]
    .filter((item) => given[item] === undefined)
    .map((item) => ({ item, scope: scopeOf(item) }))
    .filter((key) => key.scope.kind !== 'journey');
}
