/**
 * The published intake contract of a life-event version: JSON Schema (draft 2020-12) for what the subject gives
 * when the journey starts and for every citizen step, so that the API validates with a standard validator and an
 * e-counter renders the forms without knowing the life event.
 *
 * One schema per language: titles and help texts are the definition's labels and help in that language, and an
 * enum is a `oneOf` of `{ const, title }`, the form every JSON-Schema form renderer shows as a labelled choice.
 * Items an authentic source holds are `readOnly` (shown, never typed in); every other item asked is required unless
 * the caller says it is already known (then the subject may still correct it). No other item is allowed.
 */
import { resolveDataItem, vocabularyEntry, type DataVocabulary } from './data-vocabulary';
import type { DataItemSpec, Language, LifeEventDefinition, StepDefinition, Texts } from './definition.types';
import { own } from './json-value';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The JSON Schema keywords these schemas use. */
export interface JsonSchema {
  readonly $schema?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: 'object' | 'string' | 'number' | 'boolean';
  readonly format?: 'date';
  readonly minLength?: number;
  readonly pattern?: string;
  readonly readOnly?: boolean;
  readonly const?: string;
  readonly oneOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

export interface ContractOptions {
  readonly language: Language;
  /** Completes scopes, option labels and help texts the definition leaves to it. */
  readonly vocabulary?: DataVocabulary;
  /** Items the journey already knows for this subject: offered, but not required. */
  readonly known?: readonly string[];
}

/** The schemas of a version: its intake, and the inputs of each citizen step by step id. */
export interface IntakeContract {
  readonly intake: JsonSchema;
  readonly steps: Readonly<Record<string, JsonSchema>>;
}

export function intakeContract(definition: LifeEventDefinition, options: ContractOptions): IntakeContract {
  const steps = definition.steps.filter((step) => step.mode === 'citizen');
  return {
    intake: intakeSchema(definition, options),
    steps: Object.fromEntries(steps.map((step) => [step.id, stepInputSchema(definition, step, options)])),
  };
}

/**
 * What the subject gives when the journey starts: the intake items, and the items an authentic source holds
 * (read-only: the subject sees them, a counter clerk may give them when the source cannot be reached).
 */
export function intakeSchema(definition: LifeEventDefinition, options: ContractOptions): JsonSchema {
  const held = Object.keys(definition.dataItems).filter(
    (item) => definition.dataItems[item].authenticSource !== undefined && !definition.intake.includes(item),
  );
  return objectSchema(definition, definition.title, definition.summary, [...definition.intake], held, options);
}

/** What a citizen step asks of the subject: the items it produces. */
export function stepInputSchema(
  definition: LifeEventDefinition,
  step: StepDefinition,
  options: ContractOptions,
): JsonSchema {
  return objectSchema(definition, step.title, step.description, [...step.produces], [], options);
}

function objectSchema(
  definition: LifeEventDefinition,
  title: Texts,
  description: Texts | undefined,
  asked: readonly string[],
  held: readonly string[],
  options: ContractOptions,
): JsonSchema {
  const { language, vocabulary = {}, known = [] } = options;
  const property = (item: string, readOnly: boolean): [string, JsonSchema] => {
    const spec = resolveDataItem(definition.dataItems[item], vocabularyEntry(vocabulary, item));
    return [item, { ...valueSchema(spec, language), ...(readOnly ? { readOnly: true } : {}) }];
  };
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: title[language],
    ...(description === undefined ? {} : { description: description[language] }),
    type: 'object',
    properties: Object.fromEntries([
      ...asked.map((item) => property(item, definition.dataItems[item].authenticSource !== undefined)),
      ...held.map((item) => property(item, true)),
    ]),
    required: asked.filter((item) => !known.includes(item) && definition.dataItems[item].authenticSource === undefined),
    additionalProperties: false,
  };
}

/** One item's value: its type and format, its label as title, its help as description. */
function valueSchema(spec: DataItemSpec, language: Language): JsonSchema {
  const annotations = {
    title: spec.label[language],
    ...(spec.help === undefined ? {} : { description: spec.help[language] }),
  };
  switch (spec.type) {
    case 'string':
      // Not blank: the API refuses a text of only spaces.
      return { ...annotations, type: 'string', minLength: 1, pattern: '\\S' };
    case 'number':
      return { ...annotations, type: 'number' };
    case 'boolean':
      return { ...annotations, type: 'boolean' };
    case 'date':
      return { ...annotations, type: 'string', format: 'date' };
    case 'enum':
      return {
        ...annotations,
        type: 'string',
        oneOf: (spec.values ?? []).map((value) => ({
          const: value,
          // A value without a label (only where validation ran without a vocabulary) shows as itself.
          title: (spec.options && (own(spec.options, value) as Texts | undefined)?.[language]) ?? value,
        })),
      };
  }
}
