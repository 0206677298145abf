import type { PassageError } from '@passage/contracts';
import { fanOutLifeEvent } from '@passage/testing';
import type { LifeEventDefinition } from '@passage/journey-model';
import { checkDataItems } from './data-item-values';

const definition: LifeEventDefinition = {
  ...fanOutLifeEvent(),
  dataItems: {
    ...fanOutLifeEvent().dataItems,
    'child.birthDate': { type: 'date', label: { nl: 'Geboortedatum', en: 'Date of birth', fr: 'Date de naissance' } },
    'business.legalForm': {
      type: 'enum',
      values: ['sole-trader', 'company'],
      label: { nl: 'Vorm', en: 'Form', fr: 'Forme' },
    },
    'business.turnover': { type: 'number', label: { nl: 'Omzet', en: 'Turnover', fr: "Chiffre d'affaires" } },
  },
};
const allowed = new Set(Object.keys(definition.dataItems));
const pathOf = (values: Record<string, unknown>) => {
  try {
    checkDataItems(definition, values as never, 'intake', allowed);
    return undefined;
  } catch (error) {
    return (error as PassageError).path;
  }
};

describe('checkDataItems', () => {
  it('accepts values of the right type', () => {
    expect(
      pathOf({
        'child.birthDate': '2026-02-28',
        'business.legalForm': 'company',
        'business.turnover': 1200,
        'confirm.accepted': false,
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ 'child.birthDate': '2026-02-30' }, 'intake.child.birthDate'],
    [{ 'child.birthDate': '28/02/2026' }, 'intake.child.birthDate'],
    [{ 'business.legalForm': 'partnership' }, 'intake.business.legalForm'],
    [{ 'business.turnover': '1200' }, 'intake.business.turnover'],
    [{ 'person.name': '   ' }, 'intake.person.name'],
    [{ 'confirm.accepted': 'yes' }, 'intake.confirm.accepted'],
    [{ 'unknown.item': 'x' }, 'intake.unknown.item'],
  ])('refuses %j with its path', (values, path) => {
    expect(pathOf(values)).toBe(path);
  });

  it('refuses an item that exists but is not allowed here', () => {
    expect(() => checkDataItems(definition, { 'person.name': 'Ada' }, 'items', new Set(['person.address']))).toThrow(
      'person.name is not asked',
    );
  });
});
