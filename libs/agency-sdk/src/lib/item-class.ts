import { getMetadataStorage, validate, validateSync, ValidationTypes, type ValidationError } from 'class-validator';
import type { DataValue } from '@passage/journey-model';

/** A class-validator class whose (quoted) property names are data item names: `@IsString() 'person.address'!: string`. */
export type ItemClass<T extends object = object> = new () => T;

/** The data items of an item class: its properties, without methods. */
export type ItemsOf<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/** The items a class declares (every property with a class-validator decorator), and which of them are required. */
export function declaredItems(type: ItemClass): {
  readonly declared: readonly string[];
  readonly required: readonly string[];
} {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const declared = [...new Set(metadata.map((m) => m.propertyName))];
  // `@IsOptional()` and `@ValidateIf()` make an item optional.
  const conditional = new Set(
    metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  return { declared, required: declared.filter((item) => !conditional.has(item)) };
}

/**
 * An instance of `type` holding only the declared items present in `values`. Built without the constructor, so
 * that nothing but the given items (no field initialisers) reaches the handler.
 */
export function instanceOf<T extends object>(
  type: ItemClass<T>,
  declared: readonly string[],
  values: Readonly<Record<string, unknown>>,
): T {
  const instance = Object.create(type.prototype) as Record<string, unknown>;
  for (const item of declared) if (Object.hasOwn(values, item)) instance[item] = values[item];
  return instance as T;
}

/** What class-validator found, split the way Passage treats it: missing items versus items of the wrong kind. */
export interface ItemIssues {
  /** Required items that are absent, null or blank. */
  readonly missing: readonly string[];
  /** Items present with a value the class refuses, with the rules' messages (which never contain the value). */
  readonly invalid: readonly string[];
}

// Instances always come from the item class; a class declaring no items (a service that needs or produces nothing)
// is valid, which `forbidUnknownValues` would refuse.
const VALIDATION = { forbidUnknownValues: false, validationError: { target: false, value: true } } as const;

/** Required items count as missing when blank, whatever the class's rules (`@IsString()` alone accepts ''). */
export async function checkItems(instance: object, required: readonly string[]): Promise<ItemIssues> {
  return classify(await validate(instance, VALIDATION), blank(instance, required));
}

/** Synchronous rules only: for examples checked when a step is defined. */
export function checkItemsSync(instance: object, required: readonly string[]): ItemIssues {
  return classify(validateSync(instance, VALIDATION), blank(instance, required));
}

function blank(instance: object, required: readonly string[]): string[] {
  return required.filter((item) => isEmpty((instance as Record<string, unknown>)[item]));
}

function classify(errors: readonly ValidationError[], blankRequired: readonly string[]): ItemIssues {
  const missing = new Set(blankRequired);
  const invalid: string[] = [];
  for (const error of errors) {
    if (isEmpty(error.value)) missing.add(error.property);
    else invalid.push(`${error.property} (${Object.values(error.constraints ?? {}).join('; ') || 'invalid'})`);
  }
  return { missing: [...missing], invalid };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Data items travel as strings, numbers and booleans (dates as `YYYY-MM-DD` strings). */
export function isDataValue(value: unknown): value is DataValue {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}
