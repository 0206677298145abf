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

/** Start-business answers of a sole trader in services without employees or installations: the shortest journey. */
export const SOLE_TRADER_ANSWERS: Readonly<Record<string, DataValue>> = {
  'business.legalForm': 'sole-trader',
  'business.sector': 'services',
  'business.hasEmployees': false,
  'business.vlaremClass': 'none',
};

/** Start-business answers of a horeca company with employees: the notary, FAVV, the municipality and the RSZ. */
export const HORECA_COMPANY_ANSWERS: Readonly<Record<string, DataValue>> = {
  'business.legalForm': 'company',
  'business.sector': 'horeca',
  'business.sellsAlcohol': true,
  'business.hasEmployees': true,
  'business.vlaremClass': 'class-3',
  'business.subjectToVat': true,
  'business.mainOccupation': true,
};

/** The whole intake of a sole trader (see {@link SOLE_TRADER_ANSWERS}), with sample values for the rest. */
export function soleTraderIntake(
  overrides: Readonly<Record<string, DataValue>> = {},
  version?: number,
): Record<string, DataValue> {
  const definition = findDefinition('start-business', version);
  if (!definition) throw new Error('start-business is missing from the catalogue');
  return sampleIntake(definition, { ...SOLE_TRADER_ANSWERS, ...overrides });
}
