import type { DataItems, DataValue, ItemSpec } from '@passage/agency-sdk';
import { digits, draw } from './random';

/** What a generated value may depend on: the draw's seed and key, the agency, the day, and the step's own input. */
export interface OutputContext {
  readonly seed: number;
  /** The request's idempotency key or the task id: the same key gives the same values. */
  readonly key: string;
  readonly agency: string;
  /** The decision's day, `YYYY-MM-DD`. */
  readonly today: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** Plausible but clearly fake values for the items a step produces, by each item's name and type. */
export function fakeOutputs(produces: Readonly<Record<string, ItemSpec>>, context: OutputContext): DataItems {
  return Object.fromEntries(Object.entries(produces).map(([item, spec]) => [item, fakeValue(item, spec, context)]));
}

/*
 * Belgian numbers keep their format but end in check digits that never occur (00: a mod-97 check is 1…97, an IBAN's
 * 2…98), so no fake value can be someone's real number. References start with SIM.
 */
const BY_NAME: readonly (readonly [RegExp, (c: OutputContext, item: string) => string])[] = [
  [/enterpriseNumber$/, (c, item) => enterpriseNumber(digits(7, c.seed, c.key, item))],
  [/establishmentUnitNumber$/, (c, item) => group(`2${digits(7, c.seed, c.key, item)}00`, [1, 3, 3, 3])],
  [
    /vatNumber$/,
    (c, item) =>
      `BE${(knownEnterpriseNumber(c.inputs) ?? enterpriseNumber(digits(7, c.seed, c.key, item))).replace(/\D/g, '')}`,
  ],
  [/iban$/i, (c, item) => `BE00 ${group(digits(12, c.seed, c.key, item), [4, 4, 4], ' ')}`],
  [
    /nationalRegisterNumber$/,
    (c, item) =>
      `${c.today.slice(2, 4)}.${c.today.slice(5, 7)}.${c.today.slice(8, 10)}-${digits(3, c.seed, c.key, item)}.00`,
  ],
];

function fakeValue(item: string, spec: ItemSpec, context: OutputContext): DataValue {
  switch (spec.type) {
    case 'boolean':
      // Approving means yes: registered, informed, granted.
      return true;
    case 'number':
      // The only numbers steps produce are counts (e.g. objections in a public inquiry).
      return Math.floor(draw(context.seed, context.key, item) * 4);
    case 'date':
      return context.today;
    case 'enum': {
      const values = spec.values ?? [];
      return values[Math.floor(draw(context.seed, context.key, item) * values.length)] ?? '';
    }
    case 'string': {
      const rule = BY_NAME.find(([pattern]) => pattern.test(item));
      return rule ? rule[1](context, item) : fakeReference(context, item);
    }
  }
}

/** A case or document reference of the agency, e.g. `SIM-GEMEENTE-2026-004217`. */
export function fakeReference(context: Pick<OutputContext, 'seed' | 'key' | 'agency' | 'today'>, what: string): string {
  return `SIM-${context.agency.toUpperCase()}-${context.today.slice(0, 4)}-${digits(6, context.seed, context.key, what)}`;
}

function enterpriseNumber(seven: string): string {
  return group(`0${seven}00`, [4, 3, 3]);
}

/** The enterprise number the step received, when it did (a VAT number is BE followed by it). */
function knownEnterpriseNumber(inputs: Readonly<Record<string, unknown>>): string | undefined {
  const value = inputs['business.enterpriseNumber'];
  return typeof value === 'string' && value.replace(/\D/g, '').length === 10 ? value : undefined;
}

function group(text: string, sizes: readonly number[], separator = '.'): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(text.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}
