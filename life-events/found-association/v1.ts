import { defineLifeEvent, step, type Condition, type DataItemSpec } from '@passage/journey-model';
import { PERSON_ADDRESS, PERSON_NAME, PERSON_NATIONAL_REGISTER_NUMBER } from '../rijksregister';
import { t } from '../texts';
import { vocabularyItem } from '../vocabulary';

/*
 * "Ik richt een vereniging op", version 1.
 *
 * Modelled on the researched journey `found-association` (shared/journeys, steps ver-01 … ver-16) and its sources.
 * Variants, chosen by intake answers:
 * - a vzw (`association.form = vzw`): statutes → filing at the griffie → enterprise number in the KBO and
 *   publication in the Belgisch Staatsblad (both without an application) → UBO register, member register and,
 *   with other addresses, establishment units;
 * - a de facto association (`de-facto`): no formalities; KIOSK when it asks the Flemish government for support;
 * - volunteers, music, municipal recognition and subsidy: each an intake answer.
 * Both forms end up in the Verenigingsregister (a V-code), the association's entry point for every later service.
 *
 * Data: the founders' identity comes from the Rijksregister (person items, reused in every journey of the founder);
 * everything else is about the association (association items). The journey founds the association: its items are
 * kept for this journey only until the KBO gives a vzw its enterprise number, or the Verenigingsregister gives the
 * association its V-code, and are then the association's (see `entities`). A second association founded by the same
 * person is asked everything again.
 *
 * Terms: the legal or observed term where a source gives one, an `estimate` where only an inference exists (and
 * said so), `expectedDays` (our estimate, for expected dates only) where there is none. The music licence and the
 * free volunteer insurance have deadlines that count back from the first activity.
 */

export const FOUND_ASSOCIATION_SOURCES = {
  statutes: 'https://scwitch.be/opensource/vzw-oprichten/',
  filing: 'https://www.vsdc.be/nl/algemeen/1210/wat-als-u-een-vzw-opricht',
  filingFee: 'https://www.vsdc.be/nl/faq/1214/juridische-vragen/hoeveel-bedragen-de-kosten-voor-een-publicatie-in-de',
  kbo: 'https://www.cultuurloket.be/kennisbank/wetgevend-kader/welke-informatie-moeten-de-bestuurders-van-een-vzw-zelf-doorgeven-aan-de',
  publication: 'http://www.klj.be/Default.aspx?tabid=1105',
  ubo: 'https://formaat.be/informatie/ubo-register',
  bank: 'http://www.cultuurdrongen.be/support-verenigingen/bankrelatie-van-de-vereniging/',
  memberRegister: 'https://www.scwitch.be/kennisbank/intern-vzw-dossier/',
  liabilityInsurance: 'https://www.vlaanderenvrijwilligt.be/vrijwilligers-verzekeren/nuttige-verzekeringen/',
  freeInsurance:
    'https://www.belfius-verzekeringen.be/dossier-en-achtergrondinformatie/vrijwilligerswerk/procedure-toetreding/',
  informationNote: 'https://www.vonak.be/wettelijk-kader/',
  verenigingsloket: 'https://www.vlaanderen.be/verenigingsloket/veelgestelde-vragen',
  kiosk: 'https://www.vlaanderen.be/cjm/en/node/2373',
  recognition: 'http://denderleeuw.be/nl/product_catalog/625/erkenningsaanvraag-sportvereniging.html',
  subsidy: 'https://www.ichtegem.be/verenigingen%20cultuur',
  unisono: 'https://formaat.be/informatie/unisono',
  establishmentUnits:
    'https://economie.fgov.be/nl/themas/ondernemingen/kruispuntbank-van/inschrijving-de-kruispuntbank',
} as const;

const S = FOUND_ASSOCIATION_SOURCES;

export const IS_VZW: Condition = { field: 'association.form', equals: 'vzw' };
const IS_DE_FACTO: Condition = { field: 'association.form', equals: 'de-facto' };
const SEEKS_RECOGNITION: Condition = { field: 'association.seeksRecognition', equals: true };

