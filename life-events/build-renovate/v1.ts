import { defineLifeEvent, step, type Condition, type DataItemSpec } from '@passage/journey-model';
import { PERSON_NAME, PERSON_NATIONAL_REGISTER_NUMBER } from '../rijksregister';
import { t } from '../texts';

/*
 * "Ik (ver)bouw", version 1.
 *
 * Modelled on the researched journey `build-renovate` (shared/journeys, steps bouw-01 … bouw-19) and its sources.
 * Three variants, chosen at intake (`project.kind`):
 * - buy an existing home, then renovate: certificates → sale agreement → (mortgage) → deed within 4 months →
 *   registration tax → renovation obligation for EPC label E or F (label D within 5 years) → move in within 3 years;
 * - new build on own land, and renovation without purchase: the permit track only.
 * The permit track (`project.needsPermit`): optional project meeting → design by an architect (when one is
 * required) and an EPB reporter (when EPB rules apply) → application in the Omgevingsloket, complete after 30 days
 * at the latest → public inquiry (regular procedure) and advice round → decision in 105 days (regular) or 60 days
 * (simplified), tacitly refused when late → posting on site and appeal period (usable from day 36) → start of works.
 * Works without a permit skip it. After the works: cadastre, EPB declaration, Mijn VerbouwPremie.
 *
 * The municipality chooses the procedure at the completeness check, so `permit.procedure` is produced by
 * `permit-application`, not asked. Decisions are published in the Omgevingsloket, the authentic source of the
 * project number and the decision date.
 */

export const BUILD_RENOVATE_SOURCES = {
  epc: 'https://woningschatter.be/epc-keuringen/',
  asbestos: 'https://www.bativox.be/nl/bativox/artikel/3723/vanaf-2022-asbestattest-verplicht-bij-verkoop-woning/',
  saleCertificates: 'https://www.steenoven.be/advies-tips/welke-attesten-zijn-verplicht-bij-de-verkoop-van-een-woning',
  saleAgreement: 'https://www.ing.be/nl/retail/my-life/housing/sales-agreement',
  mortgage:
    'https://www.meilleurtaux.be/nl/hypothecaire-lening/gids-leners/verkoopovereenkomst/documenten-te-voorzien.html',
  registrationTax:
    'https://www.vlaanderen.be/belastingen-en-begroting/vlaamse-belastingen/registratiebelasting/verkooprecht/tarieven-in-het-verkooprecht/verlaagd-tarief-in-het-verkooprecht-voor-de-aankoop-van-de-enige-eigen-woning',
  registrationTerm: 'https://graydon.be/blog/bvba-nv-en-andere-vennootschappen-oprichten-wordt-duurder',
  renovationObligation: 'https://energiehuis.3wplus.be/nieuws/renovatieverplichting-uitgelegd-zeven-vragen',
  procedures:
    'https://www.schilde.be/inwoners/wonen-en-bouwen/omgevingsvergunning/over-de-omgevingsvergunning/wat-zijn-de-verschillende',
  proceduresTerms:
    'https://www.schilde.be/inwoners/wonen-en-bouwen/omgevingsvergunning/over-de-omgevingsvergunning/wat-zijn-de-verschillende-0',
  architect: 'https://www.ninove.be/stedenbouwkundige-vergunning-met-uitgebreide-dossiersamenstelling',
  applicationFile:
    'http://www.gingelom.be/omgevingsvergunning-voor-stedenbouwkundige-handelingen-samenstelling_uitgebreidewerken.html',
  epbReporter:
    'http://www.vlaanderen.be/nl/bouwen-wonen-en-energie/bouwen-en-verbouwen/epb-aangifte-bij-nieuwbouw-en-renovatie',
  completeness: 'https://www.maaseik.be/omgevingsvergunning-procedures',
  simplifiedProcedure: 'https://www.rotselaar.be/procedure-omgevingsaanvraag',
  publicInquiry: 'https://www.evergem.be/openbaaronderzoek',
  publication:
    'https://www.borgloon.be/werken-en-ondernemen/omgevingsvergunning/dossierverloop-aanvraag-omgevingsvergunning',
  cadastre: 'https://www.tijd.be/netto/vastgoed/ik-heb-mijn-verbouwingen-niet-aangegeven-aan-het-kadaster/9437821.html',
  cadastreForm: 'https://www.boekhouder.be/btw/nieuwbouw-of-verbouwing-vergeet-niet-aangifte-te-doen-bij-het-kadaster',
  epbDeclaration:
    'https://energiesparen.be/bouwen-en-verbouwen/epb-pedia/taken-en-verantwoordelijkheden/epb-aangifte-met-epc/procedure?language=nl',
  endOfWorks:
    'https://www.vlaanderen.be/epb-pedia/taken-en-verantwoordelijkheden/epb-controles-en-boetes/aanwezigheid-epb-aangifte',
  premium:
    'https://d201gzvprbtpxy.cloudfront.net/premies-voor-renovatie/mijn-verbouwpremie/hoe-vraag-ik-mijn-verbouwpremie-aan',
  woningpas: 'https://www.lexalert.be/nl/article/wat-de-woning-gebouwpas',
} as const;

const S = BUILD_RENOVATE_SOURCES;

export const PURCHASE: Condition = { field: 'project.kind', equals: 'buy-and-renovate' };
export const NEEDS_PERMIT: Condition = { field: 'project.needsPermit', equals: true };
export const EPB_WORKS: Condition = { field: 'project.epbWorks', equals: true };
/** Works under a permit that the EPB rules apply to: the EPB reporter's condition, repeated by the declarations. */
export const EPB_TRACK: Condition = { and: [NEEDS_PERMIT, EPB_WORKS] };
/** The municipality says so at the completeness check; without its notice (tacit completeness) the regular term. */
export const SIMPLIFIED: Condition = { field: 'permit.procedure', equals: 'simplified' };
export const REGULAR: Condition = { not: SIMPLIFIED };

const OMGEVINGSLOKET = 'omgevingsloket';

