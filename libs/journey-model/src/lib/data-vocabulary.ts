import type { DataItemSpec, DataItemType, DataScope, LifeEventDefinition, Texts } from './definition.types';
import { own } from './json-value';

/**
 * What one data item means wherever a life event uses it. Kept catalogue-wide, outside the definitions, because
 * "the same fact is asked once" needs the same item to mean the same thing in every life event, and because
 * versions published before scopes and option labels existed get them from here without a change to their content
 * (and so to their hash). A definition may repeat any of it inline; validation requires the two to agree.
 *
 * The type, the enum values, the scope and the identifier role of an entry never change once a published version
 * uses the item: a different meaning is a different item. Labels and help texts may be improved.
 */
export interface VocabularyEntry {
  readonly type: DataItemType;
  /** The allowed values of an enum item, in the order they are offered. */
  readonly values?: readonly string[];
  /** The citizen-facing label of each enum value. */
  readonly options?: Readonly<Record<string, Texts>>;
  readonly scope: DataScope;
  /** The item is the number that identifies the entity of its scope (an enterprise number, a V-code, an address). */
  readonly identifier?: true;
  readonly help?: Texts;
}

/** Data item name → what it means. */
export type DataVocabulary = Readonly<Record<string, VocabularyEntry>>;

/** The entry of an item, read as an own field (an item named `constructor` must not find Object's). */
export function vocabularyEntry(vocabulary: DataVocabulary, item: string): VocabularyEntry | undefined {
  return own(vocabulary, item) as VocabularyEntry | undefined;
}

/** An item's declaration completed by the vocabulary: its scope, option labels and help, inline first. */
export function resolveDataItem(spec: DataItemSpec, entry: VocabularyEntry | undefined): DataItemSpec {
  const options = spec.options ?? entry?.options;
  const help = spec.help ?? entry?.help;
  const scope = spec.scope ?? entry?.scope;
  return {
    ...spec,
    ...(options === undefined ? {} : { options }),
    ...(help === undefined ? {} : { help }),
    ...(scope === undefined ? {} : { scope }),
  };
}

/**
 * The definition with every data item completed by the vocabulary: what forms, schemas and the vault read. It is
 * not the published content: hash and pin the definition itself, never this.
 */
export function resolveDefinition(definition: LifeEventDefinition, vocabulary: DataVocabulary): LifeEventDefinition {
  const dataItems = Object.fromEntries(
    Object.entries(definition.dataItems).map(([item, spec]) => [
      item,
      resolveDataItem(spec, vocabularyEntry(vocabulary, item)),
    ]),
  );
  return { ...definition, dataItems };
}

/** What an item of the definition is about: its own scope, else the vocabulary's; undefined when neither says. */
export function dataScopeOf(
  definition: LifeEventDefinition,
  item: string,
  vocabulary: DataVocabulary = {},
): DataScope | undefined {
  const spec = own(definition.dataItems, item) as DataItemSpec | undefined;
  return spec?.scope ?? vocabularyEntry(vocabulary, item)?.scope;
}

/**
 * The vocabulary's entries for the items one definition uses, and nothing else: what a journey carries in its
 * input so that the workflow keys the vault the way the catalogue means it, without the whole catalogue.
 */
export function vocabularyFor(definition: LifeEventDefinition, vocabulary: DataVocabulary): DataVocabulary {
  return Object.fromEntries(
    Object.keys(definition.dataItems).flatMap((item) => {
      const entry = vocabularyEntry(vocabulary, item);
      return entry === undefined ? [] : [[item, entry]];
    }),
  );
}
