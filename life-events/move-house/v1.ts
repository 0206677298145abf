import { defineLifeEvent, step, type DataItemSpec } from '@passage/journey-model';
import { PERSON_NAME, PERSON_NATIONAL_REGISTER_NUMBER, RIJKSREGISTER } from '../rijksregister';
import { t } from '../texts';

/*
 * "Ik verhuis", version 1 (research id `moving-house`).
 *
 * Modelled on the researched journey `moving-house` (shared/journeys, steps verh-01 … verh-12) and its sources, for
 * a move within Belgium. The legal core: declare the new address within 8 working days, police residence check,
 * registration, eID update; the Rijksregister then updates public bodies by itself. Private parties (energy,
 * water, banks, insurers) still have to be told one by one.
 * Variants: tenant (lease registration), vehicle holder (DIV follows automatically), enterprise address (KBO),
 * no-parking signs for the removal van.
 *
 * The residence certificate (IPDC 14337) is not a step of the research but of its OSLO-STEPS "immoving" example:
 * once the address is registered, the proof of address is available without asking for it.
 */

export const MOVE_HOUSE_SOURCES = {
  lease: 'https://www.woninghuur.vlaanderen/registratie-0',
  leaseFree:
    'https://moneytalk.knack.be/geld-en-beurs/wonen/registreer-kosteloos-je-huurcontracten-online/article-normal-450117.html',
  energy: 'https://www.fluvius.be/nl/thema/verhuizen',
  energyTakeover:
    'https://www.engie-electrabel.be/nl/blog/oplossingen-voor-thuis/alles-over-het-energieovernamedocument/',
  energyWeek: 'http://woonadviesgidsbocholt.be/pages/verhuizen/verhuizen2',
  water: 'https://www.farys.be/en/moving-home',
  declaration: 'https://lokeren.be/wonen/papieren/adreswijziging-aangifte-van',
  declarationTerm: 'https://www.melle.be/adreswijziging',
  residenceCheck: 'https://www.izegem.be/producten/adreswijziging-binnenland',
  registration:
    'https://www.geetbets.be/leven-werken/burger-levensfasen/bevolking/adreswijziging-verhuis-binnen-de-gemeente',
  eid: 'https://www.melle.be/aanpassen-eid-na-bezoek-wijkagent',
  propagation: 'https://woneninbrussel.be/brussel-praktisch/administratie-bij-verhuis',
  vehicle:
    'https://mobilit.belgium.be/nl/wegverkeer/inschrijving_van_voertuigen/procedure_inschrijving/adreswijziging?language=fr',
  residenceCertificate:
    'https://github.com/Informatievlaanderen/OSLOthema-voorwaarden-dienstverlening/blob/master/reports/4.%20Desk%20research/oslo-steps/immoving.json',
  privateParties: 'https://www.herent.be/verhuizen',
  enterprise: 'https://ondernemerwijzer.com/ondernemingsloket-belgie',
  enterpriseFee:
    'https://www.vlaio.be/begeleiding-advies/start/opstart-van-je-onderneming/een-ondernemingsnummer-aanvragen',
  parking: 'https://www.lendelede.be/aangifteadreswijziging',
} as const;

const S = MOVE_HOUSE_SOURCES;