export const FOUND_ASSOCIATION_DATA_ITEMS: Readonly<Record<string, DataItemSpec>> = {
  // The founder, from the Rijksregister: read once with their eID login, never typed in.
  'person.name': vocabularyItem('person.name', PERSON_NAME),
  'person.nationalRegisterNumber': vocabularyItem('person.nationalRegisterNumber', PERSON_NATIONAL_REGISTER_NUMBER),
  'person.address': vocabularyItem('person.address', PERSON_ADDRESS),

  // Asked once, when the journey starts.
  'association.form': vocabularyItem('association.form', {
    label: t(
      'Richt je een vzw of een feitelijke vereniging op?',
      'Do you found a vzw or a de facto association?',
      'Fondez-vous une ASBL ou une association de fait ?',
    ),
  }),
  'association.name': vocabularyItem('association.name', {
    label: t('Naam van de vereniging', 'Name of the association', "Nom de l'association"),
  }),
  'association.seatAddress': vocabularyItem('association.seatAddress', {
    label: t(
      'Adres van de zetel van de vereniging',
      'Address of the registered office of the association',
      "Adresse du siège de l'association",
    ),
  }),
  'association.purpose': vocabularyItem('association.purpose', {
    label: t(
      'Wat wil de vereniging doen? Beschrijf haar doel en activiteiten.',
      'What will the association do? Describe its purpose and activities.',
      "Que fera l'association ? Décrivez son but et ses activités.",
    ),
  }),
  'association.firstActivityDate': vocabularyItem('association.firstActivityDate', {
    label: t(
      'Op welke dag houdt de vereniging haar eerste activiteit?',
      'On which day does the association hold its first activity?',
      "À quelle date l'association organise-t-elle sa première activité ?",
    ),
  }),
  'association.hasVolunteers': vocabularyItem('association.hasVolunteers', {
    label: t(
      'Werkt de vereniging met vrijwilligers?',
      'Does the association work with volunteers?',
      "L'association travaille-t-elle avec des volontaires ?",
    ),
  }),
  'association.volunteerInsurance': vocabularyItem('association.volunteerInsurance', {
    label: t(
      'Hoe verzeker je de burgerlijke aansprakelijkheid van de vereniging en haar vrijwilligers?',
      'How do you insure the civil liability of the association and its volunteers?',
      "Comment assurez-vous la responsabilité civile de l'association et de ses volontaires ?",
    ),
  }),
  'association.playsMusic': vocabularyItem('association.playsMusic', {
    label: t(
      'Speelt de vereniging in het openbaar muziek, live of opgenomen?',
      'Does the association play music in public, live or recorded?',
      "L'association diffuse-t-elle de la musique en public, en direct ou enregistrée ?",
    ),
  }),
  'association.seeksRecognition': vocabularyItem('association.seeksRecognition', {
    label: t(
      'Wil je de vereniging door je gemeente laten erkennen, voor subsidies en steun?',
      'Do you want your municipality to recognise the association, for subsidies and support?',
      "Souhaitez-vous faire reconnaître l'association par votre commune, pour des subsides et du soutien ?",
    ),
  }),
  'association.seeksFlemishSupport': vocabularyItem('association.seeksFlemishSupport', {
    label: t(
      'Vraag je steun aan bij de Vlaamse overheid voor cultuur, jeugd of media?',
      'Will you ask the Flemish government for support for culture, youth or media?',
      'Demanderez-vous un soutien au gouvernement flamand pour la culture, la jeunesse ou les médias ?',
    ),
  }),
  'association.hasOtherSites': vocabularyItem('association.hasOtherSites', {
    label: t(
      'Heeft de vereniging activiteiten op andere adressen dan haar zetel?',
      'Does the association have activities at addresses other than its registered office?',
      "L'association a-t-elle des activités à d'autres adresses que son siège ?",
    ),
  }),

  // Produced by steps.
  'association.statutes': vocabularyItem('association.statutes', {
    label: t(
      'Statuten of verslag van de oprichtingsvergadering (referentie)',
      'Statutes or minutes of the founding meeting (reference)',
      "Statuts ou procès-verbal de l'assemblée fondatrice (référence)",
    ),
  }),
  'association.foundingDate': vocabularyItem('association.foundingDate', {
    label: t('Datum van de oprichting', 'Date of the founding', 'Date de la fondation'),
  }),
  'association.boardMembers': vocabularyItem('association.boardMembers', {
    label: t(
      'Namen en functies van de eerste bestuurders',
      'Names and functions of the first directors',
      'Noms et fonctions des premiers administrateurs',
    ),
  }),
  'association.filingReference': vocabularyItem('association.filingReference', {
    label: t('Referentie van de neerlegging', 'Reference of the filing', 'Référence du dépôt'),
  }),
  'association.enterpriseNumber': vocabularyItem('association.enterpriseNumber', {
    label: t('Ondernemingsnummer van de vzw', 'Enterprise number of the vzw', "Numéro d'entreprise de l'ASBL"),
  }),
  'association.publicationReference': vocabularyItem('association.publicationReference', {
    label: t(
      'Referentie van de bekendmaking in het Belgisch Staatsblad',
      'Reference of the publication in the Belgian Official Gazette',
      'Référence de la publication au Moniteur belge',
    ),
  }),
  'association.uboRegistered': vocabularyItem('association.uboRegistered', {
    label: t(
      'Uiteindelijke begunstigden gemeld in het UBO-register',
      'Beneficial owners reported in the UBO register',
      'Bénéficiaires effectifs déclarés au registre UBO',
    ),
  }),
  'association.iban': vocabularyItem('association.iban', {
    label: t(
      'Rekeningnummer (IBAN) van de vereniging',
      'Bank account number (IBAN) of the association',
      "Numéro de compte (IBAN) de l'association",
    ),
  }),
  'association.memberRegisterKept': vocabularyItem('association.memberRegisterKept', {
    label: t('Het ledenregister is aangelegd', 'The member register is set up', 'Le registre des membres est établi'),
  }),
  'association.liabilityPolicy': vocabularyItem('association.liabilityPolicy', {
    label: t(
      'Polisnummer van de aansprakelijkheidsverzekering',
      'Policy number of the liability insurance',
      "Numéro de police de l'assurance responsabilité civile",
    ),
  }),
  'association.freeInsuranceNumber': vocabularyItem('association.freeInsuranceNumber', {
    label: t(
      'Erkenningsnummer voor de gratis vrijwilligersverzekering',
      'Recognition number for the free volunteer insurance',
      "Numéro d'agrément pour l'assurance gratuite des volontaires",
    ),
  }),
  'association.volunteerNoteIssued': vocabularyItem('association.volunteerNoteIssued', {
    label: t(
      'De vrijwilligers kregen de informatienota',
      'The volunteers received the information note',
      "Les volontaires ont reçu la note d'information",
    ),
  }),
  'association.vCode': vocabularyItem('association.vCode', {
    label: t(
      'V-code van de vereniging in het Verenigingsregister',
      "The association's V-code in the Association Register",
      "V-code de l'association au Registre des associations",
    ),
  }),
  'association.kioskRegistered': vocabularyItem('association.kioskRegistered', {
    label: t(
      'De feitelijke vereniging is geregistreerd in KIOSK',
      'The de facto association is registered in KIOSK',
      "L'association de fait est enregistrée dans KIOSK",
    ),
  }),
  'association.recognitionDecision': vocabularyItem('association.recognitionDecision', {
    label: t(
      'Beslissing van de gemeente over de erkenning',
      "The municipality's decision on the recognition",
      'Décision de la commune sur la reconnaissance',
    ),
  }),
  'association.subsidyDecision': vocabularyItem('association.subsidyDecision', {
    label: t(
      'Beslissing over de werkingssubsidie',
      'Decision on the operating subsidy',
      'Décision sur le subside de fonctionnement',
    ),
  }),
  'association.musicLicence': vocabularyItem('association.musicLicence', {
    label: t('Referentie van de muzieklicentie', 'Reference of the music licence', 'Référence de la licence musicale'),
  }),
  'association.establishmentUnitNumbers': vocabularyItem('association.establishmentUnitNumbers', {
    label: t('Vestigingseenheidsnummers', 'Establishment unit numbers', "Numéros d'unité d'établissement"),
  }),
};

