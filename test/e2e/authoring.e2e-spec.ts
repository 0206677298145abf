import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Principal } from '@passage/auth';
import type { SimulationResult, VersionDiff } from '@passage/authoring';
import { journeyStateQuery, type Provenance } from '@passage/contracts';
import { LifeEventRegistry } from '@passage/registry';
import { startJourney } from '@passage/temporal';
import { soleTraderIntake, waitFor } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient } from './support/http-client';
import { driveOverHttp, sampleFor } from './support/http-journey-driver';

const root = join(__dirname, '..', '..');
const vlaio: Principal = { sub: 'owner-staff-vlaio', roles: ['owner'], owner: 'vlaio' };
const otherOwner: Principal = { sub: 'owner-staff-abb', roles: ['owner'], owner: 'abb' };
const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
const citizen: Principal = { sub: 'carla', roles: ['citizen'] };
const dabs: Principal = { sub: 'dabs', roles: ['system'] };
const citizenNamed = (sub: string): Principal => ({ sub, roles: ['citizen'] });

const OPEN = ['ready', 'dispatched', 'in-progress', 'awaiting-subject'];

interface Timeline {
  status: string;
  asked: { item: string; type: string; values?: string[]; stepId: string }[];
  steps: { id: string; status: string; mode: string; agency: { id: string } }[];
}

