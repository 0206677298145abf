import type { DataVocabulary } from './data-vocabulary';
import type { AgencyDescriptor } from './definition.types';

/**
 * What validation can find wrong with a life-event definition. Where a value has the wrong JSON type (or a required
 * field is missing) the issue is `invalid-type`; the other codes are about values of the right type. Conditions are
 * the exception: the type an operand needs depends on its operator, so every malformed condition is
 * `invalid-condition`.
 */
export const VALIDATION_CODES = [
  /** Wrong JSON type, or a required field is missing. */
  'invalid-type',
  /** A field the model does not have (often a typo: the message suggests the closest field). */
  'unknown-field',
  /** A value outside what its field allows, where no more specific code applies (a blank name, an unknown kind). */
  'invalid-value',
  /** The same name twice in one list (intake, needs, produces, dependsOn, channels, enum values, sources). */
  'duplicate-entry',
  /** A life-event or step id that is not kebab-case. */
  'invalid-id',
  /** A version that is not a positive integer. */
  'invalid-version',
  /** An owner that is not a known process-owner module (only checked when the context lists owners). */
  'unknown-owner',
  /** A required language of a text is missing or blank. */
  'missing-text',
  /** An enum data item without allowed values. */
  'enum-without-values',
  /** An enum value without a label in every language, here or in the vocabulary (checked with a vocabulary). */
  'missing-option-label',
  /** A data item without a scope, here or in the vocabulary (checked with a vocabulary). */
  'missing-scope',
  /** A data item whose type, enum values or scope differ from the vocabulary's: an item means the same everywhere. */
  'vocabulary-mismatch',
  /** An item about an enterprise, association or property while the life event binds no such entity. */
  'unbound-scope',
  /**
   * An entity binding that cannot work: its identifiers are about something else, a founding step does not produce
   * its number (or a producing step is not listed), or an existing entity's number is not known at the start.
   */
  'invalid-entity',
  /** A life event without steps. */
  'empty-journey',
  'duplicate-step-id',
  /** A step or compensation agency the registry does not know (only checked when the context lists agencies). */
  'unknown-agency',
  /** A service its agency does not offer (only checked when the context lists agencies). */
  'unknown-service',
  'invalid-mode',
  /** A data item referred to (intake, needs, produces, a `date:` term anchor) but not declared in `dataItems`. */
  'unknown-data-item',
  /** A needed data item that is not guaranteed to be known when the step runs; see `validateLifeEvent`. */
  'unprovided-need',
  /** A `citizen` step exists to collect data items from the subject, so it must produce at least one. */
  'citizen-step-produces-nothing',
  'unknown-dependency',
  'self-dependency',
  /** Reported on the dependency that closes the cycle, reading the steps in order. */
  'dependency-cycle',
  /** A condition over a data item not declared in `dataItems`. */
  'unknown-condition-field',
  /** A malformed condition: not an object, no or several operators, an unknown operator, a wrong operand. */
  'invalid-condition',
  /** A condition whose value cannot match its data item's type (or enum values). */
  'condition-type-mismatch',
  /** A statutory term with days outside 0..3650 or an unknown unit, kind or expiry rule. */
  'invalid-term',
  /**
   * A term anchor with a bad syntax, on a step that is not a dependency, on a data item that is not a date, or a
   * term counting back (`before`) from anything but a date.
   */
  'invalid-term-anchor',
  'invalid-channel',
  'no-channels',
  /** A negative or non-finite cost. */
  'invalid-cost',
  'cost-for-unused-channel',
  /**
   * A refusal policy that cannot work: on a citizen step, an appeal without a term or a body, a term or an appeal
   * on a final refusal, an appeal on a resubmission, a term outside 0..3650 days.
   */
  'invalid-refusal',
  /** The context has this version as published with another content hash: a published version is immutable. */
  'published-content-changed',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ValidationIssue {
  readonly code: ValidationCode;
  /** Where the offending element is, e.g. `steps[3].dependsOn[0]`, `dataItems["person.address"].values`. */
  readonly path: string;
  /** Plain English, naming the offending value. */
  readonly message: string;
}

/** What validation checks references against; a check whose list is absent is skipped. */
export interface ValidationContext {
  /** The agency registry. */
  readonly agencies?: readonly AgencyDescriptor[];
  /** Ids of the process-owner modules. */
  readonly owners?: readonly string[];
  /** The published versions of this life event, with their content hashes. */
  readonly published?: readonly { readonly version: number; readonly hash: string }[];
  /** The catalogue-wide data-item vocabulary: scopes, enum labels, identifiers (see `DataVocabulary`). */
  readonly vocabulary?: DataVocabulary;
}
