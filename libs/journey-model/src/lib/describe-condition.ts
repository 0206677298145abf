import type { Condition, Scalar } from './definition.types';

/**
 * A condition in one short line, for diagrams and messages: `business.legalForm = company`,
 * `business.sector in [horeca, retail]`, `not (business.employees >= 250)`, `a = 1 and (b = 2 or c = 3)`.
 */
export function describeCondition(condition: Condition): string {
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  if ('and' in condition) return condition.and.map(operand).join(' and ');
  if ('or' in condition) return condition.or.map(operand).join(' or ');
  const { field } = condition;
  if ('equals' in condition) return `${field} = ${scalar(condition.equals)}`;
  if ('in' in condition) return `${field} in [${condition.in.map(scalar).join(', ')}]`;
  if ('exists' in condition) return `${field} ${condition.exists ? 'is known' : 'is not known'}`;
  if ('gt' in condition) return `${field} > ${condition.gt}`;
  if ('gte' in condition) return `${field} >= ${condition.gte}`;
  if ('lt' in condition) return `${field} < ${condition.lt}`;
  return `${field} <= ${condition.lte}`;
}

/** Operands of `and` / `or` that combine conditions themselves get parentheses, so the grouping stays visible. */
function operand(condition: Condition): string {
  const text = describeCondition(condition);
  return 'and' in condition || 'or' in condition ? `(${text})` : text;
}

/** A word-like string is shown bare; anything that could be misread (spaces, `true`, `42`, '') is quoted. */
function scalar(value: Scalar): string {
  if (typeof value !== 'string') return String(value);
  const wordLike = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(value);
  const readsAsOther = value === 'true' || value === 'false' || Number.isFinite(Number(value));
  return wordLike && !readsAsOther ? value : JSON.stringify(value);
}
