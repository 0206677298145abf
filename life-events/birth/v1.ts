import { defineLifeEvent, step, type Condition, type DataItemSpec } from '@passage/journey-model';
import { PERSON_ADDRESS, PERSON_NAME, PERSON_NATIONAL_REGISTER_NUMBER, RIJKSREGISTER } from '../rijksregister';
import { t } from '../texts';

/*
 * "Ik krijg een kind", version 1.
 *
 * Modelled on the researched journey `birth` (shared/journeys, steps geb-01 … geb-16) and its sources. The journey
 * covers pregnancy and the first months, and starts in one of two ways:
 * - the parents start it during the pregnancy (`child.born = false`): the doctor's certificate is given once, and
 *   the employer, the registrar (recognition), the Groeipakket payer and the health insurance fund reuse it;
 * - the care provider's notification of the birth in DABS starts it without an application (trigger
 *   `birth-registered`), or the parents start it after the birth (`child.born = true`): the pregnancy steps are
 *   skipped and the birth date comes from DABS.
 * Variants: married or not (recognition before the birth, or at the declaration), the mother's work (maternity
 * leave), the co-parent's work (birth leave), early start payment, childcare, parental leave.
 *
 * The subject is the parent who gave birth (DABS links the child to her first); the co-parent acts with a mandate.
 * Terms that count backwards from the expected date ("7 weeks before") cannot be expressed: the model counts
 * forward from an anchor. They are told in the step text; the step gets an expected duration instead.
 */

export const BIRTH_SOURCES = {
  employer: 'https://www.mamabaas.be/content/wat-moet-ik-orde-maken-doen-voor-de-geboorte',
  pregnancy: 'https://www.nzvl.be/we-helpen-je-graag-met/zwanger-wat-moet-je-doen',
  recognition: 'https://www.hoeselt.be/burgerzaken/erkenning-geboorte',
  declarationPresent: 'https://www.fsmb.be/nl/wat-te-doen-bij/baby-op-komst/geboorte-aangeven',
  contactMoments: 'https://www.opgroeien.be/veelgestelde-vragen/welke-contactmomenten-zijn-er',
  startPayment: 'https://www.groeipakket.be/hoe-aanvragen',
  startPaymentMunicipal: 'https://www.begijnendijk.be/producten/detail/95/startbedrag-groeipakket',
  maternity: 'https://www.jobat.be/nl/artikels/waarom-moet-ik-het-ziekenfonds-inlichten/',
  notification: 'https://www.kindengezin.be/zwangerschap-en-geboorte/geboorte/aangifte/kennisgeving/',
  notificationTerm: 'https://www.helderrecht.be/nl/vraag/waarom-moet-je-een-geboorteaangifte-doen',
  declaration: 'https://www.poperinge.be/NL/pagina/2519/geboorte-aangeven',
  declarationCircular: 'https://etaamb.openjustice.be/nl/omzendbrief-van-03-november-2008_n2008009935.html',
  groeipakketMonthly: 'https://www.begijnendijk.be/producten/detail/96/basisbedrag-groeipakket',
  groeipakketAutomatic: 'https://expoo.be/automatische-rechtentoekenning',
  fons: 'https://www.fons.be/groeipakket',
  birthLeave: 'https://www.vnz.be/uitkeringen/geboorteverlof-vaderschapsverlof/',
  polio: 'https://www.kindengezin.be/nl/thema/gezondheid-en-vaccinatie/vaccinaties/het-basisvaccinatieschema',
  childcare:
    'https://www.kindengezin.be/nl/thema/kinderopvang-en-naar-school/zoek-een-opvang/wat-doet-kind-en-gezin-voor-kinderopvang-en',
  incomeTariff:
    'https://www.kindengezin.be/contact-en-help/vragen-over-mijn-kind-en-gezin/inkomenstarief/attest-aanvragen/',
  parentalLeave:
    'https://www.rva.be/werkgevers/loopbaanonderbreking-tijdskrediet-en-thematische-verloven/aanvraagprocedure-voor-de-thematische-verloven',
  parentalLeaveNotice: 'http://www.symbio.be/nl/vervangingsinkomens/moederschapvaderschap/ouderschapsverlof',
} as const;

const S = BIRTH_SOURCES;

export const EXPECTING: Condition = { field: 'child.born', equals: false };
export const UNMARRIED: Condition = { field: 'parents.married', equals: false };
export const MOTHER_EMPLOYEE: Condition = { field: 'mother.employment', equals: 'employee' };
/** Employees, jobseekers and mothers on sickness benefit get maternity leave from the health insurance fund. */
export const MATERNITY_LEAVE: Condition = { field: 'mother.employment', in: ['employee', 'jobseeker-or-sick'] };
export const NEEDS_CHILDCARE: Condition = { field: 'family.childcare', in: ['income-related', 'free-price'] };