const foundingMeeting = step('founding-meeting', {
  agency: 'cjm',
  service: 'founding-guidance',
  mode: 'citizen',
  title: t(
    'Statuten opstellen en de vereniging oprichten',
    'Draw up the statutes and found the association',
    "Rédiger les statuts et fonder l'association",
  ),
  description: t(
    'Schrijf met de andere oprichters de statuten (het Verenigingsloket heeft modelstatuten) en hou de oprichtingsvergadering. Een vzw heeft minstens twee oprichters en ondertekent een oprichtingsakte; een feitelijke vereniging kan een kort verslag opmaken. Geef daarna de datum, de bestuurders en een referentie van de statuten.',
    'Write the statutes with the other founders (the Verenigingsloket has model statutes) and hold the founding meeting. A vzw has at least two founders and signs a deed of incorporation; a de facto association can write short minutes. Then give the date, the directors and a reference of the statutes.',
    "Rédigez les statuts avec les autres fondateurs (le Verenigingsloket propose des statuts types) et tenez l'assemblée fondatrice. Une ASBL compte au moins deux fondateurs et signe un acte constitutif ; une association de fait peut rédiger un bref procès-verbal. Indiquez ensuite la date, les administrateurs et une référence des statuts.",
  ),
  needs: ['person.name', 'association.name', 'association.seatAddress', 'association.purpose'],
  produces: ['association.statutes', 'association.foundingDate', 'association.boardMembers'],
  // No legal term: a founding takes as long as the founders need (estimate).
  expectedDays: 14,
  channels: ['online', 'counter'],
});

