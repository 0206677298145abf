import { decideStepUpdate, provideInputsUpdate, type Actor, type ServiceOutcome } from '@passage/contracts';
import { journeyResult, queryJourney, startJourney } from '@passage/temporal';
import { fanOutLifeEvent, journeyReaches, snapshotOf, type TestAgencies } from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

const citizen: Actor = { id: 'subject-1', role: 'citizen' };
const officer: Actor = { id: 'officer-7', role: 'agency', agency: 'delta' };

describe('journey workflow on a real Temporal dev server', () => {
  let bed: JourneyTestBed;
  let agencies: TestAgencies;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    const slow = (outputs: Record<string, string>) => async () => {
      await new Promise((r) => setTimeout(r, 400));
      return { outcome: 'completed' as const, outputs };
    };
    agencies = await bed.startAgencies({
      alpha: (request) =>
        ({
          outcome: 'completed',
          outputs: request.kind === 'perform' ? { 'case.number': 'C-1' } : {},
        }) as ServiceOutcome,
      beta: slow({ 'tax.reference': 'T-1' }),
      gamma: slow({ 'social.reference': 'S-1' }),
    });
  });

  afterAll(() => bed?.stop());

  function callOf(stepId: string) {
    const call = agencies.calls.find((c) => c.request.stepId === stepId);
    if (!call) throw new Error(`no agency was called for ${stepId}`);
    return call;
  }

  it('fans out in parallel, waits for a manual decision and the citizen, and completes', async () => {
    const handle = await startJourney(bed.temporal.client, {
      snapshot: snapshotOf(fanOutLifeEvent()),
      subject: 'subject-1',
      language: 'nl',
      channel: 'online',
      startedBy: citizen,
      data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1, 9000 Gent' },
      provenance: { 'person.name': { kind: 'intake' }, 'person.address': { kind: 'intake' } },
    });
    const waiting = await journeyReaches(
      handle,
      (s) => s.steps.find((x) => x.id === 'permit')?.status === 'in-progress',
      'the permit is in the inbox',
    );
    expect(waiting.steps.find((x) => x.id === 'permit')?.dueAt).toBeDefined();

    const tax = callOf('notify-tax');
    const social = callOf('notify-social');
    // Both branches ran at the same time: each started before the other finished.
    expect(tax.startedAt).toBeLessThan(social.finishedAt);
    expect(social.startedAt).toBeLessThan(tax.finishedAt);
    // Data minimisation: each agency got only what its step needs.
    expect(Object.keys(social.request.items)).toEqual(['case.number']);
    expect(Object.keys(tax.request.items).sort()).toEqual(['case.number', 'person.address']);

    const decision = {
      idempotencyKey: 'd-1',
      stepId: 'permit',
      outcome: 'approved' as const,
      outputs: { 'permit.number': 'P-9' },
      decidedBy: officer,
    };
    expect((await handle.executeUpdate(decideStepUpdate, { args: [decision] })).result).toBe('applied');
    expect((await handle.executeUpdate(decideStepUpdate, { args: [decision] })).result).toBe('duplicate');
    const contradiction = await handle.executeUpdate(decideStepUpdate, {
      args: [{ ...decision, idempotencyKey: 'd-2', outcome: 'rejected', reason: 'late' }],
    });
    expect(contradiction.result).toBe('conflict');

    const asked = await journeyReaches(
      handle,
      (s) => s.steps.find((x) => x.id === 'confirm')?.status === 'in-progress',
      'the citizen is asked',
    );
    expect(asked.steps.find((x) => x.id === 'confirm')?.asked).toEqual(['confirm.accepted']);
    await handle.executeUpdate(provideInputsUpdate, {
      args: [{ idempotencyKey: 'i-1', items: { 'confirm.accepted': true }, actor: citizen }],
    });

    const result = await journeyResult(handle);
    expect(result.status).toBe('completed');
    expect(result.steps.every((s) => s.status === 'completed')).toBe(true);

    const row = await bed.db.dataSource.query(`SELECT status, last_seq FROM journeys WHERE id = $1`, [
      handle.workflowId,
    ]);
    const final = await queryJourney(handle).catch(() => undefined);
    expect(row[0].status).toBe('completed');
    if (final) expect(row[0].last_seq).toBe(final.seq);
  });
});
