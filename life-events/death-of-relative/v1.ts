import { defineLifeEvent, step, type Condition, type DataItemSpec } from '@passage/journey-model';
import { PERSON_ADDRESS, PERSON_NAME, PERSON_NATIONAL_REGISTER_NUMBER, RIJKSREGISTER } from '../rijksregister';
import { t } from '../texts';

/*
 * "Overlijden van een naaste", version 1.
 *
 * Modelled on the researched journey `death-of-relative` (shared/journeys, steps ovl-01 … ovl-15) and its sources.
 * The subject is the relative who settles the estate (an heir or the surviving partner). The journey starts in one
 * of two ways:
 * - the family starts it right after the death (`death.declared = false`): doctor's certificate, funeral director
 *   and declaration at the municipality come first;
 * - the death's registration in DABS proposes it to the family (trigger `death-registered`, opt-in) or the family
 *   starts it later (`death.declared = true`): those three steps are skipped, and the deceased's data come from
 *   the Rijksregister and DABS.
 * Variants: surviving spouse (survivor's pension), deceased already retired (examined without application) or not
 * (application within 12 months), supplementary pension, notary needed (will, marriage contract or minor heirs:
 * deed of inheritance) or not (free certificate of the Kantoor Rechtszekerheid).
 */

export const DEATH_SOURCES = {
  medical: 'https://www.bnpparibasfortis.be/pics/be/F/nl/anon/prof/Assist/Uw-gezin/Overlijden.asp',
  medicalModel: 'http://moeskroen.be/nl/170.html',
  funeralDirector: 'https://abcverzekering.be/uitvaartverzekering/checklist-overlijden',
  declaration: 'https://lefoyerxl.be/nl/artikelen-brussel/dood/',
  pensionService: 'https://www.sfpd.fgov.be/nl/overlijden',
  survivorPension: 'https://uitvaartvlaanderen.be/hoe-wordt-het-pensioen-geregeld-na-een-overlijden/',
  survivorPensionTerm: 'https://www.retie.be/thema/3638/overlijden',
  supplementaryPension: 'https://www.fsma.be/en/node/485375',
  bankBlocking:
    'https://www.notaris.be/erven-schenken/de-successietarieven/het-deblokkering-van-de-rekeningen-van-de-overledene',
  bankAdvance:
    'https://zoersel.be/leven-en-welzijn/levensloop/overlijden/onmiddellijke-financi%C3%ABle-gevolgen-bij-een-overlijden',
  willSearch:
    'https://rondpunt.be/na-een-verkeersongeval/overleden-slachtoffer/overlijden-en-afscheid/nalatenschap-en-testament/',
  inheritanceCertificate: 'https://www.temse.be/erfopvolging',
  inheritanceDeed: 'https://www.heusden-zolder.be/akte-of-attest-van-erfopvolging',
  inheritanceReturn: 'https://www.vlaanderen.be/erfenis/indienen-van-de-aangifte-van-nalatenschap-wie-en-wanneer',
  inheritanceReturnNotary:
    'https://moneytalk.knack.be/geld-en-beurs/sparen/de-aangifte-van-uw-nalatenschap-kan-nu-volledig-online/article-normal-1853049.html',
  inheritanceSteps: 'https://www.vlaanderen.be/van-overlijden-tot-betaling-van-de-erfbelasting-stappenplan',
  inheritancePayment: 'https://www.vlaanderen.be/erfbelasting/aanslagbiljet-en-betaling-van-de-erfbelasting',
  incomeTax: 'https://financien.belgium.be/nl/particulieren/gezin/overlijden/belastingaangifte',
  healthInsurance: 'https://www.cornelisuitvaartzorg.be/uitvaartzorg/te-verwittigen-diensten',
  contracts: 'https://www.fluvius.be/nl/thema/verhuizen',
  water:
    'https://www.dewatergroep.be/nl-be/drinkwater/veelgestelde-vragen/onze-klantenzone/waarom-is-het-belangrijk-dat-de-factuur-op-de-juiste-naam-staat',
} as const;

const S = DEATH_SOURCES;

export const NOT_DECLARED: Condition = { field: 'death.declared', equals: false };
const SURVIVING_SPOUSE: Condition = { field: 'deceased.survivingSpouse', equals: true };
/**
 * A notary is required for the heirs' certificate when there is a will, a marriage contract (or gift between
 * spouses or succession agreement, which come with one) or a legally incapable heir such as a minor.
 */
export const NOTARY_REQUIRED: Condition = {
  or: [
    { field: 'estate.will', equals: true },
    { field: 'estate.marriageContract', equals: true },
    { field: 'estate.minorHeirs', equals: true },
  ],
};

const DABS = 'dabs';

