import { defineLifeEvent, step, type StepDefinition } from '@passage/journey-model';
import { t } from '../texts';
import { START_BUSINESS_V1 } from './v1';

/*
 * "Ik start een onderneming", version 2. Two changes against version 1, both from the research's once-only
 * and proactive opportunities:
 *
 * 1. NEW STEP `starter-welcome` (VLAIO, proactive, after `kbo-registration`): VLAIO sees the new enterprise in KBO
 *    and sends a personal welcome with a checklist that fits the starter's answers (company, horeca, staff…), the
 *    VLAIO contact centre's number and pointers to starter financing. The starter asks for nothing.
 * 2. `health-insurance-status` goes from `citizen` to `proactive`: the social insurance fund sends the first
 *    affiliation electronically to the health insurance fund through the Crossroads Bank for Social Security (KSZ),
 *    as it already does for the yearly contribution certificate. The starter no longer carries a paper certificate,
 *    and the expected duration drops from 7 to 2 days.
 *
 * Everything else (steps, order, conditions, terms, costs, texts) is version 1, spread rather than copied.
 */

const v1 = START_BUSINESS_V1;

const starterWelcome: StepDefinition = step('starter-welcome', {
  agency: 'vlaio',
  service: 'starter-advice',
  mode: 'proactive',
  dependsOn: ['kbo-registration'],
  critical: false,
  title: t('Welkom als ondernemer', 'Welcome as an entrepreneur', 'Bienvenue parmi les entrepreneurs'),
  description: t(
    'VLAIO ziet je nieuwe onderneming in de KBO en stuurt je een persoonlijk welkom: een lijst van wat jij nog moet regelen, wie je kan helpen en waar je terecht kan voor startersleningen. Heb je vragen, bel dan gratis het VLAIO Contactcenter. Je hoeft hiervoor niets te vragen.',
    'VLAIO sees your new business in the CBE and sends you a personal welcome: a list of what you still have to arrange, who can help you and where to find loans for starters. If you have questions, call the VLAIO contact centre for free. You do not have to ask for this.',
    "VLAIO voit votre nouvelle entreprise dans la BCE et vous envoie un accueil personnalisé : la liste de ce qu'il vous reste à régler, qui peut vous aider et où trouver des prêts pour starters. Pour toute question, appelez gratuitement le centre de contact de VLAIO. Vous n'avez rien à demander.",
  ),
  needs: [
    'business.enterpriseNumber',
    'business.legalForm',
    'business.sector',
    'business.hasEmployees',
    'business.sellsAlcohol',
    'business.vlaremClass',
  ],
  produces: ['business.starterAdviceSent'],
  expectedDays: 1,
});

function proactiveHealthInsurance(s: StepDefinition): StepDefinition {
  return {
    ...s,
    mode: 'proactive',
    channels: ['automatic'],
    // An electronic message instead of a visit: a couple of days for the fund to process it (estimate).
    expectedDays: 2,
    description: t(
      'Wordt dit je hoofdberoep? Dan stuurt je sociaal verzekeringsfonds je aansluiting zelf door naar je ziekenfonds, en verandert je statuut naar zelfstandige. Je hoeft geen attest binnen te brengen. Voor een bijberoep verandert er niets.',
      'Will this be your main job? Then your social insurance fund sends your membership to your health insurance fund itself, and your status changes to self-employed. You do not have to bring a certificate. For a side job nothing changes.',
      "S'agit-il de votre activité principale ? Votre caisse d'assurances sociales transmet alors elle-même votre affiliation à votre mutualité, et vous passez au statut d'indépendant. Vous ne devez apporter aucune attestation. Pour une activité complémentaire, rien ne change.",
    ),
  };
}

export const START_BUSINESS_V2 = defineLifeEvent({
  ...v1,
  version: 2,
  dataItems: {
    ...v1.dataItems,
    'business.starterAdviceSent': {
      type: 'boolean',
      label: t(
        'Je kreeg het welkom en de checklist van VLAIO',
        'You received the welcome and checklist from VLAIO',
        "Vous avez reçu l'accueil et la liste de contrôle de VLAIO",
      ),
    },
  },
  steps: v1.steps.flatMap((s) => {
    if (s.id === 'health-insurance-status') return [proactiveHealthInsurance(s)];
    if (s.id === 'kbo-registration') return [s, starterWelcome];
    return [s];
  }),
  sources: [
    ...(v1.sources ?? []),
    // Yearly contribution certificates already flow from the social insurance fund to the health insurance fund via KSZ.
    'https://economie.fgov.be/nl/themas/ondernemingen/een-onderneming-oprichten/belangrijkste-stappen-om-een/aansluiting-bij-een',
    'https://www.vlaio.be',
  ],
});
