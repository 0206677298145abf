import type { Worker } from '@temporalio/worker';
import { provideInputsUpdate, requestInfoUpdate, type Actor, type JourneyInput } from '@passage/contracts';
import { defineLifeEvent, resumeTerm, suspendTerm, type StatutoryTerm } from '@passage/journey-model';
import { journeyWorkflowId } from '@passage/contracts';
import { queryJourney } from '@passage/temporal';
import {
  connectTimeSkippingTemporal,
  createTestDatabase,
  snapshotOf,
  testStep,
  texts,
  TEST_PAYLOAD_KEYS,
  type TestDatabase,
  type TimeSkippingTemporal,
} from '@passage/testing';
import { ENGINE_TASK_QUEUE, workflowTypeFor, type JourneyResult } from '@passage/contracts';
import { createEngineWorker } from './engine-worker';

const DAY = 86_400_000;
const citizen: Actor = { id: 'subject-9', role: 'citizen' };
const officer: Actor = { id: 'officer-2', role: 'agency', agency: 'gemeente' };

function permitLifeEvent(term: StatutoryTerm) {
  return defineLifeEvent({
    id: 'test-permit',
    version: 1,
    kind: 'life',
    owner: 'test-owner',
    title: texts('Permit'),
    summary: texts('A permit with a statutory term'),
    dataItems: {
      'plan.reference': { type: 'string', label: texts('Plan') },
      'plan.addendum': { type: 'string', label: texts('Addendum') },
    },
    intake: ['plan.reference'],
    steps: [testStep('permit', { agency: 'gemeente', mode: 'manual', needs: ['plan.reference'], term })],
  });
}

describe('statutory terms on the time-skipping test server', () => {
  let temporal: TimeSkippingTemporal;
  let db: TestDatabase;
  let engine: Worker;
  let engineRun: Promise<void>;
  let journeys = 0;

  beforeAll(async () => {
    temporal = await connectTimeSkippingTemporal();
    db = await createTestDatabase();
    engine = await createEngineWorker({
      connection: temporal.nativeConnection,
      dataSource: db.dataSource,
      payloadKeys: TEST_PAYLOAD_KEYS,
      vaultKeys: TEST_PAYLOAD_KEYS,
      taskQueue: `${ENGINE_TASK_QUEUE}-time-skipping`,
    });
    engineRun = engine.run();
  });

  afterAll(async () => {
    engine.shutdown();
    await engineRun;
    await db.drop();
    await temporal.close();
  });

  async function start(term: StatutoryTerm) {
    const snapshot = snapshotOf(permitLifeEvent(term));
    const journeyId = journeyWorkflowId(snapshot.id, `00000000-0000-4000-8000-${String(++journeys).padStart(12, '0')}`);
    const input: JourneyInput = {
      journeyId,
      snapshot,
      subject: 'subject-9',
      language: 'nl',
      channel: 'online',
      startedBy: citizen,
      data: { 'plan.reference': 'PL-1' },
      provenance: { 'plan.reference': { kind: 'intake' } },
    };
    return temporal.client.workflow.start(workflowTypeFor(snapshot.id), {
      workflowId: journeyId,
      taskQueue: `${ENGINE_TASK_QUEUE}-time-skipping`,
      args: [input],
    });
  }

  it('refuses tacitly when a 105-day term expires without a decision', async () => {
    const handle = await start({
      days: 105,
      unit: 'calendar',
      kind: 'authority-decision',
      from: 'dispatch',
      onExpiry: 'tacit-refusal',
    });
    const startedAt = await temporal.now();
    const result = await temporal.workflowClient.result<JourneyResult>(handle.workflowId);
    expect(result.status).toBe('rejected');
    expect(result.steps).toEqual([{ id: 'permit', status: 'expired' }]);
    const elapsedDays = (Date.parse(result.finishedAt) - startedAt) / DAY;
    expect(elapsedDays).toBeGreaterThanOrEqual(105);
    expect(elapsedDays).toBeLessThan(110);
    const [row] = await db.dataSource.query(`SELECT status FROM journey_steps WHERE journey_id = $1`, [
      handle.workflowId,
    ]);
    expect(row.status).toBe('expired');
  });

  it('suspends a term for the 10 days the subject takes to answer, then resumes it', async () => {
    const term: StatutoryTerm = {
      days: 30,
      unit: 'calendar',
      kind: 'authority-decision',
      from: 'dispatch',
      onExpiry: 'tacit-approval',
    };
    const handle = await start(term);
    const before = await queryJourney(handle);
    const dueAt = before.steps[0]?.dueAt ?? '';
    const suspendedAt = new Date(await temporal.now()).toISOString();
    await handle.executeUpdate(requestInfoUpdate, {
      args: [{ idempotencyKey: 'ask-1', stepId: 'permit', items: ['plan.addendum'], requestedBy: officer }],
    });
    expect((await queryJourney(handle)).steps[0]?.status).toBe('awaiting-subject');

    await temporal.skip(10 * DAY);
    const resumedAt = new Date(await temporal.now()).toISOString();
    await handle.executeUpdate(provideInputsUpdate, {
      args: [{ idempotencyKey: 'answer-1', items: { 'plan.addendum': 'A-1' }, actor: citizen }],
    });
    const resumed = (await queryJourney(handle)).steps[0];
    expect(resumed?.status).toBe('in-progress');
    expect(resumed?.suspendedDays).toBe(10);
    expect(resumed?.dueAt).toBe(resumeTerm(suspendTerm(dueAt, term, suspendedAt), term, resumedAt));
    expect(Date.parse(resumed?.dueAt ?? '') - Date.parse(dueAt)).toBeGreaterThanOrEqual(10 * DAY);

    // No decision: the resumed term expires and the permit is tacitly approved.
    const result = await temporal.workflowClient.result<JourneyResult>(handle.workflowId);
    expect(result.status).toBe('completed');
    expect(Date.parse(result.finishedAt)).toBeGreaterThan(Date.parse(resumed?.dueAt ?? ''));
  });
});