/** The federal database of civil-status deeds: the birth, its date and the birth certificate are there. */
const DABS = 'dabs';

export const BIRTH_DATA_ITEMS: Readonly<Record<string, DataItemSpec>> = {
  'person.name': PERSON_NAME,
  'person.nationalRegisterNumber': PERSON_NATIONAL_REGISTER_NUMBER,
  'person.address': PERSON_ADDRESS,
  // Asked once when the journey starts; the trigger answers `child.born` and the Rijksregister `parents.married`.
  'child.born': {
    type: 'boolean',
    label: t('Is je kind al geboren?', 'Has your child been born yet?', 'Votre enfant est-il déjà né ?'),
  },
  'parents.married': {
    type: 'boolean',
    label: t(
      'Ben je getrouwd met de andere ouder?',
      'Are you married to the other parent?',
      "Êtes-vous marié(e) avec l'autre parent ?",
    ),
    authenticSource: RIJKSREGISTER,
  },
  'mother.employment': {
    type: 'enum',
    values: ['employee', 'jobseeker-or-sick', 'self-employed', 'other'],
    label: t(
      'Wat doe je nu? (werknemer, werkzoekend of ziek, zelfstandige, iets anders)',
      'What do you do now? (employee, jobseeker or on sick leave, self-employed, something else)',
      "Quelle est votre situation ? (salariée, demandeuse d'emploi ou malade, indépendante, autre)",
    ),
  },
  'coParent.employee': {
    type: 'boolean',
    label: t(
      'Werkt de andere ouder als werknemer?',
      'Does the other parent work as an employee?',
      "L'autre parent est-il salarié ?",
    ),
  },
  'family.earlyStartPayment': {
    type: 'boolean',
    label: t(
      'Wil je het startbedrag van het Groeipakket al vóór de geboorte krijgen?',
      'Do you want the Groeipakket start payment before the birth?',
      'Voulez-vous recevoir le montant de naissance du Groeipakket avant la naissance ?',
    ),
  },
  'family.childcare': {
    type: 'enum',
    values: ['none', 'income-related', 'free-price'],
    label: t(
      'Zoek je kinderopvang? (nee, ja met een prijs volgens je inkomen, ja met een vrije prijs)',
      'Are you looking for childcare? (no, yes with a price based on your income, yes with a free price)',
      "Cherchez-vous un accueil d'enfants ? (non, oui avec un tarif selon vos revenus, oui avec un prix libre)",
    ),
  },
  'parent.parentalLeave': {
    type: 'boolean',
    label: t(
      'Wil je ouderschapsverlof nemen?',
      'Do you want to take parental leave?',
      'Voulez-vous prendre un congé parental ?',
    ),
  },
  'family.iban': {
    type: 'string',
    label: t(
      'Rekeningnummer (IBAN) voor het Groeipakket',
      'Bank account number (IBAN) for the Groeipakket',
      'Numéro de compte (IBAN) pour le Groeipakket',
    ),
  },

  // Produced by steps.
  'pregnancy.certificate': {
    type: 'string',
    label: t(
      'Zwangerschapsattest van je arts of vroedvrouw',
      'Pregnancy certificate from your doctor or midwife',
      'Certificat de grossesse de votre médecin ou sage-femme',
    ),
  },
  'child.expectedBirthDate': {
    type: 'date',
    label: t('Vermoedelijke bevallingsdatum', 'Expected date of birth', "Date présumée de l'accouchement"),
  },
  'mother.employerInformed': {
    type: 'boolean',
    label: t(
      'Je werkgever weet dat je zwanger bent',
      'Your employer knows you are pregnant',
      'Votre employeur sait que vous êtes enceinte',
    ),
  },
  'child.recognitionDeed': {
    type: 'string',
    label: t('Akte van erkenning', 'Deed of recognition', 'Acte de reconnaissance'),
  },
  'family.kindEnGezinFile': {
    type: 'string',
    label: t('Je dossier bij Kind en Gezin', 'Your file at Kind en Gezin', 'Votre dossier chez Kind en Gezin'),
  },
  'family.startPaymentPaid': {
    type: 'boolean',
    label: t('Het startbedrag is betaald', 'The start payment was paid', 'Le montant de naissance a été payé'),
  },
  'family.childcareStartDate': {
    type: 'date',
    label: t('Startdatum van de kinderopvang', 'Start date of childcare', "Date de début de l'accueil"),
  },
  'child.birthDate': {
    type: 'date',
    label: t('Geboortedatum van je kind', "Your child's date of birth", 'Date de naissance de votre enfant'),
    authenticSource: DABS,
  },
  'child.birthCertificate': {
    type: 'string',
    label: t('Geboorteakte', 'Birth certificate', 'Acte de naissance'),
    authenticSource: DABS,
  },
  'child.nationalRegisterNumber': {
    type: 'string',
    label: t(
      'Rijksregisternummer van je kind',
      "Your child's national register number",
      'Numéro de registre national de votre enfant',
    ),
    authenticSource: RIJKSREGISTER,
  },
  'child.registered': {
    type: 'boolean',
    label: t(
      'Je kind staat ingeschreven op jullie adres',
      'Your child is registered at your address',
      'Votre enfant est inscrit à votre adresse',
    ),
  },
  'child.groeipakketGranted': {
    type: 'boolean',
    label: t('Het Groeipakket is toegekend', 'The Groeipakket was granted', 'Le Groeipakket a été accordé'),
  },
  'child.healthInsured': {
    type: 'boolean',
    label: t(
      'Je kind is verzekerd bij je ziekenfonds',
      'Your child is insured with your health insurance fund',
      'Votre enfant est assuré auprès de votre mutualité',
    ),
  },
  'mother.maternityBenefit': {
    type: 'boolean',
    label: t(
      'Je moederschapsuitkering is geregeld',
      'Your maternity benefit is arranged',
      'Votre indemnité de maternité est réglée',
    ),
  },
  'coParent.birthLeaveBenefit': {
    type: 'boolean',
    label: t(
      'De uitkering voor geboorteverlof is geregeld',
      'The birth leave benefit is arranged',
      "L'indemnité de congé de naissance est réglée",
    ),
  },
  'child.homeVisitDone': {
    type: 'boolean',
    label: t(
      'Het eerste huisbezoek is gebeurd',
      'The first home visit took place',
      'La première visite à domicile a eu lieu',
    ),
  },
  'child.polioVaccinated': {
    type: 'boolean',
    label: t(
      'De poliovaccinatie is geregistreerd',
      'The polio vaccination is registered',
      'La vaccination contre la polio est enregistrée',
    ),
  },
  'family.incomeTariffCertificate': {
    type: 'string',
    label: t('Attest inkomenstarief', 'Income-related tariff certificate', 'Attestation de tarif lié aux revenus'),
  },
  'parent.parentalLeaveDecision': {
    type: 'string',
    label: t(
      'Beslissing over je ouderschapsverlof',
      'Decision on your parental leave',
      'Décision sur votre congé parental',
    ),
  },
};

