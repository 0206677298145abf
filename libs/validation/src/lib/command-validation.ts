import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { registerDecorator, validateSync, ValidateIf, type ValidationError } from 'class-validator';
import { PassageError, textProblem } from '@passage/contracts';
import { dataItemsFault } from './data-items.validator';

/** Per command class and property, the check of one element of an array validated with `EachMatches`. */
const ELEMENT_CHECKS = new WeakMap<object, Map<string, (element: unknown) => boolean>>();

/**
 * Every element of an array is a string of at most `maxLength` characters matching `pattern`. Unlike
 * `@Matches(…, { each: true })`, a failure names the element (`lifeEvents[2]`), not just the array.
 */
export function EachMatches(pattern: RegExp, message: string, maxLength: number): PropertyDecorator {
  const check = (element: unknown) =>
    typeof element === 'string' && element.length <= maxLength && pattern.test(element);
  return (target, propertyName) => {
    const property = String(propertyName);
    const checks = ELEMENT_CHECKS.get(target.constructor) ?? new Map<string, (element: unknown) => boolean>();
    checks.set(property, check);
    ELEMENT_CHECKS.set(target.constructor, checks);
    registerDecorator({
      name: 'eachMatches',
      target: target.constructor,
      propertyName: property,
      options: { message },
      // Not an array at all is @IsArray's to say.
      validator: { validate: (value: unknown) => !Array.isArray(value) || value.every(check) },
    });
  };
}

/**
 * An optional field: it may be left out, but `null` is not "left out" — it is a value of the wrong type.
 * (`@IsOptional` lets null through, and a `reason: null` would then withdraw a journey.)
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** Per command class, the top-level fields whose text is meant to span lines (tab, CR and LF allowed). */
const MULTILINE_FIELDS = new WeakMap<object, Set<string>>();

/**
 * A text meant to span lines (a reason): tab, CR and LF are allowed in it. Every other text of a command is one
 * line; NUL, other control characters and unpaired surrogates are refused everywhere (`textProblem`).
 */
export function MultilineText(): PropertyDecorator {
  return (target, propertyName) => {
    const fields = MULTILINE_FIELDS.get(target.constructor) ?? new Set<string>();
    fields.add(String(propertyName));
    MULTILINE_FIELDS.set(target.constructor, fields);
  };
}

/** Where inside a field the first failing constraint points, when it can tell: a data item or an array element. */
function refined(error: ValidationError, path: string, constraint: string): string {
  if (constraint === 'isDataItems') {
    const key = dataItemsFault(error.value)?.key;
    return key === undefined ? path : `${path}.${key}`;
  }
  if (constraint === 'eachMatches' && Array.isArray(error.value) && error.target) {
    const check = ELEMENT_CHECKS.get(error.target.constructor)?.get(error.property);
    const index = check ? error.value.findIndex((element) => !check(element)) : -1;
    return index < 0 ? path : `${path}[${index}]`;
  }
  return path;
}

/** The path of the first failing field, e.g. `intake.person.address` or `items[2]`. */
function firstFailure(errors: readonly ValidationError[], prefix = ''): { path: string; message: string } | undefined {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const [first] = Object.entries(error.constraints ?? {});
    if (first) {
      const [constraint, message] = first;
      return { path: refined(error, path, constraint), message: message || `${path} is invalid` };
    }
    const nested = firstFailure(error.children ?? [], path);
    if (nested) return nested;
  }
  return undefined;
}

export const VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** No command nests deeper than this; the bound keeps hostile nesting away from the (recursive) transformer. */
export const MAX_DEPTH = 16;
/** Names that class-transformer silently drops or that reach into prototypes: refused, never ignored. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first structural problem of untrusted input, breadth first: a forbidden member name (with its path), a text
 * (value or member name) that breaks the text rule of `@passage/contracts`, or nesting deeper than `MAX_DEPTH` (with
 * the path of the top-level field that holds it). Iterative, so that no input can exhaust the stack. Tab, CR and LF
 * are allowed only inside the top-level fields named in `multiline`.
 */
function structureProblem(
  input: object,
  prefix: string | undefined,
  multiline: ReadonlySet<string>,
): { path: string; message: string } | undefined {
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const queue: { value: object; path: string; field: string; top: string; depth: number }[] = [
    { value: input, path: prefix ?? '', field: prefix ?? '', top: '', depth: 0 },
  ];
  for (let next = 0; next < queue.length; next++) {
    const { value, path, field, top, depth } = queue[next] as (typeof queue)[number];
    if (depth > MAX_DEPTH)
      return { path: field, message: `${field || 'the body'} is nested more than ${MAX_DEPTH} levels deep` };
    const isArray = Array.isArray(value);
    const entries: [string, unknown][] = isArray
      ? value.map((element, index) => [`[${index}]`, element])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = isArray ? `${path}${key}` : join(path, key);
      if (!isArray) {
        const nameProblem = textProblem(key, ANY_LENGTH);
        if (nameProblem) return { path: path, message: `a field name ${nameProblem}` };
        if (FORBIDDEN_NAMES.has(key)) return { path: childPath, message: `${key} is not allowed as a field name` };
      }
      const childTop = depth === 0 ? key : top;
      if (typeof child === 'string') {
        const problem = textProblem(child, { ...ANY_LENGTH, multiline: multiline.has(childTop) });
        if (problem) return { path: childPath, message: `${childPath} ${problem}` };
      } else if (typeof child === 'object' && child !== null) {
        queue.push({
          value: child,
          path: childPath,
          field: depth === 0 ? childPath : field,
          top: childTop,
          depth: depth + 1,
        });
      }
    }
  }
  return undefined;
}

/** The walk checks characters only: each field declares its own length (`@MaxLength`, data items). */
const ANY_LENGTH = { maxLength: Number.POSITIVE_INFINITY };

/** The multi-line fields of a command class and of the classes it extends. */
function multilineFieldsOf(type: object): ReadonlySet<string> {
  const fields = new Set<string>();
  for (let at: object | null = type; at && at !== Function.prototype; at = Object.getPrototypeOf(at)) {
    for (const field of MULTILINE_FIELDS.get(at) ?? []) fields.add(field);
  }
  return fields;
}

/**
 * Builds a command from untrusted input and validates it with its class-validator rules, the same rules whether
 * the input comes from HTTP, the CLI or a test. The first failure becomes a `PassageError` with its field path.
 */
export function createCommand<T extends object>(type: ClassConstructor<T>, input: unknown, pathPrefix?: 'query'): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new PassageError('invalid-request', 'the body must be a JSON object');
  const problem = structureProblem(input, pathPrefix, multilineFieldsOf(type));
  if (problem) throw new PassageError('invalid-request', problem.message, problem.path || undefined);
  const command = plainToInstance(type, input, { enableImplicitConversion: false });
  const failure = firstFailure(validateSync(command, VALIDATION_OPTIONS), pathPrefix);
  if (failure) throw new PassageError('invalid-request', failure.message, failure.path);
  return command;
}

export { firstFailure };
