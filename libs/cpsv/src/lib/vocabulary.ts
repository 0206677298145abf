import type { AgencyLevel, Channel, TermKind, Texts } from '@passage/journey-model';

/** The official JSON-LD context of CPSV-AP 3.2.0, referenced by the URL the release's own example uses. */
export const CPSV_AP_CONTEXT_URL =
  'https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld';

/**
 * Prefixes for the few terms the official context leaves out: it defines class names and `Class.property` terms
 * only, so SKOS labels of our own concepts, `dct:source`, `foaf:page` and the ADMS identifier need their namespace.
 */
export const PREFIXES = {
  adms: 'http://www.w3.org/ns/adms#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;

export const DEFAULT_BASE_URI = 'https://data.passage.example';

/** Euro in the currency authority table of the EU Publications Office. */
export const EURO = 'http://publications.europa.eu/resource/authority/currency/EUR';

const ATU = 'http://publications.europa.eu/resource/authority/atu/';

/**
 * `dct:spatial` of a public organisation, from the administrative-territorial-unit authority table the official
 * example uses: Belgium for federal bodies, the Flemish Region for Flemish ones. A local agency of the registry
 * stands for every Flemish municipality (or police zone, province, water company): the concrete one is resolved
 * per subject, so the area it covers in the catalogue is the Flemish Region.
 */
export const SPATIAL: Readonly<Record<Exclude<AgencyLevel, 'private'>, string>> = {
  federal: `${ATU}BEL`,
  flemish: `${ATU}BEL_RG_VLS`,
  local: `${ATU}BEL_RG_VLS`,
};

/** Identifier scheme of IPDC product numbers, as `adms:schemaAgency` names it. */
export const IPDC_SCHEMA_AGENCY = 'Interbestuurlijke Producten- en Dienstencatalogus (IPDC), Digitaal Vlaanderen';

/** A SKOS concept scheme Passage publishes itself, under `<base>/concept/<path>`. */
export interface ConceptScheme<K extends string> {
  readonly path: string;
  readonly label: Texts;
  readonly concepts: Readonly<Record<K, Texts>>;
}

/**
 * Channel types. CPSV-AP recommends the Europass channel-type table, but it lists post, e-mail, mobile phone, fax
 * and web only: no counter, no intermediary, no automatic processing. So Passage publishes its own five.
 */
export const CHANNEL_TYPES: ConceptScheme<Channel> = {
  path: 'concept/channel-type',
  label: { nl: 'Kanaaltypes van Passage', en: 'Passage channel types', fr: 'Types de canal de Passage' },
  concepts: {
    online: { nl: 'Online', en: 'Online', fr: 'En ligne' },
    phone: { nl: 'Telefoon', en: 'Phone', fr: 'Téléphone' },
    counter: { nl: 'Loket', en: 'Counter', fr: 'Guichet' },
    intermediary: { nl: 'Via een tussenpersoon', en: 'Through an intermediary', fr: 'Par un intermédiaire' },
    automatic: {
      nl: 'Automatisch, zonder aanvraag',
      en: 'Automatic, without an application',
      fr: 'Automatique, sans demande',
    },
  },
};

/** Whom a statutory term binds (the model's `TermKind`): the type of the rule that describes it. */
export const TERM_KINDS: ConceptScheme<TermKind> = {
  path: 'concept/term-kind',
  label: { nl: 'Soorten termijnen', en: 'Kinds of terms', fr: 'Types de délais' },
  concepts: {
    'authority-decision': {
      nl: 'Beslissingstermijn voor de overheid',
      en: 'Decision term binding the administration',
      fr: "Délai de décision imposé à l'administration",
    },
    'citizen-deadline': {
      nl: 'Termijn voor de aanvrager',
      en: 'Deadline for the applicant',
      fr: 'Délai à respecter par le demandeur',
    },
    observed: {
      nl: 'Termijn uit de praktijk (niet wettelijk)',
      en: 'Term observed in practice (not statutory)',
      fr: 'Délai observé en pratique (non légal)',
    },
    estimate: { nl: 'Geschatte termijn', en: 'Estimated term', fr: 'Délai estimé' },
  },
};

export type ParticipationRole = 'process-owner' | 'service-provider';

export const PARTICIPATION_ROLES: ConceptScheme<ParticipationRole> = {
  path: 'concept/participation-role',
  label: { nl: 'Rollen in een levensgebeurtenis', en: 'Roles in a life event', fr: 'Rôles dans un événement de vie' },
  concepts: {
    'process-owner': { nl: 'Proceseigenaar', en: 'Process owner', fr: 'Propriétaire du processus' },
    'service-provider': { nl: 'Uitvoerder', en: 'Service provider', fr: 'Prestataire' },
  },
};
