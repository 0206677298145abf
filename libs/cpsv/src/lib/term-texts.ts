import type {
  ExpiryRule,
  Language,
  LifeEventDefinition,
  StatutoryTerm,
  TermAnchor,
  TermUnit,
  Texts,
} from '@passage/journey-model';
import { textsBy } from './texts';
import { TERM_KINDS } from './vocabulary';

interface Phrases {
  readonly days: (count: number, unit: TermUnit) => string;
  readonly after: (days: string, anchor: string) => string;
  readonly before: (days: string, anchor: string) => string;
  readonly noLaterThan: (anchor: string) => string;
  readonly dispatch: string;
  readonly journeyStart: string;
  readonly completed: (stepTitle: string) => string;
  readonly date: (itemLabel: string) => string;
  readonly expiry: Readonly<Record<ExpiryRule, string>>;
  readonly workingDays: string;
  /** French typography puts a space before a colon. */
  readonly colon: string;
}

const PHRASES: Readonly<Record<Language, Phrases>> = {
  nl: {
    days: (count, unit) =>
      `${count} ${unit === 'working' ? (count === 1 ? 'werkdag' : 'werkdagen') : count === 1 ? 'kalenderdag' : 'kalenderdagen'}`,
    after: (days, anchor) => `${days} na ${anchor}`,
    before: (days, anchor) => `ten laatste ${days} vóór ${anchor}`,
    noLaterThan: (anchor) => `ten laatste op ${anchor}`,
    dispatch: 'de ontvangst van de volledige aanvraag',
    journeyStart: 'de start van het traject',
    completed: (stepTitle) => `het einde van de stap "${stepTitle}"`,
    date: (itemLabel) => `de datum bij "${itemLabel}"`,
    expiry: {
      'tacit-approval':
        'Zonder beslissing binnen de termijn geldt de aanvraag als goedgekeurd (stilzwijgende goedkeuring).',
      'tacit-refusal': 'Zonder beslissing binnen de termijn geldt de aanvraag als geweigerd (stilzwijgende weigering).',
      escalate: 'Na afloop van de termijn wordt het dossier geëscaleerd.',
      remind: 'Na afloop van de termijn volgt een herinnering.',
    },
    workingDays: 'Werkdagen tellen zonder zaterdagen, zondagen en feestdagen.',
    colon: ': ',
  },
  en: {
    days: (count, unit) => `${count} ${unit === 'working' ? 'working' : 'calendar'} day${count === 1 ? '' : 's'}`,
    after: (days, anchor) => `${days} after ${anchor}`,
    before: (days, anchor) => `at least ${days} before ${anchor}`,
    noLaterThan: (anchor) => `no later than ${anchor}`,
    dispatch: 'the receipt of the complete request',
    journeyStart: 'the start of the journey',
    completed: (stepTitle) => `the completion of the step "${stepTitle}"`,
    date: (itemLabel) => `the date given for "${itemLabel}"`,
    expiry: {
      'tacit-approval': 'Without a decision within the term, the request is deemed approved (tacit approval).',
      'tacit-refusal': 'Without a decision within the term, the request is deemed refused (tacit refusal).',
      escalate: 'When the term expires, the case is escalated.',
      remind: 'When the term expires, a reminder is sent.',
    },
    workingDays: 'Working days do not count Saturdays, Sundays and public holidays.',
    colon: ': ',
  },
  fr: {
    days: (count, unit) =>
      `${count} ${count === 1 ? 'jour' : 'jours'} ${unit === 'working' ? (count === 1 ? 'ouvrable' : 'ouvrables') : 'calendrier'}`,
    after: (days, anchor) => `${days} après ${anchor}`,
    before: (days, anchor) => `au moins ${days} avant ${anchor}`,
    noLaterThan: (anchor) => `au plus tard à ${anchor}`,
    dispatch: 'la réception de la demande complète',
    journeyStart: 'le début du parcours',
    completed: (stepTitle) => `la fin de l'étape « ${stepTitle} »`,
    date: (itemLabel) => `la date indiquée pour « ${itemLabel} »`,
    expiry: {
      'tacit-approval': 'Sans décision dans le délai, la demande est réputée approuvée (approbation tacite).',
      'tacit-refusal': 'Sans décision dans le délai, la demande est réputée refusée (refus tacite).',
      escalate: "À l'échéance, le dossier est escaladé.",
      remind: "À l'échéance, un rappel est envoyé.",
    },
    workingDays: 'Les jours ouvrables ne comptent ni les samedis, ni les dimanches, ni les jours fériés.',
    colon: ' : ',
  },
};

/**
 * A statutory term as a rule in words. `cv:processingTime` holds the number of days only; the unit (working days),
 * what the term counts from and what happens when it expires are only here.
 */
export function termTexts(term: StatutoryTerm, definition: LifeEventDefinition): { name: Texts; description: Texts } {
  const name = TERM_KINDS.concepts[term.kind];
  const description = textsBy((language) => {
    const phrases = PHRASES[language];
    const anchor = anchorText(term.from, definition, language);
    const days = phrases.days(term.days, term.unit);
    const when =
      term.days === 0
        ? phrases.noLaterThan(anchor)
        : term.before
          ? phrases.before(days, anchor)
          : phrases.after(days, anchor);
    const working = term.unit === 'working' ? ` ${phrases.workingDays}` : '';
    return `${name[language]}${phrases.colon}${when}. ${phrases.expiry[term.onExpiry]}${working}`;
  });
  return { name, description };
}

function anchorText(from: TermAnchor, definition: LifeEventDefinition, language: Language): string {
  const phrases = PHRASES[language];
  if (from === 'dispatch') return phrases.dispatch;
  if (from === 'journey-start') return phrases.journeyStart;
  if (from.startsWith('completed:')) {
    const stepId = from.slice('completed:'.length);
    return phrases.completed(definition.steps.find((s) => s.id === stepId)?.title[language] ?? stepId);
  }
  const item = from.slice('date:'.length);
  return phrases.date(definition.dataItems[item]?.label[language] ?? item);
}
