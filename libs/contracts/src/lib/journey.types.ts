import type {
  BoundEntity,
  Channel,
  DataItems,
  DataValue,
  DataVocabulary,
  DefinitionSnapshot,
  EntityScope,
  JourneyStatus,
  Language,
  ScopeKey,
  StepContext,
  StepMode,
  StepDefinition,
  StepStatus,
  SuspendedTerm,
} from '@passage/journey-model';
import type { MessageReceipt } from './messages';

export const ROLES = ['citizen', 'intermediary', 'agency', 'counter', 'owner', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: a pseudonymous id, never a national number. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** For agency and counter staff. */
  readonly agency?: string;
  /** How the actor reached the journey, when not online (a clerk at a counter or on the phone). */
  readonly channel?: Channel;
}

/** Where a data item of the journey came from. */
export type Provenance =
  | { readonly kind: 'intake' }
  | { readonly kind: 'reused'; readonly from: 'vault' }
  | { readonly kind: 'subject'; readonly stepId?: string }
  | { readonly kind: 'step'; readonly stepId: string; readonly agency: string }
  | { readonly kind: 'authentic-source'; readonly source: string };

/** Tunables of a journey that a deployment may change without touching workflow code. */
export interface JourneySettings {
  /** Attempts of a service call before the step fails and escalates to the process owner. */
  readonly serviceMaxAttempts: number;
  readonly serviceInitialRetrySeconds: number;
  readonly serviceMaxRetrySeconds: number;
  /** Budget of one synchronous service call (webhook or worker handler). */
  readonly serviceCallTimeoutSeconds: number;
  readonly serviceHeartbeatTimeoutSeconds: number;
  /** History length after which a quiet journey continues as new (unless the server suggests it earlier). */
  readonly continueAsNewAfterHistoryEvents: number;
}

export const DEFAULT_JOURNEY_SETTINGS: JourneySettings = {
  serviceMaxAttempts: 8,
  serviceInitialRetrySeconds: 1,
  serviceMaxRetrySeconds: 300,
  serviceCallTimeoutSeconds: 600,
  serviceHeartbeatTimeoutSeconds: 60,
  continueAsNewAfterHistoryEvents: 8_000,
};

export interface JourneyInput {
  /** The workflow id, `journey-<lifeEventId>-<uuid>`. */
  readonly journeyId: string;
  readonly snapshot: DefinitionSnapshot;
  /** Pseudonymous subject id. */
  readonly subject: string;
  readonly language: Language;
  readonly channel: Channel;
  readonly startedBy: Actor;
  /** Intake answers and items reused from the vault, with where each came from. */
  readonly data: DataItems;
  readonly provenance: Readonly<Record<string, Provenance>>;
  readonly settings?: Partial<JourneySettings>;
  /** Set when the journey continues as new: the state to resume from. */
  readonly carried?: CarriedJourney;
  /** Set when the journey was started by an authentic-source event rather than an application. */
  readonly proactive?: { readonly event: string };
  /**
   * What the definition's items are about (the catalogue vocabulary's entries for them, see ADR 0009): the vault
   * keys each value the journey learns by its scope. Absent in journeys started before scopes: their values are then
   * kept for the journey only, unless the definition itself gives a scope.
   */
  readonly vocabulary?: DataVocabulary;
}

export interface StepState {
  readonly id: string;
  readonly agency: string;
  readonly service: string;
  readonly mode: StepMode;
  readonly status: StepStatus;
  readonly context: StepContext;
  /** Business attempt: 1, then +1 for each retry after a failure. */
  readonly attempt: number;
  readonly channel?: Channel;
  readonly readyAt?: string;
  readonly dispatchedAt?: string;
  readonly finishedAt?: string;
  /** When the statutory term ends (moved forward while the agency waits for the subject). */
  readonly dueAt?: string;
  /** When the term was suspended, while the step awaits the subject. */
  readonly suspendedAt?: string;
  readonly suspendedDays?: number;
  /** Expected completion from the critical path. */
  readonly expectedAt?: string;
  /** Data items the subject is asked for now. */
  readonly asked?: readonly string[];
  /** Items the subject gave because the step's agency asked for them (sent with the step's next call). */
  readonly answered?: readonly string[];
  /** How many times the agency of an automatic step was called again with answers to its questions. */
  readonly infoRounds?: number;
  /** Needed items that were already known and not asked again. */
  readonly reused?: readonly string[];
  readonly taskId?: string;
  readonly reason?: string;
  readonly decidedBy?: string;
  /**
   * A refusal the subject may still answer (the step's policy allows a resubmission or an appeal, within `until`).
   * While it is open the journey waits: nothing behind the step is cancelled and the journey does not end.
   */
  readonly refusal?: {
    readonly allows: 'resubmit' | 'appeal';
    readonly until?: string;
    /** The subject appealed: the appeal step (`<id>-appeal`) decides. */
    readonly appealed?: boolean;
  };
}

