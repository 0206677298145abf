import { STEP_MODES } from '@passage/journey-model';
import { AGENCIES } from '../agencies';
import { activeSteps, stepById } from '../testing/life-event-checks';
import { ABB_PROCESS_OWNER, DAYS_FROM_CHECK_TO_REGISTRATION } from './owner';
import { MOVE_HOUSE_V1 } from './v1';

const v1 = MOVE_HOUSE_V1;
const agencyById = new Map(AGENCIES.map((agency) => [agency.id, agency]));
const answers = {
  'move.tenure': 'owner',
  'move.hasVehicle': false,
  'move.enterpriseAddressChanges': false,
  'move.parkingSigns': false,
};

describe('move-house v1', () => {
  it('is a life event owned by ABB, started by the citizen', () => {
    expect(v1).toMatchObject({ id: 'move-house', version: 1, kind: 'life', owner: ABB_PROCESS_OWNER.id });
    expect(v1.trigger).toBeUndefined();
  });

  it('models the 12 researched steps plus the residence certificate, local to private, in every mode', () => {
    expect(v1.steps).toHaveLength(13);
    const levels = new Set(v1.steps.map((s) => agencyById.get(s.agency)?.level));
    expect([...levels].sort()).toEqual(['federal', 'local', 'private']);
    expect(new Set(v1.steps.map((s) => s.mode))).toEqual(new Set(STEP_MODES));
  });

  it('asks the declaration within 8 working days of the move, and can withdraw it', () => {
    const declaration = stepById(v1, 'address-declaration');
    expect(declaration.term).toMatchObject({
      days: 8,
      unit: 'working',
      kind: 'citizen-deadline',
      from: 'date:move.date',
    });
    expect(declaration.compensation?.service).toBe('address-declaration-withdrawal');
    expect(declaration.critical).not.toBe(false);
  });

  it('runs police check → registration → eID, then propagates the address without asking', () => {
    expect(stepById(v1, 'residence-check').dependsOn).toEqual(['address-declaration']);
    expect(stepById(v1, 'register-update').dependsOn).toEqual(['residence-check']);
    for (const id of ['public-propagation', 'vehicle-registration', 'residence-certificate']) {
      expect(stepById(v1, id)).toMatchObject({ mode: 'proactive', dependsOn: ['register-update'] });
    }
  });

  it('gives the residence certificate its IPDC id, as the registry does', () => {
    expect(stepById(v1, 'residence-certificate').ipdcId).toBe('14337');
    const service = agencyById.get('gemeente')?.services.find((s) => s.id === 'residence-certificate');
    expect(service?.ipdcId).toBe('14337');
  });

  it('adds the lease, vehicle, enterprise and parking steps only when they apply', () => {
    const owner = activeSteps(v1, answers);
    for (const id of ['lease-registration', 'vehicle-registration', 'enterprise-address', 'parking-signs']) {
      expect(owner).not.toContain(id);
    }
    const everything = activeSteps(v1, {
      'move.tenure': 'tenant',
      'move.hasVehicle': true,
      'move.enterpriseAddressChanges': true,
      'move.parkingSigns': true,
    });
    expect(everything).toEqual(
      expect.arrayContaining(['lease-registration', 'vehicle-registration', 'enterprise-address', 'parking-signs']),
    );
    expect(stepById(v1, 'enterprise-address').cost).toEqual({ online: 105.5, intermediary: 105.5 });
    expect(stepById(v1, 'parking-signs').compensation?.service).toBe('parking-ban-signs-cancellation');
  });
});

describe('ABB process owner', () => {
  const ownership = ABB_PROCESS_OWNER.lifeEvents['move-house'];

  it('measures the days from the police check to the registration', () => {
    const event = { id: 'e1', journeyId: 'j1', lifeEvent: 'move-house', version: 1, at: '2026-03-02T10:00:00Z' };
    const done = { ...event, type: 'step-completed' as const, stepId: 'register-update', agency: 'gemeente' };
    expect(DAYS_FROM_CHECK_TO_REGISTRATION.measure({ ...done, durationDays: 4 })).toEqual([
      { kpi: 'days-from-check-to-registration', value: 4, agency: 'gemeente' },
    ]);
    expect(DAYS_FROM_CHECK_TO_REGISTRATION.measure({ ...done, stepId: 'eid-update', durationDays: 4 })).toEqual([]);
    expect(ABB_PROCESS_OWNER.kpiHooks).toContain(DAYS_FROM_CHECK_TO_REGISTRATION);
    expect(ownership.customTargets?.['days-from-check-to-registration']).toBeGreaterThan(0);
  });
});
