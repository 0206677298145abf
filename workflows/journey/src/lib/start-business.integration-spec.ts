import type { WorkflowHandle } from '@temporalio/client';
import { withdrawUpdate, type Actor, type JourneyInput, type Provenance } from '@passage/contracts';
import type { DataValue, LifeEventDefinition } from '@passage/journey-model';
import { AGENCIES, findDefinition } from '@passage/life-events';
import { journeyResult, queryJourney, startJourney } from '@passage/temporal';
import {
  awaitReadModel,
  comparableState,
  completingAgency,
  driveJourney,
  HORECA_COMPANY_ANSWERS,
  journeyReaches,
  sampleItems,
  snapshotOf,
  SOLE_TRADER_ANSWERS,
  type TestAgencies,
} from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

const founder: Actor = { id: 'subject-founder', role: 'citizen' };

function definition(version: number): LifeEventDefinition {
  const found = findDefinition('start-business', version);
  if (!found) throw new Error(`start-business v${version} is missing from the catalogue`);
  return found;
}

/** Intake of a founder, with the Rijksregister's items as the authentic source gives them. */
function intake(
  def: LifeEventDefinition,
  answers: Record<string, DataValue>,
): Pick<JourneyInput, 'data' | 'provenance'> {
  const fromRegister = Object.keys(def.dataItems).filter((item) => def.dataItems[item]?.authenticSource);
  const data = { ...sampleItems(def, def.intake), ...sampleItems(def, fromRegister), ...answers };
  const provenance: Record<string, Provenance> = {};
  for (const item of Object.keys(data)) {
    const source = def.dataItems[item]?.authenticSource;
    provenance[item] = source ? { kind: 'authentic-source', source } : { kind: 'intake' };
  }
  return { data, provenance };
}