const griffieFiling = step('griffie-filing', {
  agency: 'griffie',
  service: 'association-deed-filing',
  mode: 'manual',
  title: t(
    'De oprichtingsakte neerleggen bij de griffie',
    'File the deed of incorporation at the registry',
    "Déposer l'acte constitutif au greffe",
  ),
  description: t(
    'Leg de oprichtingsakte en de benoeming van de bestuurders neer bij de griffie van de ondernemingsrechtbank, online via e-griffie of op papier, en betaal de publicatiekosten. Vanaf de neerlegging bestaat de vzw als rechtspersoon.',
    'File the deed of incorporation and the appointment of the directors at the registry of the enterprise court, online through e-griffie or on paper, and pay the publication fee. From the filing, the vzw exists as a legal person.',
    "Déposez l'acte constitutif et la nomination des administrateurs au greffe du tribunal de l'entreprise, en ligne via e-greffe ou sur papier, et payez les frais de publication. À partir du dépôt, l'ASBL existe comme personne morale.",
  ),
  needs: [
    'person.nationalRegisterNumber',
    'association.name',
    'association.seatAddress',
    'association.purpose',
    'association.statutes',
    'association.foundingDate',
    'association.boardMembers',
  ],
  produces: ['association.filingReference'],
  dependsOn: ['founding-meeting'],
  when: IS_VZW,
  // No processing term found; the filing is registered within days (estimate).
  expectedDays: 5,
  channels: ['online', 'counter'],
  // Publication fee since 1 March 2024, VAT included: EUR 168.31 electronically, EUR 233.05 on paper.
  cost: { online: 168.31, counter: 233.05 },
  // An incomplete or wrong filing is sent back; the founders file it again, corrected.
  refusal: { allows: 'resubmit', source: 'https://www.ejustice.just.fgov.be/cgi/faq.pl?language=nl' },
});

const enterpriseNumber = step('enterprise-number', {
  agency: 'kbo',
  service: 'association-enterprise-number',
  mode: 'proactive',
  title: t(
    'De vzw krijgt een ondernemingsnummer',
    'The vzw gets an enterprise number',
    "L'ASBL reçoit un numéro d'entreprise",
  ),
  description: t(
    'De griffie schrijft de vzw zelf in de Kruispuntbank van Ondernemingen in. Je krijgt het ondernemingsnummer, dat op alle documenten van de vzw moet staan. Je hoeft hiervoor niets te doen.',
    'The registry enters the vzw in the Crossroads Bank for Enterprises itself. You get the enterprise number, which must be on every document of the vzw. You do not have to do anything.',
    "Le greffe inscrit lui-même l'ASBL à la Banque-Carrefour des Entreprises. Vous recevez le numéro d'entreprise, qui doit figurer sur tous les documents de l'ASBL. Vous n'avez rien à faire.",
  ),
  needs: ['association.filingReference', 'association.name'],
  produces: ['association.enterpriseNumber'],
  dependsOn: ['griffie-filing'],
  when: IS_VZW,
  // No term found in the sources; the KBO number follows the filing within days (estimate).
  expectedDays: 2,
});

const staatsbladPublication = step('staatsblad-publication', {
  agency: 'belgisch-staatsblad',
  service: 'association-publication',
  mode: 'proactive',
  title: t(
    'Bekendmaking in het Belgisch Staatsblad',
    'Publication in the Belgian Official Gazette',
    'Publication au Moniteur belge',
  ),
  description: t(
    'De griffie stuurt een uittreksel van de akte en de benoeming van de bestuurders naar het Belgisch Staatsblad. De bekendmaking kan je daarna online raadplegen; de bank en het UBO-register gebruiken ze als bewijs.',
    'The registry sends an extract of the deed and the appointment of the directors to the Belgian Official Gazette. You can then read the publication online; the bank and the UBO register use it as evidence.',
    "Le greffe envoie un extrait de l'acte et la nomination des administrateurs au Moniteur belge. Vous pouvez ensuite consulter la publication en ligne ; la banque et le registre UBO l'utilisent comme preuve.",
  ),
  needs: ['association.filingReference'],
  produces: ['association.publicationReference'],
  dependsOn: ['griffie-filing'],
  when: IS_VZW,
  term: {
    days: 42,
    unit: 'calendar',
    kind: 'observed',
    from: 'completed:griffie-filing',
    onExpiry: 'remind',
    // About six weeks after the fee is paid (a dated source, 2006); no legal term found.
    source: S.publication,
  },
});

const uboRegistration = step('ubo-registration', {
  agency: 'fod-financien',
  service: 'ubo-registration',
  mode: 'citizen',
  title: t(
    'Uiteindelijke begunstigden melden in het UBO-register',
    'Report the beneficial owners in the UBO register',
    'Déclarer les bénéficiaires effectifs au registre UBO',
  ),
  description: t(
    'Meld via MyMinfin wie de uiteindelijke begunstigden van de vzw zijn: de bestuurders, wie de vzw vertegenwoordigt en wie het dagelijks bestuur heeft. Voeg de bekendmaking in het Belgisch Staatsblad toe als bewijs en bevestig de gegevens elk jaar.',
    'Report through MyMinfin who the beneficial owners of the vzw are: the directors, who represents the vzw and who runs it day to day. Add the publication in the Belgian Official Gazette as evidence and confirm the data every year.',
    "Déclarez via MyMinfin qui sont les bénéficiaires effectifs de l'ASBL : les administrateurs, qui représente l'ASBL et qui en assure la gestion journalière. Joignez la publication au Moniteur belge comme preuve et confirmez les données chaque année.",
  ),
  needs: [
    'person.nationalRegisterNumber',
    'association.enterpriseNumber',
    'association.publicationReference',
    'association.boardMembers',
  ],
  produces: ['association.uboRegistered'],
  dependsOn: ['enterprise-number', 'staatsblad-publication'],
  when: IS_VZW,
  critical: false,
  term: {
    days: 30,
    unit: 'calendar',
    // Changes must be reported within the month; applying that to the first registration is our estimate.
    kind: 'estimate',
    from: 'completed:enterprise-number',
    onExpiry: 'remind',
    source: S.ubo,
  },
});