export const MOVE_HOUSE_DATA_ITEMS: Readonly<Record<string, DataItemSpec>> = {
  'person.name': PERSON_NAME,
  'person.nationalRegisterNumber': PERSON_NATIONAL_REGISTER_NUMBER,
  'person.address': {
    type: 'string',
    label: t('Je huidige adres', 'Your current address', 'Votre adresse actuelle'),
    authenticSource: RIJKSREGISTER,
  },
  'business.enterpriseNumber': {
    type: 'string',
    label: t('Ondernemingsnummer', 'Enterprise number', "Numéro d'entreprise"),
    authenticSource: 'kbo',
  },

  // Asked once when the journey starts.
  'move.date': {
    type: 'date',
    label: t('Op welke dag verhuis je?', 'On which day do you move?', 'À quelle date déménagez-vous ?'),
  },
  'move.newAddress': {
    type: 'string',
    label: t('Je nieuwe adres', 'Your new address', 'Votre nouvelle adresse'),
  },
  'move.household': {
    type: 'string',
    label: t(
      'Wie verhuist mee? (namen van je gezinsleden)',
      'Who moves with you? (names of your household members)',
      'Qui déménage avec vous ? (noms des membres de votre ménage)',
    ),
  },
  'move.tenure': {
    type: 'enum',
    values: ['tenant', 'owner', 'other'],
    label: t(
      'Ga je huren, woon je in je eigen woning, of iets anders?',
      'Will you rent, live in your own home, or something else?',
      'Allez-vous louer, habiter votre propre logement, ou autre chose ?',
    ),
  },
  'move.hasVehicle': {
    type: 'boolean',
    label: t(
      'Staat er een voertuig op je naam?',
      'Is a vehicle registered in your name?',
      'Un véhicule est-il immatriculé à votre nom ?',
    ),
    // The DIV vehicle register knows it.
    authenticSource: 'div',
  },
  'move.enterpriseAddressChanges': {
    type: 'boolean',
    label: t(
      'Verandert ook het adres van je onderneming?',
      'Does the address of your business change too?',
      "L'adresse de votre entreprise change-t-elle aussi ?",
    ),
  },
  'move.parkingSigns': {
    type: 'boolean',
    label: t(
      'Wil je parkeerverbodsborden voor de verhuiswagen?',
      'Do you want no-parking signs for the removal van?',
      "Voulez-vous des panneaux d'interdiction de stationner pour le camion de déménagement ?",
    ),
  },

  // Produced by steps.
  'lease.registrationReference': {
    type: 'string',
    label: t(
      'Referentie van de registratie van je huurcontract',
      'Reference of your lease registration',
      "Référence de l'enregistrement de votre bail",
    ),
  },
  'energy.takeoverDocument': {
    type: 'string',
    label: t(
      'Energieovernamedocument met meterstanden',
      'Energy takeover document with meter readings',
      "Document de reprise d'énergie avec les relevés",
    ),
  },
  'water.meterReading': {
    type: 'string',
    label: t('Meterstand water', 'Water meter reading', "Relevé du compteur d'eau"),
  },
  'move.declarationDate': {
    type: 'date',
    label: t('Datum van je aangifte', 'Date of your declaration', 'Date de votre déclaration'),
  },
  'move.residenceConfirmed': {
    type: 'boolean',
    label: t(
      'De wijkagent bevestigde dat je er woont',
      'The police officer confirmed you live there',
      "L'agent de quartier a confirmé que vous y habitez",
    ),
  },
  'move.registrationDate': {
    type: 'date',
    label: t(
      'Datum van inschrijving op je nieuwe adres',
      'Date of registration at your new address',
      "Date d'inscription à votre nouvelle adresse",
    ),
  },
  'move.eidUpdated': {
    type: 'boolean',
    label: t(
      'Het adres op je identiteitskaart is aangepast',
      'The address on your identity card is updated',
      "L'adresse sur votre carte d'identité est modifiée",
    ),
  },
  'move.publicBodiesInformed': {
    type: 'boolean',
    label: t(
      'Overheidsdiensten kennen je nieuwe adres',
      'Public services know your new address',
      'Les services publics connaissent votre nouvelle adresse',
    ),
  },
  'vehicle.addressUpdated': {
    type: 'boolean',
    label: t(
      'De DIV kent je nieuwe adres',
      'The vehicle register knows your new address',
      'La DIV connaît votre nouvelle adresse',
    ),
  },
  'move.residenceCertificate': {
    type: 'string',
    label: t('Attest van hoofdverblijfplaats', 'Certificate of main residence', 'Certificat de résidence principale'),
  },
  'move.privatePartiesInformed': {
    type: 'boolean',
    label: t(
      'Je contractpartners kennen je nieuwe adres',
      'Your contract parties know your new address',
      'Vos cocontractants connaissent votre nouvelle adresse',
    ),
  },
  'business.addressChanged': {
    type: 'boolean',
    label: t(
      'Het adres van je onderneming is aangepast in de KBO',
      "Your business's address is updated in the CBE",
      "L'adresse de votre entreprise est modifiée à la BCE",
    ),
  },
  'move.parkingPermit': {
    type: 'string',
    label: t(
      'Toelating voor het parkeerverbod',
      'Permission for the no-parking zone',
      "Autorisation pour l'interdiction de stationner",
    ),
  },
};