describe('start-business on a real Temporal dev server', () => {
  let bed: JourneyTestBed;
  let agencies: TestAgencies;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    const answer = completingAgency(definition(1), definition(2));
    agencies = await bed.startAgencies(Object.fromEntries(AGENCIES.map((agency) => [agency.id, answer])));
  });

  afterAll(() => bed?.stop());

  async function start(
    version: number,
    answers: Record<string, DataValue>,
    settings?: JourneyInput['settings'],
  ): Promise<WorkflowHandle> {
    const def = definition(version);
    return startJourney(bed.temporal.client, {
      snapshot: snapshotOf(def),
      subject: founder.id,
      language: 'nl',
      channel: 'online',
      startedBy: founder,
      ...intake(def, answers),
      settings,
    });
  }

  async function expectReadModelToMatch(handle: WorkflowHandle): Promise<void> {
    const state = await queryJourney(handle);
    expect(await awaitReadModel(bed.db.dataSource, state)).toEqual(comparableState(state));
  }

  it('completes a sole trader: company and food-chain steps are skipped, the rest done across agencies', async () => {
    const handle = await start(1, SOLE_TRADER_ANSWERS);
    const result = await driveJourney(handle, definition(1), { subject: founder });
    expect(result.status).toBe('completed');
    const statuses = Object.fromEntries(result.steps.map((s) => [s.id, s.status]));
    expect(statuses).toMatchObject({
      'business-account': 'completed',
      'kbo-registration': 'completed',
      'vat-activation': 'completed',
      'social-insurance-affiliation': 'completed',
      'kmo-portefeuille': 'completed',
      'incorporation-deed': 'skipped',
      'griffie-deposit': 'skipped',
      'favv-registration': 'skipped',
      'drinks-licence': 'skipped',
      'employer-registration': 'skipped',
    });
    await expectReadModelToMatch(handle);
  });

  it('completes a horeca company with employees through the notary, FAVV, the municipality and the RSZ', async () => {
    const handle = await start(1, HORECA_COMPANY_ANSWERS);
    const result = await driveJourney(handle, definition(1), { subject: founder });
    expect(result.status).toBe('completed');
    const done = result.steps.filter((s) => s.status === 'completed').map((s) => s.id);
    expect(done).toEqual(
      expect.arrayContaining([
        'incorporation-deed',
        'griffie-deposit',
        'favv-registration',
        'environmental-notification',
        'drinks-licence',
        'employer-registration',
      ]),
    );
    expect(result.steps.find((s) => s.id === 'environmental-permit')?.status).toBe('skipped');
    const agenciesUsed = new Set(
      (await queryJourney(handle)).steps.filter((s) => s.status === 'completed').map((s) => s.agency),
    );
    expect(agenciesUsed.size).toBeGreaterThanOrEqual(8);
    await expectReadModelToMatch(handle);
  });

  it('rejects the journey when the social insurance fund refuses, and undoes KBO registration and VAT', async () => {
    const handle = await start(1, { ...SOLE_TRADER_ANSWERS, 'business.subjectToVat': true });
    const result = await driveJourney(handle, definition(1), {
      subject: founder,
      decide: (step) =>
        step.id === 'social-insurance-affiliation'
          ? { outcome: 'rejected', reason: 'affiliation refused' }
          : {
              outcome: 'approved',
              outputs: sampleItems(definition(1), definition(1).steps.find((s) => s.id === step.id)?.produces ?? []),
            },
    });
    expect(result.status).toBe('rejected');
    const compensations = agencies.calls.filter(
      (c) => c.request.journeyId === handle.workflowId && c.request.kind === 'compensate',
    );
    // Most recently completed first (a saga unwinds its stack).
    expect(compensations.map((c) => c.request.service)).toEqual(['vat-deactivation', 'kbo-deregistration']);
    const timeline = await bed.db.dataSource.query(`SELECT type FROM journey_events WHERE journey_id = $1 ORDER BY n`, [
      handle.workflowId,
    ]);
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['step-rejected', 'journey-rejected', 'step-compensated']),
    );
    await expectReadModelToMatch(handle);
  });

  it('withdraws on request of the subject: open steps cancelled, done steps compensated', async () => {
    const handle = await start(1, SOLE_TRADER_ANSWERS);
    await journeyReaches(
      handle,
      (state) => state.steps.find((s) => s.id === 'business-account')?.status === 'in-progress',
      'the business account is opened',
    );
    const receipt = await handle.executeUpdate(withdrawUpdate, {
      args: [{ idempotencyKey: 'withdraw-1', actor: founder, reason: 'not now' }],
    });
    expect(receipt.result).toBe('applied');
    const result = await journeyResult(handle);
    expect(result.status).toBe('withdrawn');
    expect(result.steps.filter((s) => s.status !== 'skipped').every((s) => s.status === 'cancelled')).toBe(true);
    await expectReadModelToMatch(handle);
  });

  it('finishes journeys in flight on v1 while new journeys start on v2', async () => {
    const onV1 = await start(1, SOLE_TRADER_ANSWERS);
    const onV2 = await start(2, SOLE_TRADER_ANSWERS);
    const [v1, v2] = await Promise.all([
      driveJourney(onV1, definition(1), { subject: founder }),
      driveJourney(onV2, definition(2), { subject: founder }),
    ]);
    expect(v1.status).toBe('completed');
    expect(v2.status).toBe('completed');
    expect(v1.steps.map((s) => s.id)).not.toContain('starter-welcome');
    expect(v2.steps.find((s) => s.id === 'starter-welcome')?.status).toBe('completed');
    expect((await queryJourney(onV1)).lifeEvent.version).toBe(1);
    expect((await queryJourney(onV2)).lifeEvent.version).toBe(2);
  });

  it('continues as new when its history grows, keeping its state', async () => {
    const handle = await start(2, HORECA_COMPANY_ANSWERS, { continueAsNewAfterHistoryEvents: 30 });
    const firstRun = (await handle.describe()).runId;
    const result = await driveJourney(handle, definition(2), { subject: founder });
    expect(result.status).toBe('completed');
    expect((await handle.describe()).runId).not.toBe(firstRun);
    const events = await bed.db.dataSource.query(`SELECT n FROM journey_events WHERE journey_id = $1 ORDER BY n`, [
      handle.workflowId,
    ]);
    // The timeline is numbered without gaps across runs.
    expect(events.map((e: { n: number }) => e.n)).toEqual(events.map((_: unknown, i: number) => i + 1));
    await expectReadModelToMatch(handle);
  });
});