const associationAccount = step('association-account', {
  agency: 'bank',
  service: 'open-association-account',
  mode: 'citizen',
  title: t(
    'Een rekening openen op naam van de vereniging',
    'Open a bank account in the name of the association',
    "Ouvrir un compte au nom de l'association",
  ),
  description: t(
    'Open bij een bank een rekening op naam van de vereniging. De bank vraagt de statuten en wie mag tekenen; voor een vzw ook de bekendmaking. Gemeenten storten subsidies alleen op een rekening van de vereniging. Geef daarna het rekeningnummer.',
    'Open an account in the name of the association at a bank. The bank asks for the statutes and who may sign; for a vzw also the publication. Municipalities pay subsidies only into an account of the association. Then give the account number.',
    "Ouvrez un compte au nom de l'association auprès d'une banque. La banque demande les statuts et qui peut signer ; pour une ASBL aussi la publication. Les communes ne versent de subsides que sur un compte de l'association. Indiquez ensuite le numéro de compte.",
  ),
  needs: ['association.name', 'association.statutes', 'association.boardMembers'],
  produces: ['association.iban'],
  // A vzw opens it once it exists in the KBO and the Staatsblad; for a de facto association both are skipped.
  dependsOn: ['founding-meeting', 'enterprise-number', 'staatsblad-publication'],
  // No term; banks have grown slow to open accounts for associations after their checks (estimate).
  expectedDays: 10,
  channels: ['online', 'counter'],
});

const memberRegister = step('member-register', {
  agency: 'cjm',
  service: 'association-file-guidance',
  mode: 'citizen',
  title: t(
    'Het ledenregister en het verenigingsdossier aanleggen',
    'Set up the member register and the association file',
    "Établir le registre des membres et le dossier de l'association",
  ),
  description: t(
    'Een vzw houdt op haar zetel een register van haar leden bij, met de beslissingen van de algemene vergadering en het bestuur. Een wijziging zet je erin binnen acht dagen nadat het bestuur ze kent.',
    'A vzw keeps a register of its members at its registered office, with the decisions of the general meeting and the board. Enter a change within eight days of the board learning of it.',
    "Une ASBL tient à son siège un registre de ses membres, avec les décisions de l'assemblée générale et du conseil d'administration. Inscrivez-y une modification dans les huit jours où le conseil en a connaissance.",
  ),
  needs: ['association.boardMembers'],
  produces: ['association.memberRegisterKept'],
  dependsOn: ['founding-meeting'],
  when: IS_VZW,
  critical: false,
  term: {
    days: 8,
    unit: 'calendar',
    kind: 'citizen-deadline',
    from: 'completed:founding-meeting',
    onExpiry: 'remind',
    source: S.memberRegister,
  },
});

const liabilityInsurance = step('liability-insurance', {
  agency: 'verzekeraar',
  service: 'volunteer-liability-insurance',
  mode: 'citizen',
  title: t(
    'De burgerlijke aansprakelijkheid verzekeren',
    'Insure the civil liability',
    'Assurer la responsabilité civile',
  ),
  description: t(
    'Sluit bij een verzekeraar een polis burgerlijke aansprakelijkheid af voor de vereniging en haar vrijwilligers. De vrijwilligerswet verplicht ze voor wie met vrijwilligers werkt, en veel gemeenten vragen ze voor een erkenning. Geef daarna het polisnummer.',
    'Take out a civil liability policy for the association and its volunteers with an insurer. The Volunteer Act requires it of those who work with volunteers, and many municipalities ask for it for a recognition. Then give the policy number.',
    "Souscrivez auprès d'un assureur une police de responsabilité civile pour l'association et ses volontaires. La loi sur le volontariat l'impose à ceux qui travaillent avec des volontaires, et de nombreuses communes la demandent pour une reconnaissance. Indiquez ensuite le numéro de police.",
  ),
  needs: ['association.name', 'association.purpose'],
  produces: ['association.liabilityPolicy'],
  dependsOn: ['founding-meeting'],
  when: { field: 'association.volunteerInsurance', equals: 'insurer' },
  // No term: the policy must cover the activities before they take place (estimate of a week to get one).
  expectedDays: 7,
  channels: ['online', 'counter', 'intermediary'],
});

