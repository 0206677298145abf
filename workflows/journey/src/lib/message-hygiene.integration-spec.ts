import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  decideStepUpdate,
  provideInputsUpdate,
  withdrawUpdate,
  type Actor,
  type ServiceOutcome,
} from '@passage/contracts';
import { queryJourney, startJourney } from '@passage/temporal';
import { fanOutLifeEvent, journeyReaches, snapshotOf } from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

const citizen: Actor = { id: 'subject-1', role: 'citizen' };
const officer: Actor = { id: 'officer-7', role: 'agency', agency: 'delta' };

/**
 * Whoever reaches Temporal without the API (an operator's script, a compromised client) meets the same text rule as
 * the API: the journey's update validators refuse a poisoned message, so it is never recorded and never reaches the
 * projection (issue 9, defect 1).
 */
describe('the journey refuses poisoned messages sent straight through the Temporal client', () => {
  let bed: JourneyTestBed;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    await bed.startAgencies({
      alpha: (request) =>
        ({
          outcome: 'completed',
          outputs: request.kind === 'perform' ? { 'case.number': 'C-1' } : {},
        }) as ServiceOutcome,
      beta: () => ({ outcome: 'completed', outputs: { 'tax.reference': 'T-1' } }),
      gamma: () => ({ outcome: 'completed', outputs: { 'social.reference': 'S-1' } }),
    });
  });

  afterAll(() => bed?.stop());

  it('refuses NUL, control characters and unpaired surrogates; the journey is unchanged and goes on', async () => {
    const handle = await startJourney(bed.temporal.client, {
      snapshot: snapshotOf(fanOutLifeEvent()),
      subject: 'subject-1',
      language: 'nl',
      channel: 'online',
      startedBy: citizen,
      data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1, 9000 Gent' },
      provenance: { 'person.name': { kind: 'intake' }, 'person.address': { kind: 'intake' } },
    });
    const before = await journeyReaches(
      handle,
      (s) => s.steps.find((x) => x.id === 'permit')?.status === 'in-progress',
      'the permit is in the inbox',
    );
    const decision = { idempotencyKey: 'd-1', stepId: 'permit', decidedBy: officer };
    const poisoned = [
      () =>
        handle.executeUpdate(withdrawUpdate, {
          args: [{ idempotencyKey: 'w-1', actor: citizen, reason: 'stop\u0000now' }],
        }),
      () =>
        handle.executeUpdate(decideStepUpdate, { args: [{ ...decision, outcome: 'rejected', reason: 'nee\u0000' }] }),
      () =>
        handle.executeUpdate(decideStepUpdate, { args: [{ ...decision, outcome: 'rejected', reason: 'nee \uD800' }] }),
      () =>
        handle.executeUpdate(decideStepUpdate, {
          args: [{ ...decision, outcome: 'approved', outputs: { 'permit.number': 'P\u00859' } }],
        }),
      () =>
        handle.executeUpdate(provideInputsUpdate, {
          args: [{ idempotencyKey: 'i-1', items: { 'confirm.accepted': true }, actor: { ...citizen, id: 'x\u0000' } }],
        }),
    ];
    for (const send of poisoned) {
      const refused = await send().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((refused as WorkflowUpdateFailedError).cause?.message)).toMatch(
        /control character|unpaired surrogate/,
      );
    }
    const after = await queryJourney(handle);
    expect({ status: after.status, seq: after.seq }).toEqual({ status: before.status, seq: before.seq });

    // The same messages, clean, still apply: the refusals left no receipt behind.
    const receipt = await handle.executeUpdate(decideStepUpdate, {
      args: [{ ...decision, outcome: 'approved', outputs: { 'permit.number': 'P-9' } }],
    });
    expect(receipt.result).toBe('applied');
  });
});
