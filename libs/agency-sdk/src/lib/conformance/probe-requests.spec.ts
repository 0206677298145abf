import { itemsFor, probeRequest, sampleItems, UNDECLARED_ITEM, type ServiceUnderTest } from './probe-requests';

const service: ServiceUnderTest = {
  service: 'resident-parking-permit',
  needs: {
    'person.address': { type: 'string' },
    'vehicle.seats': { type: 'number' },
    'vehicle.electric': { type: 'boolean' },
    'vehicle.registeredOn': { type: 'date' },
    'parking.zone': { type: 'enum', values: ['A', 'B'] },
  },
  produces: {},
};

describe('conformance requests', () => {
  it('generates a valid value of each type when no sample is given', () => {
    const sample = sampleItems(service);
    expect(sample).toMatchObject({
      'person.address': expect.any(String),
      'vehicle.seats': 1,
      'vehicle.electric': true,
      'parking.zone': 'A',
    });
    expect(sample['vehicle.registeredOn']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sampleItems({ ...service, sample: { 'person.address': 'Grote Markt 21' } })).toEqual({
      'person.address': 'Grote Markt 21',
    });
  });

  it('leaves out the first needed item for the incomplete check', () => {
    expect(Object.keys(itemsFor('incomplete', service) ?? {})).toEqual([
      'vehicle.seats',
      'vehicle.electric',
      'vehicle.registeredOn',
      'parking.zone',
    ]);
  });

  it('gives every needed item another type, plus an undeclared item, for the malformed check', () => {
    const items = itemsFor('malformed', service) ?? {};
    for (const [item, spec] of Object.entries(service.needs)) {
      const value = items[item];
      expect({ item, kind: typeof value }).not.toEqual({
        item,
        kind: spec.type === 'date' || spec.type === 'enum' ? 'string' : spec.type,
      });
    }
    expect(items[UNDECLARED_ITEM]).toBeDefined();
  });

  it('skips the incomplete and malformed checks of a service that needs nothing', () => {
    const none = { ...service, needs: {} };
    expect(itemsFor('incomplete', none)).toBeUndefined();
    expect(itemsFor('malformed', none)).toBeUndefined();
    expect(itemsFor('happy-path', none)).toEqual({});
  });

  it('marks requests as test traffic', () => {
    const request = probeRequest('stad-mechelen', { ...service, kind: 'compensate' }, {}, { probe: 'duplicate' });
    expect(request.journeyId).toMatch(/^conformance-[0-9a-f-]{36}$/);
    expect(request).toMatchObject({
      agency: 'stad-mechelen',
      service: 'resident-parking-permit',
      kind: 'compensate',
      conformance: { probe: 'duplicate' },
    });
    expect(request.idempotencyKey.startsWith(request.journeyId)).toBe(true);
  });
});
