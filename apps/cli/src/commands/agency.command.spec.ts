import { catalogueServices } from './agency.command';

describe('passage agency verify: the services it checks', () => {
  it("derives an agency's automatic and proactive steps and compensations from the catalogue", () => {
    const services = catalogueServices('fod-financien');
    expect(services.map((s) => s.service)).toEqual(
      expect.arrayContaining(['deed-registration', 'vat-activation', 'vat-deactivation']),
    );
    expect(services.find((s) => s.service === 'vat-deactivation')).toMatchObject({ kind: 'compensate', produces: {} });
    expect(services.find((s) => s.service === 'vat-activation')?.produces).toEqual({
      'business.vatNumber': { type: 'string' },
    });
  });

  it('explains an unknown agency, and one whose steps are all decided by people', () => {
    expect(() => catalogueServices('nasa')).toThrow('no agency nasa in the catalogue');
    // Notaries decide in the inbox (manual steps) or give what the subject brings (citizen steps).
    expect(() => catalogueServices('notaris')).toThrow(
      'agency notaris has no automatic, proactive or compensation service',
    );
  });
});
