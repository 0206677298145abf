import { fakeOutputs, fakeReference } from './fake-outputs';

const context = {
  seed: 3,
  key: 'journey-start-business-1:kbo-registration:1',
  agency: 'ondernemingsloket',
  today: '2026-05-07',
  inputs: {},
};

/** Whether a 10-digit Belgian number ends in its mod-97 check digits (1…97: never 00). */
const checks = (digits: string) => 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));

describe('fake outputs', () => {
  it('gives Belgian-looking numbers whose check digits can never be valid', () => {
    const outputs = fakeOutputs(
      {
        'business.enterpriseNumber': { type: 'string' },
        'business.establishmentUnitNumber': { type: 'string' },
        'business.iban': { type: 'string' },
        'child.nationalRegisterNumber': { type: 'string' },
      },
      context,
    );
    expect(outputs['business.enterpriseNumber']).toMatch(/^0\d{3}\.\d{3}\.\d00$/);
    expect(checks(String(outputs['business.enterpriseNumber']).replace(/\D/g, ''))).toBe(false);
    expect(outputs['business.establishmentUnitNumber']).toMatch(/^2\.\d{3}\.\d{3}\.\d00$/);
    expect(outputs['business.iban']).toMatch(/^BE00 \d{4} \d{4} \d{4}$/);
    expect(outputs['child.nationalRegisterNumber']).toMatch(/^26\.05\.07-\d{3}\.00$/);
  });

  it('builds the VAT number from the enterprise number the step received', () => {
    expect(
      fakeOutputs(
        { 'business.vatNumber': { type: 'string' } },
        { ...context, inputs: { 'business.enterpriseNumber': '0712.345.600' } },
      ),
    ).toEqual({ 'business.vatNumber': 'BE0712345600' });
  });

  it('fills the other items by type: references, today, yes, counts, allowed values', () => {
    const outputs = fakeOutputs(
      {
        'business.drinksLicenceReference': { type: 'string' },
        'permit.decisionDate': { type: 'date' },
        'child.registered': { type: 'boolean' },
        'permit.inquiryObjections': { type: 'number' },
        'permit.procedure': { type: 'enum', values: ['simplified', 'regular'] },
      },
      { ...context, agency: 'gemeente' },
    );
    expect(outputs['business.drinksLicenceReference']).toMatch(/^SIM-GEMEENTE-2026-\d{6}$/);
    expect(outputs).toMatchObject({ 'permit.decisionDate': '2026-05-07', 'child.registered': true });
    expect([0, 1, 2, 3]).toContain(outputs['permit.inquiryObjections']);
    expect(['simplified', 'regular']).toContain(outputs['permit.procedure']);
  });

  it('gives the same values for the same key, other values for another', () => {
    const produces = {
      'business.enterpriseNumber': { type: 'string' as const },
      'case.reference': { type: 'string' as const },
    };
    expect(fakeOutputs(produces, context)).toEqual(fakeOutputs(produces, context));
    expect(fakeOutputs(produces, { ...context, key: 'other' })).not.toEqual(fakeOutputs(produces, context));
    expect(fakeReference(context, 'reference')).toMatch(/^SIM-ONDERNEMINGSLOKET-2026-\d{6}$/);
  });
});
