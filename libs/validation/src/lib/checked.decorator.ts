import { registerDecorator } from 'class-validator';

/**
 * A class-validator decorator from a function that names the problem with a value (undefined: none); the message
 * is the property and that problem, e.g. `rejectionRates kbo must be a number from 0 to 1`.
 */
export function Checked(
  name: string,
  problem: (value: unknown, object: object) => string | undefined,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args) => problem(value, args?.object ?? {}) === undefined,
        defaultMessage: (args) => `${args?.property} ${(args && problem(args.value, args.object)) ?? 'is invalid'}`,
      },
    });
}
