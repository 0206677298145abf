import { randomBytes } from 'node:crypto';
import type { Principal } from '@passage/auth';
import type { TimelineEvent } from '@passage/contracts';
import type { DataValue } from '@passage/journey-model';
import { agencySecretVariable, startPassageProcess, waitForOutput, type RunningProcess } from '@passage/devstack';
import { AGENCIES, findDefinition } from '@passage/life-events';
import { sampleItems } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { driveOverHttp } from './support/http-journey-driver';

// Every agency's webhook secret, for the simulator, the worker's webhook adapter and the API (callbacks), as
// `passage dev` gives them.
const SECRETS = Object.fromEntries(
  AGENCIES.map((agency) => [agencySecretVariable(agency.id), randomBytes(32).toString('base64url')]),
);

const citizen: Principal = { sub: 'sim-e2e-citizen', roles: ['citizen'] };

/** A sole trader in services: the counter (inbox), VAT (webhook), social insurance (inbox), VLAIO (worker). */
function soleTraderIntake(): Record<string, DataValue> {
  const definition = findDefinition('start-business');
  if (!definition) throw new Error('start-business missing');
  const fromRegister = Object.keys(definition.dataItems).filter((item) => definition.dataItems[item]?.authenticSource);
  return {
    ...sampleItems(definition, [...definition.intake, ...fromRegister]),
    'business.legalForm': 'sole-trader',
    'business.sector': 'services',
    'business.subjectToVat': true,
    'business.mainOccupation': true,
    'business.hasEmployees': false,
    'business.vlaremClass': 'none',
    // Recognisable, to prove the simulator's log never shows them.
    'business.tradeName': 'Zonnebloem Webdesign',
    'person.name': 'Ada Peeters',
    'person.nationalRegisterNumber': '00.00.00-777.00',
  };
}

/**
 * A citizen starts a business with nobody but the agency simulator on the other side: no test agency workers, no
 * test staff. The simulator runs as its own process (as `passage dev` starts it), the webhook adapter in Passage's
 * worker calls its webhook agencies, and its staff decide in the inbox.
 */
describe('a journey through the simulated agencies', () => {
  let stack: E2eStack;
  let simulator: RunningProcess;

  beforeAll(async () => {
    stack = await startE2eStack({ agencyWorkers: false, env: SECRETS });
    simulator = startPassageProcess('agency-simulator', {
      ...stack.env,
      PASSAGE_SIM_SECONDS_PER_DAY: '0.05',
      PASSAGE_SIM_POLL_SECONDS: '0.2',
      PASSAGE_SIM_IDLE_POLL_SECONDS: '0.5',
      PASSAGE_SIM_SEED: '7',
      // Nothing is rejected, so the journey completes. The counter and the social insurance fund are told to always
      // ask the subject for more: they still may not ask for what the file holds (issue 10: the fund asked for the
      // enterprise number the KBO step had just produced).
      PASSAGE_SIM_REJECT_SHARE: '0',
      PASSAGE_SIM_SHARES: 'ondernemingsloket=0,1;sociaal-verzekeringsfonds=0,1',
    });
    // Ready once the worker's adapter serves the webhook agencies (it reads the registry every 30 s).
    await waitForOutput(simulator, /agency-simulator: ready/, 90_000);
  }, 180_000);

  afterAll(async () => {
    await simulator?.stop();
    await stack?.stop();
  });

  it('completes a start-business journey on the citizen answers alone, through a worker agency, a webhook agency and inbox staff', async () => {
    const client = await stack.as(citizen);
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake(),
      language: 'en',
    });
    expect(started.status).toBe(201);

    const final = await driveOverHttp(stack, client, started.body.id, { decideTasks: false });
    expect(final.status).toBe('completed');

    const { body: timeline } = await client.get<{
      steps: { id: string; status: string; agency: { id: string } }[];
      events: TimelineEvent[];
    }>(`/api/journeys/${started.body.id}`);
    const status = Object.fromEntries(timeline.steps.map((s) => [s.id, s.status]));
    expect(status).toMatchObject({
      'kbo-registration': 'completed',
      'vat-activation': 'completed',
      'social-insurance-affiliation': 'completed',
      'kmo-portefeuille': 'completed',
      'starter-welcome': 'completed',
    });
    const events = (type: string, stepId: string) =>
      timeline.events.filter((e) => e.type === type && e.stepId === stepId);

    // Inbox staff: the files were complete, so they asked the citizen nothing, and approved under their own
    // pseudonymous id.
    expect(timeline.events.filter((e) => e.type === 'info-requested')).toEqual([]);
    expect(events('step-completed', 'kbo-registration')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: 'sim-staff-ondernemingsloket' }),
        items: expect.arrayContaining(['business.enterpriseNumber']),
      }),
    ]);
    // The webhook agency (FOD Financiën) and the worker agency (VLAIO) completed their services with outputs.
    expect(events('step-completed', 'vat-activation')).toEqual([
      expect.objectContaining({ agency: 'fod-financien', items: ['business.vatNumber'] }),
    ]);
    expect(events('step-completed', 'kmo-portefeuille')).toEqual([
      expect.objectContaining({ agency: 'vlaio', items: ['business.kmoPortefeuilleRegistered'] }),
    ]);

    // How each took part: the adapter called the webhook, the simulator served VLAIO on its worker, no test agency did.
    expect(stack.logs()).toMatch(
      /agency webhook call \{\s*agency: 'fod-financien',\s*service: 'vat-activation',\s*kind: 'perform',\s*status: 200/,
    );
    expect(simulator.output()).toMatch(/agency-simulator: fod-financien vat-activation completed after .* via webhook/);
    expect(simulator.output()).toMatch(/agency-simulator: vlaio kmo-portefeuille completed after .* via worker/);
    expect(simulator.output()).toMatch(
      /agency-simulator: ondernemingsloket kbo-registration approved after .* in the inbox/,
    );
    expect(stack.agencies.calls).toEqual([]);

    // The staff's reads are in the citizen's access log.
    const { body: accessLog } = await client.get<{ accessor: string; stepId?: string }[]>(
      `/api/journeys/${started.body.id}/access-log`,
    );
    expect(accessLog).toContainEqual(
      expect.objectContaining({ accessor: 'sim-staff-ondernemingsloket', stepId: 'kbo-registration' }),
    );
  });

  it('logs agencies, services, outcomes and durations only: no journey data', () => {
    const intake = soleTraderIntake();
    const log = simulator.output();
    for (const value of [intake['business.tradeName'], intake['person.name'], intake['person.nationalRegisterNumber']])
      expect(log).not.toContain(String(value));
    expect(log).not.toMatch(/journey-start-business-/);
  });
});