export const MOVE_HOUSE_V1 = defineLifeEvent({
  id: 'move-house',
  version: 1,
  kind: 'life',
  owner: 'abb',
  title: t('Ik verhuis', 'I am moving house', 'Je déménage'),
  summary: t(
    'Alles wat je regelt als je verhuist: je nieuwe adres aangeven bij de gemeente, de wijkagent, je identiteitskaart, energie en water, en wie je zelf nog moet verwittigen. Overheidsdiensten krijgen je nieuwe adres vanzelf. Je geeft je nieuwe adres één keer.',
    'Everything you arrange when you move: declaring your new address at the municipality, the police officer, your identity card, energy and water, and whom you still have to tell yourself. Public services get your new address by themselves. You give your new address once.',
    "Tout ce que vous réglez quand vous déménagez : déclarer votre nouvelle adresse à la commune, l'agent de quartier, votre carte d'identité, l'énergie et l'eau, et qui vous devez encore prévenir vous-même. Les services publics reçoivent votre nouvelle adresse d'eux-mêmes. Vous donnez votre nouvelle adresse une seule fois.",
  ),
  dataItems: MOVE_HOUSE_DATA_ITEMS,
  intake: [
    'move.date',
    'move.newAddress',
    'move.household',
    'move.tenure',
    'move.hasVehicle',
    'move.enterpriseAddressChanges',
    'move.parkingSigns',
  ],
  steps: [
    // verh-01. The landlord registers within 2 months of signing, free when on time (MyRent). The term counts from
    // the signing date, which the journey does not ask (it would have to be asked of owners too): told, not timed.
    step('lease-registration', {
      agency: 'fod-financien',
      service: 'lease-registration',
      mode: 'citizen',
      when: { field: 'move.tenure', equals: 'tenant' },
      critical: false,
      title: t('Je huurcontract laten registreren', 'Have your lease registered', 'Faire enregistrer votre bail'),
      description: t(
        'Je verhuurder moet het huurcontract binnen 2 maanden na het tekenen gratis registreren in MyRent. Je mag het ook zelf doen. Zolang het niet geregistreerd is, kan je bij een contract van meer dan 3 jaar vertrekken zonder opzeg of vergoeding. Geef ons de referentie van de registratie.',
        'Your landlord must register the lease for free in MyRent within 2 months of signing. You may also do it yourself. As long as it is not registered, with a lease of more than 3 years you can leave without notice or compensation. Give us the registration reference.',
        "Votre bailleur doit enregistrer gratuitement le bail dans MyRent dans les 2 mois de la signature. Vous pouvez aussi le faire vous-même. Tant qu'il n'est pas enregistré, pour un bail de plus de 3 ans, vous pouvez partir sans préavis ni indemnité. Donnez-nous la référence de l'enregistrement.",
      ),
      produces: ['lease.registrationReference'],
      channels: ['online', 'counter'],
      cost: { online: 0, counter: 0 },
      expectedDays: 14,
    }),

    // verh-02. No legal term: about one week after getting the keys is an older municipal guide's advice (estimate).
    step('energy-takeover', {
      agency: 'energieleverancier',
      service: 'energy-takeover',
      mode: 'citizen',
      critical: false,
      title: t('Energie overzetten', 'Transfer your energy', 'Transférer votre énergie'),
      description: t(
        'Vul voor je oude en je nieuwe woning het energieovernamedocument in, met de meterstanden, de EAN-codes en de handtekeningen van wie vertrekt en wie komt. Stuur het naar je leverancier. Neemt niemand over, laat de meter dan afsluiten.',
        'Fill in the energy takeover document for your old and new home, with the meter readings, the EAN codes and the signatures of who leaves and who arrives. Send it to your supplier. If nobody takes over, have the meter closed.',
        "Remplissez le document de reprise d'énergie pour votre ancien et votre nouveau logement, avec les relevés des compteurs, les codes EAN et les signatures de qui part et de qui arrive. Envoyez-le à votre fournisseur. Si personne ne reprend, faites fermer le compteur.",
      ),
      needs: ['person.name', 'person.address', 'move.newAddress', 'move.date'],
      produces: ['energy.takeoverDocument'],
      channels: ['online', 'phone'],
      term: {
        days: 7,
        unit: 'calendar',
        kind: 'estimate',
        from: 'date:move.date',
        onExpiry: 'remind',
        source: S.energyWeek,
      },
    }),

    // verh-03. "As soon as possible after the move" (Farys); a week is our estimate.
    step('water-takeover', {
      agency: 'drinkwatermaatschappij',
      service: 'water-takeover',
      mode: 'citizen',
      critical: false,
      title: t('Water overzetten', 'Transfer your water account', "Transférer votre compte d'eau"),
      description: t(
        'Geef de meterstand en de datum door aan je waterbedrijf, voor je oude en je nieuwe adres. Zet de rekening op je naam zoals op je identiteitskaart, zodat je kortingen per bewoner krijgt.',
        'Give the meter reading and the date to your water company, for your old and new address. Put the bill in your name as on your identity card, so you get the discounts per resident.',
        "Communiquez le relevé du compteur et la date à votre société de distribution d'eau, pour votre ancienne et votre nouvelle adresse. Mettez la facture à votre nom comme sur votre carte d'identité, pour obtenir les réductions par habitant.",
      ),
      needs: ['person.name', 'person.address', 'move.newAddress', 'move.date'],
      produces: ['water.meterReading'],
      channels: ['online'],
      expectedDays: 7,
    }),

    // verh-04. Within 8 working days of the actual move (some municipalities write "8 days"); only once you live
    // there. One adult declares for the whole household. Withdrawn if the journey is withdrawn before registration.
    step('address-declaration', {
      agency: 'gemeente',
      service: 'address-declaration',
      mode: 'manual',
      title: t('Je nieuwe adres aangeven', 'Declare your new address', 'Déclarer votre nouvelle adresse'),
      description: t(
        'Geef je nieuwe adres aan bij de gemeente waar je nu woont, binnen 8 werkdagen na je verhuis. Dat kan pas als je er echt woont, ook als je binnen dezelfde gemeente verhuist. Eén volwassene doet het voor het hele gezin. Online kan met je identiteitskaart en pincode; je inschrijvingsbewijs van je auto hoef je niet mee te brengen.',
        'Declare your new address at the municipality where you now live, within 8 working days of your move. You can only do this once you really live there, also when you move within the same municipality. One adult does it for the whole household. Online works with your identity card and PIN; you do not need to bring your car registration certificate.',
        "Déclarez votre nouvelle adresse à la commune où vous habitez maintenant, dans les 8 jours ouvrables après votre déménagement. C'est possible seulement quand vous y habitez vraiment, même si vous déménagez dans la même commune. Un adulte le fait pour tout le ménage. En ligne, avec votre carte d'identité et votre code PIN ; vous ne devez pas apporter le certificat d'immatriculation de votre voiture.",
      ),
      needs: [
        'person.name',
        'person.nationalRegisterNumber',
        'person.address',
        'move.newAddress',
        'move.date',
        'move.household',
      ],
      produces: ['move.declarationDate'],
      channels: ['online', 'counter'],
      term: {
        days: 8,
        unit: 'working',
        kind: 'citizen-deadline',
        from: 'date:move.date',
        onExpiry: 'remind',
        source: S.declaration,
      },
      compensation: {
        service: 'address-declaration-withdrawal',
        title: t(
          'Je aangifte van adreswijziging intrekken',
          'Withdraw your declaration of a change of address',
          "Retirer votre déclaration de changement d'adresse",
        ),
      },
    }),

    // verh-05. No term in the sources (estimate). A negative report means no registration: the journey ends.
    step('residence-check', {
      agency: 'lokale-politie',
      service: 'residence-check',
      mode: 'manual',
      dependsOn: ['address-declaration'],
      title: t('De wijkagent komt langs', 'The police officer visits', "L'agent de quartier passe"),
      description: t(
        'De wijkagent komt kijken of je echt op je nieuwe adres woont. Je hoeft niets voor te bereiden. Ben je niet thuis, dan laat de agent een bericht achter.',
        'The neighbourhood police officer comes to check that you really live at your new address. You do not have to prepare anything. If you are not at home, the officer leaves a note.',
        "L'agent de quartier vient vérifier que vous habitez vraiment à votre nouvelle adresse. Vous n'avez rien à préparer. Si vous n'êtes pas là, l'agent laisse un avis.",
      ),
      needs: ['person.name', 'move.newAddress', 'move.household'],
      produces: ['move.residenceConfirmed'],
      channels: ['counter'],
      expectedDays: 14,
    }),

    // verh-06. The municipality acts on the police report; the registration is backdated to the declaration.
    step('register-update', {
      agency: 'gemeente',
      service: 'population-register-update',
      mode: 'automatic',
      dependsOn: ['residence-check'],
      title: t(
        'Je staat ingeschreven op je nieuwe adres',
        'You are registered at your new address',
        'Vous êtes inscrit à votre nouvelle adresse',
      ),
      description: t(
        'Na het verslag van de wijkagent schrijft de gemeente je in op je nieuwe adres, vanaf de dag van je aangifte. Je krijgt een uitnodiging om je identiteitskaart aan te passen.',
        "After the police officer's report, the municipality registers you at your new address, from the day of your declaration. You get an invitation to update your identity card.",
        "Après le rapport de l'agent de quartier, la commune vous inscrit à votre nouvelle adresse, à partir du jour de votre déclaration. Vous recevez une invitation pour modifier votre carte d'identité.",
      ),
      needs: ['person.nationalRegisterNumber', 'move.newAddress', 'move.declarationDate', 'move.residenceConfirmed'],
      produces: ['move.registrationDate'],
      expectedDays: 2,
    }),

    // verh-07. By appointment, from 2 days (Melle) to 10 days (Lokeren) after the police check (observed).
    step('eid-update', {
      agency: 'gemeente',
      service: 'eid-address-update',
      mode: 'citizen',
      dependsOn: ['register-update'],
      critical: false,
      title: t('Je identiteitskaart aanpassen', 'Update your identity card', "Modifier votre carte d'identité"),
      description: t(
        'Maak een afspraak bij de dienst Burgerzaken en breng de identiteitskaarten en pincodes mee van iedereen die verhuisde, ook de Kids-ID. De nieuwe adressen komen op de chip.',
        'Make an appointment at the civil affairs office and bring the identity cards and PIN codes of everyone who moved, Kids-IDs too. The new addresses go on the chip.',
        "Prenez rendez-vous au service Population et apportez les cartes d'identité et codes PIN de tous ceux qui ont déménagé, Kids-ID comprises. Les nouvelles adresses sont inscrites sur la puce.",
      ),
      needs: ['person.nationalRegisterNumber', 'move.household'],
      produces: ['move.eidUpdated'],
      channels: ['counter'],
      term: {
        days: 10,
        unit: 'calendar',
        kind: 'observed',
        from: 'completed:register-update',
        onExpiry: 'remind',
        source: S.declaration,
      },
    }),

    // verh-08. Through the Rijksregister, KSZ and MAGDA: Vlaamse Belastingdienst, Kind en Gezin, OCMW, social
    // security, Groeipakket payer, health insurance fund and others.
    step('public-propagation', {
      agency: 'rijksregister',
      service: 'address-propagation',
      mode: 'proactive',
      dependsOn: ['register-update'],
      critical: false,
      title: t(
        'Overheidsdiensten krijgen je nieuwe adres',
        'Public services get your new address',
        'Les services publics reçoivent votre nouvelle adresse',
      ),
      description: t(
        'Het Rijksregister geeft je nieuwe adres door aan de Vlaamse Belastingdienst, Kind en Gezin, het OCMW, de sociale zekerheid, je Groeipakket-uitbetaler en je ziekenfonds. Je hoeft hen niets te laten weten.',
        'The National Register passes your new address on to the Flemish Tax Administration, Kind en Gezin, the public social welfare centre, social security, your Groeipakket payer and your health insurance fund. You do not have to tell them.',
        "Le Registre national transmet votre nouvelle adresse au Service flamand des impôts, à Kind en Gezin, au CPAS, à la sécurité sociale, à votre caisse du Groeipakket et à votre mutualité. Vous n'avez pas à les prévenir.",
      ),
      needs: ['person.nationalRegisterNumber', 'move.newAddress'],
      produces: ['move.publicBodiesInformed'],
      expectedDays: 1,
    }),

    // verh-09. No new registration certificate is needed: the DIV database takes the new address automatically.
    step('vehicle-registration', {
      agency: 'div',
      service: 'vehicle-address-update',
      mode: 'proactive',
      when: { field: 'move.hasVehicle', equals: true },
      dependsOn: ['register-update'],
      critical: false,
      title: t('Je voertuig volgt vanzelf', 'Your vehicle follows by itself', 'Votre véhicule suit tout seul'),
      description: t(
        'De DIV neemt je nieuwe adres over uit het Rijksregister. Je hebt geen nieuw inschrijvingsbewijs nodig; het oude adres op het papier mag blijven staan.',
        'The vehicle register takes your new address from the National Register. You do not need a new registration certificate; the old address on the paper may stay.',
        "La DIV reprend votre nouvelle adresse du Registre national. Vous n'avez pas besoin d'un nouveau certificat d'immatriculation ; l'ancienne adresse sur le papier peut rester.",
      ),
      needs: ['person.nationalRegisterNumber'],
      produces: ['vehicle.addressUpdated'],
      expectedDays: 1,
    }),

    // OSLO-STEPS "immoving" (IPDC 14337): the proof of address is available once the register has the new address.
    step('residence-certificate', {
      agency: 'gemeente',
      service: 'residence-certificate',
      mode: 'proactive',
      dependsOn: ['register-update'],
      critical: false,
      ipdcId: '14337',
      title: t(
        'Je bewijs van woonst staat klaar',
        'Your proof of address is ready',
        'Votre preuve de domicile est prête',
      ),
      description: t(
        'Je attest van hoofdverblijfplaats met je nieuwe adres staat klaar in Mijn Burgerprofiel en in Mijn Dossier. Je kan het downloaden voor je bank, je verzekeraar of je werkgever. Het is gratis.',
        'Your certificate of main residence with your new address is ready in Mijn Burgerprofiel and Mijn Dossier. You can download it for your bank, insurer or employer. It is free.',
        'Votre certificat de résidence principale avec votre nouvelle adresse est prêt dans Mijn Burgerprofiel et Mon Dossier. Vous pouvez le télécharger pour votre banque, votre assureur ou votre employeur. Il est gratuit.',
      ),
      needs: ['person.nationalRegisterNumber', 'move.registrationDate'],
      produces: ['move.residenceCertificate'],
      expectedDays: 1,
    }),

    // verh-10. Municipalities advise doing this after the eID update. No term (estimate).
    step('notify-private-parties', {
      agency: 'private-contract-parties',
      service: 'address-change-notification',
      mode: 'citizen',
      dependsOn: ['eid-update', 'residence-certificate'],
      critical: false,
      title: t(
        'Je nieuwe adres doorgeven aan anderen',
        'Give your new address to others',
        'Communiquer votre nouvelle adresse aux autres',
      ),
      description: t(
        'Geef je nieuwe adres zelf door aan je werkgever, bank, verzekeraars, telecom, huisarts, het register van je huisdier en je abonnementen. Je bewijs van woonst kan je meesturen. Bpost kan je post een tijd doorsturen, tegen betaling.',
        'Give your new address yourself to your employer, bank, insurers, telecom, doctor, your pet register and your subscriptions. You can send your proof of address along. Bpost can forward your mail for a while, for a fee.',
        'Communiquez vous-même votre nouvelle adresse à votre employeur, votre banque, vos assureurs, vos télécoms, votre médecin, le registre de votre animal et vos abonnements. Vous pouvez joindre votre preuve de domicile. Bpost peut faire suivre votre courrier un temps, contre paiement.',
      ),
      needs: ['move.newAddress', 'move.residenceCertificate'],
      produces: ['move.privatePartiesInformed'],
      channels: ['online', 'phone'],
      expectedDays: 14,
    }),

    // verh-11. Within 1 month of the change; about EUR 101–105.50 per change (the KBO fee of VLAIO is used).
    step('enterprise-address', {
      agency: 'ondernemingsloket',
      service: 'kbo-address-change',
      mode: 'manual',
      when: { field: 'move.enterpriseAddressChanges', equals: true },
      critical: false,
      title: t(
        'Adres van je onderneming wijzigen',
        "Change your business's address",
        "Modifier l'adresse de votre entreprise",
      ),
      description: t(
        'Verhuist ook je onderneming? Laat het adres van de zetel of vestiging wijzigen in de KBO, via een ondernemingsloket, binnen een maand. Het kost 105,50 euro per wijziging. De DIV en andere diensten volgen de KBO vanzelf.',
        'Does your business move too? Have the address of the registered office or establishment changed in the CBE, through a business counter, within a month. It costs 105.50 euro per change. The vehicle register and other services follow the CBE by themselves.',
        "Votre entreprise déménage aussi ? Faites modifier l'adresse du siège ou de l'établissement à la BCE, via un guichet d'entreprises, dans le mois. Coût : 105,50 euros par modification. La DIV et les autres services suivent la BCE d'eux-mêmes.",
      ),
      needs: ['business.enterpriseNumber', 'move.newAddress', 'move.date'],
      produces: ['business.addressChanged'],
      channels: ['online', 'intermediary'],
      cost: { online: 105.5, intermediary: 105.5 },
      term: {
        days: 30,
        unit: 'calendar',
        kind: 'citizen-deadline',
        from: 'date:move.date',
        onExpiry: 'remind',
        source: S.enterprise,
      },
    }),

    // verh-12. Optional; municipality-specific terms and fees, none in the sources (estimate). Cancelled when the
    // journey is withdrawn.
    step('parking-signs', {
      agency: 'gemeente',
      service: 'parking-ban-signs',
      mode: 'manual',
      when: { field: 'move.parkingSigns', equals: true },
      critical: false,
      title: t(
        'Parkeerverbod voor de verhuiswagen',
        'No-parking zone for the removal van',
        'Interdiction de stationner pour le camion',
      ),
      description: t(
        'Vraag je gemeente om parkeerverbodsborden voor de dag van je verhuis, zodat de verhuiswagen voor de deur kan staan. Vraag het op tijd: elke gemeente heeft eigen termijnen.',
        'Ask your municipality for no-parking signs for the day of your move, so the removal van can stand at the door. Ask in time: each municipality has its own terms.',
        "Demandez à votre commune des panneaux d'interdiction de stationner pour le jour du déménagement, pour que le camion puisse se garer devant la porte. Demandez-le à temps : chaque commune a ses propres délais.",
      ),
      needs: ['person.name', 'move.date', 'move.newAddress'],
      produces: ['move.parkingPermit'],
      channels: ['online', 'counter'],
      expectedDays: 7,
      compensation: {
        service: 'parking-ban-signs-cancellation',
        title: t('Het parkeerverbod annuleren', 'Cancel the no-parking zone', "Annuler l'interdiction de stationner"),
      },
    }),
  ],
  sources: [...new Set(Object.values(MOVE_HOUSE_SOURCES))],
});