export const BUILD_RENOVATE_DATA_ITEMS: Readonly<Record<string, DataItemSpec>> = {
  'person.name': PERSON_NAME,
  'person.nationalRegisterNumber': PERSON_NATIONAL_REGISTER_NUMBER,

  // Asked once when the journey starts.
  'project.kind': {
    type: 'enum',
    values: ['buy-and-renovate', 'new-build', 'renovate'],
    label: t(
      'Wat ga je doen? (een woning kopen en verbouwen, nieuw bouwen, je woning verbouwen)',
      'What will you do? (buy a home and renovate it, build a new home, renovate your home)',
      'Que ferez-vous ? (acheter un logement et le rénover, construire, rénover votre logement)',
    ),
  },
  'project.address': {
    type: 'string',
    label: t(
      'Adres van de woning of het perceel',
      'Address of the home or plot',
      'Adresse du logement ou de la parcelle',
    ),
  },
  'project.description': {
    type: 'string',
    label: t(
      'Wat ga je bouwen of verbouwen? Beschrijf de werken.',
      'What will you build or renovate? Describe the works.',
      'Que construirez-vous ou rénoverez-vous ? Décrivez les travaux.',
    ),
  },
  'project.needsPermit': {
    type: 'boolean',
    label: t(
      'Heb je voor de werken een omgevingsvergunning nodig?',
      'Do the works need an environmental permit?',
      "Les travaux nécessitent-ils un permis d'environnement ?",
    ),
  },
  'project.needsArchitect': {
    type: 'boolean',
    label: t(
      'Heb je een architect nodig? (bijvoorbeeld bij meer dan 40 m² nieuwbouw of werken aan de stabiliteit)',
      'Do you need an architect? (for example for more than 40 m² of new building or works on the structure)',
      "Avez-vous besoin d'un architecte ? (par exemple pour plus de 40 m² de construction ou des travaux de stabilité)",
    ),
  },
  'project.epbWorks': {
    type: 'boolean',
    label: t(
      'Gelden de EPB-eisen voor energieprestatie? (nieuwbouw of verbouwing met vergunning van een verwarmde ruimte)',
      'Do the EPB energy performance rules apply? (new build or permitted renovation of a heated space)',
      "Les exigences PEB s'appliquent-elles ? (construction neuve ou rénovation avec permis d'un espace chauffé)",
    ),
  },
  'project.preliminaryConsultation': {
    type: 'boolean',
    label: t(
      'Wil je je plannen vooraf met de gemeente bespreken?',
      'Do you want to discuss your plans with the municipality first?',
      "Voulez-vous d'abord discuter de vos plans avec la commune ?",
    ),
  },
  'project.premiumWorks': {
    type: 'boolean',
    label: t(
      'Doe je werken die een premie kunnen krijgen (isolatie, glas, warmtepomp, zonneboiler …)?',
      'Will you do works that can get a premium (insulation, glazing, heat pump, solar water heater …)?',
      'Ferez-vous des travaux qui peuvent recevoir une prime (isolation, vitrage, pompe à chaleur, chauffe-eau solaire …) ?',
    ),
  },
  'purchase.financed': {
    type: 'boolean',
    label: t(
      'Leen je bij een bank (hypothecair krediet)?',
      'Will you borrow from a bank (mortgage)?',
      "Empruntez-vous auprès d'une banque (crédit hypothécaire) ?",
    ),
  },
  'property.epcLabel': {
    type: 'enum',
    values: ['A+', 'A', 'B', 'C', 'D', 'E', 'F', 'none'],
    label: t(
      'EPC-label van de woning (kies "geen" bij nieuwbouw)',
      'EPC label of the home (choose "none" for a new build)',
      'Label PEB du logement (choisissez « aucun » pour une construction neuve)',
    ),
    // The EPC database of VEKA holds the label of every certified home (shown in the Woningpas).
    authenticSource: 'veka-epc',
  },
  'person.iban': {
    type: 'string',
    label: t('Je rekeningnummer (IBAN)', 'Your bank account number (IBAN)', 'Votre numéro de compte (IBAN)'),
  },

  // Produced by steps.
  'purchase.certificates': {
    type: 'string',
    label: t(
      'Attesten van de verkoper (EPC, asbest, bodem, elektriciteit, stedenbouw)',
      "The seller's certificates (EPC, asbestos, soil, electricity, planning)",
      'Attestations du vendeur (PEB, amiante, sol, électricité, urbanisme)',
    ),
  },
  'purchase.agreementDate': {
    type: 'date',
    label: t('Datum van de verkoopovereenkomst', 'Date of the sale agreement', 'Date du compromis de vente'),
  },
  'purchase.creditOffer': {
    type: 'string',
    label: t('Kredietaanbod van de bank', "The bank's credit offer", 'Offre de crédit de la banque'),
  },
  'purchase.deedDate': {
    type: 'date',
    label: t('Datum van de akte', 'Date of the deed', "Date de l'acte"),
  },
  'purchase.deedReference': {
    type: 'string',
    label: t('Referentie van de akte van verkoop', 'Reference of the sale deed', "Référence de l'acte de vente"),
  },
  'purchase.registrationTaxPaid': {
    type: 'boolean',
    label: t(
      'De registratiebelasting is betaald',
      'The registration tax is paid',
      "Les droits d'enregistrement sont payés",
    ),
  },
  'property.newEpcLabel': {
    type: 'enum',
    values: ['A+', 'A', 'B', 'C', 'D'],
    label: t(
      'Nieuw EPC-label na de renovatie',
      'New EPC label after the renovation',
      'Nouveau label PEB après la rénovation',
    ),
  },
  'permit.meetingReport': {
    type: 'string',
    label: t('Verslag van het projectoverleg', 'Report of the project meeting', 'Rapport de la réunion de projet'),
  },
  'permit.designFile': {
    type: 'string',
    label: t(
      'Ontwerp en plannen van de architect',
      "The architect's design and plans",
      "Projet et plans de l'architecte",
    ),
  },
  'epb.reporter': {
    type: 'string',
    label: t('Je EPB-verslaggever', 'Your EPB reporter', 'Votre rapporteur PEB'),
  },
  'permit.projectNumber': {
    type: 'string',
    label: t(
      'Projectnummer in het Omgevingsloket',
      'Project number in the Omgevingsloket',
      "Numéro de projet dans l'Omgevingsloket",
    ),
    authenticSource: OMGEVINGSLOKET,
  },
  'permit.procedure': {
    type: 'enum',
    values: ['simplified', 'regular'],
    label: t(
      'Vereenvoudigde of gewone procedure',
      'Simplified or regular procedure',
      'Procédure simplifiée ou ordinaire',
    ),
  },
  'permit.inquiryObjections': {
    type: 'number',
    label: t(
      'Aantal bezwaren in het openbaar onderzoek',
      'Number of objections in the public inquiry',
      "Nombre de réclamations à l'enquête publique",
    ),
  },
  'permit.officerReport': {
    type: 'string',
    label: t(
      'Verslag van de omgevingsambtenaar',
      "The environment officer's report",
      "Rapport du fonctionnaire de l'environnement",
    ),
  },
  'permit.decisionDate': {
    type: 'date',
    label: t('Datum van de vergunningsbeslissing', 'Date of the permit decision', 'Date de la décision de permis'),
    authenticSource: OMGEVINGSLOKET,
  },
  'permit.postingDate': {
    type: 'date',
    label: t('Dag waarop je de bekendmaking uithing', 'Day you posted the notice', "Jour où vous avez affiché l'avis"),
  },
  'permit.enforceable': {
    type: 'boolean',
    label: t('Je mag de vergunning gebruiken', 'You may use the permit', 'Vous pouvez utiliser le permis'),
  },
  'works.startDate': {
    type: 'date',
    label: t('Startdatum van de werken', 'Start date of the works', 'Date de début des travaux'),
  },
  'works.completionDate': {
    type: 'date',
    label: t(
      'Dag waarop de werken klaar waren of je er ging wonen',
      'Day the works were finished or you moved in',
      'Jour où les travaux ont été terminés ou où vous avez emménagé',
    ),
  },
  'works.finalInvoiceDate': {
    type: 'date',
    label: t('Datum van de eindfactuur', 'Date of the final invoice', 'Date de la facture finale'),
  },
  'property.cadastreDeclared': {
    type: 'boolean',
    label: t(
      'Aangifte bij het kadaster gedaan',
      'Declaration to the land registry made',
      'Déclaration au cadastre faite',
    ),
  },
  'epb.declarationReference': {
    type: 'string',
    label: t('Referentie van de EPB-aangifte', 'Reference of the EPB declaration', 'Référence de la déclaration PEB'),
  },
  'premium.decision': {
    type: 'string',
    label: t('Beslissing over je premie', 'Decision on your premium', 'Décision sur votre prime'),
  },
  'property.woningpasReady': {
    type: 'boolean',
    label: t('Je Woningpas staat klaar', 'Your Woningpas is ready', 'Votre Woningpas est prêt'),
  },
  'person.domicileAtProperty': {
    type: 'boolean',
    label: t(
      'Je staat ingeschreven op het adres van de woning',
      'You are registered at the address of the home',
      "Vous êtes inscrit à l'adresse du logement",
    ),
  },
};

