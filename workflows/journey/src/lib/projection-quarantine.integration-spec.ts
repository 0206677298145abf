import { decideStepUpdate, provideInputsUpdate, type Actor, type ServiceOutcome } from '@passage/contracts';
import { raiseQuarantineAlert } from '@passage/owner-reporting';
import { journeyResult, startJourney } from '@passage/temporal';
import { fanOutLifeEvent, journeyReaches, snapshotOf, waitFor } from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

const officer: Actor = { id: 'officer-7', role: 'agency', agency: 'delta' };
/** What the poisoned change carries besides NUL: it must appear in no log line. */
const MARKER = 'marker-text-9f3';

/**
 * A change the database refuses on its data (here NUL in the actor of the journey's start, sent straight through
 * the Temporal client: PostgreSQL answers 22P05) is retried a bounded number of times, then quarantined, and the
 * journey goes on: its later changes reach the read model (issue 9, defect 1).
 */
describe('a projection that cannot be poisoned', () => {
  let bed: JourneyTestBed;
  const logged: string[] = [];
  let errorSpy: jest.SpyInstance;

  beforeAll(async () => {
    errorSpy = jest.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
    bed = await startJourneyTestBed({
      poisonAttempts: 2,
      onQuarantined: async (entry) => {
        await raiseQuarantineAlert(bed.db.dataSource, entry);
      },
    });
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

  afterAll(async () => {
    await bed?.stop();
    errorSpy?.mockRestore();
  });

  it('quarantines the poisoned change after its attempts, alerts the owner, and the journey completes', async () => {
    const handle = await startJourney(bed.temporal.client, {
      snapshot: snapshotOf(fanOutLifeEvent()),
      subject: 'subject-q',
      language: 'nl',
      channel: 'online',
      startedBy: { id: `clerk\u0000${MARKER}`, role: 'counter' },
      data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1, 9000 Gent' },
      provenance: { 'person.name': { kind: 'intake' }, 'person.address': { kind: 'intake' } },
    });
    const journeyId = handle.workflowId;

    const quarantine = await waitFor('the poisoned change in quarantine', async () => {
      const rows: Record<string, unknown>[] = await bed.db.dataSource.query(
        `SELECT first_seq, sql_state, statement, attempts, repaired_at FROM projection_quarantine WHERE journey_id = $1`,
        [journeyId],
      );
      return rows[0];
    });
    const seq = quarantine['first_seq'];
    expect(quarantine).toEqual({
      first_seq: expect.any(Number),
      sql_state: '22P05',
      statement: 'passage_apply_projection',
      attempts: 2,
      repaired_at: null,
    });

    // The journey goes on: a decision and an answer, and it completes; its later changes reach the read model.
    await journeyReaches(
      handle,
      (s) => s.steps.find((x) => x.id === 'permit')?.status === 'in-progress',
      'the permit is in the inbox',
    );
    const decided = await handle.executeUpdate(decideStepUpdate, {
      args: [
        {
          idempotencyKey: 'd-1',
          stepId: 'permit',
          outcome: 'approved',
          outputs: { 'permit.number': 'P-9' },
          decidedBy: officer,
        },
      ],
    });
    expect(decided.result).toBe('applied');
    await journeyReaches(
      handle,
      (s) => s.steps.find((x) => x.id === 'confirm')?.status === 'in-progress',
      'the citizen is asked',
    );
    await handle.executeUpdate(provideInputsUpdate, {
      args: [
        { idempotencyKey: 'i-1', items: { 'confirm.accepted': true }, actor: { id: 'subject-q', role: 'citizen' } },
      ],
    });
    expect((await journeyResult(handle)).status).toBe('completed');
    const [row]: { status: string }[] = await bed.db.dataSource.query(`SELECT status FROM journeys WHERE id = $1`, [
      journeyId,
    ]);
    expect(row?.status).toBe('completed');
    // Only the poisoned change is missing: the journey's first events, the start among them.
    const events: { n: number; type: string }[] = await bed.db.dataSource.query(
      `SELECT n, type FROM journey_events WHERE journey_id = $1 ORDER BY n`,
      [journeyId],
    );
    expect(events.map((e) => e.type)).not.toContain('journey-started');
    expect(events.map((e) => e.type)).toContain('journey-completed');

    const alerts: { kind: string; message: string }[] = await bed.db.dataSource.query(
      `SELECT kind, message FROM owner_alerts WHERE dedupe_key = $1`,
      [`projection-quarantined:${journeyId}`],
    );
    expect(alerts).toEqual([{ kind: 'projection-quarantined', message: expect.stringContaining('SQLSTATE 22P05') }]);

    // SQL failures are logged with the SQLSTATE and the statement's name only: nothing of the change itself.
    const projectionLines = logged.filter((line) => line.includes(journeyId));
    expect(projectionLines).toEqual([
      `projection of ${journeyId} at seq ${seq} failed: SQLSTATE 22P05 (passage_apply_projection); attempt 1 of 2`,
      `projection of ${journeyId} at seq ${seq} failed: SQLSTATE 22P05 (passage_apply_projection); quarantined after 2 attempts`,
    ]);
    expect(logged.join('\n')).not.toContain(MARKER);
  });
});
