import type { AgencyDescriptor } from '@passage/journey-model';
import { t } from './texts';

/**
 * Seed of the agency registry: every agency the catalogue's life events use, with the services their steps
 * (and compensations) call. Ids are stable, kebab-case and become task-queue names (`agency-<id>`).
 *
 * Some agencies stand for many bodies of the same kind (every bank, every notary, every municipality, every
 * accredited counter, social insurance fund or health insurance fund). The journey resolves the concrete body
 * per subject; these have no single website, or link to the public body that lists or supervises them.
 *
 * `ipdcId` is left out everywhere: none of the researched sources gives the IPDC product id of these services,
 * and ids must not be guessed.
 */
export const AGENCIES: readonly AgencyDescriptor[] = [
  {
    id: 'bank',
    name: t('Bank', 'Bank', 'Banque'),
    level: 'private',
    services: [
      {
        id: 'open-business-account',
        title: t(
          'Zichtrekening voor je zaak openen',
          'Open a business current account',
          'Ouvrir un compte à vue professionnel',
        ),
      },
      {
        id: 'capital-deposit-certificate',
        title: t(
          'Inbreng in geld storten en bankattest krijgen',
          'Deposit the cash contribution and get a bank certificate',
          "Verser l'apport en espèces et obtenir l'attestation bancaire",
        ),
      },
    ],
  },
  {
    id: 'notaris',
    name: t('Notaris', 'Notary', 'Notaire'),
    level: 'private',
    // Public site of the Belgian notaries (Fednot), where you find a notary.
    website: 'https://www.notaris.be',
    services: [
      {
        id: 'financial-plan-custody',
        title: t('Financieel plan bewaren', 'Keep the financial plan', 'Conserver le plan financier'),
      },
      {
        id: 'incorporation-deed',
        title: t('Oprichtingsakte verlijden', 'Execute the deed of incorporation', "Passer l'acte constitutif"),
      },
    ],
  },
  {
    id: 'griffie',
    name: t(
      'Griffie van de ondernemingsrechtbank (FOD Justitie)',
      'Registry of the enterprise court (FPS Justice)',
      "Greffe du tribunal de l'entreprise (SPF Justice)",
    ),
    level: 'federal',
    website: 'https://justitie.belgium.be',
    services: [
      {
        id: 'deed-deposit-publication',
        title: t(
          'Oprichtingsakte neerleggen en bekendmaken in het Belgisch Staatsblad',
          'File the deed and publish it in the Belgian Official Gazette',
          "Déposer l'acte et le publier au Moniteur belge",
        ),
      },
    ],
  },
  {
    id: 'ondernemingsloket',
    name: t('Erkend ondernemingsloket', 'Accredited business counter', "Guichet d'entreprises agréé"),
    level: 'federal',
    // FOD Economie supervises the accredited counters and keeps the Crossroads Bank for Enterprises (KBO).
    website: 'https://economie.fgov.be',
    services: [
      {
        id: 'kbo-registration',
        title: t(
          'Inschrijving in de Kruispuntbank van Ondernemingen (KBO)',
          'Registration in the Crossroads Bank for Enterprises (CBE)',
          'Inscription à la Banque-Carrefour des Entreprises (BCE)',
        ),
      },
      {
        id: 'kbo-deregistration',
        title: t(
          'Stopzetting van de inschrijving in de KBO',
          'End of the registration in the CBE',
          "Cessation de l'inscription à la BCE",
        ),
      },
    ],
  },
  {
    id: 'fod-financien',
    name: t('FOD Financiën', 'FPS Finance', 'SPF Finances'),
    level: 'federal',
    website: 'https://financien.belgium.be',
    services: [
      {
        id: 'vat-activation',
        title: t('Btw-nummer activeren', 'Activate the VAT number', 'Activer le numéro de TVA'),
      },
      {
        id: 'vat-deactivation',
        title: t('Btw-activiteit stopzetten', 'Stop the VAT activity', "Cesser l'activité TVA"),
      },
      {
        id: 'deed-registration',
        title: t('Oprichtingsakte registreren', 'Register the deed of incorporation', "Enregistrer l'acte constitutif"),
      },
      {
        id: 'ubo-registration',
        title: t(
          'Uiteindelijke begunstigden melden in het UBO-register',
          'Report the beneficial owners in the UBO register',
          'Déclarer les bénéficiaires effectifs au registre UBO',
        ),
      },
    ],
  },
  {
    id: 'sociaal-verzekeringsfonds',
    name: t(
      'Sociaal verzekeringsfonds voor zelfstandigen',
      'Social insurance fund for the self-employed',
      "Caisse d'assurances sociales pour indépendants",
    ),
    // Accredited private bodies, supervised by the federal RSVZ/INASTI (whose site lists them).
    level: 'private',
    website: 'https://www.rsvz-inasti.fgov.be',
    services: [
      {
        id: 'social-insurance-affiliation',
        title: t(
          'Aansluiting bij een sociaal verzekeringsfonds',
          'Joining a social insurance fund',
          "Affiliation à une caisse d'assurances sociales",
        ),
      },
      {
        id: 'social-insurance-termination',
        title: t(
          'Einde van de aansluiting bij het sociaal verzekeringsfonds',
          'End of the social insurance fund membership',
          "Fin de l'affiliation à la caisse d'assurances sociales",
        ),
      },
    ],
  },
  {
    id: 'ziekenfonds',
    name: t('Ziekenfonds', 'Health insurance fund', 'Mutualité'),
    // Mutual societies are private bodies that run the federal health insurance under RIZIV/INAMI.
    level: 'private',
    website: 'https://www.riziv.fgov.be',
    services: [
      {
        id: 'self-employed-status',
        title: t(
          'Je statuut bij het ziekenfonds wijzigen naar zelfstandige',
          'Change your health insurance status to self-employed',
          "Passer au statut d'indépendant à la mutualité",
        ),
      },
    ],
  },
  {
    id: 'rsz',
    name: t(
      'Rijksdienst voor Sociale Zekerheid (RSZ)',
      'National Social Security Office (NSSO)',
      'Office national de sécurité sociale (ONSS)',
    ),
    level: 'federal',
    website: 'https://www.rsz.fgov.be',
    services: [
      {
        id: 'employer-registration',
        title: t('Inschrijving als werkgever', 'Registration as an employer', 'Identification comme employeur'),
      },
      {
        id: 'employer-deregistration',
        title: t('Schrapping als werkgever', 'Removal as an employer', 'Radiation comme employeur'),
      },
    ],
  },
  {
    id: 'favv',
    name: t(
      'Federaal Agentschap voor de Veiligheid van de Voedselketen (FAVV)',
      'Federal Agency for the Safety of the Food Chain (FASFC)',
      'Agence fédérale pour la sécurité de la chaîne alimentaire (AFSCA)',
    ),
    level: 'federal',
    website: 'https://favv-afsca.be',
    services: [
      {
        id: 'favv-registration',
        title: t(
          'Registratie, toelating of erkenning door het FAVV',
          'FASFC registration, authorisation or approval',
          "Enregistrement, autorisation ou agrément par l'AFSCA",
        ),
      },
      {
        id: 'favv-deregistration',
        title: t(
          'Stopzetting van de activiteit bij het FAVV melden',
          'Report the end of the activity to the FASFC',
          "Signaler la fin de l'activité à l'AFSCA",
        ),
      },
    ],
  },
  {
    id: 'gemeente',
    name: t('Gemeente', 'Municipality', 'Commune'),
    level: 'local',
    services: [
      {
        id: 'environmental-notification',
        title: t(
          'Melding van een ingedeelde inrichting klasse 3 (via het Omgevingsloket)',
          'Notification of a class 3 classified installation (through the Omgevingsloket)',
          "Déclaration d'un établissement classé de classe 3 (via l'Omgevingsloket)",
        ),
      },
      {
        id: 'environmental-permit',
        title: t(
          'Omgevingsvergunning voor een ingedeelde inrichting klasse 2 (via het Omgevingsloket)',
          'Environmental permit for a class 2 classified installation (through the Omgevingsloket)',
          "Permis d'environnement pour un établissement classé de classe 2 (via l'Omgevingsloket)",
        ),
      },
      {
        id: 'drinks-licence',
        title: t(
          'Vergunning om alcoholische dranken te schenken',
          'Licence to serve alcoholic drinks',
          'Autorisation de servir des boissons alcoolisées',
        ),
      },
    ],
  },
  {
    id: 'vlaio',
    name: t(
      'Agentschap Innoveren & Ondernemen (VLAIO)',
      'Flanders Innovation & Entrepreneurship (VLAIO)',
      "Agence flamande pour l'innovation et l'entrepreneuriat (VLAIO)",
    ),
    level: 'flemish',
    website: 'https://www.vlaio.be',
    services: [
      {
        id: 'kmo-portefeuille',
        title: t(
          'Kmo-portefeuille: steun voor opleiding en advies',
          'SME wallet: support for training and advice',
          'Portefeuille PME : aide pour la formation et le conseil',
        ),
      },
      {
        id: 'starter-advice',
        title: t('Startersadvies', 'Advice for starters', 'Conseils aux starters'),
      },
    ],
  },
];