export const BUILD_RENOVATE_V1 = defineLifeEvent({
  id: 'build-renovate',
  version: 1,
  kind: 'life',
  owner: 'departement-omgeving',
  title: t('Ik (ver)bouw', 'I build or renovate a home', 'Je construis ou je rénove'),
  summary: t(
    'Alles wat je regelt als je een woning koopt en verbouwt, nieuw bouwt of verbouwt: de aankoop bij de notaris, de omgevingsvergunning, de start en het einde van de werken, het kadaster, de EPB-aangifte en je premie. Je geeft je gegevens één keer; elke dienst krijgt wat hij nodig heeft.',
    'Everything you arrange when you buy and renovate a home, build a new one or renovate: the purchase at the notary, the environmental permit, the start and end of the works, the land registry, the EPB declaration and your premium. You give your details once; each service gets what it needs.',
    "Tout ce que vous réglez quand vous achetez et rénovez un logement, construisez ou rénovez : l'achat chez le notaire, le permis d'environnement, le début et la fin des travaux, le cadastre, la déclaration PEB et votre prime. Vous donnez vos données une seule fois ; chaque service reçoit ce dont il a besoin.",
  ),
  dataItems: BUILD_RENOVATE_DATA_ITEMS,
  intake: [
    'project.kind',
    'project.address',
    'project.description',
    'project.needsPermit',
    'project.needsArchitect',
    'project.epbWorks',
    'project.preliminaryConsultation',
    'project.premiumWorks',
    'purchase.financed',
    'property.epcLabel',
    'person.iban',
  ],
  steps: [
    // bouw-01. Required when the home is advertised (EPC) and when the sale agreement is signed (asbestos
    // certificate for homes built before 2001, since 23 November 2022). The notary often gathers the soil
    // certificate and planning information for the parties. No term (estimate).
    step('seller-certificates', {
      agency: 'notaris',
      service: 'sale-certificates',
      mode: 'citizen',
      when: PURCHASE,
      title: t('Attesten van de verkoper', "The seller's certificates", 'Les attestations du vendeur'),
      description: t(
        'De verkoper moet je vóór de verkoopovereenkomst het EPC, het asbestattest (woningen van voor 2001), het bodemattest, het keuringsverslag van de elektriciteit en de stedenbouwkundige inlichtingen geven. Je notaris vraagt er een deel zelf op. Kijk het EPC-label na: bij E of F moet je binnen 5 jaar renoveren.',
        'Before the sale agreement, the seller must give you the EPC, the asbestos certificate (homes from before 2001), the soil certificate, the electrical inspection report and the planning information. Your notary requests part of them. Check the EPC label: with E or F you must renovate within 5 years.',
        "Avant le compromis, le vendeur doit vous remettre le certificat PEB, l'attestation amiante (logements d'avant 2001), l'attestation du sol, le rapport de contrôle électrique et les renseignements urbanistiques. Votre notaire en demande une partie lui-même. Vérifiez le label PEB : avec E ou F, vous devez rénover dans les 5 ans.",
      ),
      needs: ['project.address'],
      produces: ['purchase.certificates'],
      channels: ['intermediary', 'online'],
      expectedDays: 14,
    }),

    // bouw-02. No legal term; preferably drafted by the notary.
    step('sale-agreement', {
      agency: 'notaris',
      service: 'sale-agreement',
      mode: 'citizen',
      when: PURCHASE,
      dependsOn: ['seller-certificates'],
      title: t('De verkoopovereenkomst tekenen', 'Sign the sale agreement', 'Signer le compromis de vente'),
      description: t(
        'Je tekent met de verkoper de verkoopovereenkomst (compromis), liefst opgesteld door een notaris. Ze vermeldt de prijs, het voorschot (meestal 10%), de attesten en eventuele voorwaarden, zoals dat je een lening krijgt. Vanaf dan ben je gebonden.',
        'You sign the sale agreement (compromis) with the seller, preferably drawn up by a notary. It states the price, the deposit (usually 10%), the certificates and any conditions, such as getting a loan. From then on you are bound.',
        "Vous signez le compromis de vente avec le vendeur, de préférence rédigé par un notaire. Il mentionne le prix, l'acompte (en général 10 %), les attestations et d'éventuelles conditions, comme l'obtention d'un prêt. Dès lors, vous êtes engagé.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'project.address',
        'property.epcLabel',
        'purchase.certificates',
      ],
      produces: ['purchase.agreementDate'],
      channels: ['intermediary', 'counter'],
      expectedDays: 7,
    }),

    // bouw-03. Must fit within the 4 months before the deed. A refused loan dissolves the sale (suspensive
    // condition), so the refusal ends the journey. No term (estimate).
    step('mortgage', {
      agency: 'bank',
      service: 'mortgage-credit-offer',
      mode: 'manual',
      when: { and: [PURCHASE, { field: 'purchase.financed', equals: true }] },
      dependsOn: ['sale-agreement'],
      title: t('Een hypothecair krediet krijgen', 'Get a mortgage', 'Obtenir un crédit hypothécaire'),
      description: t(
        'Vraag een kredietaanbod aan je bank, met je inkomen, de verkoopovereenkomst en het EPC. Het krediet moet rond zijn voor de akte, binnen 4 maanden.',
        'Ask your bank for a credit offer, with your income, the sale agreement and the EPC. The loan must be settled before the deed, within 4 months.',
        "Demandez une offre de crédit à votre banque, avec vos revenus, le compromis et le certificat PEB. Le crédit doit être réglé avant l'acte, dans les 4 mois.",
      ),
      needs: ['person.name', 'person.nationalRegisterNumber', 'property.epcLabel', 'purchase.agreementDate'],
      produces: ['purchase.creditOffer'],
      channels: ['counter', 'online'],
      expectedDays: 30,
    }),

    // bouw-04. Within 4 months of the sale agreement (120 days; in practice 3 to 4 months).
    step('sale-deed', {
      agency: 'notaris',
      service: 'sale-deed',
      mode: 'manual',
      when: PURCHASE,
      dependsOn: ['sale-agreement', 'mortgage'],
      title: t('De akte bij de notaris', 'The deed at the notary', "L'acte chez le notaire"),
      description: t(
        'Binnen 4 maanden na de verkoopovereenkomst teken je bij de notaris de akte van verkoop, en de akte van je lening. De notaris kijkt vooraf hypotheken, voorkooprechten, stedenbouw, bodem en overstromingsrisico na. Vanaf de akte ben je eigenaar.',
        'Within 4 months of the sale agreement you sign the sale deed at the notary, and the deed of your loan. Beforehand the notary checks mortgages, pre-emption rights, planning, soil and flood risk. From the deed you are the owner.',
        "Dans les 4 mois du compromis, vous signez chez le notaire l'acte de vente, et l'acte de votre prêt. Au préalable, le notaire vérifie les hypothèques, les droits de préemption, l'urbanisme, le sol et le risque d'inondation. Dès l'acte, vous êtes propriétaire.",
      ),
      needs: ['person.name', 'person.nationalRegisterNumber', 'project.address', 'purchase.agreementDate'],
      produces: ['purchase.deedDate', 'purchase.deedReference'],
      channels: ['counter'],
      term: {
        days: 120,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'completed:sale-agreement',
        onExpiry: 'escalate',
        source: S.saleAgreement,
      },
    }),

    // bouw-05. The notary registers the deed and collects the tax. The 15-day term is seen only for company deeds
    // and assumed here (estimate). 2% for the sole own home from 1 January 2025 (12% otherwise): a rate, not a fee.
    step('registration-tax', {
      agency: 'vlabel',
      service: 'registration-tax',
      mode: 'automatic',
      when: PURCHASE,
      dependsOn: ['sale-deed'],
      critical: false,
      title: t('Registratiebelasting', 'Registration tax', "Droits d'enregistrement"),
      description: t(
        'De notaris laat de akte registreren en betaalt de registratiebelasting voor je. Voor je enige eigen woning is dat 2% van de prijs, als je er binnen 3 jaar gaat wonen en er minstens 1 jaar blijft. Anders is het 12%.',
        'The notary has the deed registered and pays the registration tax for you. For your only own home it is 2% of the price, if you move in within 3 years and stay at least 1 year. Otherwise it is 12%.',
        "Le notaire fait enregistrer l'acte et paie les droits d'enregistrement pour vous. Pour votre seul logement propre, c'est 2 % du prix, si vous y habitez dans les 3 ans et y restez au moins 1 an. Sinon, c'est 12 %.",
      ),
      needs: ['purchase.deedReference', 'purchase.deedDate'],
      produces: ['purchase.registrationTaxPaid'],
      term: {
        days: 15,
        unit: 'calendar',
        kind: 'estimate',
        from: 'completed:sale-deed',
        onExpiry: 'remind',
        source: S.registrationTerm,
      },
    }),

    // bouw-06. Deeds from 1 January 2023; 5 years from the deed (1826 days). VEKA can fine: escalate. Exemptions
    // (protected heritage, demolition) are left to VEKA.
    step('renovation-obligation', {
      agency: 'veka',
      service: 'renovation-obligation',
      mode: 'citizen',
      when: { and: [PURCHASE, { field: 'property.epcLabel', in: ['E', 'F'] }] },
      dependsOn: ['sale-deed'],
      critical: false,
      title: t('Renoveren tot label D', 'Renovate to label D', "Rénover jusqu'au label D"),
      description: t(
        'Je kocht een woning met EPC-label E of F. Binnen 5 jaar na de akte moet ze minstens label D halen. Laat daarna een nieuw EPC maken door een energiedeskundige; dat is je bewijs. Doe je het niet, dan kan VEKA je een boete geven.',
        'You bought a home with EPC label E or F. Within 5 years of the deed it must reach at least label D. Then have a new EPC made by an energy expert; that is your proof. If you do not, VEKA can fine you.',
        "Vous avez acheté un logement avec un label PEB E ou F. Dans les 5 ans de l'acte, il doit atteindre au moins le label D. Faites ensuite établir un nouveau certificat PEB par un certificateur ; c'est votre preuve. Sinon, VEKA peut vous infliger une amende.",
      ),
      needs: ['project.address', 'property.epcLabel', 'purchase.deedDate'],
      produces: ['property.newEpcLabel'],
      channels: ['intermediary', 'online'],
      term: {
        days: 1826,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:purchase.deedDate',
        onExpiry: 'escalate',
        source: S.renovationObligation,
      },
    }),

    // bouw-07. Optional; the project meeting takes place within 60 days of the request (Schilde).
    step('preliminary-consultation', {
      agency: 'gemeente',
      service: 'project-meeting',
      mode: 'manual',
      when: { field: 'project.preliminaryConsultation', equals: true },
      critical: false,
      title: t('Je plannen vooraf bespreken', 'Discuss your plans first', "Discuter d'abord de vos plans"),
      description: t(
        'Je kan je ontwerp vooraf bespreken met de omgevingsdienst van je gemeente. Het overleg vindt plaats binnen 60 dagen na je vraag. Je krijgt een verslag met advies.',
        "You can discuss your design first with your municipality's environment department. The meeting takes place within 60 days of your request. You get a report with advice.",
        "Vous pouvez d'abord discuter de votre projet avec le service environnement de votre commune. La réunion a lieu dans les 60 jours de votre demande. Vous recevez un rapport avec un avis.",
      ),
      needs: ['person.name', 'project.address', 'project.description'],
      produces: ['permit.meetingReport'],
      channels: ['counter'],
      term: {
        days: 60,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'escalate',
        source: S.procedures,
      },
    }),

    // bouw-08 (design). An architect is required when a new structure is larger than 40 m² or the stability is
    // affected (Ninove). No term (estimate).
    step('design-dossier', {
      agency: 'architect',
      service: 'permit-design',
      mode: 'citizen',
      when: { and: [NEEDS_PERMIT, { field: 'project.needsArchitect', equals: true }] },
      dependsOn: ['preliminary-consultation'],
      title: t('Het ontwerp met je architect', 'The design with your architect', 'Le projet avec votre architecte'),
      description: t(
        "Je architect tekent de plannen en stelt het aanvraagdossier samen: beschrijving, plannen, foto's, statistisch formulier en de hemelwaterchecklist. Je geeft de architect een volmacht om voor jou in het Omgevingsloket te werken.",
        'Your architect draws the plans and puts together the application file: description, plans, photos, statistics form and the rainwater checklist. You give the architect a mandate to work for you in the Omgevingsloket.',
        "Votre architecte dessine les plans et constitue le dossier de demande : description, plans, photos, formulaire statistique et check-list eaux pluviales. Vous donnez à l'architecte un mandat pour agir pour vous dans l'Omgevingsloket.",
      ),
      needs: ['project.address', 'project.description'],
      produces: ['permit.designFile'],
      channels: ['intermediary'],
      expectedDays: 60,
    }),

    // bouw-08 (EPB reporter). Appointed by the client, at the latest when the application is filed.
    step('epb-reporter', {
      agency: 'epb-verslaggever',
      service: 'epb-reporter-appointment',
      mode: 'citizen',
      when: EPB_TRACK,
      title: t('Een EPB-verslaggever aanstellen', 'Appoint an EPB reporter', 'Désigner un rapporteur PEB'),
      description: t(
        'Gelden de EPB-eisen, dan stel je een EPB-verslaggever aan vóór je de vergunning aanvraagt. Die volgt de energieprestatie van je werken op en doet later de EPB-aangifte voor jou.',
        'If the EPB rules apply, you appoint an EPB reporter before you apply for the permit. They follow the energy performance of your works and later file the EPB declaration for you.',
        "Si les exigences PEB s'appliquent, vous désignez un rapporteur PEB avant de demander le permis. Il suit la performance énergétique de vos travaux et fera plus tard la déclaration PEB pour vous.",
      ),
      needs: ['project.address'],
      produces: ['epb.reporter'],
      channels: ['intermediary', 'online'],
      expectedDays: 7,
    }),

    // bouw-09. Complete and admissible, or a list of what is missing, within 30 days; silence means complete.
    // Withdrawn in the Omgevingsloket if the journey is withdrawn while the decision is pending.
    step('permit-application', {
      agency: 'gemeente',
      service: 'building-permit',
      mode: 'manual',
      when: NEEDS_PERMIT,
      dependsOn: ['design-dossier', 'epb-reporter'],
      title: t(
        'De omgevingsvergunning aanvragen',
        'Apply for the environmental permit',
        "Demander le permis d'environnement",
      ),
      description: t(
        'Je dient de aanvraag in via het Omgevingsloket, of je architect doet het voor jou. Binnen 30 dagen zegt de gemeente of je dossier volledig is en welke procedure het volgt. Hoor je niets, dan is het dossier volledig.',
        'You file the application in the Omgevingsloket, or your architect does it for you. Within 30 days the municipality says whether your file is complete and which procedure it follows. If you hear nothing, the file is complete.',
        "Vous introduisez la demande via l'Omgevingsloket, ou votre architecte le fait pour vous. Dans les 30 jours, la commune dit si votre dossier est complet et quelle procédure il suit. Sans nouvelles, le dossier est complet.",
      ),
      needs: ['person.name', 'person.nationalRegisterNumber', 'project.address', 'project.description'],
      produces: ['permit.projectNumber', 'permit.procedure'],
      channels: ['online', 'intermediary', 'counter'],
      term: {
        days: 30,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-approval',
        source: S.completeness,
      },
      compensation: {
        service: 'building-permit-withdrawal',
        title: t('De vergunningsaanvraag intrekken', 'Withdraw the permit application', 'Retirer la demande de permis'),
      },
    }),

    // bouw-10. Regular procedure only: 30 days, yellow notice on site, website, letters to neighbours. It simply
    // runs out: the expiry closes it.
    step('public-inquiry', {
      agency: 'gemeente',
      service: 'public-inquiry',
      mode: 'manual',
      when: { and: [NEEDS_PERMIT, REGULAR] },
      dependsOn: ['permit-application'],
      title: t('Openbaar onderzoek', 'Public inquiry', 'Enquête publique'),
      description: t(
        'Bij de gewone procedure kunnen buren en anderen 30 dagen lang reageren. Hang de gele affiche die je van de gemeente krijgt zichtbaar uit op het terrein.',
        'In the regular procedure, neighbours and others can react for 30 days. Put up the yellow notice you get from the municipality where it can be seen on the site.',
        "Dans la procédure ordinaire, les voisins et d'autres peuvent réagir pendant 30 jours. Affichez de façon visible sur le terrain l'avis jaune reçu de la commune.",
      ),
      needs: ['permit.projectNumber', 'project.address'],
      produces: ['permit.inquiryObjections'],
      channels: ['counter', 'online'],
      term: {
        days: 30,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-approval',
        source: S.publicInquiry,
      },
    }),

    // bouw-11. Government-internal (fire service, road manager; the provincial committee with more than three
    // advisory bodies); runs within the decision term (estimate).
    step('advice-round', {
      agency: 'gemeente',
      service: 'permit-advice-round',
      mode: 'proactive',
      when: NEEDS_PERMIT,
      dependsOn: ['permit-application'],
      critical: false,
      title: t('Adviezen over je aanvraag', 'Advice on your application', 'Avis sur votre demande'),
      description: t(
        'De gemeente vraagt zelf advies aan bijvoorbeeld de brandweer of de wegbeheerder. De omgevingsambtenaar schrijft een verslag. Je hoeft niets te doen.',
        'The municipality asks advice itself, for example from the fire service or the road manager. The environment officer writes a report. You do not have to do anything.',
        "La commune demande elle-même l'avis, par exemple, des pompiers ou du gestionnaire de voirie. Le fonctionnaire de l'environnement rédige un rapport. Vous n'avez rien à faire.",
      ),
      needs: ['permit.projectNumber'],
      produces: ['permit.officerReport'],
      expectedDays: 30,
    }),

    // bouw-12, regular procedure: 105 days from completeness (120 with the provincial committee's advice, +60 for a
    // second inquiry: not modelled). The term is binding: no decision in time means refused. Not critical: a refusal
    // cancels the works track, not a purchase already made.
    step('permit-decision-regular', {
      agency: 'gemeente',
      service: 'building-permit-decision',
      mode: 'manual',
      when: { and: [NEEDS_PERMIT, REGULAR] },
      dependsOn: ['permit-application', 'public-inquiry', 'advice-round'],
      critical: false,
      title: t('Beslissing over je vergunning', 'Decision on your permit', 'Décision sur votre permis'),
      description: t(
        'Het college van burgemeester en schepenen beslist binnen 105 dagen nadat je dossier volledig is. Beslist het niet op tijd, dan is de vergunning geweigerd en kan je in beroep gaan bij de provincie.',
        'The municipal executive decides within 105 days after your file is complete. If it does not decide in time, the permit is refused and you can appeal to the province.',
        'Le collège des bourgmestre et échevins décide dans les 105 jours après que votre dossier est complet. Sans décision à temps, le permis est refusé et vous pouvez introduire un recours auprès de la province.',
      ),
      needs: ['permit.projectNumber', 'permit.officerReport'],
      produces: ['permit.decisionDate'],
      channels: ['online'],
      term: {
        days: 105,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'completed:permit-application',
        onExpiry: 'tacit-refusal',
        source: S.procedures,
      },
    }),

    // bouw-12, simplified procedure (e.g. a compliant single-family home): 60 days, not extendable; tacit refusal.
    step('permit-decision-simplified', {
      agency: 'gemeente',
      service: 'building-permit-decision',
      mode: 'manual',
      when: { and: [NEEDS_PERMIT, SIMPLIFIED] },
      dependsOn: ['permit-application', 'advice-round'],
      critical: false,
      title: t(
        'Beslissing over je vergunning (vereenvoudigd)',
        'Decision on your permit (simplified)',
        'Décision sur votre permis (simplifiée)',
      ),
      description: t(
        'Bij de vereenvoudigde procedure beslist het college binnen 60 dagen nadat je dossier volledig is, zonder openbaar onderzoek. Beslist het niet op tijd, dan is de vergunning geweigerd en kan je in beroep gaan.',
        'In the simplified procedure the municipal executive decides within 60 days after your file is complete, without a public inquiry. If it does not decide in time, the permit is refused and you can appeal.',
        'Dans la procédure simplifiée, le collège décide dans les 60 jours après que votre dossier est complet, sans enquête publique. Sans décision à temps, le permis est refusé et vous pouvez introduire un recours.',
      ),
      needs: ['permit.projectNumber', 'permit.officerReport'],
      produces: ['permit.decisionDate'],
      channels: ['online'],
      term: {
        days: 60,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'completed:permit-application',
        onExpiry: 'tacit-refusal',
        source: S.proceduresTerms,
      },
    }),

    // bouw-13 (posting). Post the notice within 10 days of being notified of the decision; the step starts then.
    step('permit-publication', {
      agency: 'gemeente',
      service: 'permit-publication',
      mode: 'citizen',
      when: NEEDS_PERMIT,
      dependsOn: ['permit-decision-regular', 'permit-decision-simplified'],
      title: t('De bekendmaking uithangen', 'Post the notice', "Afficher l'avis"),
      description: t(
        'Hang binnen 10 dagen na de beslissing de bekendmaking uit op het terrein, goed zichtbaar van op straat, en laat ze 30 dagen hangen. Laad een foto op in het Omgevingsloket.',
        'Within 10 days of the decision, post the notice on the site where it can be seen from the street, and leave it up for 30 days. Upload a photo in the Omgevingsloket.',
        "Dans les 10 jours de la décision, affichez l'avis sur le terrain, bien visible de la rue, et laissez-le 30 jours. Chargez une photo dans l'Omgevingsloket.",
      ),
      needs: ['permit.projectNumber', 'permit.decisionDate'],
      produces: ['permit.postingDate'],
      channels: ['online'],
      term: {
        days: 10,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'dispatch',
        onExpiry: 'remind',
        source: S.publication,
      },
    }),

    // bouw-13 (appeal). 30 days to appeal to the province; the permit may be used from day 36 after posting. No
    // suspensive appeal by then: the permit is usable.
    step('appeal-period', {
      agency: 'provincie',
      service: 'permit-appeal',
      mode: 'manual',
      when: NEEDS_PERMIT,
      dependsOn: ['permit-publication'],
      title: t('Wachten op de beroepstermijn', 'Wait for the appeal period', 'Attendre le délai de recours'),
      description: t(
        'Na het uithangen kan iedereen 30 dagen lang beroep aantekenen bij de provincie. Vanaf de 36ste dag mag je de vergunning gebruiken, als er geen beroep is.',
        'After posting, anyone can appeal to the province for 30 days. From the 36th day you may use the permit, if there is no appeal.',
        "Après l'affichage, chacun peut introduire un recours auprès de la province pendant 30 jours. À partir du 36e jour, vous pouvez utiliser le permis s'il n'y a pas de recours.",
      ),
      needs: ['permit.projectNumber', 'permit.postingDate'],
      produces: ['permit.enforceable'],
      channels: ['online'],
      term: {
        days: 36,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'completed:permit-publication',
        onExpiry: 'tacit-approval',
        source: S.publication,
      },
    }),

    // bouw-14. Before the works start; no numeric term (estimate).
    step('start-works', {
      agency: 'gemeente',
      service: 'start-of-works-notification',
      mode: 'citizen',
      when: NEEDS_PERMIT,
      dependsOn: ['appeal-period'],
      title: t('De start van de werken melden', 'Report the start of the works', 'Signaler le début des travaux'),
      description: t(
        'Meld aan de gemeente wanneer de werken beginnen, vóór de eerste dag. Dat kan in het Omgevingsloket.',
        'Tell the municipality when the works start, before the first day. You can do so in the Omgevingsloket.',
        "Signalez à la commune quand les travaux commencent, avant le premier jour. C'est possible dans l'Omgevingsloket.",
      ),
      needs: ['permit.projectNumber'],
      produces: ['works.startDate'],
      channels: ['online', 'counter'],
      expectedDays: 14,
    }),

    // Not a step of the research but the event its terms count from: occupation (new build) or completion
    // (renovation) starts the cadastre and EPB terms, the final invoice the premium's. VEKA already uses
    // end-of-works notifications to detect missing EPB declarations. Works take months (estimate).
    step('works-completion', {
      agency: 'gemeente',
      service: 'end-of-works-notification',
      mode: 'citizen',
      dependsOn: ['start-works', 'sale-deed'],
      title: t('Het einde van de werken melden', 'Report the end of the works', 'Signaler la fin des travaux'),
      description: t(
        'Laat ons weten wanneer de werken klaar zijn of wanneer je in de woning bent gaan wonen, en de datum van de eindfactuur. Vanaf dan lopen de termijnen voor het kadaster, de EPB-aangifte en je premie.',
        'Tell us when the works are finished or when you moved into the home, and the date of the final invoice. From then on the terms for the land registry, the EPB declaration and your premium run.',
        'Dites-nous quand les travaux sont terminés ou quand vous avez emménagé, et la date de la facture finale. À partir de là courent les délais pour le cadastre, la déclaration PEB et votre prime.',
      ),
      needs: ['project.address'],
      produces: ['works.completionDate', 'works.finalInvoiceDate'],
      channels: ['online', 'counter'],
      expectedDays: 180,
    }),

    // bouw-15. Within 30 days of occupation or completion; fine EUR 50–1,250. Partly proactive: the cadastre
    // usually sends the form itself.
    step('cadastre-declaration', {
      agency: 'fod-financien',
      service: 'cadastre-declaration',
      mode: 'citizen',
      dependsOn: ['works-completion'],
      critical: false,
      title: t('Aangifte bij het kadaster', 'Declaration to the land registry', 'Déclaration au cadastre'),
      description: t(
        'Binnen 30 dagen nadat je er woont (nieuwbouw) of de verbouwing klaar is, doe je aangifte bij het kadaster. Zo kan je kadastraal inkomen aangepast worden. Het kadaster stuurt je meestal zelf het formulier. Doe je het niet, dan riskeer je een boete.',
        'Within 30 days after you move in (new build) or the renovation is finished, you file a declaration with the land registry, so your cadastral income can be adjusted. The land registry usually sends you the form itself. If you do not, you risk a fine.',
        'Dans les 30 jours après votre emménagement (construction neuve) ou la fin de la rénovation, vous faites une déclaration au cadastre, pour adapter votre revenu cadastral. Le cadastre vous envoie en général lui-même le formulaire. Sinon, vous risquez une amende.',
      ),
      needs: ['person.nationalRegisterNumber', 'project.address', 'works.completionDate'],
      produces: ['property.cadastreDeclared'],
      channels: ['online'],
      term: {
        days: 30,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:works.completionDate',
        onExpiry: 'remind',
        source: S.cadastre,
      },
    }),

    // bouw-16, new build: within 12 months of occupation or end of works (whichever first), and within 5 years of
    // the permit in any case. The EPB reporter files it.
    step('epb-declaration-new-build', {
      agency: 'veka',
      service: 'epb-declaration',
      mode: 'manual',
      when: { and: [EPB_TRACK, { field: 'project.kind', equals: 'new-build' }] },
      dependsOn: ['epb-reporter', 'works-completion'],
      critical: false,
      title: t('EPB-aangifte (nieuwbouw)', 'EPB declaration (new build)', 'Déclaration PEB (construction neuve)'),
      description: t(
        "Je EPB-verslaggever dient de EPB-aangifte in bij VEKA, binnen 12 maanden nadat je er woont of de werken klaar zijn. Bezorg hem de facturen, foto's en technische fiches van isolatie en installaties. Je krijgt ook een EPC voor je nieuwe woning.",
        'Your EPB reporter files the EPB declaration with VEKA, within 12 months after you move in or the works are finished. Give them the invoices, photos and technical sheets of insulation and installations. You also get an EPC for your new home.',
        "Votre rapporteur PEB introduit la déclaration PEB auprès de VEKA, dans les 12 mois après votre emménagement ou la fin des travaux. Remettez-lui les factures, photos et fiches techniques de l'isolation et des installations. Vous recevez aussi un certificat PEB pour votre nouveau logement.",
      ),
      needs: ['epb.reporter', 'permit.projectNumber', 'works.completionDate'],
      produces: ['epb.declarationReference'],
      channels: ['intermediary'],
      term: {
        days: 365,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:works.completionDate',
        onExpiry: 'remind',
        source: S.epbDeclaration,
      },
    }),

    // bouw-16, renovation: only the limit of 5 years from the permit applies (declarations from 24 December 2018).
    step('epb-declaration-renovation', {
      agency: 'veka',
      service: 'epb-declaration',
      mode: 'manual',
      when: { and: [EPB_TRACK, { not: { field: 'project.kind', equals: 'new-build' } }] },
      dependsOn: ['epb-reporter', 'works-completion'],
      critical: false,
      title: t('EPB-aangifte (verbouwing)', 'EPB declaration (renovation)', 'Déclaration PEB (rénovation)'),
      description: t(
        "Je EPB-verslaggever dient de EPB-aangifte in bij VEKA, ten laatste 5 jaar na de vergunning. Bezorg hem de facturen, foto's en technische fiches van de werken.",
        'Your EPB reporter files the EPB declaration with VEKA, at the latest 5 years after the permit. Give them the invoices, photos and technical sheets of the works.',
        'Votre rapporteur PEB introduit la déclaration PEB auprès de VEKA, au plus tard 5 ans après le permis. Remettez-lui les factures, photos et fiches techniques des travaux.',
      ),
      needs: ['epb.reporter', 'permit.projectNumber', 'works.completionDate'],
      produces: ['epb.declarationReference'],
      channels: ['intermediary'],
      term: {
        days: 1826,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:permit.decisionDate',
        onExpiry: 'remind',
        source: S.epbDeclaration,
      },
    }),

    // bouw-17. At the latest 2 years after the final invoice (730 days); online only, with help at the municipal
    // housing desk or Energiehuis (counter).
    step('renovation-premium', {
      agency: 'wonen-in-vlaanderen',
      service: 'mijn-verbouwpremie',
      mode: 'manual',
      when: { field: 'project.premiumWorks', equals: true },
      dependsOn: ['works-completion'],
      critical: false,
      title: t('Mijn VerbouwPremie aanvragen', 'Apply for Mijn VerbouwPremie', 'Demander Mijn VerbouwPremie'),
      description: t(
        'Vraag je premie aan in Mijn VerbouwLoket, na de werken en ten laatste 2 jaar na de eindfactuur. Laad je facturen op. Hulp nodig? Ga naar het woonloket van je gemeente of het Energiehuis.',
        'Apply for your premium in Mijn VerbouwLoket, after the works and at the latest 2 years after the final invoice. Upload your invoices. Need help? Go to the housing desk of your municipality or the Energiehuis.',
        "Demandez votre prime dans Mijn VerbouwLoket, après les travaux et au plus tard 2 ans après la facture finale. Chargez vos factures. Besoin d'aide ? Allez au guichet logement de votre commune ou à l'Energiehuis.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'project.address',
        'works.finalInvoiceDate',
        'person.iban',
      ],
      produces: ['premium.decision'],
      channels: ['online', 'counter'],
      term: {
        days: 730,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:works.finalInvoiceDate',
        onExpiry: 'remind',
        source: S.premium,
      },
    }),

    // bouw-18. Federated data (EPC, certificates, permits) without uploads; ready once the buyer holds a property
    // right (owners who do not buy have it already: the purchase step is skipped).
    step('woningpas', {
      agency: 'departement-omgeving',
      service: 'woningpas',
      mode: 'proactive',
      dependsOn: ['sale-deed'],
      critical: false,
      title: t('Je Woningpas staat klaar', 'Your Woningpas is ready', 'Votre Woningpas est prêt'),
      description: t(
        'In je Woningpas zie je alles over je woning: het EPC, keuringen, attesten, vergunningen en premies, met tips om energie te besparen. Je hoeft niets op te laden.',
        'Your Woningpas shows everything about your home: the EPC, inspections, certificates, permits and premiums, with tips to save energy. You do not have to upload anything.',
        "Votre Woningpas montre tout sur votre logement : le certificat PEB, les contrôles, les attestations, les permis et les primes, avec des conseils pour économiser l'énergie. Vous n'avez rien à charger.",
      ),
      needs: ['person.nationalRegisterNumber', 'project.address'],
      produces: ['property.woningpasReady'],
      expectedDays: 1,
    }),

    // bouw-19. A condition of the reduced registration tax: registered at the address within 3 years of the deed
    // (1095 days) and at least 1 year there. The address change itself is the move-house journey.
    step('move-in', {
      agency: 'gemeente',
      service: 'address-declaration',
      mode: 'citizen',
      when: PURCHASE,
      dependsOn: ['sale-deed'],
      critical: false,
      title: t('Gaan wonen in je woning', 'Move into your home', 'Emménager dans votre logement'),
      description: t(
        'Ga binnen 3 jaar na de akte in je woning wonen en laat je daar inschrijven; blijf er minstens 1 jaar. Anders verlies je het verlaagde tarief van de registratiebelasting. Verhuis je, start dan de levensgebeurtenis "Ik verhuis".',
        'Move into your home within 3 years of the deed and register there; stay at least 1 year. Otherwise you lose the reduced registration tax rate. When you move, start the life event "I am moving house".',
        "Emménagez dans votre logement dans les 3 ans de l'acte et faites-vous y inscrire ; restez-y au moins 1 an. Sinon, vous perdez le taux réduit des droits d'enregistrement. Quand vous déménagez, démarrez l'événement de vie « Je déménage ».",
      ),
      needs: ['project.address', 'purchase.deedDate'],
      produces: ['person.domicileAtProperty'],
      channels: ['online', 'counter'],
      term: {
        days: 1095,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:purchase.deedDate',
        onExpiry: 'remind',
        source: S.registrationTax,
      },
    }),
  ],
  sources: [...new Set(Object.values(BUILD_RENOVATE_SOURCES))],
});
