import { brusselsDate, type IsoDate, type IsoInstant } from './calendar';
import type { Language } from './definition.types';

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

/**
 * A day as a citizen reads it: `12 maart 2027`, `12 March 2027`, `1er mars 2027`. Written out here rather than with
 * `Intl`, whose output depends on the ICU data of the runtime, so a text is the same in a workflow and in the API.
 */
export function formatDate(date: IsoDate, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const dayText = language === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText} ${MONTHS[language][month - 1]} ${year}`;
}

/** The Brussels day of an instant, as {@link formatDate} writes it. */
export function formatDay(instant: IsoInstant, language: Language): string {
  return formatDate(brusselsDate(instant), language);
}
