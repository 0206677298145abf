import type { Texts } from '@passage/journey-model';

/** A citizen-facing text in Dutch, English and French, in that order (the order of LANGUAGES). */
export function t(nl: string, en: string, fr: string): Texts {
  return { nl, en, fr };
}