export const BIRTH_V1 = defineLifeEvent({
  id: 'birth',
  version: 1,
  kind: 'life',
  owner: 'opgroeien',
  title: t('Ik krijg een kind', 'I am having a child', "J'ai un enfant"),
  summary: t(
    'Alles wat je regelt rond de geboorte van je kind: je werkgever, de erkenning als je niet getrouwd bent, de aangifte bij de gemeente, verlof en uitkeringen, Kind en Gezin en kinderopvang. Het Groeipakket en je ziekenfonds volgen vanzelf. Je geeft het attest van je arts één keer; elke dienst krijgt wat hij nodig heeft.',
    "Everything you arrange around the birth of your child: your employer, the recognition if you are not married, the declaration at the municipality, leave and benefits, Kind en Gezin and childcare. The Groeipakket and your health insurance fund follow by themselves. You give your doctor's certificate once; each service gets what it needs.",
    "Tout ce que vous réglez autour de la naissance de votre enfant : votre employeur, la reconnaissance si vous n'êtes pas mariés, la déclaration à la commune, les congés et indemnités, Kind en Gezin et l'accueil d'enfants. Le Groeipakket et votre mutualité suivent d'eux-mêmes. Vous donnez une seule fois le certificat de votre médecin ; chaque service reçoit ce dont il a besoin.",
  ),
  dataItems: BIRTH_DATA_ITEMS,
  intake: [
    'child.born',
    'parents.married',
    'mother.employment',
    'coParent.employee',
    'family.earlyStartPayment',
    'family.childcare',
    'parent.parentalLeave',
    'family.iban',
  ],
  steps: [
    // Not a step of the research but its once-only finding: the same certificate is handed out up to four times
    // (geb-01, 02, 04, 05). Given once here, the later steps reuse it.
    step('pregnancy-certificate', {
      agency: 'zorgverstrekker',
      service: 'pregnancy-certificate',
      mode: 'citizen',
      when: EXPECTING,
      title: t('Zwangerschapsattest geven', 'Give your pregnancy certificate', 'Donner votre certificat de grossesse'),
      description: t(
        'Vraag je arts of vroedvrouw een attest met de vermoedelijke bevallingsdatum. Laad het hier één keer op. Je werkgever, de gemeente, je Groeipakket-uitbetaler en je ziekenfonds krijgen het dan van ons.',
        'Ask your doctor or midwife for a certificate with the expected date of birth. Upload it here once. Your employer, the municipality, your Groeipakket payer and your health insurance fund then get it from us.',
        "Demandez à votre médecin ou sage-femme un certificat avec la date présumée de l'accouchement. Chargez-le ici une seule fois. Votre employeur, la commune, votre caisse du Groeipakket et votre mutualité le reçoivent alors de nous.",
      ),
      produces: ['pregnancy.certificate', 'child.expectedBirthDate'],
      channels: ['online', 'counter'],
      expectedDays: 7,
    }),

    // geb-01. At the latest 7 weeks (9 for twins) before the expected date: a backward term, told in the text.
    step('notify-employer', {
      agency: 'werkgever',
      service: 'pregnancy-notice',
      mode: 'citizen',
      when: { and: [EXPECTING, MOTHER_EMPLOYEE] },
      dependsOn: ['pregnancy-certificate'],
      critical: false,
      title: t('Je werkgever inlichten', 'Tell your employer', 'Informer votre employeur'),
      description: t(
        'Geef je werkgever het attest met de vermoedelijke bevallingsdatum, zo snel mogelijk en ten laatste 7 weken voor die datum (9 weken bij een tweeling). Vanaf dan ben je beschermd tegen ontslag en kan je werkgever je verlof plannen.',
        'Give your employer the certificate with the expected date of birth, as soon as possible and at the latest 7 weeks before that date (9 weeks for twins). From then on you are protected against dismissal and your employer can plan your leave.',
        "Remettez à votre employeur le certificat avec la date présumée de l'accouchement, dès que possible et au plus tard 7 semaines avant cette date (9 semaines pour des jumeaux). Vous êtes alors protégée contre le licenciement et votre employeur peut planifier votre congé.",
      ),
      needs: ['pregnancy.certificate', 'child.expectedBirthDate'],
      produces: ['mother.employerInformed'],
      channels: ['online', 'counter'],
      expectedDays: 7,
    }),

    // geb-02. Possible from the 6th month; no term. Unmarried parents can also recognise at the declaration.
    step('prenatal-recognition', {
      agency: 'gemeente',
      service: 'recognition',
      mode: 'manual',
      when: { and: [EXPECTING, UNMARRIED] },
      dependsOn: ['pregnancy-certificate'],
      critical: false,
      title: t(
        'Je kind vóór de geboorte erkennen',
        'Recognise your child before the birth',
        'Reconnaître votre enfant avant la naissance',
      ),
      description: t(
        'Zijn jullie niet getrouwd? Dan erkent de andere ouder het kind bij de ambtenaar van de burgerlijke stand. Dat kan vanaf de zesde maand van de zwangerschap. Ga samen naar de gemeente met jullie identiteitskaarten; de gemeente heeft het attest al. Zo staat de andere ouder meteen in de geboorteakte.',
        'Are you not married? Then the other parent recognises the child at the civil registrar. This is possible from the sixth month of the pregnancy. Go to the municipality together with your identity cards; the municipality already has the certificate. This way the other parent is in the birth certificate right away.',
        "Vous n'êtes pas mariés ? L'autre parent reconnaît alors l'enfant auprès de l'officier de l'état civil. C'est possible dès le sixième mois de grossesse. Allez ensemble à la commune avec vos cartes d'identité ; la commune a déjà le certificat. Ainsi, l'autre parent figure tout de suite dans l'acte de naissance.",
      ),
      needs: ['person.name', 'person.nationalRegisterNumber', 'pregnancy.certificate', 'child.expectedBirthDate'],
      produces: ['child.recognitionDeed'],
      channels: ['counter'],
      // No term; an appointment at the counter within two weeks is our estimate.
      expectedDays: 14,
    }),

    // geb-03. Offered to every family, before or shortly after the birth.
    step('kind-en-gezin-intake', {
      agency: 'opgroeien',
      service: 'family-intake',
      mode: 'proactive',
      critical: false,
      title: t('Kennismaking met Kind en Gezin', 'Meet Kind en Gezin', 'Rencontrer Kind en Gezin'),
      description: t(
        'Kind en Gezin neemt zelf contact met je op voor een eerste gesprek, tijdens de zwangerschap of in de kraamafdeling. Je krijgt een vaste contactpersoon en het Kindboekje. Het is gratis.',
        'Kind en Gezin contacts you itself for a first talk, during the pregnancy or in the maternity ward. You get a contact person and the child health booklet. It is free.',
        "Kind en Gezin vous contacte de lui-même pour un premier entretien, pendant la grossesse ou à la maternité. Vous recevez une personne de contact et le carnet de santé. C'est gratuit.",
      ),
      needs: ['person.name', 'person.address'],
      produces: ['family.kindEnGezinFile'],
      channels: ['automatic'],
      // Before or shortly after the birth; two weeks is our estimate.
      expectedDays: 14,
    }),

    // geb-04. Optional: without a request the payer pays the start payment after the birth anyway.
    step('early-start-payment', {
      agency: 'groeipakket-uitbetaler',
      service: 'early-start-payment',
      mode: 'manual',
      when: { and: [EXPECTING, { field: 'family.earlyStartPayment', equals: true }] },
      dependsOn: ['pregnancy-certificate'],
      critical: false,
      title: t(
        'Startbedrag vóór de geboorte',
        'Start payment before the birth',
        'Montant de naissance avant la naissance',
      ),
      description: t(
        'Je kiest een Groeipakket-uitbetaler: FONS of een private uitbetaler. Heb je al kinderen, dan blijft het je huidige uitbetaler. Vanaf vijf maanden zwangerschap kan je het startbedrag vragen. Het komt ten vroegste twee maanden voor de vermoedelijke bevallingsdatum. Wij sturen je attest en rekeningnummer door.',
        'You choose a Groeipakket payer: FONS or a private payer. If you already have children, it stays your current payer. From five months of pregnancy you can ask for the start payment. It comes at the earliest two months before the expected date of birth. We send your certificate and bank account number.',
        "Vous choisissez une caisse du Groeipakket : FONS ou une caisse privée. Si vous avez déjà des enfants, c'est votre caisse actuelle. Dès cinq mois de grossesse, vous pouvez demander le montant de naissance. Il est versé au plus tôt deux mois avant la date présumée de l'accouchement. Nous transmettons votre certificat et votre numéro de compte.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'pregnancy.certificate',
        'child.expectedBirthDate',
        'family.iban',
      ],
      produces: ['family.startPaymentPaid'],
      channels: ['online', 'counter'],
      // No decision term in the sources (estimate).
      expectedDays: 14,
    }),

    // geb-14. Places are scarce: families are advised to start during the pregnancy, so nothing waits for the birth.
    step('find-childcare', {
      agency: 'gemeente',
      service: 'childcare-search',
      mode: 'citizen',
      when: NEEDS_CHILDCARE,
      critical: false,
      title: t('Kinderopvang zoeken', 'Find childcare', "Trouver un accueil d'enfants"),
      description: t(
        'Zoek zo vroeg mogelijk een plaats, liefst al tijdens de zwangerschap: er zijn wachtlijsten. Het Lokaal Loket Kinderopvang van je gemeente helpt je. Laat ons weten wanneer de opvang start.',
        'Look for a place as early as possible, preferably during the pregnancy: there are waiting lists. The local childcare desk of your municipality helps you. Tell us when childcare starts.',
        "Cherchez une place le plus tôt possible, de préférence pendant la grossesse : il y a des listes d'attente. Le guichet local d'accueil d'enfants de votre commune vous aide. Dites-nous quand l'accueil commence.",
      ),
      produces: ['family.childcareStartDate'],
      channels: ['online', 'counter', 'phone'],
      // Waiting lists, no term (observed); two months is our estimate.
      expectedDays: 60,
    }),

    // geb-06. The care provider's notification is what DABS records first: it is the `birth-registered` trigger.
    // In a journey started during the pregnancy this step waits for the birth. The 1-day legal term counts from the
    // birth this step itself reports, so no timer can be armed in advance; the expected duration is the rest of the
    // pregnancy after the certificate (usually given in the 5th or 6th month; estimate).
    step('birth-notification', {
      agency: 'zorgverstrekker',
      service: 'birth-notification',
      mode: 'proactive',
      when: EXPECTING,
      dependsOn: ['pregnancy-certificate'],
      title: t('Het ziekenhuis meldt de geboorte', 'The hospital reports the birth', "L'hôpital signale la naissance"),
      description: t(
        'Na de geboorte meldt het ziekenhuis, de arts of de vroedvrouw de geboorte aan de gemeente, ten laatste de dag erna. Je krijgt een document voor de aangifte. Je hoeft zelf niets te doen.',
        'After the birth, the hospital, doctor or midwife reports it to the municipality, at the latest the next day. You get a document for the declaration. You do not have to do anything.',
        "Après la naissance, l'hôpital, le médecin ou la sage-femme la signale à la commune, au plus tard le lendemain. Vous recevez un document pour la déclaration. Vous n'avez rien à faire.",
      ),
      produces: ['child.birthDate'],
      expectedDays: 120,
    }),

    // geb-07. 15 calendar days, the day of birth not counted, moved to the next working day (the clock does both).
    // When the parents do not declare, the registrar follows up with the notifier: escalate. It does not depend on
    // the prenatal recognition: a refused recognition must not cancel the declaration (recognition is then possible
    // at the declaration), and the registrar reads a recognition deed in DABS.
    step('birth-declaration', {
      agency: 'gemeente',
      service: 'birth-declaration',
      mode: 'manual',
      dependsOn: ['birth-notification'],
      title: t('De geboorte aangeven', 'Declare the birth', 'Déclarer la naissance'),
      description: t(
        'Geef de geboorte aan bij de gemeente waar je kind geboren is, binnen 15 dagen. Neem je identiteitskaart en het document van het ziekenhuis mee en kies de naam. Je huwelijk of de erkenning ziet de gemeente zelf. Zijn jullie niet getrouwd en erkende de andere ouder het kind nog niet, kom dan samen: dan kan de erkenning meteen. Je kind krijgt een geboorteakte en een rijksregisternummer.',
        "Declare the birth at the municipality where your child was born, within 15 days. Bring your identity card and the hospital's document, and choose the name. The municipality sees your marriage or the recognition itself. If you are not married and the other parent has not recognised the child yet, come together: the recognition can then be done at once. Your child gets a birth certificate and a national register number.",
        "Déclarez la naissance à la commune où votre enfant est né, dans les 15 jours. Apportez votre carte d'identité et le document de l'hôpital, et choisissez le nom. La commune voit elle-même votre mariage ou la reconnaissance. Si vous n'êtes pas mariés et que l'autre parent n'a pas encore reconnu l'enfant, venez ensemble : la reconnaissance peut se faire tout de suite. Votre enfant reçoit un acte de naissance et un numéro de registre national.",
      ),
      needs: ['person.name', 'person.nationalRegisterNumber', 'parents.married', 'child.birthDate'],
      produces: ['child.birthCertificate', 'child.nationalRegisterNumber'],
      channels: ['counter'],
      term: {
        days: 15,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:child.birthDate',
        onExpiry: 'escalate',
        source: S.declaration,
      },
    }),

    // geb-08. The municipality of birth passes the registration on to the municipality of residence.
    step('child-registration', {
      agency: 'gemeente',
      service: 'child-registration',
      mode: 'automatic',
      dependsOn: ['birth-declaration'],
      title: t(
        'Je kind wordt ingeschreven op jullie adres',
        'Your child is registered at your address',
        'Votre enfant est inscrit à votre adresse',
      ),
      description: t(
        'Je gemeente schrijft je kind in op jullie adres in het bevolkingsregister. Dat gebeurt automatisch.',
        'Your municipality registers your child at your address in the population register. This happens automatically.',
        'Votre commune inscrit votre enfant à votre adresse au registre de la population. Cela se fait automatiquement.',
      ),
      needs: ['child.nationalRegisterNumber', 'person.address'],
      produces: ['child.registered'],
      expectedDays: 1,
    }),

    // geb-09. Automatic granting of rights: no application; the payer of an early start payment continues. It does
    // not depend on that optional request, whose refusal must not cancel the Groeipakket. Monthly amounts are paid on
    // the 8th of the following month (observed), hence about 30 days.
    step('groeipakket', {
      agency: 'groeipakket-uitbetaler',
      service: 'groeipakket-grant',
      mode: 'proactive',
      dependsOn: ['birth-declaration'],
      critical: false,
      title: t(
        'Je Groeipakket start vanzelf',
        'Your Groeipakket starts by itself',
        'Votre Groeipakket démarre tout seul',
      ),
      description: t(
        'Je krijgt het startbedrag (als je het nog niet kreeg) en elke maand het basisbedrag, vanaf de maand van de geboorte. Je uitbetaler kijkt zelf na of je recht hebt op toeslagen. Je hoeft niets aan te vragen. Kies je geen uitbetaler, dan betaalt FONS.',
        'You get the start payment (if you did not get it yet) and the basic amount every month, from the month of the birth. Your payer checks itself whether you are entitled to supplements. You do not have to apply. If you choose no payer, FONS pays.',
        "Vous recevez le montant de naissance (si vous ne l'avez pas encore reçu) et chaque mois le montant de base, dès le mois de la naissance. Votre caisse vérifie elle-même si vous avez droit à des suppléments. Vous n'avez rien à demander. Si vous ne choisissez pas de caisse, FONS paie.",
      ),
      needs: ['child.nationalRegisterNumber', 'child.birthDate', 'family.iban'],
      produces: ['child.groeipakketGranted'],
      expectedDays: 30,
    }),

    // geb-10. The health insurance fund learns of the birth through the Crossroads Bank (NZVL).
    step('child-health-insurance', {
      agency: 'ziekenfonds',
      service: 'child-dependant-registration',
      mode: 'proactive',
      dependsOn: ['birth-declaration'],
      critical: false,
      title: t(
        'Je kind is verzekerd bij je ziekenfonds',
        'Your child is insured with your health insurance fund',
        'Votre enfant est assuré auprès de votre mutualité',
      ),
      description: t(
        'Je ziekenfonds hoort via de Kruispuntbank van de geboorte en schrijft je kind in als persoon ten laste. Je hoeft geen attest binnen te brengen.',
        'Your health insurance fund hears of the birth through the Crossroads Bank and registers your child as your dependant. You do not have to bring a certificate.',
        'Votre mutualité apprend la naissance par la Banque-Carrefour et inscrit votre enfant comme personne à charge. Vous ne devez apporter aucune attestation.',
      ),
      needs: ['child.nationalRegisterNumber', 'person.nationalRegisterNumber'],
      produces: ['child.healthInsured'],
      // No term; a week is our estimate.
      expectedDays: 7,
    }),

    // geb-05. The fund settles the leave with the real birth date (9 weeks of compulsory rest after the birth, then
    // a return-to-work certificate within 8 days): about 70 days (estimate). It reads the birth from DABS instead of
    // asking an extract.
    step('maternity-leave', {
      agency: 'ziekenfonds',
      service: 'maternity-benefit',
      mode: 'manual',
      when: MATERNITY_LEAVE,
      dependsOn: ['notify-employer', 'birth-declaration'],
      critical: false,
      title: t('Moederschapsrust en uitkering', 'Maternity leave and benefit', 'Repos de maternité et indemnité'),
      description: t(
        'Je moederschapsrust duurt 15 weken: 1 week voor en 9 weken na de bevalling zijn verplicht. Meld je verlof aan je ziekenfonds ten laatste op de eerste dag; je werkgever stuurt zijn deel zelf. Na de geboorte ziet je ziekenfonds de geboortedatum, berekent je verlof en betaalt je uitkering. Breng binnen 8 dagen na je verlof het attest van werkhervatting.',
        'Your maternity leave lasts 15 weeks: 1 week before and 9 weeks after the birth are compulsory. Report your leave to your health insurance fund at the latest on the first day; your employer sends their part. After the birth, your fund sees the date of birth, calculates your leave and pays your benefit. Bring the return-to-work certificate within 8 days after your leave.',
        "Votre repos de maternité dure 15 semaines : 1 semaine avant et 9 semaines après l'accouchement sont obligatoires. Signalez votre congé à votre mutualité au plus tard le premier jour ; votre employeur envoie sa partie. Après la naissance, votre mutualité voit la date de naissance, calcule votre congé et paie votre indemnité. Apportez l'attestation de reprise du travail dans les 8 jours après votre congé.",
      ),
      needs: ['person.nationalRegisterNumber', 'mother.employment', 'child.birthDate'],
      produces: ['mother.maternityBenefit'],
      channels: ['online', 'counter'],
      expectedDays: 70,
    }),

    // geb-11. 20 days for births from 1 January 2023, within 4 months of the birth (120 days).
    step('birth-leave', {
      agency: 'ziekenfonds',
      service: 'birth-leave-benefit',
      mode: 'manual',
      when: { field: 'coParent.employee', equals: true },
      dependsOn: ['birth-declaration'],
      critical: false,
      title: t(
        'Geboorteverlof voor de andere ouder',
        'Birth leave for the other parent',
        "Congé de naissance pour l'autre parent",
      ),
      description: t(
        'De andere ouder heeft 20 dagen geboorteverlof, op te nemen binnen 4 maanden na de geboorte. Meld het aan je werkgever: die betaalt de eerste 3 dagen. Het ziekenfonds betaalt de andere dagen. Het ziekenfonds krijgt de geboorteakte van ons.',
        'The other parent has 20 days of birth leave, to be taken within 4 months of the birth. Tell your employer: they pay the first 3 days. The health insurance fund pays the other days. The fund gets the birth certificate from us.',
        "L'autre parent a 20 jours de congé de naissance, à prendre dans les 4 mois qui suivent la naissance. Prévenez votre employeur : il paie les 3 premiers jours. La mutualité paie les autres jours. La mutualité reçoit l'acte de naissance de notre part.",
      ),
      needs: ['child.birthCertificate', 'child.birthDate'],
      produces: ['coParent.birthLeaveBenefit'],
      channels: ['online', 'counter'],
      term: {
        days: 120,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:child.birthDate',
        onExpiry: 'remind',
        source: S.birthLeave,
      },
    }),

    // geb-12. First home visit about 2 weeks after the birth (observed practice, not a legal term).
    step('kind-en-gezin-follow-up', {
      agency: 'opgroeien',
      service: 'preventive-follow-up',
      mode: 'proactive',
      dependsOn: ['kind-en-gezin-intake', 'birth-declaration'],
      critical: false,
      title: t(
        'Huisbezoek en consultaties van Kind en Gezin',
        'Home visit and check-ups by Kind en Gezin',
        'Visite à domicile et consultations de Kind en Gezin',
      ),
      description: t(
        'Een verpleegkundige van Kind en Gezin komt ongeveer twee weken na de geboorte bij je thuis. Daarna krijg je afspraken voor consultaties en vaccinaties. Alles is gratis.',
        'A nurse from Kind en Gezin visits you at home about two weeks after the birth. Then you get appointments for check-ups and vaccinations. Everything is free.',
        'Une infirmière de Kind en Gezin vient chez vous environ deux semaines après la naissance. Ensuite, vous recevez des rendez-vous pour les consultations et les vaccinations. Tout est gratuit.',
      ),
      needs: ['family.kindEnGezinFile', 'child.nationalRegisterNumber', 'person.address'],
      produces: ['child.homeVisitDone'],
      term: {
        days: 14,
        unit: 'calendar',
        kind: 'observed',
        from: 'date:child.birthDate',
        onExpiry: 'remind',
        source: S.contactMoments,
      },
    }),

    // geb-13. Before the child is 18 months old (548 days). Vaccinnet already holds the data, but the law still
    // asks for the paper certificate, so the parents return it.
    step('polio-certificate', {
      agency: 'gemeente',
      service: 'polio-certificate',
      mode: 'citizen',
      dependsOn: ['birth-declaration'],
      critical: false,
      title: t(
        'Attest van poliovaccinatie',
        'Polio vaccination certificate',
        'Attestation de vaccination contre la polio',
      ),
      description: t(
        'Polio is het enige verplichte vaccin. Laat het attest dat je bij de aangifte kreeg invullen na de laatste prik en bezorg het aan je gemeente, voor je kind 18 maanden is.',
        'Polio is the only compulsory vaccine. Have the certificate you got at the declaration filled in after the last shot and give it to your municipality before your child is 18 months old.',
        "La polio est le seul vaccin obligatoire. Faites remplir l'attestation reçue lors de la déclaration après la dernière dose et remettez-la à votre commune avant les 18 mois de votre enfant.",
      ),
      needs: ['child.nationalRegisterNumber'],
      produces: ['child.polioVaccinated'],
      channels: ['online', 'counter'],
      term: {
        days: 548,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:child.birthDate',
        onExpiry: 'remind',
        source: S.polio,
      },
    }),

    // geb-15. Kind en Gezin fetches family and income from the Crossroads Bank; the application is the intake answer,
    // so the certificate is issued automatically. It may be asked at the earliest 2 months before childcare starts:
    // a window, not a deadline.
    step('income-tariff-certificate', {
      agency: 'opgroeien',
      service: 'income-tariff-certificate',
      mode: 'automatic',
      when: { and: [NEEDS_CHILDCARE, { field: 'family.childcare', equals: 'income-related' }] },
      dependsOn: ['find-childcare', 'birth-declaration'],
      critical: false,
      title: t('Attest inkomenstarief', 'Income-related tariff certificate', 'Attestation de tarif lié aux revenus'),
      description: t(
        'Betaal je voor de opvang een prijs volgens je inkomen? Dan maakt Kind en Gezin je attest inkomenstarief. Je inkomen en gezin haalt het zelf op. Je opvang kan het attest inkijken. Elk jaar op 1 januari wordt het vanzelf aangepast.',
        'Do you pay an income-related price for childcare? Then Kind en Gezin makes your income-related tariff certificate. It fetches your income and family itself. Your childcare can look up the certificate. It is updated by itself every 1 January.',
        "Vous payez l'accueil selon vos revenus ? Kind en Gezin établit alors votre attestation de tarif. Il récupère lui-même vos revenus et votre composition de ménage. Votre accueil peut consulter l'attestation. Elle est adaptée automatiquement chaque 1er janvier.",
      ),
      needs: ['person.nationalRegisterNumber', 'child.nationalRegisterNumber', 'family.childcareStartDate'],
      produces: ['family.incomeTariffCertificate'],
      expectedDays: 1,
    }),

    // geb-16. The notice to the employer (2 to 3 months ahead; an older source says 3) counts back from the start of
    // the leave, so it is told, not timed. No decision term in the sources (estimate).
    step('parental-leave', {
      agency: 'rva',
      service: 'parental-leave-benefit',
      mode: 'manual',
      when: { field: 'parent.parentalLeave', equals: true },
      dependsOn: ['birth-declaration'],
      critical: false,
      title: t('Ouderschapsverlof', 'Parental leave', 'Congé parental'),
      description: t(
        'Wil je ouderschapsverlof? Vraag het schriftelijk aan je werkgever, twee à drie maanden voor de start. Daarna vullen je werkgever en jij elk jullie deel van de online aanvraag bij de RVA in. Je kind moet jonger zijn dan 12 jaar.',
        'Do you want parental leave? Ask your employer in writing, two to three months before it starts. Then your employer and you each fill in your part of the online application to the National Employment Office. Your child must be under 12.',
        "Vous voulez un congé parental ? Demandez-le par écrit à votre employeur, deux à trois mois avant le début. Ensuite, votre employeur et vous remplissez chacun votre partie de la demande en ligne à l'ONEM. Votre enfant doit avoir moins de 12 ans.",
      ),
      needs: ['person.nationalRegisterNumber', 'child.birthCertificate'],
      produces: ['parent.parentalLeaveDecision'],
      channels: ['online'],
      expectedDays: 30,
    }),
  ],
  // Opt-out: the Groeipakket and Kind en Gezin's visits are already given to every family without an application
  // (automatic granting of rights); starting the journey on the birth only shows them on one timeline with what is
  // left to do. The family can stop it.
  trigger: { event: 'birth-registered', consent: 'opt-out' },
  sources: [...new Set(Object.values(BIRTH_SOURCES))],
});
