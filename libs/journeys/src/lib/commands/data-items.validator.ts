import { registerDecorator, type ValidationOptions } from 'class-validator';

const ITEM_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
export const MAX_ITEMS = 100;
export const MAX_TEXT = 2000;

/** The first problem of a map of data items (`person.address` → string, number or boolean), or undefined. */
export function dataItemsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object of data items';
  const entries = Object.entries(value);
  if (entries.length > MAX_ITEMS) return `must hold at most ${MAX_ITEMS} data items`;
  for (const [key, item] of entries) {
    if (!ITEM_KEY.test(key)) return `"${key.slice(0, 60)}" is not a data item name (like person.address)`;
    if (typeof item === 'string' ? item.length > MAX_TEXT : typeof item === 'number' ? !Number.isFinite(item) : typeof item !== 'boolean') {
      return `${key} must be a string of at most ${MAX_TEXT} characters, a finite number or a boolean`;
    }
  }
  return undefined;
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