export interface JourneyState {
  readonly journeyId: string;
  readonly lifeEvent: { readonly id: string; readonly version: number; readonly hash: string };
  readonly owner: string;
  readonly subject: string;
  readonly language: Language;
  readonly channel: Channel;
  readonly status: JourneyStatus;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly expectedAt?: string;
  /** Monotonic: +1 at every change; the read model never goes back to a lower number. */
  readonly seq: number;
  readonly steps: readonly StepState[];
  /** Keys of the data items the journey knows, with provenance (values are never part of a view). */
  readonly provenance: Readonly<Record<string, Provenance>>;
  readonly proactive: boolean;
  /** The entities the journey holds a number for (never one still to be founded): whose vault values it uses. */
  readonly entities?: Readonly<Partial<Record<EntityScope, BoundEntity>>>;
}

/** What a journey hands to its next run when it continues as new (Temporal history stays small). */
/** A message's receipt as the journey keeps it, with when it was taken (receipts are kept for a window). */
export interface KeptReceipt extends MessageReceipt {
  readonly at?: string;
}

/** A step's decision as the journey keeps it, to tell a repeat (same decision) from a contradiction. */
export interface KeptDecision {
  readonly outcome: 'approved' | 'rejected';
  /** The approval's outputs, canonical JSON. */
  readonly outputs?: string;
  readonly receipt: MessageReceipt;
}

/** Inputs the subject gave before a step asked for them, held until it does. */
export interface HeldInput {
  readonly value: DataValue;
  readonly actor: Actor;
}

export interface CarriedJourney {
  readonly journey: JourneyState;
  readonly data: DataItems;
  readonly receipts: Readonly<Record<string, KeptReceipt>>;
  readonly decisions?: Readonly<Record<string, KeptDecision>>;
  readonly held?: Readonly<Record<string, HeldInput>>;
  readonly eventCount: number;
  readonly completionOrder: readonly string[];
  readonly suspended: Readonly<Record<string, SuspendedTerm>>;
  /** Finished steps of an earlier version that the journey migrated away from: kept in the record. */
  readonly retired?: readonly StepDefinition[];
}

export const TIMELINE_EVENT_TYPES = [
  'journey-started',
  'step-ready',
  'step-skipped',
  'step-dispatched',
  'step-accepted',
  'step-completed',
  'step-rejected',
  'step-failed',
  'step-retried',
  'step-resubmitted',
  'step-appealed',
  'step-expired',
  'step-overdue',
  'step-cancelled',
  'step-compensated',
  'info-requested',
  'info-provided',
  'data-asked',
  'data-provided',
  'data-reused',
  'data-shared',
  'journey-completed',
  'journey-rejected',
  'journey-withdrawn',
  'journey-failed',
  'journey-migrated',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/** One entry of the combined timeline. `n` numbers the journey's events from 1, without gaps. */
export interface TimelineEvent {
  readonly n: number;
  readonly at: string;
  readonly type: TimelineEventType;
  readonly stepId?: string;
  readonly agency?: string;
  readonly items?: readonly string[];
  readonly channel?: Channel;
  readonly actor?: Actor;
  readonly reason?: string;
  /** For `step-expired` / `step-overdue`: the rule applied. */
  readonly rule?: string;
  /** For `step-resubmitted`: the attempt that starts (every attempt stays in the timeline). */
  readonly attempt?: number;
}

/** A data item that became known in a journey, with when and from where. */
export interface DataWrite {
  readonly item: string;
  readonly value: DataItems[string];
  readonly provenance: Provenance;
  readonly at: string;
  /** Where the vault keeps it: the subject, an entity by its number, or this journey only (also when absent). */
  readonly scope?: ScopeKey;
}

/** What the projection activity writes after each change of the journey. */
export interface ProjectionUpdate {
  readonly state: JourneyState;
  /** Events since the previous update (possibly re-sent after a retry: they are deduplicated by `n`). */
  readonly events: readonly TimelineEvent[];
  /** Data items that became known in this change (step outputs, subject answers), to store once in the vault. */
  readonly dataWrites: readonly DataWrite[];
}

export interface JourneyResult {
  readonly status: JourneyStatus;
  readonly finishedAt: string;
  readonly steps: readonly { readonly id: string; readonly status: StepStatus }[];
}