const freeVolunteerInsurance = step('free-volunteer-insurance', {
  agency: 'vlaams-steunpunt-vrijwilligerswerk',
  service: 'free-volunteer-insurance',
  mode: 'manual',
  title: t(
    'De gratis vrijwilligersverzekering aanvragen',
    'Apply for the free volunteer insurance',
    "Demander l'assurance gratuite des volontaires",
  ),
  description: t(
    'Kleine verenigingen zonder personeel krijgen een erkenningsnummer voor de gratis vrijwilligersverzekering van de Vlaamse overheid (tot 1.000 vrijwilligersuren per jaar). Meld daarna elke activiteit minstens drie dagen vooraf aan.',
    "Small associations without staff get a recognition number for the Flemish government's free volunteer insurance (up to 1,000 volunteer hours a year). Then declare each activity at least three days in advance.",
    "Les petites associations sans personnel reçoivent un numéro d'agrément pour l'assurance gratuite des volontaires du gouvernement flamand (jusqu'à 1 000 heures de volontariat par an). Déclarez ensuite chaque activité au moins trois jours à l'avance.",
  ),
  needs: ['association.form', 'association.name', 'association.seatAddress'],
  produces: ['association.freeInsuranceNumber'],
  dependsOn: ['founding-meeting'],
  when: { field: 'association.volunteerInsurance', equals: 'free-flemish-insurance' },
  critical: false,
  // The recognition itself can take up to three weeks.
  expectedDays: 21,
  term: {
    days: 3,
    unit: 'calendar',
    kind: 'citizen-deadline',
    before: true,
    from: 'date:association.firstActivityDate',
    onExpiry: 'remind',
    source: S.freeInsurance,
  },
});

const volunteerInformationNote = step('volunteer-information-note', {
  agency: 'vlaams-steunpunt-vrijwilligerswerk',
  service: 'volunteer-information-note',
  mode: 'citizen',
  title: t('De vrijwilligers informeren', 'Inform the volunteers', 'Informer les volontaires'),
  description: t(
    'De vrijwilligerswet vraagt een informatienota voor elke vrijwilliger: het doel van de vereniging, de verzekering en de vergoeding (forfaitair of de echte kosten, niet allebei). Vlaanderen Vrijwilligt heeft een model.',
    'The Volunteer Act asks for an information note for every volunteer: the purpose of the association, the insurance and the allowance (flat-rate or actual costs, not both). Vlaanderen Vrijwilligt has a model.',
    "La loi sur le volontariat demande une note d'information pour chaque volontaire : le but de l'association, l'assurance et le défraiement (forfaitaire ou frais réels, pas les deux). Vlaanderen Vrijwilligt propose un modèle.",
  ),
  needs: ['association.name', 'association.purpose'],
  produces: ['association.volunteerNoteIssued'],
  // After whichever insurance the association took out; the other is skipped.
  dependsOn: ['liability-insurance', 'free-volunteer-insurance'],
  when: { field: 'association.hasVolunteers', equals: true },
  critical: false,
  // No term found in the sources (estimate).
  expectedDays: 3,
});

const verenigingsloket = step('verenigingsloket', {
  agency: 'cjm',
  service: 'association-registration',
  mode: 'automatic',
  title: t(
    'De vereniging registreren in het Verenigingsregister',
    'Register the association in the Association Register',
    "Enregistrer l'association au Registre des associations",
  ),
  description: t(
    'Het Verenigingsloket registreert de vereniging en geeft ze een V-code. Voor een vzw haalt het de gegevens uit de KBO. Gemeenten en de Vlaamse overheid gebruiken het register voortaan in plaats van alles opnieuw te vragen.',
    'The Verenigingsloket registers the association and gives it a V-code. For a vzw it takes the data from the CBE. Municipalities and the Flemish government then use the register instead of asking everything again.',
    "Le Verenigingsloket enregistre l'association et lui attribue un V-code. Pour une ASBL, il reprend les données de la BCE. Les communes et le gouvernement flamand utilisent ensuite le registre au lieu de tout redemander.",
  ),
  needs: ['person.nationalRegisterNumber', 'association.name', 'association.seatAddress', 'association.purpose'],
  produces: ['association.vCode'],
  // A vzw is registered once it has its enterprise number; for a de facto association that step is skipped.
  dependsOn: ['founding-meeting', 'enterprise-number'],
  // No term found; online registration gives the V-code at once (estimate: a day).
  expectedDays: 1,
});

