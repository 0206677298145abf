import { LANGUAGES, type Language, type Texts } from '@passage/journey-model';
import type { JsonLdNode } from './json-ld.types';

/** A text in every language, each written by `write`. */
export function textsBy(write: (language: Language) => string): Texts {
  return { nl: write('nl'), en: write('en'), fr: write('fr') };
}

/** A text as language-tagged literals (`rdf:langString`), one per language, in the order of LANGUAGES. */
export function langStrings(texts: Texts): JsonLdNode[] {
  return LANGUAGES.map((language) => ({ '@value': texts[language], '@language': language }));
}
