import type { AgencyDecision, ServiceRequest } from '@passage/agency-sdk';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import type { Activity } from './activity-log';
import type { BehaviourSettings } from './behaviour.model';
import { BusyPeriod } from './busy-period';
import { LaterDecisions } from './later-decisions';
import { buildRoster } from './roster';
import { serviceSteps, type DecideLater } from './service-steps';

const fodFinancien = buildRoster(CATALOGUE, AGENCIES).find((a) => a.id === 'fod-financien');
if (!fodFinancien) throw new Error('fod-financien is not in the roster');

const items = {
  'business.enterpriseNumber': '0712.345.600',
  'person.name': 'An Demo',
  'person.nationalRegisterNumber': '00.00.00-001.00',
  'business.establishmentAddress': 'Demostraat 1, 9000 Gent',
  'business.activities': 'Websites',
  'business.startDate': '2026-06-01',
  'business.expectedTurnover': 60000,
};

const request = (fields: Partial<ServiceRequest> = {}): ServiceRequest => ({
  journeyId: 'journey-start-business-1',
  stepId: 'vat-activation',
  lifeEvent: { id: 'start-business', version: 2 },
  agency: 'fod-financien',
  service: 'vat-activation',
  kind: 'perform',
  idempotencyKey: 'journey-start-business-1:vat-activation:1',
  items,
  language: 'en',
  proactive: false,
  ...fields,
});

function setUp(behaviour: Partial<BehaviourSettings> = {}, maxHoldMs = 5_000) {
  const activities: Activity[] = [];
  const decided: AgencyDecision[] = [];
  const later = new LaterDecisions({ maxPending: 10, attempts: 1, onFailure: () => undefined });
  const decideLater: DecideLater = () => async (decision) => void decided.push(decision);
  const settings: BehaviourSettings = {
    seed: 1,
    secondsPerDay: 0.001,
    shares: { reject: 0, info: 0 },
    researchRules: [],
    overrideRules: [],
    ...behaviour,
  };
  const steps = serviceSteps({
    agency: fodFinancien as NonNullable<typeof fodFinancien>,
    settings,
    maxHoldMs,
    later,
    decideLater,
    busy: new BusyPeriod(0),
    log: (a) => activities.push(a),
    today: () => '2026-05-07',
  });
  const vat = steps.find((s) => s.service === 'vat-activation');
  if (!vat) throw new Error('no vat-activation step');
  return { vat, steps, activities, decided, later };
}

describe('simulated service steps', () => {
  it('complete after the drawn time with plausible outputs, logging agency, service, outcome and duration only', async () => {
    const { vat, activities } = setUp();
    await expect(vat.perform(request())).resolves.toEqual({
      outcome: 'completed',
      outputs: { 'business.vatNumber': 'BE0712345600' },
    });
    expect(activities).toEqual([
      {
        agency: 'fod-financien',
        service: 'vat-activation',
        outcome: 'completed',
        days: expect.any(Number),
        ms: expect.any(Number),
        via: 'webhook',
        late: false,
      },
    ]);
  });

  it('reject in the subject language at the agency share', async () => {
    const { vat } = setUp({ shares: { reject: 1, info: 0 } });
    const outcome = await vat.perform(request({ language: 'fr' }));
    expect(outcome).toEqual({ outcome: 'rejected', reason: expect.stringContaining('SPF Finances') });
  });

  it('answer conformance traffic at once, completed, whatever the shares', async () => {
    const { vat, activities } = setUp({ shares: { reject: 1, info: 0 }, secondsPerDay: 100 });
    const outcome = await vat.perform(request({ journeyId: 'conformance-1', conformance: { probe: 'happy-path' } }));
    expect(outcome.outcome).toBe('completed');
    expect(activities).toEqual([]);
  });

  it('accept work longer than the hold and decide it later, once per key', async () => {
    const { vat, decided, later } = setUp({ secondsPerDay: 10 }, 1);
    const first = await vat.perform(request());
    expect(first).toEqual({ outcome: 'accepted', reference: expect.stringMatching(/^SIM-FOD-FINANCIEN-2026-\d{6}$/) });
    expect(await vat.perform(request())).toEqual(first);
    await later.stop();
    expect(decided).toEqual([{ outcome: 'approved', outputs: { 'business.vatNumber': 'BE0712345600' } }]);
  });

  it('complete a compensation with no outputs, and turn away an incomplete request as the SDK does', async () => {
    const { steps } = setUp({ shares: { reject: 1, info: 0 } });
    const undo = steps.find((s) => s.service === 'vat-deactivation');
    await expect(
      undo?.perform(request({ service: 'vat-deactivation', kind: 'compensate', idempotencyKey: 'k:compensate' })),
    ).resolves.toEqual({ outcome: 'completed', outputs: {} });
    const { 'person.name': _dropped, ...incomplete } = items;
    await expect(
      undo?.perform(request({ service: 'vat-deactivation', kind: 'compensate', items: incomplete })),
    ).resolves.toMatchObject({ outcome: 'rejected' });
  });
});