const kioskRegistration = step('kiosk-registration', {
  agency: 'cjm',
  service: 'kiosk-registration',
  mode: 'manual',
  title: t(
    'De feitelijke vereniging registreren in KIOSK',
    'Register the de facto association in KIOSK',
    "Enregistrer l'association de fait dans KIOSK",
  ),
  description: t(
    'Een feitelijke vereniging die steun vraagt voor cultuur, jeugd of media registreert zich in KIOSK. De voorzitter, secretaris of penningmeester wordt hoofdvertegenwoordiger en kan anderen rechten geven.',
    'A de facto association that asks for support for culture, youth or media registers in KIOSK. The chair, secretary or treasurer becomes the main representative and can give others rights.',
    'Une association de fait qui demande un soutien pour la culture, la jeunesse ou les médias s’enregistre dans KIOSK. Le président, le secrétaire ou le trésorier devient représentant principal et peut donner des droits à d’autres.',
  ),
  needs: ['person.nationalRegisterNumber', 'association.name'],
  produces: ['association.kioskRegistered'],
  dependsOn: ['founding-meeting'],
  when: { and: [IS_DE_FACTO, { field: 'association.seeksFlemishSupport', equals: true }] },
  critical: false,
  term: {
    days: 10,
    unit: 'calendar',
    kind: 'authority-decision',
    from: 'dispatch',
    onExpiry: 'escalate',
    source: S.kiosk,
  },
});

const municipalRecognition = step('municipal-recognition', {
  agency: 'gemeente',
  service: 'association-recognition',
  mode: 'manual',
  title: t(
    'Erkenning door de gemeente aanvragen',
    'Apply for recognition by the municipality',
    'Demander la reconnaissance par la commune',
  ),
  description: t(
    'Een erkende vereniging kan subsidies krijgen, materiaal lenen en zalen huren tegen een lager tarief. De gemeente vraagt advies aan de cultuur-, jeugd- of sportraad; het college beslist. De gemeente leest je vereniging in het Verenigingsregister.',
    'A recognised association can get subsidies, borrow equipment and rent halls at a lower rate. The municipality asks the culture, youth or sports council for advice; the college decides. The municipality reads your association in the Association Register.',
    "Une association reconnue peut recevoir des subsides, emprunter du matériel et louer des salles à un tarif réduit. La commune demande l'avis du conseil de la culture, de la jeunesse ou des sports ; le collège décide. La commune consulte votre association au Registre des associations.",
  ),
  needs: [
    'association.vCode',
    'association.name',
    'association.purpose',
    'association.statutes',
    'association.boardMembers',
    'association.iban',
  ],
  produces: ['association.recognitionDecision'],
  dependsOn: ['founding-meeting', 'association-account', 'liability-insurance', 'verenigingsloket'],
  when: SEEKS_RECOGNITION,
  critical: false,
  term: {
    days: 30,
    unit: 'calendar',
    // Each municipality sets its own rounds; about a month between the application deadline and the decision.
    kind: 'observed',
    from: 'dispatch',
    onExpiry: 'remind',
    source: S.recognition,
  },
  /*
   * A refused recognition can be contested with the college itself. Each municipal regulation sets its own
   * objection procedure; 30 days from the decision, and 60 days for the college to decide, are our estimate of a
   * common one, not a term from the sources.
   */
  refusal: {
    allows: 'appeal',
    within: { days: 30, unit: 'calendar' },
    appeal: {
      agency: 'gemeente',
      service: 'association-recognition-objection',
      title: t(
        'Bezwaar bij het college van burgemeester en schepenen',
        'Objection to the college of mayor and aldermen',
        'Réclamation auprès du collège des bourgmestre et échevins',
      ),
      term: { days: 60, unit: 'calendar', onExpiry: 'escalate' },
    },
  },
});

const operatingSubsidy = step('operating-subsidy', {
  agency: 'gemeente',
  service: 'association-operating-subsidy',
  mode: 'manual',
  title: t('Werkingssubsidie aanvragen', 'Apply for an operating subsidy', 'Demander un subside de fonctionnement'),
  description: t(
    'Een erkende vereniging kan bij de gemeente een werkingssubsidie aanvragen volgens het subsidiereglement. De gemeente stort ze op de rekening van de vereniging.',
    "A recognised association can apply to the municipality for an operating subsidy under its subsidy regulation. The municipality pays it into the association's account.",
    "Une association reconnue peut demander à la commune un subside de fonctionnement selon son règlement. La commune le verse sur le compte de l'association.",
  ),
  needs: ['association.vCode', 'association.recognitionDecision', 'association.iban'],
  produces: ['association.subsidyDecision'],
  dependsOn: ['municipal-recognition'],
  when: SEEKS_RECOGNITION,
  critical: false,
  // Local rules, no common term; subsidies are decided in yearly rounds (estimate: two months).
  expectedDays: 60,
  // A refused application can be made again, with what the municipality found missing.
  refusal: { allows: 'resubmit', source: S.subsidy },
});

