import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { DataVocabulary } from './data-vocabulary';
import { defineLifeEvent, step } from './dsl';
import { intakeContract, type JsonSchema } from './intake-contract';

const texts = (en: string) => ({ nl: `${en} (nl)`, en, fr: `${en} (fr)` });

const vocabulary: DataVocabulary = {
  'business.legalForm': {
    type: 'enum',
    values: ['sole-trader', 'company'],
    options: { 'sole-trader': texts('In your own name'), company: texts('With a company') },
    scope: 'enterprise',
    help: texts('A company is a legal person of its own.'),
  },
};

const definition = defineLifeEvent({
  id: 'start-shop',
  version: 1,
  kind: 'business',
  owner: 'vlaio',
  title: texts('I open a shop'),
  summary: texts('Everything to open a shop'),
  dataItems: {
    'person.name': { type: 'string', label: texts('Your name'), authenticSource: 'rijksregister', scope: 'person' },
    'business.legalForm': { type: 'enum', values: ['sole-trader', 'company'], label: texts('Legal form') },
    'business.tradeName': { type: 'string', label: texts('Name of the shop'), scope: 'enterprise' },
    'business.startDate': { type: 'date', label: texts('Opening day'), scope: 'enterprise' },
    'business.employees': { type: 'number', label: texts('Employees'), scope: 'enterprise' },
    'business.sellsAlcohol': { type: 'boolean', label: texts('Alcohol'), scope: 'enterprise' },
    'business.iban': { type: 'string', label: texts('Account number'), scope: 'enterprise' },
  },
  intake: [
    'business.legalForm',
    'business.tradeName',
    'business.startDate',
    'business.employees',
    'business.sellsAlcohol',
  ],
  steps: [
    step('bank-account', {
      agency: 'bank',
      service: 'open-business-account',
      mode: 'citizen',
      title: texts('Open a business account'),
      description: texts('Your bank opens it; then give us its number.'),
      produces: ['business.iban'],
    }),
  ],
});

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
const contract = intakeContract(definition, { language: 'en', vocabulary });
const validIntake = {
  'business.legalForm': 'company',
  'business.tradeName': 'De Hoek',
  'business.startDate': '2027-03-01',
  'business.employees': 2,
  'business.sellsAlcohol': false,
};

/** The errors a standard validator reports, as the path it points at and the keyword that failed. */
function errors(schema: JsonSchema, data: unknown): string[] {
  const validate = ajv.compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.keyword}`);
}

describe('the intake contract', () => {
  it('is JSON Schema 2020-12 that a strict standard validator compiles', () => {
    expect(contract.intake.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => ajv.compile(contract.intake)).not.toThrow();
    expect(Object.keys(contract.steps)).toEqual(['bank-account']);
  });

  it('accepts a complete intake, with or without the data an authentic source holds', () => {
    expect(errors(contract.intake, validIntake)).toEqual([]);
    expect(errors(contract.intake, { ...validIntake, 'person.name': 'An Peeters' })).toEqual([]);
  });

  it('refuses a wrong type, format, value, blank text, missing or unknown item at its path', () => {
    expect(errors(contract.intake, { ...validIntake, 'business.employees': 'two' })).toEqual([
      '/business.employees type',
    ]);
    expect(errors(contract.intake, { ...validIntake, 'business.startDate': '1 March 2027' })).toEqual([
      '/business.startDate format',
    ]);
    expect(errors(contract.intake, { ...validIntake, 'business.legalForm': 'partnership' })).toEqual([
      '/business.legalForm const',
      '/business.legalForm const',
      '/business.legalForm oneOf',
    ]);
    expect(errors(contract.intake, { ...validIntake, 'business.tradeName': '   ' })).toEqual([
      '/business.tradeName pattern',
    ]);
    const { ['business.tradeName']: _, ...withoutName } = validIntake;
    expect(errors(contract.intake, withoutName)).toEqual(['/ required']);
    expect(errors(contract.intake, { ...validIntake, 'business.iban': 'BE68 5390 0754 7034' })).toEqual([
      '/ additionalProperties',
    ]);
  });

  it('labels every field and enum value in the language asked, with the help text', () => {
    expect(contract.intake.properties?.['business.legalForm']).toEqual({
      title: 'Legal form',
      description: 'A company is a legal person of its own.',
      type: 'string',
      oneOf: [
        { const: 'sole-trader', title: 'In your own name' },
        { const: 'company', title: 'With a company' },
      ],
    });
    const dutch = intakeContract(definition, { language: 'nl', vocabulary }).intake;
    expect(dutch.title).toBe('I open a shop (nl)');
    expect(dutch.properties?.['business.legalForm'].oneOf?.[1]).toEqual({
      const: 'company',
      title: 'With a company (nl)',
    });
    expect(contract.intake.properties?.['person.name']).toMatchObject({ title: 'Your name', readOnly: true });
  });

  it('leaves what the journey already knows out of the required items, but lets the subject correct it', () => {
    const known = intakeContract(definition, { language: 'en', vocabulary, known: ['business.tradeName'] }).intake;
    const { ['business.tradeName']: _, ...withoutName } = validIntake;
    expect(errors(known, withoutName)).toEqual([]);
    expect(errors(known, validIntake)).toEqual([]);
  });

  it('gives each citizen step the schema of what it asks', () => {
    const bank = contract.steps['bank-account'];
    expect(bank).toMatchObject({ title: 'Open a business account', required: ['business.iban'] });
    expect(errors(bank, { 'business.iban': 'BE68 5390 0754 7034' })).toEqual([]);
    expect(errors(bank, { 'business.iban': 68 })).toEqual(['/business.iban type']);
  });
});