export const DEATH_DATA_ITEMS: Readonly<Record<string, DataItemSpec>> = {
  'person.name': PERSON_NAME,
  'person.nationalRegisterNumber': PERSON_NATIONAL_REGISTER_NUMBER,
  'person.address': PERSON_ADDRESS,
  'deceased.nationalRegisterNumber': {
    type: 'string',
    label: t(
      'Rijksregisternummer van de overledene',
      'National register number of the deceased',
      'Numéro de registre national du défunt',
    ),
    authenticSource: RIJKSREGISTER,
  },
  'deceased.deathDate': {
    type: 'date',
    label: t('Datum van overlijden', 'Date of death', 'Date du décès'),
    authenticSource: DABS,
  },
  'deceased.deathCertificate': {
    type: 'string',
    label: t('Overlijdensakte', 'Death certificate', 'Acte de décès'),
    authenticSource: DABS,
  },

  // Asked once when the journey starts; the trigger answers `death.declared`, the registers what they hold.
  'death.declared': {
    type: 'boolean',
    label: t(
      'Is het overlijden al aangegeven bij de gemeente?',
      'Has the death already been declared at the municipality?',
      'Le décès a-t-il déjà été déclaré à la commune ?',
    ),
  },
  'deceased.survivingSpouse': {
    type: 'boolean',
    label: t('Was de overledene getrouwd?', 'Was the deceased married?', 'Le défunt était-il marié ?'),
    authenticSource: RIJKSREGISTER,
  },
  'deceased.retired': {
    type: 'boolean',
    label: t(
      'Kreeg de overledene al een pensioen?',
      'Did the deceased already receive a pension?',
      'Le défunt recevait-il déjà une pension ?',
    ),
    // The Federal Pension Service's pension register knows whether a pension was paid.
    authenticSource: 'kadaster-der-pensioenen',
  },
  'deceased.supplementaryPension': {
    type: 'boolean',
    label: t(
      'Had de overledene een aanvullend pensioen (groepsverzekering of pensioenfonds)?',
      'Did the deceased have a supplementary pension (group insurance or pension fund)?',
      'Le défunt avait-il une pension complémentaire (assurance groupe ou fonds de pension) ?',
    ),
    // Sigedis' database of supplementary pensions (DB2P, shown in mypension.be).
    authenticSource: 'db2p',
  },
  'estate.will': {
    type: 'boolean',
    label: t(
      'Liet de overledene een testament na?',
      'Did the deceased leave a will?',
      'Le défunt a-t-il laissé un testament ?',
    ),
  },
  'estate.marriageContract': {
    type: 'boolean',
    label: t(
      'Had de overledene een huwelijkscontract?',
      'Did the deceased have a marriage contract?',
      'Le défunt avait-il un contrat de mariage ?',
    ),
  },
  'estate.minorHeirs': {
    type: 'boolean',
    label: t(
      'Is een van de erfgenamen minderjarig of kan hij of zij niet zelf beslissen?',
      'Is one of the heirs a minor or unable to decide for themselves?',
      "L'un des héritiers est-il mineur ou incapable de décider lui-même ?",
    ),
  },
  'person.iban': {
    type: 'string',
    label: t('Je rekeningnummer (IBAN)', 'Your bank account number (IBAN)', 'Votre numéro de compte (IBAN)'),
  },

  // Produced by steps.
  'deceased.medicalCertificate': {
    type: 'string',
    label: t('Medisch attest van overlijden', 'Medical death certificate', 'Certificat médical de décès'),
  },
  'funeral.directorMandate': {
    type: 'string',
    label: t(
      'Opdracht aan de uitvaartondernemer',
      'Mandate to the funeral director',
      "Mandat à l'entrepreneur de pompes funèbres",
    ),
  },
  'death.publicBodiesInformed': {
    type: 'boolean',
    label: t(
      'Pensioen- en socialezekerheidsdiensten weten het',
      'Pension and social security services know',
      'Les services de pension et de sécurité sociale sont informés',
    ),
  },
  'spouse.survivorPensionDecision': {
    type: 'string',
    label: t(
      'Beslissing over het overlevingspensioen',
      "Decision on the survivor's pension",
      'Décision sur la pension de survie',
    ),
  },
  'estate.deathBenefitPaid': {
    type: 'boolean',
    label: t(
      'De uitkering uit het aanvullend pensioen is betaald',
      'The supplementary pension death benefit was paid',
      'La prestation de la pension complémentaire a été payée',
    ),
  },
  'estate.bankInformed': {
    type: 'boolean',
    label: t('De bank weet het', 'The bank knows', 'La banque est informée'),
  },
  'estate.willSearchResult': {
    type: 'string',
    label: t(
      'Resultaat van de zoektocht naar een testament',
      'Result of the search for a will',
      'Résultat de la recherche de testament',
    ),
  },
  'estate.heirsCertificate': {
    type: 'string',
    label: t('Attest of akte van erfopvolging', 'Certificate or deed of inheritance', "Certificat ou acte d'hérédité"),
  },
  'estate.accountsReleased': {
    type: 'boolean',
    label: t('De rekeningen zijn vrijgegeven', 'The accounts are released', 'Les comptes sont débloqués'),
  },
  'estate.declarationReference': {
    type: 'string',
    label: t(
      'Referentie van de aangifte van nalatenschap',
      'Reference of the inheritance declaration',
      'Référence de la déclaration de succession',
    ),
  },
  'estate.taxAssessment': {
    type: 'string',
    label: t(
      'Aanslagbiljet erfbelasting',
      'Inheritance tax assessment',
      'Avertissement-extrait de rôle des droits de succession',
    ),
  },
  'estate.taxPaid': {
    type: 'boolean',
    label: t('De erfbelasting is betaald', 'The inheritance tax is paid', 'Les droits de succession sont payés'),
  },
  'estate.incomeTaxFiled': {
    type: 'boolean',
    label: t(
      'De belastingaangifte van de overledene is ingediend',
      "The deceased's tax return is filed",
      'La déclaration fiscale du défunt est introduite',
    ),
  },
  'estate.funeralAllowance': {
    type: 'boolean',
    label: t(
      'De begrafenisvergoeding is betaald',
      'The funeral allowance was paid',
      "L'indemnité funéraire a été payée",
    ),
  },
  'estate.contractsSettled': {
    type: 'boolean',
    label: t(
      'Contracten zijn stopgezet of overgezet',
      'Contracts are ended or transferred',
      'Les contrats sont résiliés ou transférés',
    ),
  },
};

