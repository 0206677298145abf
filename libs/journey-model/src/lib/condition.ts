import type { Condition, DataItems, DataValue } from './definition.types';

/** Evaluates a step condition against the data items a journey knows. A missing field is neither equal nor in range. */
export function evaluateCondition(condition: Condition, data: DataItems): boolean {
  if ('not' in condition) return !evaluateCondition(condition.not, data);
  if ('and' in condition) return condition.and.every((c) => evaluateCondition(c, data));
  if ('or' in condition) return condition.or.some((c) => evaluateCondition(c, data));
  const value: DataValue | undefined = data[condition.field];
  if ('exists' in condition) return (value !== undefined) === condition.exists;
  if (value === undefined) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value);
  if (typeof value !== 'number') return false;
  if ('gt' in condition) return value > condition.gt;
  if ('gte' in condition) return value >= condition.gte;
  if ('lt' in condition) return value < condition.lt;
  return value <= condition.lte;
}

/** Every data item a condition reads. */
export function conditionFields(condition: Condition): string[] {
  if ('not' in condition) return conditionFields(condition.not);
  if ('and' in condition) return condition.and.flatMap(conditionFields);
  if ('or' in condition) return condition.or.flatMap(conditionFields);
  return [condition.field];
}
