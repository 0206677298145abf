import {
  journeyWorkflowId,
  provideInputsUpdate,
  requestInfoUpdate,
  workflowTypeFor,
  type Actor,
  type JourneyInput,
  type JourneyResult,
} from '@passage/contracts';
import { resumeTerm, suspendTerm, type StatutoryTerm } from '@passage/journey-model';
import { queryJourney } from '@passage/temporal';
import { permitLifeEvent, snapshotOf, type TimeSkippingTemporal } from '@passage/testing';
import { startTimeSkippingJourneyTestBed, type JourneyTestBed } from '../testing';

const DAY = 86_400_000;
const citizen: Actor = { id: 'subject-9', role: 'citizen' };
const officer: Actor = { id: 'officer-2', role: 'agency', agency: 'gemeente' };

describe('statutory terms on the time-skipping test server', () => {
  let bed: JourneyTestBed<TimeSkippingTemporal>;
  let journeys = 0;

  beforeAll(async () => {
    bed = await startTimeSkippingJourneyTestBed();
  });

  afterAll(() => bed?.stop());

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
    return bed.temporal.client.workflow.start(workflowTypeFor(snapshot.id), {
      workflowId: journeyId,
      taskQueue: bed.taskQueue,
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
    const startedAt = await bed.temporal.now();
    const result = await bed.temporal.workflowClient.result<JourneyResult>(handle.workflowId);
    expect(result.status).toBe('rejected');
    expect(result.steps).toEqual([{ id: 'permit', status: 'expired' }]);
    const elapsedDays = (Date.parse(result.finishedAt) - startedAt) / DAY;
    expect(elapsedDays).toBeGreaterThanOrEqual(105);
    expect(elapsedDays).toBeLessThan(110);
    const [row] = await bed.db.dataSource.query(`SELECT status FROM journey_steps WHERE journey_id = $1`, [
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
    const suspendedAt = new Date(await bed.temporal.now()).toISOString();
    await handle.executeUpdate(requestInfoUpdate, {
      args: [{ idempotencyKey: 'ask-1', stepId: 'permit', items: ['plan.addendum'], requestedBy: officer }],
    });
    expect((await queryJourney(handle)).steps[0]?.status).toBe('awaiting-subject');

    await bed.temporal.skip(10 * DAY);
    const resumedAt = new Date(await bed.temporal.now()).toISOString();
    await handle.executeUpdate(provideInputsUpdate, {
      args: [{ idempotencyKey: 'answer-1', items: { 'plan.addendum': 'A-1' }, actor: citizen }],
    });
    const resumed = (await queryJourney(handle)).steps[0];
    expect(resumed?.status).toBe('in-progress');
    expect(resumed?.suspendedDays).toBe(10);
    expect(resumed?.dueAt).toBe(resumeTerm(suspendTerm(dueAt, term, suspendedAt), term, resumedAt));
    expect(Date.parse(resumed?.dueAt ?? '') - Date.parse(dueAt)).toBeGreaterThanOrEqual(10 * DAY);

    // No decision: the resumed term expires and the permit is tacitly approved.
    const result = await bed.temporal.workflowClient.result<JourneyResult>(handle.workflowId);
    expect(result.status).toBe('completed');
    expect(Date.parse(result.finishedAt)).toBeGreaterThan(Date.parse(resumed?.dueAt ?? ''));
  });
});