export const DEATH_OF_RELATIVE_V1 = defineLifeEvent({
  id: 'death-of-relative',
  version: 1,
  kind: 'life',
  owner: 'vlabel',
  title: t('Overlijden van een naaste', 'A relative has died', "Décès d'un proche"),
  summary: t(
    'Wat je regelt na het overlijden van een naaste: de aangifte, de bank, het attest van erfopvolging, de aangifte van nalatenschap en de erfbelasting, het ziekenfonds en de contracten. Pensioendiensten horen het vanzelf. Je geeft de gegevens één keer; elke dienst krijgt wat hij nodig heeft.',
    'What you arrange after a relative has died: the declaration, the bank, the certificate of inheritance, the inheritance declaration and tax, the health insurance fund and the contracts. Pension services hear of it by themselves. You give the details once; each service gets what it needs.',
    "Ce que vous réglez après le décès d'un proche : la déclaration, la banque, le certificat d'hérédité, la déclaration de succession et les droits de succession, la mutualité et les contrats. Les services de pension sont informés d'eux-mêmes. Vous donnez les données une seule fois ; chaque service reçoit ce dont il a besoin.",
  ),
  dataItems: DEATH_DATA_ITEMS,
  intake: [
    'death.declared',
    'deceased.survivingSpouse',
    'deceased.retired',
    'deceased.supplementaryPension',
    'estate.will',
    'estate.marriageContract',
    'estate.minorHeirs',
    'person.iban',
  ],
  steps: [
    // ovl-01. Immediately (observed). The certificate is still on paper (model III C/D).
    step('medical-certificate', {
      agency: 'zorgverstrekker',
      service: 'medical-death-certificate',
      mode: 'citizen',
      when: NOT_DECLARED,
      title: t('Attest van de arts', "The doctor's certificate", 'Le certificat du médecin'),
      description: t(
        'Een arts stelt het overlijden vast en geeft een medisch attest. Je uitvaartondernemer kan het voor je doorgeven.',
        'A doctor confirms the death and gives a medical certificate. Your funeral director can pass it on for you.',
        'Un médecin constate le décès et remet un certificat médical. Votre entrepreneur de pompes funèbres peut le transmettre pour vous.',
      ),
      produces: ['deceased.medicalCertificate'],
      channels: ['intermediary', 'counter'],
      expectedDays: 1,
    }),

    // ovl-02. Immediately after the death; the funeral director usually makes the declaration (intermediary).
    step('funeral-director', {
      agency: 'uitvaartondernemer',
      service: 'funeral-mandate',
      mode: 'citizen',
      when: NOT_DECLARED,
      dependsOn: ['medical-certificate'],
      title: t(
        'Een uitvaartondernemer kiezen',
        'Choose a funeral director',
        'Choisir un entrepreneur de pompes funèbres',
      ),
      description: t(
        'Kies een uitvaartondernemer. Die regelt de uitvaart en doet meestal de aangifte bij de gemeente. Vertel wat de overledene wilde: begraving of crematie, orgaan- of lichaamsdonatie. Had de overledene een uitvaartverzekering, laat het de verzekeraar weten.',
        'Choose a funeral director. They arrange the funeral and usually declare the death at the municipality. Say what the deceased wanted: burial or cremation, organ or body donation. If the deceased had funeral insurance, tell the insurer.',
        "Choisissez un entrepreneur de pompes funèbres. Il organise les funérailles et fait généralement la déclaration à la commune. Dites ce que souhaitait le défunt : inhumation ou crémation, don d'organes ou du corps. Si le défunt avait une assurance obsèques, prévenez l'assureur.",
      ),
      needs: ['deceased.medicalCertificate'],
      produces: ['funeral.directorMandate'],
      channels: ['counter', 'phone'],
      expectedDays: 1,
    }),

    // ovl-03. "As soon as possible", in any case before the funeral: no numeric term in the Belgian sources.
    step('death-declaration', {
      agency: 'gemeente',
      service: 'death-declaration',
      mode: 'manual',
      when: NOT_DECLARED,
      dependsOn: ['medical-certificate', 'funeral-director'],
      title: t('Het overlijden aangeven', 'Declare the death', 'Déclarer le décès'),
      description: t(
        'De uitvaartondernemer of een familielid geeft het overlijden aan bij de gemeente waar het gebeurde, vóór de uitvaart. De gemeente maakt de overlijdensakte en geeft toestemming voor de begraving of crematie. De registers worden meteen aangepast.',
        'The funeral director or a relative declares the death at the municipality where it happened, before the funeral. The municipality draws up the death certificate and allows the burial or cremation. The registers are updated at once.',
        "L'entrepreneur de pompes funèbres ou un proche déclare le décès à la commune où il a eu lieu, avant les funérailles. La commune établit l'acte de décès et autorise l'inhumation ou la crémation. Les registres sont mis à jour aussitôt.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'deceased.medicalCertificate', 'funeral.directorMandate'],
      produces: ['deceased.deathCertificate', 'deceased.deathDate'],
      channels: ['intermediary', 'counter'],
      // Before the funeral; two days is our estimate.
      expectedDays: 2,
    }),

    // ovl-04. The registration in the Rijksregister reaches pension and social security bodies through the KSZ.
    // Banks, insurers and utilities are not informed this way.
    step('public-notifications', {
      agency: 'rijksregister',
      service: 'death-notification-broadcast',
      mode: 'automatic',
      dependsOn: ['death-declaration'],
      critical: false,
      title: t(
        'Overheidsdiensten worden ingelicht',
        'Public services are informed',
        'Les services publics sont informés',
      ),
      description: t(
        'Het Rijksregister geeft het overlijden door aan de Pensioendienst, de sociale zekerheid, pensioeninstellingen en de Groeipakket-uitbetalers. Je hoeft hen niet zelf te verwittigen. Banken, verzekeraars en energieleveranciers horen het niet vanzelf.',
        'The National Register passes the death on to the Pension Service, social security, pension institutions and Groeipakket payers. You do not have to tell them yourself. Banks, insurers and energy suppliers do not hear of it by themselves.',
        "Le Registre national transmet le décès au Service des Pensions, à la sécurité sociale, aux organismes de pension et aux caisses du Groeipakket. Vous n'avez pas à les prévenir. Les banques, assureurs et fournisseurs d'énergie ne sont pas informés d'office.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'deceased.deathDate'],
      produces: ['death.publicBodiesInformed'],
      expectedDays: 1,
    }),

    // ovl-05, deceased already retired: entitlement is examined without an application.
    step('survivor-pension', {
      agency: 'federale-pensioendienst',
      service: 'survivor-pension-examination',
      mode: 'proactive',
      when: { and: [SURVIVING_SPOUSE, { field: 'deceased.retired', equals: true }] },
      dependsOn: ['public-notifications'],
      critical: false,
      title: t(
        'Overlevingspensioen zonder aanvraag',
        "Survivor's pension without an application",
        'Pension de survie sans demande',
      ),
      description: t(
        'Kreeg je partner al een pensioen? Dan stopt de Pensioendienst dat pensioen en onderzoekt zelf of je recht hebt op een overlevingspensioen. Het pensioen van de maand van overlijden gaat naar jou als je samenwoonde. Je hoeft niets aan te vragen.',
        "Did your partner already receive a pension? Then the Pension Service stops it and checks itself whether you are entitled to a survivor's pension. The pension for the month of death goes to you if you lived together. You do not have to apply.",
        "Votre partenaire recevait déjà une pension ? Le Service des Pensions l'arrête et examine lui-même votre droit à une pension de survie. La pension du mois du décès vous est versée si vous viviez ensemble. Vous n'avez rien à demander.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'person.nationalRegisterNumber'],
      produces: ['spouse.survivorPensionDecision'],
      // No term in the sources; a month is our estimate.
      expectedDays: 30,
    }),

    // ovl-05, deceased not yet retired: an application, up to 12 months after the death with retroactive effect.
    step('survivor-pension-application', {
      agency: 'federale-pensioendienst',
      service: 'survivor-pension-application',
      mode: 'manual',
      when: { and: [SURVIVING_SPOUSE, { field: 'deceased.retired', equals: false }] },
      dependsOn: ['public-notifications'],
      critical: false,
      title: t(
        'Overlevingspensioen of overgangsuitkering aanvragen',
        "Apply for a survivor's pension or transitional allowance",
        'Demander une pension de survie ou une allocation de transition',
      ),
      description: t(
        'Kreeg je partner nog geen pensioen? Vraag dan een overlevingspensioen of overgangsuitkering aan bij de Pensioendienst. Dat kan tot 12 maanden na het overlijden; je krijgt het dan met terugwerkende kracht.',
        "Did your partner not receive a pension yet? Then apply to the Pension Service for a survivor's pension or transitional allowance. You can do so up to 12 months after the death; you then get it backdated.",
        "Votre partenaire ne recevait pas encore de pension ? Demandez alors une pension de survie ou une allocation de transition au Service des Pensions. C'est possible jusqu'à 12 mois après le décès, avec effet rétroactif.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'person.nationalRegisterNumber', 'person.iban'],
      produces: ['spouse.survivorPensionDecision'],
      channels: ['online', 'phone', 'counter'],
      term: {
        days: 365,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:deceased.deathDate',
        onExpiry: 'remind',
        source: S.survivorPensionTerm,
      },
    }),

    // ovl-06. The institution has 30 days to find and inform the beneficiaries (and pays within 30 days of having
    // all information); the FSMA supervises, hence escalate.
    step('supplementary-pension', {
      agency: 'pensioeninstelling',
      service: 'death-benefit',
      mode: 'proactive',
      when: { field: 'deceased.supplementaryPension', equals: true },
      dependsOn: ['public-notifications'],
      critical: false,
      title: t(
        'Aanvullend pensioen bij overlijden',
        'Supplementary pension on death',
        'Pension complémentaire en cas de décès',
      ),
      description: t(
        'Had de overledene een groepsverzekering of pensioenfonds? De pensioeninstelling hoort het overlijden en laat de begunstigden binnen 30 dagen weten wat ze krijgen. Wij geven je rekeningnummer door.',
        'Did the deceased have group insurance or a pension fund? The pension institution hears of the death and tells the beneficiaries within 30 days what they get. We pass on your bank account number.',
        "Le défunt avait une assurance groupe ou un fonds de pension ? L'organisme de pension apprend le décès et informe les bénéficiaires dans les 30 jours de ce qu'ils reçoivent. Nous transmettons votre numéro de compte.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'person.iban'],
      produces: ['estate.deathBenefitPaid'],
      term: {
        days: 30,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'escalate',
        source: S.supplementaryPension,
      },
    }),

    // ovl-07. Not automatic today: the family tells each bank. The journey passes the death certificate on.
    step('notify-bank', {
      agency: 'bank',
      service: 'death-notification',
      mode: 'manual',
      dependsOn: ['death-declaration'],
      critical: false,
      title: t('De bank verwittigen', 'Tell the bank', 'Prévenir la banque'),
      description: t(
        'Laat de banken van de overledene het overlijden weten; wij sturen de overlijdensakte mee. De bank blokkeert de rekeningen, ook gezamenlijke. Facturen van de uitvaart kunnen nog van de rekening betaald worden. Was je getrouwd of wettelijk samenwonend, dan kan je een voorschot krijgen: de helft van het saldo, samen hoogstens 5.000 euro.',
        "Tell the deceased's banks about the death; we send the death certificate along. The bank blocks the accounts, joint ones too. Funeral invoices can still be paid from the account. If you were married or legal partners, you can get an advance: half of the balance, at most 5,000 euro in total.",
        "Informez les banques du défunt du décès ; nous joignons l'acte de décès. La banque bloque les comptes, y compris les comptes joints. Les factures des funérailles peuvent encore être payées depuis le compte. Si vous étiez marié ou cohabitant légal, vous pouvez obtenir une avance : la moitié du solde, 5.000 euros au plus au total.",
      ),
      needs: ['person.name', 'deceased.nationalRegisterNumber', 'deceased.deathCertificate'],
      produces: ['estate.bankInformed'],
      channels: ['online', 'counter', 'phone'],
      // "As soon as possible"; a couple of days is our estimate.
      expectedDays: 2,
    }),

    // ovl-08. Recommended for everyone: the result decides whether a notary is required.
    step('will-search', {
      agency: 'notaris',
      service: 'will-search',
      mode: 'manual',
      dependsOn: ['death-declaration'],
      critical: false,
      title: t('Zoeken naar een testament', 'Search for a will', 'Rechercher un testament'),
      description: t(
        'Een notaris kijkt in het Centraal Register van Testamenten of de overledene een testament liet registreren. Is er een testament, dan heb je een notaris nodig voor de erfenis.',
        'A notary checks the Central Register of Wills to see whether the deceased registered a will. If there is a will, you need a notary for the inheritance.',
        "Un notaire vérifie dans le Registre central des testaments si le défunt a fait enregistrer un testament. S'il y a un testament, vous avez besoin d'un notaire pour la succession.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'deceased.deathCertificate'],
      produces: ['estate.willSearchResult'],
      channels: ['counter'],
      // No term in the sources (estimate).
      expectedDays: 7,
    }),

    // ovl-09, without a notary: free, online via MyMinfin since 18 July 2022, about 4 weeks (observed).
    step('inheritance-certificate', {
      agency: 'fod-financien',
      service: 'inheritance-certificate',
      mode: 'manual',
      when: { not: NOTARY_REQUIRED },
      dependsOn: ['death-declaration', 'will-search'],
      critical: false,
      title: t('Attest van erfopvolging', 'Certificate of inheritance', "Certificat d'hérédité"),
      description: t(
        'Het attest van erfopvolging zegt wie de erfgenamen zijn. Het Kantoor Rechtszekerheid van FOD Financiën maakt het gratis, meestal binnen vier weken. Vraag het online in MyMinfin of aan het loket. De overlijdensakte en de familiebanden halen ze zelf op.',
        'The certificate of inheritance says who the heirs are. The Legal Certainty Office of FPS Finance makes it for free, usually within four weeks. Apply online in MyMinfin or at the counter. They fetch the death certificate and family ties themselves.',
        "Le certificat d'hérédité indique qui sont les héritiers. Le Bureau Sécurité juridique du SPF Finances l'établit gratuitement, en général dans les quatre semaines. Demandez-le en ligne dans MyMinfin ou au guichet. Il récupère lui-même l'acte de décès et les liens familiaux.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'deceased.nationalRegisterNumber',
        'deceased.deathCertificate',
      ],
      produces: ['estate.heirsCertificate'],
      channels: ['online', 'counter'],
      cost: { online: 0, counter: 0 },
      term: {
        days: 28,
        unit: 'calendar',
        kind: 'observed',
        from: 'dispatch',
        onExpiry: 'remind',
        source: S.inheritanceCertificate,
      },
    }),

    // ovl-09, with a notary (will, marriage contract, minor heirs). The sources give the registration duty of the
    // deed (EUR 50; older sources EUR 25), not the notary's fee. No term (estimate).
    step('inheritance-deed', {
      agency: 'notaris',
      service: 'inheritance-deed',
      mode: 'manual',
      when: NOTARY_REQUIRED,
      dependsOn: ['death-declaration', 'will-search'],
      critical: false,
      title: t(
        'Akte van erfopvolging bij de notaris',
        'Deed of inheritance at the notary',
        "Acte d'hérédité chez le notaire",
      ),
      description: t(
        'Is er een testament, een huwelijkscontract of een minderjarige erfgenaam? Dan maakt een notaris de akte van erfopvolging. Die zegt wie de erfgenamen zijn. Naast het loon van de notaris betaal je 50 euro registratierecht.',
        "Is there a will, a marriage contract or an heir who is a minor? Then a notary draws up the deed of inheritance. It says who the heirs are. Besides the notary's fee you pay 50 euro registration duty.",
        "Y a-t-il un testament, un contrat de mariage ou un héritier mineur ? Un notaire établit alors l'acte d'hérédité. Il indique qui sont les héritiers. En plus des honoraires du notaire, vous payez 50 euros de droit d'enregistrement.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'deceased.nationalRegisterNumber',
        'deceased.deathCertificate',
      ],
      produces: ['estate.heirsCertificate'],
      channels: ['counter'],
      cost: { counter: 50 },
      expectedDays: 28,
    }),

    // ovl-10. The bank checks the certificate or deed itself (either path); banks may ask a notarial deed above
    // EUR 50,000. No term (estimate).
    step('unblock-accounts', {
      agency: 'bank',
      service: 'estate-release',
      mode: 'manual',
      dependsOn: ['notify-bank', 'inheritance-certificate', 'inheritance-deed'],
      critical: false,
      title: t('De rekeningen vrijgeven', 'Release the accounts', 'Débloquer les comptes'),
      description: t(
        'Met het attest of de akte van erfopvolging geeft de bank de rekeningen vrij en verdeelt het geld onder de erfgenamen. Voor meer dan 50.000 euro kan de bank een akte van de notaris vragen.',
        'With the certificate or deed of inheritance, the bank releases the accounts and shares the money among the heirs. For more than 50,000 euro the bank may ask for a deed from a notary.',
        "Avec le certificat ou l'acte d'hérédité, la banque débloque les comptes et répartit l'argent entre les héritiers. Au-delà de 50.000 euros, la banque peut demander un acte notarié.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'person.iban'],
      produces: ['estate.accountsReleased'],
      channels: ['online', 'counter'],
      expectedDays: 7,
    }),

    // ovl-11. 4 months after a death in Belgium; 5 or 6 months for a death abroad and a 2-month extension on request
    // are not modelled. Vlabel sends the heirs a letter and a reminder: remind.
    step('inheritance-tax-return', {
      agency: 'vlabel',
      service: 'inheritance-tax-return',
      mode: 'citizen',
      dependsOn: ['death-declaration'],
      title: t('Aangifte van nalatenschap', 'Inheritance declaration', 'Déclaration de succession'),
      description: t(
        'Dien binnen 4 maanden na het overlijden de aangifte van nalatenschap in bij de Vlaamse Belastingdienst: online in ERFonline, op papier of via een notaris. Vermeld de erfgenamen, wat de overledene bezat (rekeningen, woning, verzekeringen), schenkingen van de laatste jaren, schulden en de kosten van de uitvaart. Ben je te laat, dan betaal je meer.',
        'File the inheritance declaration with the Flemish Tax Administration within 4 months of the death: online in ERFonline, on paper or through a notary. List the heirs, what the deceased owned (accounts, home, insurance), gifts of the last years, debts and the funeral costs. If you are late, you pay more.',
        'Introduisez la déclaration de succession auprès du Service flamand des impôts dans les 4 mois du décès : en ligne dans ERFonline, sur papier ou via un notaire. Indiquez les héritiers, ce que possédait le défunt (comptes, logement, assurances), les donations des dernières années, les dettes et les frais funéraires. En cas de retard, vous payez plus.',
      ),
      needs: ['person.name', 'person.address', 'deceased.nationalRegisterNumber', 'deceased.deathDate'],
      produces: ['estate.declarationReference'],
      channels: ['online', 'intermediary'],
      term: {
        days: 120,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:deceased.deathDate',
        onExpiry: 'remind',
        source: S.inheritanceReturn,
      },
    }),

    // ovl-12 (assessment). Normally sent within 3 months of the declaration: observed practice, not a legal term.
    step('inheritance-tax-assessment', {
      agency: 'vlabel',
      service: 'inheritance-tax-assessment',
      mode: 'manual',
      dependsOn: ['inheritance-tax-return'],
      title: t('Aanslag erfbelasting', 'Inheritance tax assessment', 'Avis des droits de succession'),
      description: t(
        'De Vlaamse Belastingdienst berekent de erfbelasting en stuurt het aanslagbiljet naar het adres dat je koos, meestal binnen drie maanden. Ben je het niet eens, dan kan je binnen drie maanden bezwaar indienen.',
        'The Flemish Tax Administration calculates the inheritance tax and sends the assessment to the address you chose, usually within three months. If you disagree, you can object within three months.',
        "Le Service flamand des impôts calcule les droits de succession et envoie l'avis à l'adresse que vous avez choisie, en général dans les trois mois. Si vous n'êtes pas d'accord, vous pouvez introduire une réclamation dans les trois mois.",
      ),
      needs: ['estate.declarationReference'],
      produces: ['estate.taxAssessment'],
      channels: ['online'],
      term: {
        days: 90,
        unit: 'calendar',
        kind: 'observed',
        from: 'dispatch',
        onExpiry: 'escalate',
        source: S.inheritanceSteps,
      },
    }),

    // ovl-12 (payment). Due 2 months after the assessment is sent; an instalment plan is possible, a deferral not.
    step('inheritance-tax-payment', {
      agency: 'vlabel',
      service: 'inheritance-tax-payment',
      mode: 'citizen',
      dependsOn: ['inheritance-tax-assessment'],
      title: t('Erfbelasting betalen', 'Pay the inheritance tax', 'Payer les droits de succession'),
      description: t(
        'Betaal de erfbelasting binnen twee maanden na de datum van het aanslagbiljet, samen of elke erfgenaam apart. Lukt dat niet in één keer, vraag dan een afbetalingsplan.',
        'Pay the inheritance tax within two months of the date of the assessment, together or each heir separately. If you cannot pay at once, ask for an instalment plan.',
        "Payez les droits de succession dans les deux mois de la date de l'avis, ensemble ou chaque héritier séparément. Si vous ne pouvez pas payer en une fois, demandez un plan de paiement.",
      ),
      needs: ['estate.taxAssessment'],
      produces: ['estate.taxPaid'],
      channels: ['online'],
      term: {
        days: 60,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'completed:inheritance-tax-assessment',
        onExpiry: 'remind',
        source: S.inheritancePayment,
      },
    }),

    // ovl-13. The normal yearly filing deadline applies (not in the source); the return for the year of death is
    // filed the next spring: about six months (estimate). Prefilled for first-degree relatives.
    step('income-tax-deceased', {
      agency: 'fod-financien',
      service: 'income-tax-return-deceased',
      mode: 'citizen',
      dependsOn: ['death-declaration'],
      critical: false,
      title: t('Belastingaangifte van de overledene', "The deceased's tax return", 'La déclaration fiscale du défunt'),
      description: t(
        'Het jaar na het overlijden dien je nog een belastingaangifte in voor de overledene, in Tax-on-web. Ben je een kind of ouder van de overledene, dan is ze grotendeels ingevuld. Was je getrouwd, dan doe je voor het jaar van overlijden nog een gezamenlijke aangifte.',
        'The year after the death you still file a tax return for the deceased, in Tax-on-web. If you are a child or parent of the deceased, it is mostly filled in. If you were married, you file one more joint return for the year of death.',
        "L'année après le décès, vous introduisez encore une déclaration fiscale pour le défunt, dans Tax-on-web. Si vous êtes un enfant ou un parent du défunt, elle est en grande partie pré-remplie. Si vous étiez marié, vous faites encore une déclaration commune pour l'année du décès.",
      ),
      needs: ['deceased.nationalRegisterNumber'],
      produces: ['estate.incomeTaxFiled'],
      channels: ['online', 'counter'],
      expectedDays: 180,
    }),

    // ovl-14. Not informed automatically: the fund still asks for the certificate, which the journey now sends.
    step('funeral-allowance', {
      agency: 'ziekenfonds',
      service: 'funeral-allowance',
      mode: 'manual',
      dependsOn: ['death-declaration'],
      critical: false,
      title: t(
        'Begrafenisvergoeding van het ziekenfonds',
        'Funeral allowance from the health insurance fund',
        'Indemnité funéraire de la mutualité',
      ),
      description: t(
        'Het ziekenfonds van de overledene geeft een vergoeding voor de uitvaart en kijkt of jij recht hebt op een verhoogde tegemoetkoming. Wij sturen de overlijdensakte; jij bezorgt het betaalbewijs van de uitvaart.',
        "The deceased's health insurance fund pays an allowance for the funeral and checks whether you are entitled to increased reimbursement. We send the death certificate; you provide the proof of payment of the funeral.",
        "La mutualité du défunt verse une indemnité pour les funérailles et vérifie si vous avez droit à l'intervention majorée. Nous envoyons l'acte de décès ; vous fournissez la preuve de paiement des funérailles.",
      ),
      needs: ['deceased.nationalRegisterNumber', 'deceased.deathCertificate', 'person.iban'],
      produces: ['estate.funeralAllowance'],
      channels: ['online', 'counter'],
      // No term (estimate).
      expectedDays: 14,
    }),

    // ovl-15. Private parties are not informed by the registers; the family tells each one.
    step('notify-contract-parties', {
      agency: 'private-contract-parties',
      service: 'death-contract-notification',
      mode: 'citizen',
      dependsOn: ['death-declaration'],
      critical: false,
      title: t(
        'Contracten stopzetten of overzetten',
        'End or transfer contracts',
        'Résilier ou transférer les contrats',
      ),
      description: t(
        'Laat de werkgever, verzekeraars, energie- en waterleverancier, telecom en verhuurder het overlijden weten. Vul voor energie een overnamedocument in met de meterstanden. Zet de waterrekening op een andere naam, anders kan de levering stoppen.',
        'Tell the employer, insurers, energy and water supplier, telecom and landlord about the death. For energy, fill in a takeover document with the meter readings. Put the water bill in another name, otherwise the supply may stop.',
        "Informez l'employeur, les assureurs, les fournisseurs d'énergie et d'eau, les télécoms et le bailleur du décès. Pour l'énergie, remplissez un document de reprise avec les relevés des compteurs. Mettez la facture d'eau à un autre nom, sinon la fourniture peut s'arrêter.",
      ),
      produces: ['estate.contractsSettled'],
      channels: ['online', 'phone'],
      // No term; a month is our estimate.
      expectedDays: 30,
    }),
  ],
  // Opt-in, not opt-out: the death record names the deceased, not the relative who will settle the estate, and a
  // journey that starts asking a grieving family for data unasked would be intrusive. The family (or the funeral
  // director for them) gets a proposal and starts the journey by accepting it. What is already automatic (pension
  // services informed, survivor's pension examined) happens whether or not they accept.
  trigger: { event: 'death-registered', consent: 'opt-in' },
  sources: [...new Set(Object.values(DEATH_SOURCES))],
});