describe('process owners diff, simulate and migrate versions; authentic sources start journeys', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** The CLI as an operator runs it, against this stack's database and Temporal namespace. */
  function passage(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), ...args],
        { cwd: root, env: { ...process.env, ...stack.env }, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  /** Plays the subject and the agencies over HTTP until `stop` holds; never answers what `stop`'s step asks. */
  async function driveUntil(client: HttpClient, journeyId: string, heldStep: string): Promise<void> {
    const answered = new Set<string>();
    for (let round = 0; round < 300; round++) {
      const { body: timeline } = await client.get<Timeline>(`/api/journeys/${journeyId}`);
      if (OPEN.includes(timeline.steps?.find((s) => s.id === heldStep)?.status ?? '')) return;
      const toAnswer = (timeline.asked ?? []).filter((a) => a.stepId !== heldStep && !answered.has(a.item));
      if (toAnswer.length > 0) {
        toAnswer.forEach((a) => answered.add(a.item));
        await client.post(`/api/journeys/${journeyId}/inputs`, {
          items: Object.fromEntries(toAnswer.map((a) => [a.item, sampleFor(a)])),
        });
      }
      for (const step of (timeline.steps ?? []).filter((s) => s.mode === 'manual' && s.status === 'in-progress')) {
        const inbox = await stack.as({ sub: `officer-${step.agency.id}`, roles: ['agency'], agency: step.agency.id });
        const tasks = await inbox.get<{ items: { id: string; journeyId: string; stepId: string }[] }>(
          '/api/agency/tasks?status=open',
        );
        for (const task of tasks.body.items.filter((t) => t.journeyId === journeyId && t.stepId === step.id)) {
          const detail = await inbox.get<{ produces: { item: string; type: string; values?: string[] }[] }>(
            `/api/agency/tasks/${task.id}`,
          );
          await inbox.post(`/api/agency/tasks/${task.id}/decision`, {
            outcome: 'approved',
            outputs: Object.fromEntries(detail.body.produces.map((p) => [p.item, sampleFor(p)])),
          });
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${heldStep} of ${journeyId} did not open`);
  }

  describe('version diff and simulation over HTTP', () => {
    it('gives the owner of the life event the diff as JSON and text', async () => {
      const owner = await stack.as(vlaio);
      const diff = await owner.get<VersionDiff & { text: string }>('/api/life-events/start-business/diff?from=1&to=2');
      expect(diff.status).toBe(200);
      expect(diff.body).toMatchObject({
        lifeEvent: 'start-business',
        from: 1,
        to: 2,
        stepsAdded: [{ id: 'starter-welcome', agency: 'vlaio', mode: 'proactive' }],
      });
      expect(diff.body.text.split('\n')[0]).toBe('start-business: version 1 → 2');
      expect((await (await stack.as(admin)).get('/api/life-events/start-business/diff?from=1&to=2')).status).toBe(200);
    });

    it('simulates a published version for its owner, the same for the same seed', async () => {
      const owner = await stack.as(vlaio);
      const body = {
        journeys: 2000,
        seed: 5,
        monthlyVolume: 800,
        itemDistributions: { 'business.legalForm': { 'sole-trader': 3, company: 1 } },
        rejectionRates: { 'kbo-registration': 0.05 },
      };
      const first = await owner.post<SimulationResult>('/api/life-events/start-business/versions/2/simulate', body);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        lifeEvent: 'start-business',
        version: 2,
        journeys: 2000,
        seed: 5,
        withinTarget: { targetDays: 60 },
      });
      expect(first.body.loadPerAgencyPerMonth?.['ondernemingsloket']).toBe(800);
      expect(first.body.outcomes.rejected).toBeGreaterThan(0);
      expect((await owner.post('/api/life-events/start-business/versions/2/simulate', body)).body).toEqual(first.body);
      const defaults = await owner.post<SimulationResult>('/api/life-events/start-business/versions/1/simulate', {});
      expect(defaults.body).toMatchObject({ version: 1, journeys: 10_000, seed: 1 });
    });

    it('answers 404 to another owner, a citizen and for an unknown life event or version', async () => {
      for (const principal of [otherOwner, citizen]) {
        const client = await stack.as(principal);
        const diff = await client.get<{ code: string }>('/api/life-events/start-business/diff?from=1&to=2');
        expect({ who: principal.sub, status: diff.status, code: diff.body.code }).toEqual({
          who: principal.sub,
          status: 404,
          code: 'not-found',
        });
        expect((await client.post('/api/life-events/start-business/versions/2/simulate', {})).status).toBe(404);
      }
      expect(
        (await (await stack.as(citizen)).post('/api/life-events/start-business/versions/2/simulate', { journeys: 0 }))
          .status,
      ).toBe(404);
      const owner = await stack.as(vlaio);
      expect((await owner.get('/api/life-events/start-a-rocket/diff?from=1&to=2')).status).toBe(404);
      expect((await owner.get('/api/life-events/start-business/diff?from=1&to=7')).status).toBe(404);
      expect((await owner.post('/api/life-events/start-business/versions/7/simulate', {})).status).toBe(404);
      expect((await (await stack.as(otherOwner)).get('/api/life-events/move-house/diff?from=1&to=1')).status).toBe(200);
    });

    it.each([
      [{ journeys: 0 }, 'journeys'],
      [{ journeys: 100_001 }, 'journeys'],
      [{ journeys: '10' }, 'journeys'],
      [{ seed: 1.5 }, 'seed'],
      [{ monthlyVolume: -1 }, 'monthlyVolume'],
      [{ rejectionRates: { 'kbo-registration': 2 } }, 'rejectionRates'],
      [{ rejectionRates: { 'no-such-step': 0.1 } }, 'rejectionRates.no-such-step'],
      [{ itemDistributions: { 'business.legalForm': { plc: 1 } } }, 'itemDistributions.business.legalForm.plc'],
      [{ itemDistributions: { 'pet.name': { rex: 1 } } }, 'itemDistributions.pet.name'],
      [{ journeys: 10, extra: true }, 'extra'],
    ])('refuses the simulation body %j with 400 at %s', async (body, path) => {
      const response = await (
        await stack.as(vlaio)
      ).post<{ code: string; path: string }>('/api/life-events/start-business/versions/2/simulate', body);
      expect({ status: response.status, code: response.body.code, path: response.body.path }).toEqual({
        status: 400,
        code: 'invalid-request',
        path,
      });
    });

    it('refuses a malformed diff query with 400 and its path', async () => {
      const owner = await stack.as(vlaio);
      expect((await owner.get<{ path: string }>('/api/life-events/start-business/diff?from=one&to=2')).body.path).toBe(
        'query.from',
      );
      expect((await owner.get<{ path: string }>('/api/life-events/start-business/diff?from=1')).body.path).toBe(
        'query.to',
      );
    });
  });

  describe('moving running journeys to a newer version', () => {
    it('moves a journey at a safe point, refuses one at an unsafe point, and audits both', async () => {
      const v1 = await new LifeEventRegistry(stack.db.dataSource).require('start-business', 1);
      const start = async (subject: string, mainOccupation: boolean) => {
        const data = soleTraderIntake({ 'business.mainOccupation': mainOccupation }, 1);
        const provenance = Object.fromEntries(
          Object.keys(data).map((item): [string, Provenance] => [item, { kind: 'intake' }]),
        );
        const handle = await startJourney(stack.temporal.client, {
          snapshot: v1,
          subject,
          language: 'en',
          channel: 'online',
          startedBy: { id: subject, role: 'citizen' },
          data,
          provenance,
        });
        return handle.workflowId;
      };
      const anna = await stack.as(citizenNamed('mig-anna'));
      const bert = await stack.as(citizenNamed('mig-bert'));
      const safe = await start('mig-anna', false);
      const unsafe = await start('mig-bert', true);
      // Anna has not opened her account yet; Bert's fund awaits his certificate (a citizen step v2 makes proactive).
      await waitFor('the first projection', async () => {
        const t = await anna.get<Timeline>(`/api/journeys/${safe}`);
        return t.status === 200 && t.body.steps.find((s) => s.id === 'business-account')?.status !== 'pending'
          ? t
          : undefined;
      });
      await driveUntil(bert, unsafe, 'health-insurance-status');
      await waitFor('the read model of the held step', async () => {
        const rows: { status: string }[] = await stack.db.dataSource.query(
          `SELECT status FROM journey_steps WHERE journey_id = $1 AND step_id = 'health-insurance-status'`,
          [unsafe],
        );
        return OPEN.includes(rows[0]?.status ?? '') || undefined;
      });

      const dryRun = await passage('migrate', 'start-business', '--from', '1', '--to', '2', '--dry-run');
      expect(dryRun.stderr).toBe('');
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toContain(`${safe}  can move: adds starter-welcome`);
      expect(dryRun.stdout).toMatch(
        new RegExp(
          `${unsafe}  cannot move: step health-insurance-status is [a-z-]+ and version 2 hands it to another agency, service or mode`,
        ),
      );
      expect(dryRun.stdout).toContain('dry run: nothing moved');
      expect(await stack.db.dataSource.query(`SELECT * FROM audit_log`)).toEqual([]);

      const unconfirmed = await passage('migrate', 'start-business', '--from', '1', '--to', '2');
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr.trim()).toBe(
        'confirm with --yes (every journey that can move) or --journeys <id,id>: there is no terminal to ask',
      );

      const moved = await passage(
        'migrate',
        'start-business',
        '--from',
        '1',
        '--to',
        '2',
        '--yes',
        '--actor',
        'els.owner',
      );
      expect(moved.stderr).toBe('');
      expect(moved.code).toBe(0);
      expect(moved.stdout).toContain(`${safe}  migrated v1 → v2`);
      expect(moved.stdout).toMatch(
        new RegExp(`${unsafe}  refused: step health-insurance-status is [a-z-]+ and version 2 hands it`),
      );
      expect(moved.stdout).toContain('1 migrated, 1 refused, 0 skipped');

      const state = await stack.temporal.client.workflow.getHandle(safe).query(journeyStateQuery);
      expect(state.lifeEvent.version).toBe(2);
      expect(state.steps.map((s) => s.id)).toContain('starter-welcome');
      expect((await stack.temporal.client.workflow.getHandle(unsafe).query(journeyStateQuery)).lifeEvent.version).toBe(
        1,
      );

      const audit: {
        actor: string;
        action: string;
        journey_id: string;
        detail: { from: number; to: number; reason?: string; added?: string[] };
      }[] = await stack.db.dataSource.query(`SELECT actor, action, journey_id, detail FROM audit_log ORDER BY id`);
      expect(audit).toEqual(
        expect.arrayContaining([
          {
            actor: 'els.owner',
            action: 'journey-migrated',
            journey_id: safe,
            detail: { from: 1, to: 2, added: ['starter-welcome'], retired: [] },
          },
          {
            actor: 'els.owner',
            action: 'journey-migration-refused',
            journey_id: unsafe,
            detail: expect.objectContaining({
              from: 1,
              to: 2,
              reason: expect.stringContaining('health-insurance-status'),
            }),
          },
        ]),
      );
      expect(audit).toHaveLength(2);
      await expect(stack.db.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(
        'audit log entries are immutable',
      );

      // The new step runs once the journey gets there.
      const final = await driveOverHttp(stack, anna, safe);
      expect(final.status).toBe('completed');
      const after = await stack.temporal.client.workflow.getHandle(safe).query(journeyStateQuery);
      expect(after.steps.find((s) => s.id === 'starter-welcome')?.status).toBe('completed');

      // Listed by hand: a journey that is not on version 1 any more is not found, and that is a failure.
      const listed = await passage(
        'migrate',
        'start-business',
        '--from',
        '1',
        '--to',
        '2',
        '--journeys',
        `${safe},${unsafe}`,
        '--actor',
        'els.owner',
      );
      expect(listed.code).toBe(1);
      expect(listed.stdout).toContain(`${safe}  not found among the running journeys on version 1`);
      expect(listed.stdout).toContain(`${unsafe}  refused:`);
    });
  });

  describe('journeys started by authentic sources', () => {
    it('starts the birth journey when DABS reports a birth (opt-out), once, and reuses the data given', async () => {
      const source = await stack.as(dabs);
      const event = {
        event: 'birth-registered',
        subject: 'mother-els',
        occurredAt: '2026-03-02T08:15:00Z',
        data: { 'child.born': true, 'child.birthDate': '2026-03-01' },
      };
      const first = await source.post<{ started: { journeyId: string }[] }>('/api/events', event);
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({
        event: 'birth-registered',
        started: [{ lifeEvent: 'birth', version: 1, created: true }],
        proposed: [],
      });
      const journeyId = first.body.started[0]?.journeyId;
      // The same event again, the same instant written differently: nothing more starts.
      const again = await source.post('/api/events', { ...event, occurredAt: '2026-03-02T09:15:00.000+01:00' });
      expect(again.status).toBe(202);
      expect(again.body).toEqual({
        event: 'birth-registered',
        started: [{ lifeEvent: 'birth', version: 1, journeyId, created: false }],
        proposed: [],
      });

      const els = await stack.as(citizenNamed('mother-els'));
      const journeys =
        await els.get<{ id: string; lifeEvent: { id: string }; proactive: boolean; channel: string }[]>(
          '/api/journeys',
        );
      expect(journeys.body).toEqual([
        expect.objectContaining({
          id: journeyId,
          lifeEvent: expect.objectContaining({ id: 'birth' }),
          proactive: true,
          channel: 'automatic',
        }),
      ]);
      const state = await stack.temporal.client.workflow.getHandle(journeyId ?? '').query(journeyStateQuery);
      expect(state.proactive).toBe(true);
      expect(state.provenance['child.birthDate']).toEqual({ kind: 'authentic-source', source: 'dabs' });
      expect(state.provenance['child.born']).toEqual({ kind: 'authentic-source', source: 'dabs' });
      const log = await els.get<{ item: string; purpose: string }[]>(`/api/journeys/${journeyId}/access-log`);
      expect(log.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ item: 'child.birthDate', purpose: 'reused at the proactive start of birth' }),
        ]),
      );
      // The subject is told (the projection writes the notification of a proactive start).
      await waitFor('the notification of the start', async () => {
        const rows: { kind: string }[] = await stack.db.dataSource.query(
          `SELECT kind FROM notifications WHERE journey_id = $1`,
          [journeyId],
        );
        return rows.some((row) => row.kind === 'journey-started') || undefined;
      });
    });

    it('proposes the death-of-relative journey (opt-in); the subject accepts and it starts with the event data', async () => {
      const source = await stack.as(dabs);
      const event = {
        event: 'death-registered',
        subject: 'son-tom',
        occurredAt: '2026-02-10T10:00:00Z',
        data: { 'death.declared': true, 'deceased.deathDate': '2026-02-09' },
      };
      const posted = await source.post<{ proposed: { proposalId: string }[] }>('/api/events', event);
      expect(posted.status).toBe(202);
      expect(posted.body).toMatchObject({
        event: 'death-registered',
        started: [],
        proposed: [{ lifeEvent: 'death-of-relative', version: 1, created: true }],
      });
      const proposalId = posted.body.proposed[0]?.proposalId;
      expect((await source.post('/api/events', event)).body).toMatchObject({
        proposed: [{ proposalId, created: false }],
      });

      const rows: { items: Record<string, string>; data_ciphertext: Buffer; status: string }[] =
        await stack.db.dataSource.query(`SELECT items, data_ciphertext, status FROM journey_proposals`);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.items).toEqual({ 'death.declared': 'dabs', 'deceased.deathDate': 'dabs' });
      expect(rows[0]?.data_ciphertext.toString('latin1')).not.toContain('2026-02-09');
      const notified = await stack.db.dataSource.query(
        `SELECT kind, journey_id FROM notifications WHERE subject = 'son-tom'`,
      );
      expect(notified).toEqual([{ kind: 'journey-proposed', journey_id: null }]);

      const tom = await stack.as(citizenNamed('son-tom'));
      const proposals = await tom.get<{ id: string; status: string }[]>('/api/proposals?lang=en');
      expect(proposals.body).toEqual([
        expect.objectContaining({
          id: proposalId,
          status: 'proposed',
          event: 'death-registered',
          lifeEvent: expect.objectContaining({ id: 'death-of-relative', version: 1 }),
        }),
      ]);
      expect((await (await stack.as(citizen)).get('/api/proposals')).body).toEqual([]);
      expect((await (await stack.as(citizen)).post(`/api/proposals/${proposalId}/accept`)).status).toBe(404);

      const accepted = await tom.post<{ status: string; journey: { id: string } }>(
        `/api/proposals/${proposalId}/accept`,
      );
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        id: proposalId,
        status: 'accepted',
        journey: { lifeEvent: 'death-of-relative', version: 1 },
      });
      const journeyId = accepted.body.journey.id;
      expect((await tom.post(`/api/proposals/${proposalId}/accept`)).body).toEqual(accepted.body);
      expect((await tom.post<{ code: string }>(`/api/proposals/${proposalId}/decline`)).body.code).toBe(
        'already-answered',
      );

      const journeys = await tom.get<{ id: string; proactive: boolean; channel: string }[]>('/api/journeys');
      expect(journeys.body).toEqual([expect.objectContaining({ id: journeyId, proactive: true, channel: 'online' })]);
      const state = await stack.temporal.client.workflow.getHandle(journeyId).query(journeyStateQuery);
      expect(state.provenance['deceased.deathDate']).toEqual({ kind: 'authentic-source', source: 'dabs' });
      expect(
        await stack.db.dataSource.query(`SELECT data_ciphertext FROM journey_proposals WHERE id = $1`, [proposalId]),
      ).toEqual([{ data_ciphertext: null }]);
    });

    it('lets the subject decline a proposal: nothing starts and the data are erased', async () => {
      const source = await stack.as(dabs);
      const posted = await source.post<{ proposed: { proposalId: string }[] }>('/api/events', {
        event: 'death-registered',
        subject: 'daughter-ann',
        occurredAt: '2026-02-11T07:30:00Z',
        data: { 'deceased.deathDate': '2026-02-10' },
      });
      const proposalId = posted.body.proposed[0]?.proposalId;
      const ann = await stack.as(citizenNamed('daughter-ann'));
      expect((await ann.post(`/api/proposals/${proposalId}/decline`)).body).toEqual({
        id: proposalId,
        status: 'declined',
      });
      expect((await ann.post<{ code: string }>(`/api/proposals/${proposalId}/accept`)).body.code).toBe(
        'already-answered',
      );
      expect((await ann.get('/api/journeys')).body).toEqual([]);
      expect(
        await stack.db.dataSource.query(`SELECT status, data_ciphertext FROM journey_proposals WHERE id = $1`, [
          proposalId,
        ]),
      ).toEqual([{ status: 'declined', data_ciphertext: null }]);
    });

    it('answers 404 to a citizen posting an event, and 400 with the path to a malformed one', async () => {
      const event = { event: 'birth-registered', subject: 'mother-zoe', occurredAt: '2026-03-02T08:15:00Z' };
      const byCitizen = await (await stack.as(citizen)).post<{ code: string }>('/api/events', event);
      expect({ status: byCitizen.status, code: byCitizen.body.code }).toEqual({ status: 404, code: 'not-found' });
      const byOwner = await (await stack.as(vlaio)).post('/api/events', event);
      expect(byOwner.status).toBe(404);
      // Not even a malformed body tells them the route exists.
      expect((await (await stack.as(citizen)).post('/api/events', { event: 42 })).status).toBe(404);
      const client = await stack.as(admin);
      const cases: [Record<string, unknown>, string][] = [
        [{ ...event, event: 'moon-landing' }, 'event'],
        [{ ...event, subject: 'has spaces' }, 'subject'],
        [{ ...event, occurredAt: 'yesterday' }, 'occurredAt'],
        [{ ...event, occurredAt: '2999-01-01T00:00:00Z' }, 'occurredAt'],
        [{ ...event, data: { 'child.birthDate': 'yesterday' } }, 'data.child.birthDate'],
        [{ ...event, data: { 'pet.name': 'Rex' } }, 'data.pet.name'],
        [{ event: 'birth-registered', subject: 'mother-zoe' }, 'occurredAt'],
      ];
      for (const [body, path] of cases) {
        const response = await client.post<{ path: string }>('/api/events', body);
        expect({ body, status: response.status, path: response.body.path }).toEqual({ body, status: 400, path });
      }
      expect((await (await stack.as(citizenNamed('mother-zoe'))).get('/api/journeys')).body).toEqual([]);
    });
  });
});
