import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  journeyWorkflowId,
  provideInputsUpdate,
  workflowTypeFor,
  type Actor,
  type JourneyInput,
} from '@passage/contracts';
import { journeyResult } from '@passage/temporal';
import { fanOutLifeEvent, snapshotOf, testStep } from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

const citizen: Actor = { id: 'subject-1', role: 'citizen' };

/**
 * An input that arrives with the start — in the journey's first workflow task, before the journey has asked for
 * anything — is taken, not refused as "not asked": update-with-start puts the start and the message into one task,
 * which is what a fast client meets when the worker is slow.
 */
describe('inputs that arrive with the start of a journey', () => {
  let bed: JourneyTestBed;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
  });

  afterAll(() => bed?.stop());

  async function startWithInput(definition: ReturnType<typeof fanOutLifeEvent>, items: JourneyInput['data']) {
    const snapshot = snapshotOf(definition);
    const journeyId = journeyWorkflowId(snapshot.id, crypto.randomUUID());
    const input: JourneyInput = {
      journeyId,
      snapshot,
      subject: 'subject-1',
      language: 'en',
      channel: 'online',
      startedBy: citizen,
      data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1' },
      provenance: { 'person.name': { kind: 'intake' }, 'person.address': { kind: 'intake' } },
    };
    const start = new WithStartWorkflowOperation(workflowTypeFor(snapshot.id), {
      workflowId: journeyId,
      taskQueue: bed.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
    });
    const receipt = await bed.temporal.client.workflow.executeUpdateWithStart(provideInputsUpdate, {
      args: [{ idempotencyKey: 'first-input', items, actor: citizen }],
      startWorkflowOperation: start,
    });
    return { receipt, handle: await start.workflowHandle() };
  }

  it('applies an input for a step the journey asks at its start', async () => {
    const definition = fanOutLifeEvent({
      steps: [testStep('confirm', { agency: 'alpha', mode: 'citizen', produces: ['confirm.accepted'] })],
    });
    const { receipt, handle } = await startWithInput(definition, { 'confirm.accepted': true });
    expect(receipt.result).toBe('applied');
    expect(await journeyResult(handle)).toMatchObject({
      status: 'completed',
      steps: [{ id: 'confirm', status: 'completed' }],
    });
  });
});