const musicLicence = step('music-licence', {
  agency: 'unisono',
  service: 'music-licence',
  mode: 'manual',
  title: t(
    'Een muzieklicentie aanvragen bij Unisono',
    'Get a music licence from Unisono',
    'Obtenir une licence musicale auprès d’Unisono',
  ),
  description: t(
    'Wie in het openbaar muziek speelt, live of opgenomen, vraagt via MyUnisono één licentie voor de auteursrechten en de billijke vergoeding, minstens vijf dagen voor de eerste activiteit. Te laat kost 15 % meer.',
    'Whoever plays music in public, live or recorded, applies through MyUnisono for one licence for copyright and equitable remuneration, at least five days before the first activity. Late costs 15% more.',
    "Quiconque diffuse de la musique en public, en direct ou enregistrée, demande via MyUnisono une seule licence pour les droits d'auteur et la rémunération équitable, au moins cinq jours avant la première activité. En retard, cela coûte 15 % de plus.",
  ),
  needs: ['association.name', 'association.seatAddress', 'association.firstActivityDate'],
  produces: ['association.musicLicence'],
  dependsOn: ['founding-meeting'],
  when: { field: 'association.playsMusic', equals: true },
  critical: false,
  // A licence comes back within a couple of days (estimate).
  expectedDays: 2,
  term: {
    days: 5,
    unit: 'calendar',
    kind: 'citizen-deadline',
    before: true,
    from: 'date:association.firstActivityDate',
    onExpiry: 'remind',
    source: S.unisono,
  },
});

const establishmentUnits = step('establishment-units', {
  agency: 'ondernemingsloket',
  service: 'establishment-unit-registration',
  mode: 'manual',
  title: t(
    'Vestigingseenheden melden in de KBO',
    'Report establishment units in the CBE',
    "Déclarer des unités d'établissement à la BCE",
  ),
  description: t(
    'Heeft de vzw activiteiten op andere adressen dan haar zetel, dan meldt ze elk adres als vestigingseenheid via een erkend ondernemingsloket.',
    'If the vzw has activities at addresses other than its registered office, it reports each address as an establishment unit through an accredited business counter.',
    "Si l'ASBL a des activités à d'autres adresses que son siège, elle déclare chaque adresse comme unité d'établissement via un guichet d'entreprises agréé.",
  ),
  needs: ['association.enterpriseNumber', 'association.purpose'],
  produces: ['association.establishmentUnitNumbers'],
  dependsOn: ['enterprise-number'],
  when: { and: [IS_VZW, { field: 'association.hasOtherSites', equals: true }] },
  critical: false,
  // No term found in the sources (estimate).
  expectedDays: 5,
  channels: ['intermediary', 'counter'],
});

export const FOUND_ASSOCIATION_V1 = defineLifeEvent({
  id: 'found-association',
  version: 1,
  kind: 'life',
  owner: 'cjm',
  title: t('Ik richt een vereniging op', 'I found an association', 'Je fonde une association'),
  summary: t(
    'Van de statuten tot de erkenning door je gemeente: een vzw of een feitelijke vereniging oprichten, met vrijwilligers, muziek en subsidies, in één traject.',
    'From the statutes to the recognition by your municipality: found a vzw or a de facto association, with volunteers, music and subsidies, in one journey.',
    'Des statuts à la reconnaissance par votre commune : fonder une ASBL ou une association de fait, avec des volontaires, de la musique et des subsides, en un seul parcours.',
  ),
  dataItems: FOUND_ASSOCIATION_DATA_ITEMS,
  entities: [
    {
      scope: 'association',
      // A vzw is known by its enterprise number first; every association gets a V-code.
      identifiedBy: ['association.enterpriseNumber', 'association.vCode'],
      foundedBy: ['enterprise-number', 'verenigingsloket'],
    },
  ],
  intake: [
    'association.form',
    'association.name',
    'association.seatAddress',
    'association.purpose',
    'association.firstActivityDate',
    'association.hasVolunteers',
    'association.volunteerInsurance',
    'association.playsMusic',
    'association.seeksRecognition',
    'association.seeksFlemishSupport',
    'association.hasOtherSites',
  ],
  steps: [
    foundingMeeting,
    griffieFiling,
    enterpriseNumber,
    staatsbladPublication,
    uboRegistration,
    associationAccount,
    memberRegister,
    liabilityInsurance,
    freeVolunteerInsurance,
    volunteerInformationNote,
    verenigingsloket,
    kioskRegistration,
    municipalRecognition,
    operatingSubsidy,
    musicLicence,
    establishmentUnits,
  ],
  sources: [
    S.statutes,
    S.filing,
    S.filingFee,
    S.kbo,
    S.verenigingsloket,
    'https://www.vlaanderen.be/verenigingsloket/verenigingsregister',
    'https://www.vlaanderenvrijwilligt.be',
  ],
});
