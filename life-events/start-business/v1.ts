import { defineLifeEvent, step, type Condition, type DataItemSpec } from '@passage/journey-model';
import { PERSON_ADDRESS, PERSON_NAME, PERSON_NATIONAL_REGISTER_NUMBER } from '../rijksregister';
import { t } from '../texts';

/*
 * "Ik start een onderneming", version 1.
 *
 * Modelled on the researched journey `start-business` (shared/journeys, steps biz-01 … biz-15) and its sources.
 * Three variants, chosen by intake answers:
 * - sole trader (`business.legalForm = sole-trader`): bank account → KBO via an accredited counter → VAT,
 *   social insurance fund, health insurance fund;
 * - company (`business.legalForm = company`): financial plan, capital deposit and deed at the notary → filing at
 *   the griffie (the company gets its enterprise number automatically) → deed registration, UBO register, and the
 *   KBO completion at a counter, then the same steps as a sole trader;
 * - food chain / horeca (`business.sector`): FAVV; with alcohol, the municipal drinks licence; with classified
 *   installations, a VLAREM class 3 notification or class 2 permit through the Omgevingsloket.
 * Employers (`business.hasEmployees`) also register with the RSZ (not in the research; see the RSZ sources).
 *
 * Terms: the legal term where a source gives one; `observed` or `estimate` where only practice or an inference
 * exists (and said so); `expectedDays` (an estimate of ours, for expected dates only) where no term exists at all.
 * "Before you start" deadlines are modelled as 0 days from `date:business.startDate`.
 */

export const START_BUSINESS_SOURCES = {
  kbo: 'https://economie.fgov.be/nl/themas/ondernemingen/een-onderneming-oprichten/belangrijkste-stappen-om-een/te-ondernemen-stappen-bij-een',
  kboFee: 'https://www.vlaio.be/begeleiding-advies/start/opstart-van-je-onderneming/een-ondernemingsnummer-aanvragen',
  managementKnowledgeAbolished: 'https://www.zenito.be/nl/ondernemingsloket/bedrijfsbeheer-en-beroepsbekwaamheid',
  bank: 'https://www.1819.brussels/en/start-business-formalities/start-your-business-formalities/start-business-legal-requirements',
  company: 'http://www.vlaio.be/artikel/stap-3-richt-een-vennootschap-op',
  deed: 'http://economie.fgov.be/nl/themas/ondernemingen/een-onderneming-oprichten/belangrijkste-stappen-om-een/een-vennootschap-met',
  griffie: 'https://www.startersexpert.be/avada_faq/hoe-richt-ik-mijn-vennootschap-op/',
  deedRegistration: 'https://graydon.be/blog/bvba-nv-en-andere-vennootschappen-oprichten-wordt-duurder',
  vat: 'https://financien.belgium.be/nl/ondernemingen/btw/aangifte/aanvang-wijziging-einde-activiteit',
  socialInsurance: 'https://www.rsvz-inasti.fgov.be/nl/faq/aansluiten-bij-een-socialeverzekeringsfonds-0',
  healthInsurance: 'https://www.liantis.be/nl/zelfstandig-worden/startvoorwaarden/aansluiten-ziekenfonds',
  ubo: 'https://www.actacerta.be/nieuws/ubo-register/',
  favv: 'https://favv-afsca.be/nl/themas/starters/bij-de-start-van-uw-activiteiten/wat-u-moet-weten-voor-u-opstart',
  favvTerm:
    'https://www.commerces-comines-warneton.be/ik-open-mijn-bedrijf/1-uw-eerste-adminstratieve-stappen-als-zelfstandige/1-1-de-basis/1-1-5-favv-en-diverse-toelatingen',
  favvTacitApproval: 'https://www.houthalen-helchteren.be/voedselveiligheid-favv',
  environmentalNotification: 'https://www.westerlo.be/artikel/milieuvergunning-klasse-3',
  environmentalPermit:
    'https://www.schilde.be/inwoners/wonen-en-bouwen/omgevingsvergunning/over-de-omgevingsvergunning/wat-zijn-de-verschillende',
  drinksLicence: 'https://www.lanaken.be/drankvergunning',
  drinksLicenceFree: 'https://www.kuurne.be/producten/toelating-voor-het-openhouden-van-een-drankgelegenheid-aanvraag',
  kmoPortefeuille: 'https://www.vigc.be/procedure-kmo-portefeuille/',
  kmoPortefeuilleLoket:
    'https://www.vlaanderen.be/nl/ondernemen/kapitaal-en-krediet/informatie-over-het-e-loket-kmo-portefeuille-voor-ondernemers',
  rszEmployer:
    'https://www.socialsecurity.be/employer/instructions/dmfa/nl/2020-1/instructions/employers/identification/new_employer.html',
  rszWide: 'https://www.socialsecurity.be/site_nl/employer/applics/wide/index.htm',
} as const;

const S = START_BUSINESS_SOURCES;

export const IS_COMPANY: Condition = { field: 'business.legalForm', equals: 'company' };
/** Horeca and food shops (bakery, butcher, delivery…) are in the food chain and need the FAVV. */
export const IN_FOOD_CHAIN: Condition = { field: 'business.sector', in: ['horeca', 'food-retail'] };
export const SERVES_ALCOHOL: Condition = {
  and: [
    { field: 'business.sector', equals: 'horeca' },
    { field: 'business.sellsAlcohol', equals: true },
  ],
};

