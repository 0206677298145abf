import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches } from 'class-validator';
import type { DataValue, ItemClass, ItemSpec } from '@passage/agency-sdk';

export type Items = Record<string, DataValue>;

/**
 * An SDK item class built from the catalogue's item specs, as an agency would write it by hand: one validated
 * property per data item, `@IsOptional()` for those not every request carries.
 */
export function itemClass(
  specs: Readonly<Record<string, ItemSpec>>,
  required: readonly string[] = Object.keys(specs),
): ItemClass<Items> {
  const type = class SimulatedItems {};
  for (const [item, spec] of Object.entries(specs)) {
    const decorate = (decorator: PropertyDecorator) => decorator(type.prototype, item);
    if (!required.includes(item)) decorate(IsOptional());
    decorate(rule(item, spec));
  }
  return type as unknown as ItemClass<Items>;
}

function rule(item: string, spec: ItemSpec): PropertyDecorator {
  switch (spec.type) {
    case 'string':
      return IsString();
    case 'number':
      return IsNumber({ allowNaN: false, allowInfinity: false });
    case 'boolean':
      return IsBoolean();
    case 'date':
      return Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${item} must be a date (YYYY-MM-DD)` });
    case 'enum':
      return IsIn([...(spec.values ?? [])]);
  }
}
