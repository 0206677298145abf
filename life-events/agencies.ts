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
 * `ipdcId` is set only where the research gives the IPDC product id (the certificate of main residence, 14337, from
 * the OSLO-STEPS "immoving" example); the sources give no other, and ids must not be guessed.
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
      {
        id: 'mortgage-credit-offer',
        title: t(
          'Hypothecair krediet voor een woning',
          'Mortgage loan for a home',
          'Crédit hypothécaire pour un logement',
        ),
      },
      {
        id: 'death-notification',
        title: t(
          'Overlijden melden: rekeningen blokkeren, voorschot voor de partner',
          'Report a death: block the accounts, advance for the partner',
          'Signaler un décès : bloquer les comptes, avance pour le partenaire',
        ),
      },
      {
        id: 'estate-release',
        title: t(
          'Rekeningen van de overledene vrijgeven aan de erfgenamen',
          "Release the deceased's accounts to the heirs",
          'Débloquer les comptes du défunt pour les héritiers',
        ),
      },
      {
        id: 'open-association-account',
        title: t(
          'Rekening op naam van de vereniging openen',
          'Open an account in the name of the association',
          "Ouvrir un compte au nom de l'association",
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
      {
        id: 'sale-certificates',
        title: t(
          'Attesten en inlichtingen voor de verkoop van een woning verzamelen',
          'Collect the certificates and information for the sale of a home',
          "Rassembler les attestations et renseignements pour la vente d'un logement",
        ),
      },
      {
        id: 'sale-agreement',
        title: t(
          'Verkoopovereenkomst (compromis) opstellen',
          'Draw up the sale agreement (compromis)',
          'Rédiger le compromis de vente',
        ),
      },
      {
        id: 'sale-deed',
        title: t(
          'Authentieke akte van verkoop (en hypotheekakte) verlijden',
          'Execute the authentic sale deed (and mortgage deed)',
          "Passer l'acte authentique de vente (et l'acte d'hypothèque)",
        ),
      },
      {
        id: 'will-search',
        title: t(
          'Zoeken in het Centraal Register van Testamenten',
          'Search the Central Register of Wills',
          'Rechercher dans le Registre central des testaments',
        ),
      },
      {
        id: 'inheritance-deed',
        title: t('Akte van erfopvolging opmaken', 'Draw up a deed of inheritance', "Établir un acte d'hérédité"),
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
      {
        id: 'association-deed-filing',
        title: t(
          'Oprichtingsakte van een vzw en benoeming van de bestuurders neerleggen',
          "File a non-profit association's deed of incorporation and the appointment of its directors",
          "Déposer l'acte constitutif d'une ASBL et la nomination de ses administrateurs",
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
      {
        id: 'kbo-address-change',
        title: t(
          'Adres van de zetel of vestiging wijzigen in de KBO',
          'Change the registered office or establishment address in the CBE',
          "Modifier l'adresse du siège ou de l'établissement à la BCE",
        ),
      },
      {
        id: 'establishment-unit-registration',
        title: t(
          'Vestigingseenheden melden in de KBO',
          'Report establishment units in the CBE',
          "Déclarer des unités d'établissement à la BCE",
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
      {
        id: 'lease-registration',
        title: t('Huurcontract registreren (MyRent)', 'Register the lease (MyRent)', 'Enregistrer le bail (MyRent)'),
      },
      {
        id: 'inheritance-certificate',
        title: t(
          'Attest van erfopvolging (Kantoor Rechtszekerheid)',
          'Certificate of inheritance (Legal Certainty Office)',
          "Certificat d'hérédité (Bureau Sécurité juridique)",
        ),
      },
      {
        id: 'cadastre-declaration',
        title: t(
          'Aangifte bij het kadaster na ingebruikname of verbouwing',
          'Declaration to the land registry after occupation or renovation',
          'Déclaration au cadastre après occupation ou transformation',
        ),
      },
      {
        id: 'income-tax-return-deceased',
        title: t(
          'Aangifte personenbelasting voor een overledene',
          'Income tax return for a deceased person',
          "Déclaration à l'impôt des personnes physiques pour un défunt",
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
      {
        id: 'maternity-benefit',
        title: t(
          'Moederschapsrust en moederschapsuitkering',
          'Maternity leave and maternity benefit',
          'Repos de maternité et indemnité de maternité',
        ),
      },
      {
        id: 'birth-leave-benefit',
        title: t('Uitkering voor geboorteverlof', 'Birth leave benefit', 'Indemnité de congé de naissance'),
      },
      {
        id: 'child-dependant-registration',
        title: t(
          'Kind inschrijven als persoon ten laste',
          'Register the child as a dependant',
          "Inscrire l'enfant comme personne à charge",
        ),
      },
      {
        id: 'funeral-allowance',
        title: t('Begrafenisvergoeding', 'Funeral allowance', 'Indemnité pour frais funéraires'),
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
      {
        id: 'recognition',
        title: t(
          'Erkenning van een (ongeboren) kind',
          'Recognition of an (unborn) child',
          "Reconnaissance d'un enfant (à naître)",
        ),
      },
      {
        id: 'birth-declaration',
        title: t(
          'Aangifte van geboorte en geboorteakte',
          'Birth declaration and birth certificate',
          'Déclaration de naissance et acte de naissance',
        ),
      },
      {
        id: 'child-registration',
        title: t(
          'Kind inschrijven in het bevolkingsregister',
          'Register the child in the population register',
          "Inscrire l'enfant au registre de la population",
        ),
      },
      {
        id: 'polio-certificate',
        title: t(
          'Attest van poliovaccinatie',
          'Polio vaccination certificate',
          'Attestation de vaccination contre la polio',
        ),
      },
      {
        id: 'childcare-search',
        title: t(
          'Kinderopvang zoeken (Lokaal Loket Kinderopvang)',
          'Find childcare (local childcare desk)',
          "Trouver un accueil d'enfants (guichet local)",
        ),
      },
      {
        id: 'death-declaration',
        title: t(
          'Aangifte van overlijden en overlijdensakte',
          'Death declaration and death certificate',
          'Déclaration de décès et acte de décès',
        ),
      },
      {
        id: 'address-declaration',
        title: t(
          'Aangifte van adreswijziging',
          'Declaration of a change of address',
          "Déclaration de changement d'adresse",
        ),
      },
      {
        id: 'address-declaration-withdrawal',
        title: t(
          'Aangifte van adreswijziging intrekken',
          'Withdraw the declaration of a change of address',
          "Retirer la déclaration de changement d'adresse",
        ),
      },
      {
        id: 'population-register-update',
        title: t(
          'Inschrijving op het nieuwe adres in het bevolkingsregister',
          'Registration at the new address in the population register',
          'Inscription à la nouvelle adresse au registre de la population',
        ),
      },
      {
        id: 'eid-address-update',
        title: t(
          'Adres op de identiteitskaart aanpassen',
          'Update the address on the identity card',
          "Modifier l'adresse sur la carte d'identité",
        ),
      },
      {
        id: 'parking-ban-signs',
        title: t(
          'Parkeerverbodsborden voor een verhuis',
          'No-parking signs for a removal',
          "Panneaux d'interdiction de stationner pour un déménagement",
        ),
      },
      {
        id: 'parking-ban-signs-cancellation',
        title: t(
          'Parkeerverbod voor een verhuis annuleren',
          'Cancel the no-parking signs for a removal',
          "Annuler l'interdiction de stationner pour un déménagement",
        ),
      },
      {
        id: 'project-meeting',
        title: t(
          'Voorafgaand projectoverleg over een bouwproject',
          'Preliminary project meeting about a building project',
          'Réunion de projet préalable sur un projet de construction',
        ),
      },
      {
        id: 'building-permit',
        title: t(
          'Omgevingsvergunning voor stedenbouwkundige handelingen aanvragen (via het Omgevingsloket)',
          'Apply for an environmental permit for building works (through the Omgevingsloket)',
          "Demander un permis d'environnement pour des travaux de construction (via l'Omgevingsloket)",
        ),
      },
      {
        id: 'building-permit-withdrawal',
        title: t(
          'Aanvraag van een omgevingsvergunning intrekken',
          'Withdraw an environmental permit application',
          "Retirer une demande de permis d'environnement",
        ),
      },
      {
        id: 'public-inquiry',
        title: t(
          'Openbaar onderzoek over een vergunningsaanvraag',
          'Public inquiry about a permit application',
          'Enquête publique sur une demande de permis',
        ),
      },
      {
        id: 'permit-advice-round',
        title: t(
          'Adviesronde over een vergunningsaanvraag',
          'Advice round on a permit application',
          "Tour d'avis sur une demande de permis",
        ),
      },
      {
        id: 'building-permit-decision',
        title: t(
          'Beslissing over een omgevingsvergunning voor stedenbouwkundige handelingen',
          'Decision on an environmental permit for building works',
          "Décision sur un permis d'environnement pour des travaux de construction",
        ),
      },
      {
        id: 'permit-publication',
        title: t(
          'Bekendmaking van een vergunningsbeslissing op het terrein',
          'Posting of a permit decision on site',
          "Affichage d'une décision de permis sur le terrain",
        ),
      },
      {
        id: 'start-of-works-notification',
        title: t(
          'Melding van de start van de werken',
          'Notification of the start of works',
          'Notification du début des travaux',
        ),
      },
      {
        id: 'end-of-works-notification',
        title: t(
          'Melding van het einde van de werken of de ingebruikname',
          'Notification of the end of works or of occupation',
          "Notification de la fin des travaux ou de l'occupation",
        ),
      },
      {
        id: 'residence-certificate',
        // IPDC product 14337, as the OSLO-STEPS 'immoving' example in the research names it.
        title: t(
          'Attest van hoofdverblijfplaats (bewijs van woonst)',
          'Certificate of main residence (proof of address)',
          'Certificat de résidence principale (preuve de domicile)',
        ),
        ipdcId: '14337',
      },
      {
        id: 'association-recognition',
        title: t(
          'Erkenning als plaatselijke vereniging (cultuur, jeugd of sport)',
          'Recognition as a local association (culture, youth or sport)',
          'Reconnaissance comme association locale (culture, jeunesse ou sport)',
        ),
      },
      {
        id: 'association-recognition-objection',
        title: t(
          'Bezwaar tegen een geweigerde erkenning',
          'Objection to a refused recognition',
          'Réclamation contre un refus de reconnaissance',
        ),
      },
      {
        id: 'association-operating-subsidy',
        title: t(
          'Werkingssubsidie voor een erkende vereniging',
          'Operating subsidy for a recognised association',
          'Subside de fonctionnement pour une association reconnue',
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
  {
    id: 'zorgverstrekker',
    name: t('Ziekenhuis, arts of vroedvrouw', 'Hospital, doctor or midwife', 'Hôpital, médecin ou sage-femme'),
    // Hospitals and care providers are mostly private (non-profit) bodies; they act here under a legal duty.
    level: 'private',
    services: [
      {
        id: 'pregnancy-certificate',
        title: t(
          'Zwangerschapsattest met de vermoedelijke bevallingsdatum',
          'Pregnancy certificate with the expected date of birth',
          "Certificat de grossesse avec la date présumée de l'accouchement",
        ),
      },
      {
        id: 'birth-notification',
        title: t(
          'Kennisgeving van de geboorte aan de ambtenaar van de burgerlijke stand',
          'Notification of the birth to the civil registrar',
          "Avis de naissance à l'officier de l'état civil",
        ),
      },
      {
        id: 'medical-death-certificate',
        title: t('Medisch attest van overlijden', 'Medical death certificate', 'Certificat médical de décès'),
      },
    ],
  },
  {
    id: 'werkgever',
    name: t('Werkgever', 'Employer', 'Employeur'),
    level: 'private',
    services: [
      {
        id: 'pregnancy-notice',
        title: t(
          'Zwangerschap melden aan de werkgever',
          'Tell the employer about the pregnancy',
          "Informer l'employeur de la grossesse",
        ),
      },
    ],
  },
  {
    id: 'opgroeien',
    name: t(
      'Agentschap Opgroeien (Kind en Gezin)',
      'Growing Up Agency (Kind en Gezin)',
      'Agence Grandir (Kind en Gezin)',
    ),
    level: 'flemish',
    website: 'https://www.opgroeien.be',
    services: [
      {
        id: 'family-intake',
        title: t(
          'Kennismaking met Kind en Gezin',
          'First meeting with Kind en Gezin',
          'Premier contact avec Kind en Gezin',
        ),
      },
      {
        id: 'preventive-follow-up',
        title: t(
          'Preventieve opvolging: huisbezoek, consultaties en vaccinaties',
          'Preventive follow-up: home visit, check-ups and vaccinations',
          'Suivi préventif : visite à domicile, consultations et vaccinations',
        ),
      },
      {
        id: 'income-tariff-certificate',
        title: t(
          'Attest inkomenstarief voor de kinderopvang',
          'Income-related tariff certificate for childcare',
          "Attestation de tarif lié aux revenus pour l'accueil d'enfants",
        ),
      },
    ],
  },
  {
    id: 'groeipakket-uitbetaler',
    name: t(
      'Uitbetaler van het Groeipakket (FONS, Infino, KidsLife, MyFamily of Parentia)',
      'Groeipakket payer (FONS, Infino, KidsLife, MyFamily or Parentia)',
      'Caisse du Groeipakket (FONS, Infino, KidsLife, MyFamily ou Parentia)',
    ),
    // One public payer (FONS) and four private payers, licensed for and paid by the Flemish government: they pay a
    // Flemish right, so the level is Flemish. groeipakket.be is their common site.
    level: 'flemish',
    website: 'https://www.groeipakket.be',
    services: [
      {
        id: 'early-start-payment',
        title: t(
          'Startbedrag vóór de geboorte',
          'Start payment before the birth',
          'Montant de naissance avant la naissance',
        ),
      },
      {
        id: 'groeipakket-grant',
        title: t(
          'Groeipakket: startbedrag, basisbedrag en toeslagen',
          'Groeipakket: start payment, basic amount and supplements',
          'Groeipakket : montant de naissance, montant de base et suppléments',
        ),
      },
    ],
  },
  {
    id: 'rva',
    name: t(
      'Rijksdienst voor Arbeidsvoorziening (RVA)',
      'National Employment Office (NEO)',
      "Office national de l'emploi (ONEM)",
    ),
    level: 'federal',
    website: 'https://www.rva.be',
    services: [
      {
        id: 'parental-leave-benefit',
        title: t(
          'Uitkering voor ouderschapsverlof',
          'Parental leave benefit',
          "Allocation d'interruption pour congé parental",
        ),
      },
    ],
  },
  {
    id: 'rijksregister',
    name: t(
      'Rijksregister (FOD Binnenlandse Zaken)',
      'National Register (FPS Home Affairs)',
      'Registre national (SPF Intérieur)',
    ),
    level: 'federal',
    website: 'https://www.ibz.rrn.fgov.be',
    services: [
      {
        id: 'death-notification-broadcast',
        title: t(
          'Overlijden doorgeven aan pensioen- en socialezekerheidsinstellingen',
          'Pass a death on to pension and social security institutions',
          'Transmettre un décès aux institutions de pension et de sécurité sociale',
        ),
      },
      {
        id: 'address-propagation',
        title: t(
          'Nieuw adres doorgeven aan overheidsdiensten',
          'Pass a new address on to public services',
          'Transmettre une nouvelle adresse aux services publics',
        ),
      },
    ],
  },
  {
    id: 'federale-pensioendienst',
    name: t('Federale Pensioendienst', 'Federal Pension Service', 'Service fédéral des Pensions'),
    level: 'federal',
    website: 'https://www.sfpd.fgov.be',
    services: [
      {
        id: 'survivor-pension-examination',
        title: t(
          'Overlevingspensioen ambtshalve onderzoeken',
          "Examine the survivor's pension without an application",
          "Examiner d'office la pension de survie",
        ),
      },
      {
        id: 'survivor-pension-application',
        title: t(
          'Aanvraag van een overlevingspensioen of overgangsuitkering',
          "Application for a survivor's pension or transitional allowance",
          "Demande de pension de survie ou d'allocation de transition",
        ),
      },
    ],
  },
  {
    id: 'pensioeninstelling',
    name: t(
      'Pensioeninstelling (verzekeraar of pensioenfonds)',
      'Pension institution (insurer or pension fund)',
      'Organisme de pension (assureur ou fonds de pension)',
    ),
    // Private insurers and pension funds, supervised by the FSMA.
    level: 'private',
    website: 'https://www.fsma.be',
    services: [
      {
        id: 'death-benefit',
        title: t(
          'Uitkering bij overlijden uit een aanvullend pensioen',
          'Death benefit from a supplementary pension',
          "Prestation en cas de décès d'une pension complémentaire",
        ),
      },
    ],
  },
  {
    id: 'uitvaartondernemer',
    name: t('Uitvaartondernemer', 'Funeral director', 'Entrepreneur de pompes funèbres'),
    level: 'private',
    services: [
      {
        id: 'funeral-mandate',
        title: t(
          'Uitvaart regelen en de aangifte van overlijden doen',
          'Arrange the funeral and declare the death',
          'Organiser les funérailles et déclarer le décès',
        ),
      },
    ],
  },
  {
    id: 'vlabel',
    name: t(
      'Vlaamse Belastingdienst (Vlabel)',
      'Flemish Tax Administration (Vlabel)',
      'Service flamand des impôts (Vlabel)',
    ),
    level: 'flemish',
    website: 'https://www.vlaanderen.be/vlaamse-belastingdienst',
    services: [
      {
        id: 'inheritance-tax-return',
        title: t('Aangifte van nalatenschap', 'Inheritance declaration', 'Déclaration de succession'),
      },
      {
        id: 'inheritance-tax-assessment',
        title: t('Aanslag erfbelasting', 'Inheritance tax assessment', "Avis d'imposition des droits de succession"),
      },
      {
        id: 'inheritance-tax-payment',
        title: t('Erfbelasting betalen', 'Pay the inheritance tax', 'Payer les droits de succession'),
      },
      {
        id: 'registration-tax',
        title: t(
          'Registratiebelasting (verkooprecht) bij de aankoop van een woning',
          'Registration tax on the purchase of a home',
          "Droits d'enregistrement à l'achat d'un logement",
        ),
      },
    ],
  },
  {
    id: 'lokale-politie',
    name: t('Lokale politie', 'Local police', 'Police locale'),
    level: 'local',
    services: [
      {
        id: 'residence-check',
        title: t(
          'Woonstcontrole door de wijkagent',
          'Residence check by the neighbourhood police officer',
          "Contrôle de résidence par l'agent de quartier",
        ),
      },
    ],
  },
  {
    id: 'energieleverancier',
    name: t(
      'Energieleverancier en netbeheerder (Fluvius)',
      'Energy supplier and grid operator (Fluvius)',
      "Fournisseur d'énergie et gestionnaire de réseau (Fluvius)",
    ),
    level: 'private',
    // The regulator VREG publishes the energy takeover document and lists the suppliers.
    website: 'https://www.vreg.be',
    services: [
      {
        id: 'energy-takeover',
        title: t(
          'Energieovernamedocument bij een verhuis',
          'Energy takeover document when moving',
          "Document de reprise d'énergie lors d'un déménagement",
        ),
      },
    ],
  },
  {
    id: 'drinkwatermaatschappij',
    name: t('Drinkwatermaatschappij', 'Drinking water company', "Société de distribution d'eau"),
    // Publicly owned (inter)municipal or regional companies such as De Watergroep and Farys.
    level: 'local',
    services: [
      {
        id: 'water-takeover',
        title: t(
          'Waterrekening overzetten bij een verhuis',
          'Transfer the water account when moving',
          "Transférer le compte d'eau lors d'un déménagement",
        ),
      },
    ],
  },
  {
    id: 'div',
    name: t(
      'Dienst Inschrijving Voertuigen (FOD Mobiliteit en Vervoer)',
      'Vehicle Registration Service (FPS Mobility and Transport)',
      "Direction pour l'Immatriculation des Véhicules (SPF Mobilité et Transports)",
    ),
    level: 'federal',
    website: 'https://mobilit.belgium.be',
    services: [
      {
        id: 'vehicle-address-update',
        title: t(
          'Adres van de houder van een voertuig bijwerken',
          'Update the address of a vehicle holder',
          "Mettre à jour l'adresse du titulaire d'un véhicule",
        ),
      },
    ],
  },
  {
    id: 'private-contract-parties',
    name: t(
      'Banken, verzekeraars, telecom en andere contractpartners',
      'Banks, insurers, telecom and other contract parties',
      'Banques, assureurs, télécoms et autres cocontractants',
    ),
    level: 'private',
    services: [
      {
        id: 'address-change-notification',
        title: t('Nieuw adres doorgeven', 'Give the new address', 'Communiquer la nouvelle adresse'),
      },
      {
        id: 'death-contract-notification',
        title: t(
          'Overlijden melden en contracten stopzetten of overzetten',
          'Report a death and end or transfer contracts',
          'Signaler un décès et résilier ou transférer les contrats',
        ),
      },
    ],
  },
  {
    id: 'abb',
    name: t('Agentschap Binnenlands Bestuur', 'Agency for Home Affairs', "Agence de l'Administration intérieure"),
    // Lead agency of move-house: it steers the local governments that run the steps, and runs none itself.
    level: 'flemish',
    website: 'https://www.vlaanderen.be/agentschap-binnenlands-bestuur',
    services: [],
  },
  {
    id: 'departement-omgeving',
    name: t(
      'Departement Omgeving',
      'Department of Environment and Spatial Development',
      "Département de l'Environnement",
    ),
    level: 'flemish',
    website: 'https://omgeving.vlaanderen.be',
    services: [
      {
        id: 'woningpas',
        title: t(
          'Woningpas: het digitale paspoort van je woning',
          'Woningpas: the digital passport of your home',
          'Woningpas : le passeport numérique de votre logement',
        ),
      },
    ],
  },
  {
    id: 'veka',
    name: t(
      'Vlaams Energie- en Klimaatagentschap (VEKA)',
      'Flemish Energy and Climate Agency (VEKA)',
      "Agence flamande de l'énergie et du climat (VEKA)",
    ),
    level: 'flemish',
    website: 'https://www.energiesparen.be',
    services: [
      {
        id: 'renovation-obligation',
        title: t(
          'Renovatieverplichting na de aankoop van een woning met EPC-label E of F',
          'Renovation obligation after buying a home with EPC label E or F',
          "Obligation de rénovation après l'achat d'un logement avec label PEB E ou F",
        ),
      },
      {
        id: 'epb-declaration',
        title: t('EPB-aangifte', 'EPB declaration (energy performance)', 'Déclaration PEB'),
      },
    ],
  },
  {
    id: 'wonen-in-vlaanderen',
    name: t('Wonen in Vlaanderen', 'Housing in Flanders agency', 'Agence flamande du logement (Wonen in Vlaanderen)'),
    level: 'flemish',
    website: 'https://www.mijnverbouwpremie.be',
    services: [
      {
        id: 'mijn-verbouwpremie',
        title: t(
          'Mijn VerbouwPremie',
          'My Renovation Premium (Mijn VerbouwPremie)',
          'Ma prime à la rénovation (Mijn VerbouwPremie)',
        ),
      },
    ],
  },
  {
    id: 'architect',
    name: t('Architect', 'Architect', 'Architecte'),
    level: 'private',
    services: [
      {
        id: 'permit-design',
        title: t(
          'Ontwerp en aanvraagdossier voor een omgevingsvergunning',
          'Design and application file for an environmental permit',
          "Projet et dossier de demande de permis d'environnement",
        ),
      },
    ],
  },
  {
    id: 'epb-verslaggever',
    name: t('EPB-verslaggever', 'EPB reporter', 'Rapporteur PEB'),
    // Private experts registered with VEKA.
    level: 'private',
    services: [
      {
        id: 'epb-reporter-appointment',
        title: t('EPB-verslaggever aanstellen', 'Appoint an EPB reporter', 'Désigner un rapporteur PEB'),
      },
    ],
  },
  {
    id: 'provincie',
    name: t('Provincie (deputatie)', 'Province (provincial executive)', 'Province (députation)'),
    // The four levels of the model have no provincial level; provinces are local government in Flanders.
    level: 'local',
    services: [
      {
        id: 'permit-appeal',
        title: t(
          'Beroep tegen een vergunningsbeslissing',
          'Appeal against a permit decision',
          'Recours contre une décision de permis',
        ),
      },
    ],
  },
  {
    id: 'cjm',
    name: t(
      'Departement Cultuur, Jeugd en Media (Verenigingsloket)',
      'Department of Culture, Youth and Media (Association Desk)',
      'Département de la Culture, de la Jeunesse et des Médias (Guichet des associations)',
    ),
    // Builds the Verenigingsloket, the single entry point for associations; Digitaal Vlaanderen manages the register.
    level: 'flemish',
    website: 'https://www.vlaanderen.be/verenigingsloket',
    services: [
      {
        id: 'founding-guidance',
        title: t(
          'Stappenplan en modelstatuten om een vereniging op te richten',
          'Step-by-step plan and model statutes to found an association',
          'Plan par étapes et statuts types pour fonder une association',
        ),
      },
      {
        id: 'association-file-guidance',
        title: t(
          'Ledenregister en verenigingsdossier bijhouden',
          'Keep the member register and the association file',
          "Tenir le registre des membres et le dossier de l'association",
        ),
      },
      {
        id: 'association-registration',
        title: t(
          'Vereniging registreren in het Verenigingsregister (vCode)',
          'Register the association in the Association Register (vCode)',
          "Enregistrer l'association au Registre des associations (vCode)",
        ),
      },
      {
        id: 'kiosk-registration',
        title: t(
          'Feitelijke vereniging registreren in KIOSK',
          'Register a de facto association in KIOSK',
          'Enregistrer une association de fait dans KIOSK',
        ),
      },
    ],
  },
  {
    id: 'kbo',
    name: t(
      'Kruispuntbank van Ondernemingen (FOD Economie)',
      'Crossroads Bank for Enterprises (FPS Economy)',
      'Banque-Carrefour des Entreprises (SPF Économie)',
    ),
    level: 'federal',
    website: 'https://economie.fgov.be/nl/themas/ondernemingen/kruispuntbank-van',
    services: [
      {
        id: 'association-enterprise-number',
        title: t(
          'Ondernemingsnummer voor een nieuwe vzw',
          'Enterprise number for a new non-profit association',
          "Numéro d'entreprise pour une nouvelle ASBL",
        ),
      },
    ],
  },
  {
    id: 'belgisch-staatsblad',
    name: t(
      'Belgisch Staatsblad (FOD Justitie)',
      'Belgian Official Gazette (FPS Justice)',
      'Moniteur belge (SPF Justice)',
    ),
    level: 'federal',
    website: 'https://www.ejustice.just.fgov.be',
    services: [
      {
        id: 'association-publication',
        title: t(
          'Bekendmaking in de Bijlagen bij het Belgisch Staatsblad',
          'Publication in the Annexes to the Belgian Official Gazette',
          'Publication aux annexes du Moniteur belge',
        ),
      },
    ],
  },
  {
    id: 'verzekeraar',
    name: t('Verzekeraar', 'Insurer', 'Assureur'),
    // Every insurer or broker: the association chooses.
    level: 'private',
    services: [
      {
        id: 'volunteer-liability-insurance',
        title: t(
          'Burgerlijke aansprakelijkheid van de vereniging en haar vrijwilligers verzekeren',
          'Insure the civil liability of the association and its volunteers',
          "Assurer la responsabilité civile de l'association et de ses volontaires",
        ),
      },
    ],
  },
  {
    id: 'vlaams-steunpunt-vrijwilligerswerk',
    name: t(
      'Vlaams Steunpunt Vrijwilligerswerk (Vlaanderen Vrijwilligt)',
      'Flemish Volunteering Support Centre (Vlaanderen Vrijwilligt)',
      'Centre flamand de soutien au volontariat (Vlaanderen Vrijwilligt)',
    ),
    // A vzw, financed by the Flemish government for the free volunteer insurance (with Belfius as insurer).
    level: 'flemish',
    website: 'https://www.vlaanderenvrijwilligt.be',
    services: [
      {
        id: 'free-volunteer-insurance',
        title: t(
          'Gratis vrijwilligersverzekering van de Vlaamse overheid',
          'Free volunteer insurance of the Flemish government',
          'Assurance gratuite des volontaires du gouvernement flamand',
        ),
      },
      {
        id: 'volunteer-information-note',
        title: t(
          'Informatienota voor vrijwilligers',
          'Information note for volunteers',
          "Note d'information pour les volontaires",
        ),
      },
    ],
  },
  {
    id: 'unisono',
    name: t(
      'Unisono (Sabam, PlayRight en SIMIM)',
      'Unisono (Sabam, PlayRight and SIMIM)',
      'Unisono (Sabam, PlayRight et SIMIM)',
    ),
    level: 'private',
    website: 'https://www.unisono.be',
    services: [
      {
        id: 'music-licence',
        title: t(
          'Muzieklicentie: auteursrechten en billijke vergoeding',
          'Music licence: copyright and equitable remuneration',
          'Licence musicale : droits d’auteur et rémunération équitable',
        ),
      },
    ],
  },
];