export const START_BUSINESS_DATA_ITEMS: Readonly<Record<string, DataItemSpec>> = {
  // Held by the Rijksregister: read once (with the subject's eID login), never typed in.
  'person.name': PERSON_NAME,
  'person.nationalRegisterNumber': PERSON_NATIONAL_REGISTER_NUMBER,
  'person.address': PERSON_ADDRESS,

  // Asked once, when the journey starts.
  'business.legalForm': {
    type: 'enum',
    values: ['sole-trader', 'company'],
    label: t(
      'Start je op eigen naam (eenmanszaak) of met een vennootschap?',
      'Do you start in your own name (sole trader) or with a company?',
      'Démarrez-vous en nom propre (entreprise individuelle) ou avec une société ?',
    ),
  },
  'business.sector': {
    type: 'enum',
    values: ['horeca', 'food-retail', 'retail', 'services', 'construction', 'other'],
    label: t(
      'In welke sector werk je? (horeca, voedingszaak, andere winkel, diensten, bouw, iets anders)',
      'Which sector do you work in? (hospitality, food shop, other shop, services, construction, something else)',
      'Dans quel secteur travaillez-vous ? (horeca, commerce alimentaire, autre commerce, services, construction, autre)',
    ),
  },
  'business.tradeName': {
    type: 'string',
    label: t('Naam van je zaak', 'Name of your business', 'Nom de votre entreprise'),
  },
  'business.activities': {
    type: 'string',
    label: t(
      'Wat ga je doen? Beschrijf al je activiteiten.',
      'What will you do? Describe all your activities.',
      'Que ferez-vous ? Décrivez toutes vos activités.',
    ),
  },
  'business.establishmentAddress': {
    type: 'string',
    label: t('Adres van je zaak', 'Address of your business', 'Adresse de votre entreprise'),
  },
  'business.startDate': {
    type: 'date',
    label: t('Op welke dag start je?', 'On which day do you start?', 'À quelle date démarrez-vous ?'),
  },
  'business.mainOccupation': {
    type: 'boolean',
    label: t('Wordt dit je hoofdberoep?', 'Will this be your main job?', 'Sera-ce votre activité principale ?'),
  },
  'business.subjectToVat': {
    type: 'boolean',
    label: t(
      'Moet je btw aanrekenen op wat je verkoopt?',
      'Do you have to charge VAT on what you sell?',
      'Devez-vous facturer la TVA sur ce que vous vendez ?',
    ),
  },
  'business.expectedTurnover': {
    type: 'number',
    label: t(
      'Hoeveel verwacht je per jaar te verkopen, zonder btw (in euro)?',
      'How much do you expect to sell per year, without VAT (in euro)?',
      'Combien pensez-vous vendre par an, hors TVA (en euros) ?',
    ),
  },
  'business.sellsAlcohol': {
    type: 'boolean',
    label: t(
      'Ga je alcoholische dranken schenken?',
      'Will you serve alcoholic drinks?',
      'Allez-vous servir des boissons alcoolisées ?',
    ),
  },
  'business.hasEmployees': {
    type: 'boolean',
    label: t('Neem je personeel in dienst?', 'Will you hire staff?', 'Allez-vous engager du personnel ?'),
  },
  'business.vlaremClass': {
    type: 'enum',
    values: ['none', 'class-3', 'class-2'],
    label: t(
      'Heb je toestellen die een milieumelding (klasse 3) of een omgevingsvergunning (klasse 2) nodig hebben, zoals een grote koelinstallatie?',
      'Do you have equipment that needs an environmental notification (class 3) or permit (class 2), such as a large cooling system?',
      "Avez-vous des installations soumises à déclaration (classe 3) ou à permis d'environnement (classe 2), comme une grande installation frigorifique ?",
    ),
  },

  // Produced by steps.
  'business.iban': {
    type: 'string',
    label: t(
      'Rekeningnummer (IBAN) van je zaak',
      'Bank account number (IBAN) of your business',
      'Numéro de compte (IBAN) de votre entreprise',
    ),
  },
  'company.cashContribution': {
    type: 'number',
    label: t(
      'Bedrag dat de oprichters in geld inbrengen (in euro)',
      'Amount of money the founders put in (in euro)',
      'Montant que les fondateurs apportent en argent (en euros)',
    ),
  },
  'company.financialPlanDate': {
    type: 'date',
    label: t('Datum van het financieel plan', 'Date of the financial plan', 'Date du plan financier'),
  },
  'company.bankCertificate': {
    type: 'string',
    label: t(
      'Referentie van het bankattest',
      'Reference of the bank certificate',
      "Référence de l'attestation bancaire",
    ),
  },
  'company.deedReference': {
    type: 'string',
    label: t(
      'Referentie van de oprichtingsakte',
      'Reference of the deed of incorporation',
      "Référence de l'acte constitutif",
    ),
  },
  'company.deedDate': {
    type: 'date',
    label: t('Datum van de oprichtingsakte', 'Date of the deed of incorporation', "Date de l'acte constitutif"),
  },
  'company.depositDate': {
    type: 'date',
    label: t(
      'Dag waarop de akte is neergelegd: vanaf dan bestaat je vennootschap',
      'Day the deed was filed: your company exists from that day',
      "Jour du dépôt de l'acte : votre société existe à partir de ce jour",
    ),
  },
  'company.publicationReference': {
    type: 'string',
    label: t(
      'Referentie van de bekendmaking in het Belgisch Staatsblad',
      'Reference of the publication in the Belgian Official Gazette',
      'Référence de la publication au Moniteur belge',
    ),
  },
  'company.deedRegistrationDate': {
    type: 'date',
    label: t('Datum van registratie van de akte', 'Date the deed was registered', "Date d'enregistrement de l'acte"),
  },
  'company.uboRegistered': {
    type: 'boolean',
    label: t(
      'Uiteindelijke begunstigden gemeld in het UBO-register',
      'Beneficial owners reported in the UBO register',
      'Bénéficiaires effectifs déclarés au registre UBO',
    ),
  },
  'business.enterpriseNumber': {
    type: 'string',
    label: t('Ondernemingsnummer', 'Enterprise number', "Numéro d'entreprise"),
  },
  'business.establishmentUnitNumber': {
    type: 'string',
    label: t('Vestigingseenheidsnummer', 'Establishment unit number', "Numéro d'unité d'établissement"),
  },
  'business.vatNumber': {
    type: 'string',
    label: t('Btw-nummer', 'VAT number', 'Numéro de TVA'),
  },
  'person.socialInsuranceAffiliation': {
    type: 'string',
    label: t(
      'Bewijs van aansluiting bij je sociaal verzekeringsfonds',
      'Proof that you joined a social insurance fund',
      "Attestation d'affiliation à votre caisse d'assurances sociales",
    ),
  },
  'person.selfEmployedHealthStatus': {
    type: 'boolean',
    label: t(
      'Je ziekenfonds kent je als zelfstandige',
      'Your health insurance fund knows you are self-employed',
      'Votre mutualité sait que vous êtes indépendant',
    ),
  },
  'business.employerNumber': {
    type: 'string',
    label: t('RSZ-nummer als werkgever', 'Employer number (NSSO)', "Numéro d'employeur ONSS"),
  },
  'business.favvAuthorisationNumber': {
    type: 'string',
    label: t(
      'Nummer van je registratie of toelating bij het FAVV',
      'Number of your FASFC registration or authorisation',
      'Numéro de votre enregistrement ou autorisation AFSCA',
    ),
  },
  'business.environmentalNotificationReference': {
    type: 'string',
    label: t(
      'Referentie van je milieumelding',
      'Reference of your environmental notification',
      'Référence de votre déclaration environnementale',
    ),
  },
  'business.environmentalPermitReference': {
    type: 'string',
    label: t(
      'Referentie van je omgevingsvergunning',
      'Reference of your environmental permit',
      "Référence de votre permis d'environnement",
    ),
  },
  'business.drinksLicenceReference': {
    type: 'string',
    label: t(
      'Referentie van je drankvergunning',
      'Reference of your drinks licence',
      'Référence de votre autorisation de débit de boissons',
    ),
  },
  'business.kmoPortefeuilleRegistered': {
    type: 'boolean',
    label: t(
      'Je onderneming staat klaar in de kmo-portefeuille',
      'Your business is set up in the SME wallet',
      'Votre entreprise est enregistrée dans le portefeuille PME',
    ),
  },
};

