import { TERM_FIELDS } from './definition-fields';
import { EXPIRY_RULES, TERM_KINDS, TERM_UNITS } from './definition.types';
import type { JsonRecord } from './json-value';
import type { DefinitionIndex } from './validation-index';
import type { ValidationCode } from './validation.types';
import {
  anItem,
  field,
  fieldPath,
  nameField,
  oneOfField,
  quote,
  show,
  suggestion,
  unknownFields,
  type Issues,
} from './validation-report';

/** Ten years: a longer term is a mistake (or not a term). */
const MAX_TERM_DAYS = 3650;

/** Checks the statutory term of `steps[i]`, if it has one. */
export function checkTerm(issues: Issues, index: DefinitionIndex, step: JsonRecord, path: string, i: number): void {
  const term = field(issues, step, path, 'term', 'object', false);
  if (term === undefined) return;
  const at = fieldPath(path, 'term');
  checkDaysAndUnit(issues, term, at, 'invalid-term');
  oneOfField(issues, term, at, 'kind', TERM_KINDS, 'invalid-term', 'a term kind');
  const before = field(issues, term, at, 'before', 'boolean', false);
  if (before === false) {
    issues.add(
      'invalid-term',
      fieldPath(at, 'before'),
      'A term counts from its anchor unless it says "before": true; leave "before" out instead of setting it to false.',
    );
  }
  const from = field(issues, term, at, 'from', 'string', true);
  if (from !== undefined) {
    const anchorAt = fieldPath(at, 'from');
    if (before === true && !from.startsWith('date:')) {
      issues.add(
        'invalid-term-anchor',
        anchorAt,
        `A term that ends before its anchor counts back from a date ("date:<data item>"), but ${show(from)} lies behind the step.`,
      );
    } else {
      checkAnchor(issues, index, from, anchorAt, i);
    }
  }
  oneOfField(issues, term, at, 'onExpiry', EXPIRY_RULES, 'invalid-term', 'an expiry rule');
  nameField(issues, term, at, 'source', false);
  unknownFields(issues, term, at, TERM_FIELDS, 'a statutory term');
}

/** `days` (a whole number from 0 to ten years) and `unit` of any term; a wrong value is reported as `code`. */
export function checkDaysAndUnit(issues: Issues, term: JsonRecord, at: string, code: ValidationCode): void {
  const days = field(issues, term, at, 'days', 'number', true);
  if (days !== undefined && !(Number.isInteger(days) && days >= 0 && days <= MAX_TERM_DAYS)) {
    issues.add(
      code,
      fieldPath(at, 'days'),
      `A term is a whole number of days from 0 to ${MAX_TERM_DAYS}, got ${days}.`,
    );
  }
  oneOfField(issues, term, at, 'unit', TERM_UNITS, code, 'a term unit');
}

/** A term counts from dispatch, the journey's start, the completion of a step depended on, or a date item. */
function checkAnchor(issues: Issues, index: DefinitionIndex, from: string, at: string, i: number): void {
  if (from === 'dispatch' || from === 'journey-start') return;
  const [, kind, reference] = /^(completed|date):(.+)$/.exec(from) ?? [];
  const step = quote(index.steps[i].name);
  if (kind === 'completed') {
    const target = index.stepIds.get(reference);
    if (target === undefined) {
      issues.add(
        'invalid-term-anchor',
        at,
        `${show(from)} names no step of this life event.${suggestion(reference, index.stepIds.keys())}`,
      );
    } else if (!index.ancestors[i].has(target)) {
      issues.add(
        'invalid-term-anchor',
        at,
        `The term counts from the completion of ${quote(reference)}, which ${step} does not depend on.`,
      );
    }
  } else if (kind === 'date') {
    const item = index.dataItems?.get(reference);
    if (index.dataItems !== undefined && item === undefined) {
      issues.add(
        'unknown-data-item',
        at,
        `${quote(reference)} in ${show(from)} is not declared in dataItems.${suggestion(reference, index.dataItems.keys())}`,
      );
    } else if (item?.type !== undefined && item.type !== 'date') {
      issues.add(
        'invalid-term-anchor',
        at,
        `A term counts from a date, but ${quote(reference)} is ${anItem(item.type)}.`,
      );
    }
  } else {
    issues.add(
      'invalid-term-anchor',
      at,
      `${show(from)} is not a term anchor; expected "dispatch", "journey-start", "completed:<step id>" or "date:<data item>".`,
    );
  }
}
