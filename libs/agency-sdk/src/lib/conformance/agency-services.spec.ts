import { START_BUSINESS_V1, START_BUSINESS_V2 } from '@passage/life-events';
import { servicesOfAgency } from './agency-services';

const catalogue = [START_BUSINESS_V2, START_BUSINESS_V1];

describe('servicesOfAgency', () => {
  it('takes automatic and proactive steps with their item types, and the compensations an agency performs', () => {
    const services = servicesOfAgency(catalogue, 'fod-financien');
    expect(services.map((s) => `${s.service}:${s.kind ?? 'perform'}`)).toEqual([
      'deed-registration:perform',
      'vat-activation:perform',
      'vat-deactivation:compensate',
    ]);
    const vat = services.find((s) => s.service === 'vat-activation');
    expect(vat?.needs['business.startDate']).toEqual({ type: 'date' });
    expect(vat?.produces).toEqual({ 'business.vatNumber': { type: 'string' } });
    expect(services.find((s) => s.service === 'vat-deactivation')).toMatchObject({ needs: vat?.needs, produces: {} });
  });

  it('includes proactive steps and compensations of manual steps, but not the manual steps themselves', () => {
    expect(servicesOfAgency(catalogue, 'vlaio').map((s) => [s.service, s.proactive])).toEqual([
      ['starter-advice', true],
      ['kmo-portefeuille', true],
    ]);
    expect(servicesOfAgency(catalogue, 'ondernemingsloket').map((s) => s.service)).toEqual(['kbo-deregistration']);
    expect(servicesOfAgency(catalogue, 'gemeente')).toEqual([]);
  });

  it('keeps the newest definition of a service', () => {
    // health-insurance-status is a citizen step in v1 and proactive in v2.
    expect(servicesOfAgency(catalogue, 'ziekenfonds').map((s) => s.service)).toEqual(['self-employed-status']);
    expect(servicesOfAgency([START_BUSINESS_V1], 'ziekenfonds')).toEqual([]);
  });
});
