import type { DataValue, LifeEventDefinition } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';
import { sampleItems } from './journey-driver';

/** Every intake answer of a definition, plus what its authentic sources (the Rijksregister…) would give, as samples. */
export function sampleIntake(
  definition: LifeEventDefinition,
  overrides: Readonly<Record<string, DataValue>> = {},
): Record<string, DataValue> {
  const fromSources = Object.keys(definition.dataItems).filter((item) => definition.dataItems[item]?.authenticSource);
  return { ...sampleItems(definition, [...definition.intake, ...fromSources]), ...overrides };
}

/** A sole trader in services without employees or installations: the shortest start-business journey. */
export function soleTraderIntake(
  overrides: Readonly<Record<string, DataValue>> = {},
  version?: number,
): Record<string, DataValue> {
  const definition = findDefinition('start-business', version);
  if (!definition) throw new Error('start-business is missing from the catalogue');
  return sampleIntake(definition, {
    'business.legalForm': 'sole-trader',
    'business.sector': 'services',
    'business.hasEmployees': false,
    'business.vlaremClass': 'none',
    ...overrides,
  });
}
