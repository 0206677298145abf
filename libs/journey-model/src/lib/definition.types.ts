/**
 * The data shape of a life-event definition (DESIGN §5). Everything here is plain, serialisable data:
 * definitions are diffed, hashed, simulated and sent to workflows as JSON.
 */

export const LANGUAGES = ['nl', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A citizen-facing text in every supported language. */
export type Texts = Readonly<Record<Language, string>>;

export const STEP_MODES = ['automatic', 'manual', 'citizen', 'proactive'] as const;
/**
 * - `automatic`: an activity on the agency's task queue, no person involved.
 * - `manual`: a person at the agency decides in the inbox.
 * - `citizen`: the subject (or their intermediary) provides what the step produces.
 * - `proactive`: the agency acts without any application, from data the government already holds.
 */
export type StepMode = (typeof STEP_MODES)[number];

export const CHANNELS = ['online', 'phone', 'counter', 'intermediary', 'automatic'] as const;
export type Channel = (typeof CHANNELS)[number];

export const AGENCY_LEVELS = ['local', 'flemish', 'federal', 'private'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const DATA_ITEM_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const;
export type DataItemType = (typeof DATA_ITEM_TYPES)[number];

export const DATA_SCOPES = ['person', 'enterprise', 'association', 'property', 'journey'] as const;
/**
 * What a data item is about, and so where it is kept and reused:
 * - `person`: the subject (their name, address, bank account), reused in every journey of theirs;
 * - `enterprise` (by its KBO number), `association` (by its V-code or KBO number), `property` (by its parcel or
 *   address): an entity the journey concerns, reused only in journeys about the same entity;
 * - `journey`: this journey only (a child's birth, a move, a building project), never reused.
 */
export type DataScope = (typeof DATA_SCOPES)[number];

export const ENTITY_SCOPES = ['enterprise', 'association', 'property'] as const satisfies readonly DataScope[];
/** The scopes that are entities with a number of their own, bound when the journey starts (see {@link EntityBinding}). */
export type EntityScope = (typeof ENTITY_SCOPES)[number];

/** A value of a data item as it travels in a journey; dates are ISO `YYYY-MM-DD` strings. */
export type DataValue = string | number | boolean;
export type DataItems = Readonly<Record<string, DataValue>>;

export interface DataItemSpec {
  readonly type: DataItemType;
  /** Allowed values when `type` is `enum`. */
  readonly values?: readonly string[];
  /** The citizen-facing label of each enum value, by value; else the vocabulary's (see `DataVocabulary`). */
  readonly options?: Readonly<Record<string, Texts>>;
  readonly label: Texts;
  /** A help text shown with the question; else the vocabulary's. */
  readonly help?: Texts;
  /** What the item is about; else the vocabulary's (every item has one, see {@link DataScope}). */
  readonly scope?: DataScope;
  /** Held by an authentic source (e.g. `rijksregister`, `kbo`): never asked of the subject when the source has it. */
  readonly authenticSource?: string;
}

/**
 * How a journey binds an entity it concerns (an enterprise, an association, a property) when it starts:
 * - an existing one, chosen by its number: one of `identifiedBy` is asked at intake or held by an authentic source;
 * - a new one the journey founds (`foundedBy`): its items are kept for this journey only until one of the
 *   `foundedBy` steps produces its number, and are then attached to it.
 */
export interface EntityBinding {
  readonly scope: EntityScope;
  /** The data items holding its number, in order of preference (e.g. the KBO number before the V-code). */
  readonly identifiedBy: readonly string[];
  /** The steps that produce its number, when the journey founds it. */
  readonly foundedBy?: readonly string[];
}

export const TERM_UNITS = ['calendar', 'working'] as const;
export type TermUnit = (typeof TERM_UNITS)[number];

export const TERM_KINDS = ['authority-decision', 'citizen-deadline', 'observed', 'estimate'] as const;
/** Whom the term binds: the administration (`authority-decision`), the subject (`citizen-deadline`), or neither. */
export type TermKind = (typeof TERM_KINDS)[number];

export const EXPIRY_RULES = ['tacit-approval', 'tacit-refusal', 'escalate', 'remind'] as const;
export type ExpiryRule = (typeof EXPIRY_RULES)[number];

/**
 * What a statutory term counts from:
 * - `dispatch`: the moment the agency receives the (complete) request;
 * - `journey-start`: the start of the journey;
 * - `completed:<stepId>`: completion of an earlier step (which must be a dependency);
 * - `date:<dataItem>`: a date data item (e.g. `date:child.birthDate`).
 */
export type TermAnchor = 'dispatch' | 'journey-start' | `completed:${string}` | `date:${string}`;

export interface StatutoryTerm {
  readonly days: number;
  readonly unit: TermUnit;
  readonly kind: TermKind;
  /**
   * The term ends `days` before its anchor instead of after it: "at least 5 days before the first event with
   * music". Only a date lies ahead of the step, so the anchor is then a `date:` anchor.
   */
  readonly before?: true;
  /** The anchor: what the term counts from (or, with `before`, back from). */
  readonly from: TermAnchor;
  readonly onExpiry: ExpiryRule;
  /** The legal text or page the term comes from. */
  readonly source?: string;
}

export type Scalar = string | number | boolean;

/** A serialisable predicate over the journey's data items. */
export type Condition =
  | { readonly field: string; readonly equals: Scalar }
  | { readonly field: string; readonly in: readonly Scalar[] }
  | { readonly field: string; readonly exists: boolean }
  | { readonly field: string; readonly gt: number }
  | { readonly field: string; readonly gte: number }
  | { readonly field: string; readonly lt: number }
  | { readonly field: string; readonly lte: number }
  | { readonly not: Condition }
  | { readonly and: readonly Condition[] }
  | { readonly or: readonly Condition[] };

export type ChannelCosts = Readonly<Partial<Record<Channel, number>>>;

/** How to undo a completed step when the journey is rejected or withdrawn (a saga compensation). */
export interface Compensation {
  /** Defaults to the step's own agency. */
  readonly agency?: string;
  readonly service: string;
  readonly title: Texts;
}

export const REFUSAL_OPTIONS = ['resubmit', 'appeal', 'final'] as const;
/**
 * What a refusal of the step leaves the subject:
 * - `resubmit`: answer the reason with new data; the same step runs again as a new attempt;
 * - `appeal`: ask another body (or the same one, as "bezwaar") to review the decision;
 * - `final`: nothing within the journey (a court remains, outside it).
 */
export type RefusalOption = (typeof REFUSAL_OPTIONS)[number];

/** A number of days counted from the day of the refusal (not counted itself), ending at the end of its last day. */
export interface RefusalTerm {
  readonly days: number;
  readonly unit: TermUnit;
}

/** Where an appeal goes: the body and its service that review a refusal, and the term they have to decide it. */
export interface Appeal {
  readonly agency: string;
  readonly service: string;
  /** What the appeal is called for the subject, e.g. "Bezwaar bij het college van burgemeester en schepenen". */
  readonly title: Texts;
  /** The body's term to decide, counted from the day it receives the appeal. */
  readonly term?: Pick<StatutoryTerm, 'days' | 'unit' | 'onExpiry' | 'source'>;
}

/** What a refusal of a step allows; a step without one is `final`, as every refusal was before policies existed. */
export interface RefusalPolicy {
  readonly allows: RefusalOption;
  /** How long the subject has to resubmit (optional: no limit) or to lodge the appeal (required). */
  readonly within?: RefusalTerm;
  /** With `appeal` only. */
  readonly appeal?: Appeal;
  /** The legal text or page that grants the resubmission or appeal. */
  readonly source?: string;
}

export interface StepDefinition {
  readonly id: string;
  readonly agency: string;
  /** The service of the agency that performs this step (must be offered by the agency). */
  readonly service: string;
  readonly mode: StepMode;
  readonly title: Texts;
  /** What the step means for the subject, in plain language. */
  readonly description?: Texts;
  readonly needs: readonly string[];
  readonly produces: readonly string[];
  readonly dependsOn: readonly string[];
  readonly when?: Condition;
  readonly term?: StatutoryTerm;
  /** Typical duration in days when there is no term, used for expected dates. */
  readonly expectedDays?: number;
  readonly channels: readonly Channel[];
  /** Cost in euro of one execution of this step, per channel. */
  readonly cost: ChannelCosts;
  readonly compensation?: Compensation;
  /**
   * A rejection of a critical step ends the journey as rejected (open steps cancelled, completed steps compensated);
   * a rejection of a non-critical step only cancels the steps that depend on it. Default: true.
   */
  readonly critical?: boolean;
  /** What a refusal (an agency's rejection or a tacit refusal) allows the subject; see {@link RefusalPolicy}. */
  readonly refusal?: RefusalPolicy;
  /** The IPDC product id of the service, when known. */
  readonly ipdcId?: string;
}

export const CONSENT_RULES = ['opt-in', 'opt-out'] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

/** An event from an authentic source that starts the journey without an application. */
export interface ProactiveTrigger {
  readonly event: string;
  readonly consent: ConsentRule;
}

export interface LifeEventDefinition {
  readonly id: string;
  readonly version: number;
  /** `business` for company situations (CPSV-AP BusinessEvent), `life` for a person's life event. */
  readonly kind: 'life' | 'business';
  /** Id of the process-owner module accountable for this life event. */
  readonly owner: string;
  readonly title: Texts;
  readonly summary: Texts;
  readonly dataItems: Readonly<Record<string, DataItemSpec>>;
  /**
   * The entities the journey concerns, one per entity scope its items use. Versions written before entities were
   * declared leave this out: their bindings follow from the vocabulary (see `entityBindings`).
   */
  readonly entities?: readonly EntityBinding[];
  /** Data items asked when the journey starts (unless already known and consented). */
  readonly intake: readonly string[];
  readonly steps: readonly StepDefinition[];
  readonly trigger?: ProactiveTrigger;
  /** Where the modelling comes from (legal texts, agency pages). */
  readonly sources?: readonly string[];
}

/** A pinned definition as a journey carries it for its whole life. */
export interface DefinitionSnapshot {
  readonly id: string;
  readonly version: number;
  readonly hash: string;
  readonly definition: LifeEventDefinition;
}

/** One service an agency offers, as the agency registry knows it. */
export interface AgencyService {
  readonly id: string;
  readonly title: Texts;
  readonly ipdcId?: string;
}

export interface AgencyDescriptor {
  readonly id: string;
  readonly name: Texts;
  readonly level: AgencyLevel;
  readonly website?: string;
  readonly services: readonly AgencyService[];
}
