import { registerDecorator, type ValidationOptions } from 'class-validator';
import { MAX_TEXT_LENGTH, textProblem } from '@passage/contracts';

const ITEM_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
export const MAX_ITEMS = 100;
export const MAX_TEXT = MAX_TEXT_LENGTH;
/** No data item name is longer; a longer one is not echoed back as if it might be one. */
export const MAX_ITEM_NAME = 120;

/**
 * The first problem of a map of data items (`person.address` → string, number or boolean), or undefined. `key` is
 * set when one item's value is at fault (its path is then `<field>.<key>`), not when the map as a whole is.
 */
export function dataItemsFault(value: unknown): { readonly key?: string; readonly problem: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: 'must be an object of data items' };
  const entries = Object.entries(value);
  if (entries.length > MAX_ITEMS) return { problem: `must hold at most ${MAX_ITEMS} data items` };
  for (const [key, item] of entries) {
    if (key.length > MAX_ITEM_NAME || !ITEM_KEY.test(key))
      return { problem: `"${key.slice(0, 60)}" is not a data item name (like person.address)` };
    const textFault = typeof item === 'string' && item.length <= MAX_TEXT ? textProblem(item) : undefined;
    if (textFault) return { key, problem: `${key} ${textFault}` };
    if (
      typeof item === 'string'
        ? item.length > MAX_TEXT
        : typeof item === 'number'
          ? !Number.isFinite(item)
          : typeof item !== 'boolean'
    ) {
      return {
        key,
        problem: `${key} must be a string of at most ${MAX_TEXT} characters, a finite number or a boolean`,
      };
    }
  }
  return undefined;
}

/** The first problem of a map of data items, or undefined. */
export function dataItemsProblem(value: unknown): string | undefined {
  return dataItemsFault(value)?.problem;
}

/** class-validator decorator for a map of data items. */
export function IsDataItems(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDataItems',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => dataItemsProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property} ${dataItemsProblem(args?.value) ?? 'is invalid'}`,
      },
    });
}
