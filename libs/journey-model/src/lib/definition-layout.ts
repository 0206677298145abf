import {
  APPEAL_FIELDS,
  APPEAL_TERM_FIELDS,
  COMPENSATION_FIELDS,
  CONDITION_FIELDS,
  DATA_ITEM_FIELDS,
  DEFINITION_FIELDS,
  ENTITY_FIELDS,
  REFUSAL_FIELDS,
  REFUSAL_TERM_FIELDS,
  STEP_FIELDS,
  TERM_FIELDS,
  TRIGGER_FIELDS,
} from './definition-fields';
import { CHANNELS, LANGUAGES } from './definition.types';
import { isRecord, own } from './json-value';

/*
 * The written layout of a definition: known fields in model order, any other field after them in alphabetical
 * order, data items by name, costs in channel order. The layout depends only on the content, never on the order in
 * which keys were written, so equal definitions serialise to equal text. Values of the wrong shape are kept as is.
 */

type Arrange = (value: unknown) => unknown;

const asIs: Arrange = (value) => value;

function object(fields: readonly string[], nested: Readonly<Record<string, Arrange>> = {}): Arrange {
  return (value) => {
    if (!isRecord(value)) return value;
    const others = Object.keys(value)
      .filter((key) => !fields.includes(key))
      .sort();
    const keys = [...fields.filter((key) => Object.hasOwn(value, key)), ...others];
    return Object.fromEntries(
      keys.map((key) => [key, ((own(nested, key) as Arrange | undefined) ?? asIs)(value[key])]),
    );
  };
}

function list(item: Arrange): Arrange {
  return (value) => (Array.isArray(value) ? value.map(item) : value);
}

/** A map keyed by name: entries in name order. */
function byName(entry: Arrange): Arrange {
  return (value) =>
    isRecord(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, entry(value[key])]),
        )
      : value;
}

const texts = object(LANGUAGES);

function condition(value: unknown): unknown {
  return conditionLayout(value);
}

const conditionLayout = object(CONDITION_FIELDS, {
  not: condition,
  and: list(condition),
  or: list(condition),
});

const step = object(STEP_FIELDS, {
  title: texts,
  description: texts,
  when: condition,
  term: object(TERM_FIELDS),
  cost: object(CHANNELS),
  compensation: object(COMPENSATION_FIELDS, { title: texts }),
  refusal: object(REFUSAL_FIELDS, {
    within: object(REFUSAL_TERM_FIELDS),
    appeal: object(APPEAL_FIELDS, { title: texts, term: object(APPEAL_TERM_FIELDS) }),
  }),
});

export const arrangeDefinition: Arrange = object(DEFINITION_FIELDS, {
  title: texts,
  summary: texts,
  dataItems: byName(object(DATA_ITEM_FIELDS, { options: byName(texts), label: texts, help: texts })),
  entities: list(object(ENTITY_FIELDS)),
  steps: list(step),
  trigger: object(TRIGGER_FIELDS),
});
