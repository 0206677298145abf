import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decideStepUpdate, type Actor, type ServiceOutcome } from '@passage/contracts';
import { startJourneyTestBed, type JourneyTestBed } from '@passage/journey-workflow/testing';
import { journeyResult, startJourney } from '@passage/temporal';
import { fanOutLifeEvent, journeyReaches, snapshotOf, TEST_PAYLOAD_KEY_SPEC, waitFor } from '@passage/testing';

const root = join(__dirname, '..', '..', '..', '..');
const officer: Actor = { id: 'officer-7', role: 'agency', agency: 'delta' };

interface VerifyReport {
  readonly checked: number;
  readonly mismatched: number;
  readonly journeys: { journeyId: string; differences: { what: string }[] }[];
}

/**
 * `passage read-model verify` and `repair` against a real worker, Temporal dev server and PostgreSQL: a journey whose
 * rows were corrupted by hand is reported and repaired; a journey whose first change was quarantined is repaired.
 */
describe('passage read-model', () => {
  let bed: JourneyTestBed;
  let dataDir: string;

  beforeAll(async () => {
    bed = await startJourneyTestBed({ poisonAttempts: 1 });
    await bed.startAgencies({
      alpha: (request) =>
        ({
          outcome: 'completed',
          outputs: request.kind === 'perform' ? { 'case.number': 'C-1' } : {},
        }) as ServiceOutcome,
      beta: () => ({ outcome: 'completed', outputs: { 'tax.reference': 'T-1' } }),
      gamma: () => ({ outcome: 'completed', outputs: { 'social.reference': 'S-1' } }),
    });
    dataDir = mkdtempSync(join(tmpdir(), 'passage-read-model-'));
  });

  afterAll(async () => {
    await bed?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function passage(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      ...process.env,
      DATABASE_URL: bed.db.url,
      TEMPORAL_ADDRESS: bed.temporal.address,
      TEMPORAL_NAMESPACE: bed.temporal.namespace,
      PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_VAULT_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_DATA_DIR: dataDir,
    };
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), ...args],
        { cwd: root, env },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  async function start(startedBy: Actor) {
    const handle = await startJourney(bed.temporal.client, {
      snapshot: snapshotOf(fanOutLifeEvent()),
      subject: 'subject-rm',
      language: 'nl',
      channel: 'online',
      startedBy,
      data: { 'person.name': 'Ada Lovelace', 'person.address': 'Kerkstraat 1, 9000 Gent' },
      provenance: { 'person.name': { kind: 'intake' }, 'person.address': { kind: 'intake' } },
    });
    await journeyReaches(
      handle,
      (s) => s.steps.find((x) => x.id === 'permit')?.status === 'in-progress',
      'the permit is in the inbox',
    );
    return handle;
  }

  it('reports a journey corrupted by hand (exit 1) and repairs it (then exit 0), idempotently and audited', async () => {
    const handle = await start({ id: 'subject-rm', role: 'citizen' });
    const id = handle.workflowId;
    const first = await passage('read-model', 'verify', '--journeys', id, '--json');
    expect({ code: first.code, report: JSON.parse(first.stdout) }).toMatchObject({
      code: 0,
      report: { checked: 1, mismatched: 0 },
    });

    await bed.db.dataSource.query(`UPDATE journeys SET status = 'withdrawn', last_seq = last_seq - 1 WHERE id = $1`, [
      id,
    ]);
    await bed.db.dataSource.query(
      `UPDATE journey_steps SET status = 'pending' WHERE journey_id = $1 AND step_id = 'permit'`,
      [id],
    );
    await bed.db.dataSource.query(
      `UPDATE agency_tasks SET closed_at = now(), status = 'decided' WHERE journey_id = $1`,
      [id],
    );

    const corrupted = await passage('read-model', 'verify', '--journeys', id, '--grace-seconds', '0');
    expect(corrupted.code).toBe(1);
    expect(corrupted.stdout).toContain(`${id} journey.status: read model withdrawn, workflow active`);
    expect(corrupted.stdout).toContain(`${id} steps.permit.status: read model pending, workflow in-progress`);
    expect(corrupted.stdout).toMatch(new RegExp(`${id} journey.last_seq: read model \\d+, workflow \\d+`));
    expect(corrupted.stdout).toMatch(new RegExp(`${id} tasks\\.\\S+: read model closed, workflow open`));
    expect(corrupted.stdout).not.toMatch(/Ada|Kerkstraat|subject-rm/);

    const repaired = await passage('read-model', 'repair', id, '--actor', 'ops-test');
    expect({ code: repaired.code, out: repaired.stdout }).toEqual({
      code: 0,
      out: expect.stringContaining(`${id}: repaired (journey.status`),
    });
    const again = await passage('read-model', 'repair', id, '--actor', 'ops-test');
    expect(again.stdout).toContain(`${id}: already matched`);
    const audited: { actor: string; action: string }[] = await bed.db.dataSource.query(
      `SELECT actor, action FROM audit_log WHERE journey_id = $1`,
      [id],
    );
    expect(audited).toEqual([{ actor: 'ops-test', action: 'read-model-repaired' }]);
    expect((await passage('read-model', 'verify', '--journeys', id)).code).toBe(0);

    // The repaired rows keep following the journey.
    await handle.executeUpdate(decideStepUpdate, {
      args: [{ idempotencyKey: 'd-1', stepId: 'permit', outcome: 'rejected', reason: 'nee', decidedBy: officer }],
    });
    await journeyResult(handle);
    expect((await passage('read-model', 'verify', '--journeys', id)).code).toBe(0);
  });

  it('repairs a journey whose change was quarantined: verify fails before, passes after', async () => {
    const handle = await start({ id: 'clerk\u0000poisoned', role: 'counter' });
    const id = handle.workflowId;
    await waitFor('the quarantine', async () => {
      const rows: unknown[] = await bed.db.dataSource.query(
        `SELECT 1 FROM projection_quarantine WHERE journey_id = $1 AND repaired_at IS NULL`,
        [id],
      );
      return rows.length > 0 ? true : undefined;
    });
    const before = await passage('read-model', 'verify', '--all', '--json', '--grace-seconds', '0');
    const report = JSON.parse(before.stdout) as VerifyReport;
    expect(before.code).toBe(1);
    expect(report.journeys.find((j) => j.journeyId === id)?.differences.map((d) => d.what)).toContain('quarantine');

    const repaired = await passage('read-model', 'repair', '--quarantined');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain(`${id}: repaired`);
    const after = await passage('read-model', 'verify', '--all');
    expect({ code: after.code, summary: after.stdout.trim().split('\n').pop() }).toEqual({
      code: 0,
      summary: expect.stringMatching(/journeys checked, 0 mismatched, 0 not verified$/),
    });
    const [row]: { repaired_at: Date | null }[] = await bed.db.dataSource.query(
      `SELECT repaired_at FROM projection_quarantine WHERE journey_id = $1`,
      [id],
    );
    expect(row?.repaired_at).toBeInstanceOf(Date);
  });
});
