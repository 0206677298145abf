import { COMBINATORS, COMPARISONS, CONDITION_FIELDS, type Comparison } from './definition-fields';
import type { DataItemType, DataScope } from './definition.types';
import { isRecord, own, type JsonRecord } from './json-value';
import { anItem, fieldPath, itemPath, quote, show, suggestion, words, type Issues } from './validation-report';

/** What a condition check needs to know of a declared data item. */
export interface DataItemFacts {
  /** Undefined when the item declares no valid type. */
  readonly type?: DataItemType;
  /** The declared enum values. */
  readonly values: readonly string[];
  readonly fromAuthenticSource: boolean;
  /** Its own scope when it declares a valid one (the vocabulary's is not looked up here). */
  readonly scope?: DataScope;
}

/** Undefined when `dataItems` itself is malformed: fields are then not checked against it. */
export type DataItemLookup = ReadonlyMap<string, DataItemFacts> | undefined;

/** Deeper nesting is no longer readable, and bounds the recursion on untrusted input. */
const MAX_CONDITION_DEPTH = 16;

interface NamedItem {
  readonly name: string;
  readonly facts: DataItemFacts;
}

const OPERATORS: readonly string[] = [...COMPARISONS, ...COMBINATORS];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks a condition in document order: the condition itself, its field, its operand, then unknown operators. */
export function checkCondition(
  issues: Issues,
  value: unknown,
  path: string,
  dataItems: DataItemLookup,
  depth = 1,
): void {
  if (!isRecord(value)) {
    issues.add('invalid-condition', path, `A condition must be an object, got ${show(value)}.`);
    return;
  }
  if (depth > MAX_CONDITION_DEPTH) {
    issues.add('invalid-condition', path, `Conditions may nest at most ${MAX_CONDITION_DEPTH} levels deep.`);
    return;
  }
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  const unknown = keys.filter((key) => !CONDITION_FIELDS.includes(key)).sort();
  const operators = keys.filter((key) => OPERATORS.includes(key));
  if (operators.length > 1) {
    issues.add(
      'invalid-condition',
      path,
      `A condition has one operator, got ${words(operators, 'and')}; combine conditions with "and" or "or".`,
    );
  } else if (operators.length === 0 && unknown.length === 0) {
    issues.add('invalid-condition', path, `The condition has no operator; expected one of ${words(OPERATORS)}.`);
  } else if (operators.length === 1) {
    const [operator] = operators;
    if (isComparison(operator)) checkComparison(issues, value, path, operator, dataItems);
    else checkCombination(issues, value, path, operator, dataItems, depth);
  }
  for (const key of unknown) {
    issues.add(
      'invalid-condition',
      fieldPath(path, key),
      `"${key}" is not a condition operator; expected ${words(OPERATORS)}.${suggestion(key, OPERATORS)}`,
    );
  }
}

function isComparison(operator: string): operator is Comparison {
  return (COMPARISONS as readonly string[]).includes(operator);
}

function checkCombination(
  issues: Issues,
  condition: JsonRecord,
  path: string,
  operator: string,
  dataItems: DataItemLookup,
  depth: number,
): void {
  if (own(condition, 'field') !== undefined) {
    issues.add('invalid-condition', fieldPath(path, 'field'), `A "${operator}" condition has no "field".`);
  }
  const operand = condition[operator];
  const at = fieldPath(path, operator);
  if (operator === 'not') {
    checkCondition(issues, operand, at, dataItems, depth + 1);
  } else if (!Array.isArray(operand)) {
    issues.add('invalid-condition', at, `"${operator}" takes a list of conditions, got ${show(operand)}.`);
  } else if (operand.length === 0) {
    issues.add('invalid-condition', at, `"${operator}" needs at least one condition.`);
  } else {
    operand.forEach((part: unknown, i) => checkCondition(issues, part, itemPath(at, i), dataItems, depth + 1));
  }
}

function checkComparison(
  issues: Issues,
  condition: JsonRecord,
  path: string,
  operator: Comparison,
  dataItems: DataItemLookup,
): void {
  const field = own(condition, 'field');
  const fieldAt = fieldPath(path, 'field');
  let item: NamedItem | undefined;
  if (typeof field !== 'string') {
    issues.add(
      'invalid-condition',
      fieldAt,
      `A "${operator}" condition needs a "field" naming a data item, got ${show(field)}.`,
    );
  } else if (dataItems !== undefined && !dataItems.has(field)) {
    issues.add(
      'unknown-condition-field',
      fieldAt,
      `${quote(field)} is not declared in dataItems.${suggestion(field, dataItems.keys())}`,
    );
  } else {
    const facts = dataItems?.get(field);
    item = facts && { name: field, facts };
  }
  const operand = condition[operator];
  const at = fieldPath(path, operator);
  if (operator === 'exists') {
    if (typeof operand !== 'boolean') {
      issues.add('invalid-condition', at, `"exists" takes true or false, got ${show(operand)}.`);
    }
  } else if (operator === 'equals') {
    if (isScalar(operand)) checkValue(issues, operand, at, item);
    else issues.add('invalid-condition', at, `"equals" takes a string, number or boolean, got ${show(operand)}.`);
  } else if (operator === 'in') {
    checkIn(issues, operand, at, item);
  } else if (typeof operand !== 'number' || !Number.isFinite(operand)) {
    issues.add('invalid-condition', at, `"${operator}" takes a number, got ${show(operand)}.`);
  } else if (item?.facts.type !== undefined && item.facts.type !== 'number') {
    issues.add(
      'condition-type-mismatch',
      at,
      `"${operator}" compares numbers, but ${quote(item.name)} is ${anItem(item.facts.type)}.`,
    );
  }
}

function checkIn(issues: Issues, operand: unknown, at: string, item: NamedItem | undefined): void {
  if (!Array.isArray(operand)) {
    issues.add('invalid-condition', at, `"in" takes a list of values, got ${show(operand)}.`);
  } else if (operand.length === 0) {
    issues.add('invalid-condition', at, `"in" needs at least one value: an empty list never matches.`);
  } else {
    operand.forEach((value: unknown, i) => {
      if (isScalar(value)) checkValue(issues, value, itemPath(at, i), item);
      else
        issues.add(
          'invalid-condition',
          itemPath(at, i),
          `"in" takes strings, numbers or booleans, got ${show(value)}.`,
        );
    });
  }
}

/** Whether a value can ever equal a value of the item (when the item's type is known). */
function checkValue(issues: Issues, value: string | number | boolean, at: string, item: NamedItem | undefined): void {
  const type = item?.facts.type;
  if (item === undefined || type === undefined) return;
  const name = quote(item.name);
  if (type === 'enum') {
    const values = item.facts.values;
    if (typeof value !== 'string') {
      issues.add('condition-type-mismatch', at, `${name} is an enum item, so ${show(value)} never matches.`);
    } else if (values.length > 0 && !values.includes(value)) {
      issues.add(
        'condition-type-mismatch',
        at,
        `${show(value)} is not a value of ${name}; its values are ${words(values, 'and')}.`,
      );
    }
  } else if (type === 'date' ? !(typeof value === 'string' && ISO_DATE.test(value)) : typeof value !== type) {
    const expected = type === 'date' ? 'a YYYY-MM-DD date' : `a ${type}`;
    issues.add(
      'condition-type-mismatch',
      at,
      `${name} is ${anItem(type)}, so ${show(value)} never matches; expected ${expected}.`,
    );
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}