export const START_BUSINESS_V1 = defineLifeEvent({
  id: 'start-business',
  version: 1,
  kind: 'business',
  owner: 'vlaio',
  title: t('Ik start een onderneming', 'I start a business', 'Je crée une entreprise'),
  summary: t(
    'Alles wat je moet regelen om te starten op eigen naam of met een vennootschap: je rekening, de inschrijving in de KBO, btw en sociale zekerheid. Werk je met voeding, schenk je alcohol of heb je installaties die hinder kunnen geven, dan komen het FAVV, de gemeente en het Omgevingsloket erbij. Je geeft je gegevens één keer; elke dienst krijgt wat hij nodig heeft.',
    'Everything you need to arrange to start in your own name or with a company: your bank account, registration in the Crossroads Bank for Enterprises, VAT and social security. If you work with food, serve alcohol or have equipment that can cause nuisance, the food safety agency, your municipality and the Omgevingsloket are added. You give your details once; each service gets what it needs.',
    "Tout ce que vous devez régler pour démarrer en nom propre ou avec une société : votre compte bancaire, l'inscription à la Banque-Carrefour des Entreprises, la TVA et la sécurité sociale. Si vous travaillez avec des aliments, servez de l'alcool ou avez des installations qui peuvent causer des nuisances, l'AFSCA, votre commune et l'Omgevingsloket s'y ajoutent. Vous donnez vos données une seule fois ; chaque service reçoit ce dont il a besoin.",
  ),
  dataItems: START_BUSINESS_DATA_ITEMS,
  intake: [
    'business.legalForm',
    'business.sector',
    'business.tradeName',
    'business.activities',
    'business.establishmentAddress',
    'business.startDate',
    'business.mainOccupation',
    'business.subjectToVat',
    'business.expectedTurnover',
    'business.sellsAlcohol',
    'business.hasEmployees',
    'business.vlaremClass',
  ],
  steps: [
    // biz-01 (account). The subject opens it at a bank of their choice and tells us the IBAN.
    step('business-account', {
      agency: 'bank',
      service: 'open-business-account',
      mode: 'citizen',
      title: t('Zakelijke rekening openen', 'Open a business bank account', 'Ouvrir un compte professionnel'),
      description: t(
        'Open bij een bank naar keuze een rekening voor je zaak. Voor een vennootschap staat de rekening op naam van de vennootschap. Geef daarna het rekeningnummer (IBAN) door: de volgende stappen gebruiken het.',
        'Open an account for your business at a bank of your choice. For a company, the account is in the name of the company. Then give us the account number (IBAN): the next steps use it.',
        "Ouvrez un compte pour votre entreprise dans la banque de votre choix. Pour une société, le compte est au nom de la société. Communiquez ensuite le numéro de compte (IBAN) : les étapes suivantes l'utilisent.",
      ),
      produces: ['business.iban'],
      channels: ['online', 'counter'],
      // No legal term; a few days is common practice (estimate).
      expectedDays: 3,
    }),

    // biz-02. Under the 2019 company code a financial plan is required for a BV and CV; the research flags this as
    // unverified for every form, so the step applies to every company.
    step('financial-plan', {
      agency: 'notaris',
      service: 'financial-plan-custody',
      mode: 'citizen',
      when: IS_COMPANY,
      title: t('Financieel plan opmaken', 'Draw up a financial plan', 'Établir un plan financier'),
      description: t(
        'Maak, liefst met je boekhouder, een financieel plan voor de eerste twee jaar: wat verwacht je te verdienen en wat heb je nodig? Je geeft het aan de notaris, die het bewaart. Vermeld hoeveel geld de oprichters inbrengen.',
        'Draw up a financial plan for the first two years, preferably with your accountant: what do you expect to earn and what do you need? You give it to the notary, who keeps it. State how much money the founders put in.',
        "Établissez, de préférence avec votre comptable, un plan financier pour les deux premières années : combien pensez-vous gagner et de quoi avez-vous besoin ? Vous le remettez au notaire, qui le conserve. Indiquez combien d'argent les fondateurs apportent.",
      ),
      needs: ['business.activities'],
      produces: ['company.cashContribution', 'company.financialPlanDate'],
      channels: ['intermediary', 'counter'],
      // Must exist before the deed; no term. Two weeks with an accountant is our estimate.
      expectedDays: 14,
    }),

    // biz-01 (company part): the bank certificate for the notary.
    step('capital-deposit', {
      agency: 'bank',
      service: 'capital-deposit-certificate',
      mode: 'citizen',
      when: IS_COMPANY,
      dependsOn: ['financial-plan'],
      title: t(
        'Inbreng storten bij de bank',
        'Deposit the starting capital at the bank',
        "Verser l'apport à la banque",
      ),
      description: t(
        'Stort het geld dat de oprichters inbrengen op een aparte rekening op naam van de vennootschap in oprichting. De bank geeft je een bankattest voor de notaris.',
        'Pay the money the founders put in into a separate account in the name of the company being set up. The bank gives you a certificate for the notary.',
        "Versez l'argent apporté par les fondateurs sur un compte distinct au nom de la société en formation. La banque vous remet une attestation pour le notaire.",
      ),
      needs: ['company.cashContribution'],
      produces: ['company.bankCertificate'],
      channels: ['online', 'counter'],
      expectedDays: 2,
    }),

    // biz-03. Notarial deed (BV/NV/CV). No legal term: notary practice.
    step('incorporation-deed', {
      agency: 'notaris',
      service: 'incorporation-deed',
      mode: 'manual',
      when: IS_COMPANY,
      dependsOn: ['business-account', 'financial-plan', 'capital-deposit'],
      title: t(
        'Oprichtingsakte bij de notaris',
        'Deed of incorporation at the notary',
        'Acte constitutif chez le notaire',
      ),
      description: t(
        'De notaris schrijft samen met jou de statuten: de naam, de zetel, wat de vennootschap doet en wie ze bestuurt. Daarna tekenen jullie de oprichtingsakte. De notaris controleert het financieel plan en het bankattest.',
        'The notary writes the articles of association with you: the name, the registered office, what the company does and who manages it. Then you sign the deed of incorporation. The notary checks the financial plan and the bank certificate.',
        "Le notaire rédige avec vous les statuts : le nom, le siège, l'objet de la société et qui la gère. Vous signez ensuite l'acte constitutif. Le notaire vérifie le plan financier et l'attestation bancaire.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'person.address',
        'business.tradeName',
        'business.activities',
        'business.establishmentAddress',
        'business.iban',
        'company.financialPlanDate',
        'company.cashContribution',
        'company.bankCertificate',
      ],
      produces: ['company.deedReference', 'company.deedDate'],
      channels: ['counter'],
      // Notary practice, no term (estimate).
      expectedDays: 14,
    }),

    // biz-04. Proactive in the research: the company enters KBO automatically when the deed is filed.
    step('griffie-deposit', {
      agency: 'griffie',
      service: 'deed-deposit-publication',
      mode: 'automatic',
      when: IS_COMPANY,
      dependsOn: ['incorporation-deed'],
      title: t('Akte neerleggen en bekendmaken', 'File and publish the deed', "Déposer et publier l'acte"),
      description: t(
        'De notaris legt een uittreksel van de akte elektronisch neer bij de griffie. Vanaf die dag bestaat je vennootschap. Ze krijgt meteen een ondernemingsnummer in de KBO en de oprichting verschijnt in het Belgisch Staatsblad. Je hoeft zelf niets te doen.',
        'The notary files an extract of the deed electronically with the court registry. Your company exists from that day. It gets an enterprise number in the Crossroads Bank for Enterprises right away, and the incorporation is published in the Belgian Official Gazette. You do not have to do anything.',
        "Le notaire dépose un extrait de l'acte par voie électronique au greffe. Votre société existe à partir de ce jour. Elle reçoit aussitôt un numéro d'entreprise à la BCE et la constitution est publiée au Moniteur belge. Vous n'avez rien à faire.",
      ),
      needs: ['company.deedReference', 'business.tradeName', 'business.establishmentAddress'],
      produces: ['company.depositDate', 'company.publicationReference', 'business.enterpriseNumber'],
      // No processing time in the sources; the publication fee exists but its amount is not given (estimate).
      expectedDays: 3,
    }),

    // biz-05. 15 days for a notarial deed (4 months for a private deed, not modelled: every company here uses a notary).
    step('deed-registration', {
      agency: 'fod-financien',
      service: 'deed-registration',
      mode: 'automatic',
      when: IS_COMPANY,
      dependsOn: ['incorporation-deed'],
      critical: false,
      title: t('Akte laten registreren', 'Register the deed', "Faire enregistrer l'acte"),
      description: t(
        'De notaris laat de oprichtingsakte registreren bij FOD Financiën. Dat moet binnen 15 dagen na de akte. Je hoeft zelf niets te doen.',
        'The notary has the deed registered with FPS Finance. This must happen within 15 days of the deed. You do not have to do anything.',
        "Le notaire fait enregistrer l'acte auprès du SPF Finances, dans les 15 jours qui suivent l'acte. Vous n'avez rien à faire.",
      ),
      needs: ['company.deedReference', 'company.deedDate'],
      produces: ['company.deedRegistrationDate'],
      term: {
        days: 15,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'completed:incorporation-deed',
        onExpiry: 'remind',
        source: S.deedRegistration,
      },
    }),

    // biz-10. The 1-month term is the term for changes; applying it to the first registration is an estimate.
    step('ubo-registration', {
      agency: 'fod-financien',
      service: 'ubo-registration',
      mode: 'citizen',
      when: IS_COMPANY,
      dependsOn: ['griffie-deposit'],
      critical: false,
      title: t(
        'Melden wie de vennootschap bezit (UBO-register)',
        'Report who owns the company (UBO register)',
        'Déclarer qui possède la société (registre UBO)',
      ),
      description: t(
        'Meld in MyMinfin wie de vennootschap uiteindelijk bezit of controleert, bijvoorbeeld wie meer dan een kwart van de aandelen heeft. Je notaris of boekhouder kan dit voor je doen. Doe het binnen een maand; daarna kan je een boete krijgen.',
        'Report in MyMinfin who finally owns or controls the company, for example who holds more than a quarter of the shares. Your notary or accountant can do this for you. Do it within a month; after that you can be fined.',
        "Déclarez dans MyMinfin qui possède ou contrôle finalement la société, par exemple qui détient plus d'un quart des parts. Votre notaire ou comptable peut le faire pour vous. Faites-le dans le mois ; sinon, vous risquez une amende.",
      ),
      needs: ['business.enterpriseNumber', 'person.name', 'person.nationalRegisterNumber', 'person.address'],
      produces: ['company.uboRegistered'],
      channels: ['online', 'intermediary'],
      term: {
        days: 30,
        unit: 'calendar',
        kind: 'estimate',
        from: 'completed:griffie-deposit',
        onExpiry: 'remind',
        source: S.ubo,
      },
    }),

    // biz-06. A sole trader gets the enterprise number here; a company already has one from the griffie and the
    // counter completes its entry (establishment unit, activities). The Flemish region abolished the proof of basic
    // management knowledge on 1 September 2018, so it is not asked (the research lists it from an older page).
    step('kbo-registration', {
      agency: 'ondernemingsloket',
      service: 'kbo-registration',
      mode: 'manual',
      dependsOn: ['business-account', 'griffie-deposit'],
      title: t(
        'Inschrijving in de Kruispuntbank van Ondernemingen',
        'Registration in the Crossroads Bank for Enterprises',
        'Inscription à la Banque-Carrefour des Entreprises',
      ),
      description: t(
        'Een erkend ondernemingsloket schrijft je zaak in de Kruispuntbank van Ondernemingen (KBO) in. Een eenmanszaak krijgt zo haar ondernemingsnummer; voor een vennootschap vult het loket de gegevens aan. Het adres van je zaak krijgt een vestigingseenheidsnummer. Dit moet klaar zijn voor je start. Het kost 105,50 euro.',
        'An accredited business counter registers your business in the Crossroads Bank for Enterprises (CBE). A sole trader gets an enterprise number this way; for a company, the counter completes the details. The address of your business gets an establishment unit number. This must be done before you start. It costs 105.50 euro.',
        "Un guichet d'entreprises agréé inscrit votre entreprise à la Banque-Carrefour des Entreprises (BCE). Une entreprise individuelle reçoit ainsi son numéro d'entreprise ; pour une société, le guichet complète les données. L'adresse de votre entreprise reçoit un numéro d'unité d'établissement. Cela doit être fait avant de démarrer. Coût : 105,50 euros.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'person.address',
        'business.legalForm',
        'business.tradeName',
        'business.activities',
        'business.establishmentAddress',
        'business.startDate',
        'business.iban',
      ],
      produces: ['business.enterpriseNumber', 'business.establishmentUnitNumber'],
      channels: ['online', 'counter', 'intermediary'],
      // EUR 105.50 per registration (VLAIO); another source quotes EUR 109 per establishment unit.
      cost: { online: 105.5, counter: 105.5, intermediary: 105.5 },
      term: {
        days: 0,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:business.startDate',
        onExpiry: 'remind',
        source: S.kbo,
      },
      compensation: {
        service: 'kbo-deregistration',
        title: t(
          'Inschrijving in de KBO stopzetten',
          'End the registration in the Crossroads Bank for Enterprises',
          "Mettre fin à l'inscription à la Banque-Carrefour des Entreprises",
        ),
      },
    }),

    // biz-07. Automatic: the 604A is filed from the KBO data instead of by the subject (once-only).
    step('vat-activation', {
      agency: 'fod-financien',
      service: 'vat-activation',
      mode: 'automatic',
      when: { field: 'business.subjectToVat', equals: true },
      dependsOn: ['kbo-registration'],
      critical: false,
      title: t('Btw-nummer activeren', 'Activate your VAT number', 'Activer votre numéro de TVA'),
      description: t(
        'Moet je btw aanrekenen? Dan wordt je ondernemingsnummer ook je btw-nummer: BE gevolgd door je ondernemingsnummer. Dit gebeurt automatisch met de gegevens uit de KBO en wat je ons al gaf, vóór je start. Je hoeft zelf geen formulier 604A in te vullen.',
        'Do you have to charge VAT? Then your enterprise number also becomes your VAT number: BE followed by your enterprise number. This happens automatically, before you start, with the data from the CBE and what you already gave us. You do not have to fill in form 604A yourself.',
        "Devez-vous facturer la TVA ? Votre numéro d'entreprise devient alors aussi votre numéro de TVA : BE suivi de votre numéro d'entreprise. Cela se fait automatiquement, avant votre démarrage, avec les données de la BCE et ce que vous nous avez déjà donné. Vous ne devez pas remplir vous-même le formulaire 604A.",
      ),
      needs: [
        'business.enterpriseNumber',
        'person.name',
        'person.nationalRegisterNumber',
        'business.establishmentAddress',
        'business.activities',
        'business.startDate',
        'business.expectedTurnover',
      ],
      produces: ['business.vatNumber'],
      term: {
        days: 0,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:business.startDate',
        onExpiry: 'remind',
        source: S.vat,
      },
      compensation: {
        service: 'vat-deactivation',
        title: t('Btw-activiteit stopzetten', 'Stop the VAT activity', "Cesser l'activité TVA"),
      },
    }),

    // biz-08. Before the start (possible up to 6 months ahead). The fallback (formal notice, 30 days, then automatic
    // affiliation with the Nationale Hulpkas) is described to the subject; the engine only reminds.
    step('social-insurance-affiliation', {
      agency: 'sociaal-verzekeringsfonds',
      service: 'social-insurance-affiliation',
      mode: 'manual',
      dependsOn: ['kbo-registration'],
      title: t(
        'Aansluiten bij een sociaal verzekeringsfonds',
        'Join a social insurance fund',
        "S'affilier à une caisse d'assurances sociales",
      ),
      description: t(
        'Als zelfstandige betaal je sociale bijdragen voor je pensioen, je ziekteverzekering en het groeipakket. Daarvoor sluit je aan bij een sociaal verzekeringsfonds naar keuze, ten laatste op de dag dat je start. Doe je dat niet, dan krijg je een aanmaning en sluit de overheid je aan bij de Nationale Hulpkas. Je kan ook een boete krijgen.',
        'As a self-employed person you pay social contributions for your pension, health insurance and family allowances. To do so you join a social insurance fund of your choice, at the latest on the day you start. If you do not, you get a formal notice and the government enrols you with the Nationale Hulpkas. You can also be fined.',
        "En tant qu'indépendant, vous payez des cotisations sociales pour votre pension, votre assurance maladie et les allocations familiales. Vous vous affiliez pour cela à la caisse d'assurances sociales de votre choix, au plus tard le jour où vous démarrez. Sinon, vous recevez une mise en demeure et l'État vous affilie à la Caisse nationale auxiliaire. Vous risquez aussi une amende.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'person.address',
        'business.enterpriseNumber',
        'business.legalForm',
        'business.startDate',
        'business.mainOccupation',
      ],
      produces: ['person.socialInsuranceAffiliation'],
      channels: ['online', 'counter', 'intermediary'],
      term: {
        days: 0,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:business.startDate',
        onExpiry: 'remind',
        source: S.socialInsurance,
      },
      compensation: {
        service: 'social-insurance-termination',
        title: t(
          'Aansluiting bij het sociaal verzekeringsfonds beëindigen',
          'End the social insurance fund membership',
          "Mettre fin à l'affiliation à la caisse d'assurances sociales",
        ),
      },
    }),

    // biz-09. Main occupation only. Today the subject brings the paper certificate ("as soon as possible", no term).
    step('health-insurance-status', {
      agency: 'ziekenfonds',
      service: 'self-employed-status',
      mode: 'citizen',
      when: { field: 'business.mainOccupation', equals: true },
      dependsOn: ['social-insurance-affiliation'],
      critical: false,
      title: t(
        'Je ziekenfonds laten weten dat je zelfstandige bent',
        'Tell your health insurance fund you are self-employed',
        'Informer votre mutualité que vous êtes indépendant',
      ),
      description: t(
        'Wordt dit je hoofdberoep? Breng dan het attest van je sociaal verzekeringsfonds naar je ziekenfonds, zodat je statuut verandert naar zelfstandige. Doe dit zo snel mogelijk. Voor een bijberoep verandert er niets.',
        'Will this be your main job? Then take the certificate from your social insurance fund to your health insurance fund, so your status changes to self-employed. Do this as soon as possible. For a side job nothing changes.',
        "S'agit-il de votre activité principale ? Apportez alors l'attestation de votre caisse d'assurances sociales à votre mutualité, pour passer au statut d'indépendant. Faites-le dès que possible. Pour une activité complémentaire, rien ne change.",
      ),
      needs: ['person.nationalRegisterNumber', 'person.socialInsuranceAffiliation'],
      produces: ['person.selfEmployedHealthStatus'],
      channels: ['counter', 'online'],
      expectedDays: 7,
    }),

    // Not in the research: employers identify with the RSZ (WIDE) before the first employee starts. No term found.
    step('employer-registration', {
      agency: 'rsz',
      service: 'employer-registration',
      mode: 'manual',
      when: { field: 'business.hasEmployees', equals: true },
      dependsOn: ['kbo-registration'],
      critical: false,
      title: t('Inschrijven als werkgever', 'Register as an employer', "S'identifier comme employeur"),
      description: t(
        'Neem je personeel in dienst? Dan schrijf je je zaak in als werkgever bij de RSZ, voor je eerste werknemer begint. Je sociaal secretariaat kan dit voor je doen. Je krijgt een RSZ-nummer.',
        'Will you hire staff? Then register your business as an employer with the NSSO before your first employee starts. Your payroll office can do this for you. You get an employer number.',
        "Vous engagez du personnel ? Identifiez alors votre entreprise comme employeur auprès de l'ONSS avant l'arrivée de votre premier travailleur. Votre secrétariat social peut le faire pour vous. Vous recevez un numéro ONSS.",
      ),
      needs: ['business.enterpriseNumber', 'business.activities', 'business.establishmentAddress'],
      produces: ['business.employerNumber'],
      channels: ['online', 'intermediary'],
      // No processing time in the sources (estimate).
      expectedDays: 5,
      compensation: {
        service: 'employer-deregistration',
        title: t('Schrapping als werkgever', 'Remove the employer registration', 'Radiation comme employeur'),
      },
    }),

    // biz-11. 30 working days from a complete application (Comines); tacit approval when FAVV does not act in time
    // is stated by one municipal page only (Houthalen-Helchteren) and must be verified.
    step('favv-registration', {
      agency: 'favv',
      service: 'favv-registration',
      mode: 'manual',
      when: IN_FOOD_CHAIN,
      dependsOn: ['kbo-registration'],
      critical: false,
      title: t(
        'Registratie of toelating bij het FAVV',
        'Registration or authorisation from the food safety agency',
        "Enregistrement ou autorisation de l'AFSCA",
      ),
      description: t(
        'Werk je met eten of drinken? Dan heb je een registratie, toelating of erkenning van het FAVV nodig; welke hangt af van wat je doet. Het FAVV beslist binnen 30 werkdagen nadat je aanvraag volledig is. Via het ondernemingsloket kost de aanvraag 72,60 euro.',
        'Do you work with food or drinks? Then you need a registration, authorisation or approval from the food safety agency (FASFC); which one depends on what you do. The agency decides within 30 working days after your application is complete. Through the business counter, the application costs 72.60 euro.',
        "Vous travaillez avec des aliments ou des boissons ? Il vous faut un enregistrement, une autorisation ou un agrément de l'AFSCA, selon votre activité. L'AFSCA décide dans les 30 jours ouvrables après réception d'une demande complète. Via le guichet d'entreprises, la demande coûte 72,60 euros.",
      ),
      needs: [
        'business.enterpriseNumber',
        'business.establishmentUnitNumber',
        'business.establishmentAddress',
        'business.activities',
        'business.sector',
      ],
      produces: ['business.favvAuthorisationNumber'],
      channels: ['online', 'intermediary'],
      // Via the enterprise counter; the sources give no fee for filing directly in Foodweb.
      cost: { intermediary: 72.6 },
      term: {
        days: 30,
        unit: 'working',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-approval',
        source: S.favvTerm,
      },
      compensation: {
        service: 'favv-deregistration',
        title: t(
          'Stopzetting van de activiteit melden aan het FAVV',
          'Report the end of the activity to the food safety agency',
          "Signaler la fin de l'activité à l'AFSCA",
        ),
      },
    }),

    // biz-12 (class 3). Operation may start the day after a complete notification. No dependency: the research lists
    // none, so it runs in parallel from the start.
    step('environmental-notification', {
      agency: 'gemeente',
      service: 'environmental-notification',
      mode: 'manual',
      when: { field: 'business.vlaremClass', equals: 'class-3' },
      critical: false,
      title: t(
        'Milieumelding (klasse 3)',
        'Environmental notification (class 3)',
        'Déclaration environnementale (classe 3)',
      ),
      description: t(
        'Heb je toestellen die hinder kunnen geven, zoals een grote koelinstallatie? Meld ze dan via het Omgevingsloket aan je gemeente. Is je melding volledig, dan mag je de dag erna beginnen.',
        'Do you have equipment that can cause nuisance, such as a large cooling system? Then report it to your municipality through the Omgevingsloket. If your notification is complete, you may start the next day.',
        "Vous avez des installations qui peuvent causer des nuisances, comme une grande installation frigorifique ? Déclarez-les à votre commune via l'Omgevingsloket. Si votre déclaration est complète, vous pouvez démarrer le lendemain.",
      ),
      needs: ['person.name', 'person.nationalRegisterNumber', 'business.establishmentAddress', 'business.activities'],
      produces: ['business.environmentalNotificationReference'],
      channels: ['online', 'counter'],
      term: {
        days: 1,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-approval',
        source: S.environmentalNotification,
      },
    }),

    // biz-12 (class 2). Simplified permit procedure: 60 days, not extendable; no decision in time = refused.
    // That class 2 operations follow the simplified procedure is our reading; the regular one takes 105 days.
    step('environmental-permit', {
      agency: 'gemeente',
      service: 'environmental-permit',
      mode: 'manual',
      when: { field: 'business.vlaremClass', equals: 'class-2' },
      critical: false,
      title: t(
        'Omgevingsvergunning voor je installaties (klasse 2)',
        'Environmental permit for your equipment (class 2)',
        "Permis d'environnement pour vos installations (classe 2)",
      ),
      description: t(
        'Heb je installaties van klasse 2? Vraag dan via het Omgevingsloket een omgevingsvergunning aan. De gemeente beslist binnen 60 dagen. Beslist ze niet op tijd, dan is de vergunning geweigerd en kan je in beroep gaan.',
        'Do you have class 2 equipment? Then apply for an environmental permit through the Omgevingsloket. The municipality decides within 60 days. If it does not decide in time, the permit is refused and you can appeal.',
        "Vous avez des installations de classe 2 ? Demandez un permis d'environnement via l'Omgevingsloket. La commune décide dans les 60 jours. Sans décision à temps, le permis est refusé et vous pouvez introduire un recours.",
      ),
      needs: ['person.name', 'person.nationalRegisterNumber', 'business.establishmentAddress', 'business.activities'],
      produces: ['business.environmentalPermitReference'],
      channels: ['online'],
      term: {
        days: 60,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-refusal',
        source: S.environmentalPermit,
      },
    }),

    // biz-13. No legal decision term: municipalities advise applying at least 4 weeks before opening (observed).
    // Once-only: the municipality checks KBO and FAVV itself by the establishment unit (OSLO-STEPS horecavergunning)
    // instead of asking copies. It does not need the FAVV number: that also keeps it working when FAVV approves
    // tacitly (a tacit approval produces no data items).
    step('drinks-licence', {
      agency: 'gemeente',
      service: 'drinks-licence',
      mode: 'manual',
      when: SERVES_ALCOHOL,
      dependsOn: ['kbo-registration', 'favv-registration', 'environmental-notification', 'environmental-permit'],
      critical: false,
      title: t('Vergunning om alcohol te schenken', 'Licence to serve alcohol', "Autorisation de servir de l'alcool"),
      description: t(
        'Schenk je alcohol in je zaak? Dan heb je een drankvergunning van je gemeente nodig. De gemeente kijkt zelf je ondernemingsnummer, je FAVV-toelating en je strafregister na. Ze vraagt je nog documenten, zoals je huurcontract, je verzekering tegen brand en ontploffing en het verslag van de brandweer. Vraag de vergunning minstens 4 weken voor je opent. Ze is gratis.',
        'Will you serve alcohol? Then you need a drinks licence from your municipality. The municipality checks your enterprise number, your food safety authorisation and your criminal record itself. It will still ask you for documents, such as your lease, your fire and explosion insurance and the fire service report. Apply at least 4 weeks before you open. The licence is free.',
        "Vous servez de l'alcool ? Il vous faut une autorisation de débit de boissons de votre commune. La commune vérifie elle-même votre numéro d'entreprise, votre autorisation AFSCA et votre casier judiciaire. Elle vous demandera encore des documents, comme votre bail, votre assurance incendie et explosion et le rapport des pompiers. Faites la demande au moins 4 semaines avant l'ouverture. L'autorisation est gratuite.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'person.address',
        'business.enterpriseNumber',
        'business.establishmentUnitNumber',
        'business.establishmentAddress',
      ],
      produces: ['business.drinksLicenceReference'],
      channels: ['online', 'counter'],
      cost: { online: 0, counter: 0 },
      term: {
        days: 28,
        unit: 'calendar',
        kind: 'observed',
        from: 'dispatch',
        onExpiry: 'remind',
        source: S.drinksLicence,
      },
    }),

    // biz-15. Proactive: VLAIO sees the new enterprise in KBO and does the one-time registration in the
    // kmo-portefeuille for the subject. The application itself (at the latest 14 days after a training or advice
    // starts) stays with the entrepreneur and is outside this journey.
    step('kmo-portefeuille', {
      agency: 'vlaio',
      service: 'kmo-portefeuille',
      mode: 'proactive',
      dependsOn: ['kbo-registration'],
      critical: false,
      title: t('Je kmo-portefeuille staat klaar', 'Your SME wallet is ready', 'Votre portefeuille PME est prêt'),
      description: t(
        'VLAIO ziet je nieuwe onderneming in de KBO en zet je kmo-portefeuille klaar. Daarmee krijg je een deel van wat je betaalt voor opleiding en advies terug. Vraag die steun aan ten laatste 14 dagen nadat de opleiding of het advies begint.',
        'VLAIO sees your new business in the CBE and sets up your SME wallet. With it you get back part of what you pay for training and advice. Apply for this support no later than 14 days after the training or advice starts.',
        'VLAIO voit votre nouvelle entreprise dans la BCE et prépare votre portefeuille PME. Il vous rembourse une partie de ce que vous payez pour des formations et des conseils. Demandez cette aide au plus tard 14 jours après le début de la formation ou du conseil.',
      ),
      needs: ['business.enterpriseNumber', 'business.establishmentAddress'],
      produces: ['business.kmoPortefeuilleRegistered'],
      expectedDays: 1,
    }),
  ],
  sources: [...new Set(Object.values(START_BUSINESS_SOURCES))],
});
