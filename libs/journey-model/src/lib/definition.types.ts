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

/** A value of a data item as it travels in a journey; dates are ISO `YYYY-MM-DD` strings. */
export type DataValue = string | number | boolean;
export type DataItems = Readonly<Record<string, DataValue>>;

export interface DataItemSpec {
  readonly type: DataItemType;
  /** Allowed values when `type` is `enum`. */
  readonly values?: readonly string[];
  readonly label: Texts;
  /** Held by an authentic source (e.g. `rijksregister`, `kbo`): never asked of the subject when the source has it. */
  readonly authenticSource?: string;
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
