import type { Language } from '@passage/agency-sdk';

type Reason = (agency: string) => Readonly<Record<Language, string>>;

/** Plain-language reasons a subject reads on the timeline; which one is drawn per request. */
const REASONS: readonly Reason[] = [
  (agency) => ({
    nl: `Je gegevens komen niet overeen met wat ${agency} over jou weet. Denk je dat dit een vergissing is? Neem dan contact op met ${agency}.`,
    en: `Your details do not match what ${agency} knows about you. If you think this is a mistake, please contact ${agency}.`,
    fr: `Vos données ne correspondent pas à ce que ${agency} sait de vous. Si vous pensez qu'il s'agit d'une erreur, contactez ${agency}.`,
  }),
  (agency) => ({
    nl: `Je voldoet niet aan de voorwaarden van deze dienst. ${agency} legt je graag uit welke voorwaarde ontbreekt.`,
    en: `You do not meet the conditions of this service. ${agency} can tell you which condition is not met.`,
    fr: `Vous ne remplissez pas les conditions de ce service. ${agency} peut vous dire quelle condition n'est pas remplie.`,
  }),
  (agency) => ({
    nl: `Een bijlage ontbreekt of is onleesbaar, daarom kan ${agency} je aanvraag niet behandelen. Dien je aanvraag opnieuw in met alle documenten.`,
    en: `An attachment is missing or cannot be read, so ${agency} cannot handle your application. Please apply again with all the documents.`,
    fr: `Une annexe manque ou est illisible : ${agency} ne peut donc pas traiter votre demande. Introduisez-la à nouveau avec tous les documents.`,
  }),
];

/** A reason in the subject's language; `u` in [0, 1) picks which. */
export function rejectionReason(language: Language, agencyName: string, u: number): string {
  return REASONS[Math.min(REASONS.length - 1, Math.floor(u * REASONS.length))](agencyName)[language];
}
