import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from '@passage/config';
import { withdrawUpdate } from '@passage/contracts';
import { waitFor } from '@passage/testing';
import { expectInvariants, runExperiment } from './support/experiment';
import type { FleetJourney } from './support/fleet';

const run = promisify(execFile);

interface Problem {
  readonly code?: string;
  readonly path?: string;
}

/** Texts no journey may take: NUL (PostgreSQL's JSON refuses it: 22P05), an unpaired surrogate, too long. */
const HOSTILE_REASONS = { nul: 'stop\u0000now', surrogate: 'stop \ud800 now', long: 'x'.repeat(501) };

/**
 * R9: poison and size, in the middle of a batch. Hostile texts and an oversized body through the API (400 with the
 * field's path, or 413: nothing changes); a hostile withdrawal straight through the Temporal client (the workflow's
 * validator refuses it); and a change the database refuses on its data (a trigger raising SQLSTATE 22P05 for one
 * journey stands in for a value that passed every check): quarantined after its attempts while the journey goes on,
 * then repaired with `passage read-model repair --quarantined`.
 */
describe('R9 poison and size', () => {
  it('refuses what cannot be stored, quarantines what the database refuses, and repairs it', async () => {
    const wrong: Record<'I1' | 'I2', string[]> = { I1: [], I2: [] };
    let victim: FleetJourney | undefined;
    const result = await runExperiment({
      id: 'R9',
      title: 'poison and size',
      injected:
        'NUL, unpaired surrogate and 501-character reasons and a 3 MB body via the API; NUL via the Temporal client; a projection refused with 22P05 for one journey',
      inject: async ({ stack, fleet, note }) => {
        const completing = fleet.active.filter((j) => j.plan.expected === 'completed' && !fleet.held.has(j.plan.n));
        for (const [kind, reason] of Object.entries(HOSTILE_REASONS)) {
          const journey = completing[0] as FleetJourney;
          const answer = await fleet.http.call<Problem>(
            await fleet.tokenOf(journey.subject),
            'POST',
            `/api/journeys/${journey.id}/withdraw`,
            { reason },
            `hostile-${kind}-${journey.id}`,
          );
          if (answer.status !== 400 || answer.body?.path !== 'reason')
            wrong.I1.push(
              `a withdrawal with a ${kind} reason answered ${answer.status} ${JSON.stringify(answer.body)}`,
            );
        }
        const oversized = completing[1] as FleetJourney;
        const huge = await fleet.http.call<Problem>(
          await fleet.tokenOf(oversized.subject),
          'POST',
          `/api/journeys/${oversized.id}/inputs`,
          { items: { 'person.name': 'y'.repeat(3_000_000) } },
          `hostile-size-${oversized.id}`,
        );
        if (huge.status !== 413 && huge.status !== 400) wrong.I1.push(`a 3 MB body answered ${huge.status}`);
        const straight = await stack.temporal.workflow
          .getHandle(completing[2]?.id as string)
          .executeUpdate(withdrawUpdate, {
            args: [
              { idempotencyKey: 'hostile-temporal', reason: HOSTILE_REASONS.nul, actor: { id: 'x', role: 'citizen' } },
            ],
          })
          .then(
            (receipt) => `accepted (${receipt.result})`,
            () => undefined,
          );
        if (straight) wrong.I1.push(`a NUL reason sent through the Temporal client was ${straight}`);
        note('hostile texts and an oversized body sent');

        victim = completing[3] as FleetJourney;
        const db = stack.db.dataSource;
        await db.query(`CREATE FUNCTION fault_poison() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'poisoned by the fault suite' USING ERRCODE = '22P05'; END $$`);
        await db.query(`CREATE TRIGGER fault_poison BEFORE UPDATE ON journeys FOR EACH ROW
          WHEN (NEW.id = '${victim.id}') EXECUTE FUNCTION fault_poison()`);
        note(`the projection of #${victim.plan.n} is refused with 22P05`);
        const quarantined = await waitFor(
          'the poisoned journey in quarantine',
          async () => {
            const rows: unknown[] = await db.query(`SELECT 1 FROM projection_quarantine WHERE journey_id = $1`, [
              victim?.id,
            ]);
            return rows.length > 0 ? true : undefined;
          },
          { timeoutMs: 180_000, intervalMs: 500 },
        ).catch(() => false);
        await db.query(`DROP TRIGGER fault_poison ON journeys`);
        await db.query(`DROP FUNCTION fault_poison()`);
        if (!quarantined) wrong.I2.push(`#${victim.plan.n}'s refused projection was never quarantined`);
        note('the database takes the journey again');
        return { healedAt: Date.now() };
      },
      verify: async ({ stack, note }) => {
        if (!victim) return wrong;
        const repair = await run(
          process.execPath,
          [join(workspaceRoot(), 'tools', 'bin', 'passage.js'), 'read-model', 'repair', '--quarantined'],
          { cwd: workspaceRoot(), env: { ...process.env, ...stack.env }, timeout: 300_000 },
        ).then(
          ({ stdout }) => ({ ok: true, output: stdout }),
          (error: { code?: number; stdout?: string; stderr?: string }) => ({
            ok: false,
            output: `exit ${error.code}: ${error.stderr || error.stdout}`.slice(0, 500),
          }),
        );
        note(`passage read-model repair --quarantined: ${repair.output.trim().split('\n').slice(-3).join(' / ')}`);
        if (!repair.ok) wrong.I2.push(`passage read-model repair --quarantined failed: ${repair.output}`);
        const open: unknown[] = await stack.db.dataSource.query(
          `SELECT 1 FROM projection_quarantine WHERE repaired_at IS NULL`,
        );
        if (open.length > 0) wrong.I2.push(`${open.length} quarantine(s) still open after the repair`);
        return wrong;
      },
    });
    expectInvariants(result);
  });
});
