// Object-level authorisation over HTTP (DESIGN §6, §9): whoever may not see a journey, a task or a mandate gets
// 404 — never 403, never 200 — on every route, with a body that cannot be told apart from the answer for an id
// that does not exist. Positive controls show that the same requests succeed for those who may make them.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@passage/auth';
import { soleTraderIntake, waitFor } from '@passage/testing';
import type { DataValue } from '@passage/journey-model';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient, ProbeResult } from './support/http-client';
import { sampleFor } from './support/http-journey-driver';
import { atCounter } from './support/presence';

const LIFE_EVENT = 'start-business';
const DAY = 86_400_000;

const alice: Principal = { sub: 'alice', roles: ['citizen'] };
const bob: Principal = { sub: 'bob', roles: ['citizen'] };
const accountant: Principal = { sub: 'accountant-valid', roles: ['intermediary'] };
const clerk: Principal = { sub: 'clerk-gent-7', roles: ['counter'], agency: 'gemeente' };
const loketStaff: Principal = { sub: 'officer-loket', roles: ['agency'], agency: 'ondernemingsloket' };
const gemeenteStaff: Principal = { sub: 'officer-gemeente', roles: ['agency'], agency: 'gemeente' };
/** A clerk's presence proofs for alice and for bob (ADR 0010), obtained once the stack runs. */
const presentAlice: Record<string, string> = {};
const presentBob: Record<string, string> = {};

/** Everyone who must not see alice's journeys, with the headers they send. */
const STRANGERS: readonly {
  readonly who: string;
  readonly principal: Principal;
  readonly headers?: Record<string, string>;
}[] = [
  { who: 'another citizen (bob)', principal: bob },
  { who: 'bob as citizen and intermediary', principal: { sub: bob.sub, roles: ['citizen', 'intermediary'] } },
  { who: 'an intermediary without a mandate', principal: { sub: 'notary-without-mandate', roles: ['intermediary'] } },
  { who: 'an intermediary whose mandate expired', principal: { sub: 'accountant-expired', roles: ['intermediary'] } },
  {
    who: 'an intermediary whose mandate is not valid yet',
    principal: { sub: 'accountant-future', roles: ['intermediary'] },
  },
  {
    who: 'an intermediary with a mandate for another life event',
    principal: { sub: 'accountant-other-event', roles: ['intermediary'] },
  },
  {
    who: 'an intermediary whose mandate was revoked',
    principal: { sub: 'accountant-revoked', roles: ['intermediary'] },
  },
  {
    who: 'an intermediary with a mandate of another subject',
    principal: { sub: 'accountant-of-bob', roles: ['intermediary'] },
  },
  { who: 'a citizen-role token of the valid intermediary', principal: { sub: accountant.sub, roles: ['citizen'] } },
  { who: 'an agency user of the agency handling the step', principal: loketStaff },
  { who: 'an agency user of another agency', principal: gemeenteStaff },
  { who: 'a counter clerk without the presence headers', principal: clerk },
  { who: 'a counter clerk with another subject present', principal: clerk, headers: presentBob },
  { who: 'a process owner', principal: { sub: 'owner-vlaio', roles: ['owner'], owner: 'vlaio' } },
  { who: 'an admin', principal: { sub: 'admin-1', roles: ['admin'] } },
];

interface JourneyRoute {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: (id: string) => string;
  readonly body?: () => unknown;
}

interface Asked {
  item: string;
  type: string;
  values?: string[];
}

function send(client: HttpClient, method: string, path: string, body?: unknown): Promise<ProbeResult> {
  return client.probe(
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
    body === undefined ? {} : { 'content-type': 'application/json' },
  );
}

function expectNotFound(result: ProbeResult, context: string): void {
  // The context is part of the expectation so that a failure names the caller, route and target.
  expect({ context, status: result.status, contentType: result.headers.get('content-type') }).toEqual({
    context,
    status: 404,
    contentType: 'application/json; charset=utf-8',
  });
  expect({ context, body: result.body }).toEqual({ context, body: { code: 'not-found', message: expect.any(String) } });
}

describe('object-level authorisation: what a caller may not see answers 404 on every route', () => {
  let stack: E2eStack;
  let asAlice: HttpClient;
  /** Alice's journeys: something asked of her, an open kbo task (ondernemingsloket), an open gemeente task, one to withdraw. */
  const j = { asked: '', kboTask: '', gemeenteTask: '', toWithdraw: '', byAccountant: '', bobs: '' };
  const tasks = { kbo: '', gemeente: '' };
  const mandates = { valid: '', otherEvent: '', revoked: '', future: '', expired: '', bobs: '' };
  let answers: Record<string, DataValue>;

  const ROUTES: readonly JourneyRoute[] = [
    { name: 'GET /api/journeys/:id', method: 'GET', path: (id) => `/api/journeys/${id}` },
    {
      name: 'POST /api/journeys/:id/inputs',
      method: 'POST',
      path: (id) => `/api/journeys/${id}/inputs`,
      body: () => ({ items: answers }),
    },
    {
      name: 'POST /api/journeys/:id/withdraw',
      method: 'POST',
      path: (id) => `/api/journeys/${id}/withdraw`,
      body: () => ({ reason: 'probe' }),
    },
    {
      name: 'POST /api/journeys/:id/resubmissions',
      method: 'POST',
      path: (id) => `/api/journeys/${id}/resubmissions`,
      body: () => ({ stepId: 'kbo-registration' }),
    },
    {
      name: 'POST /api/journeys/:id/appeals',
      method: 'POST',
      path: (id) => `/api/journeys/${id}/appeals`,
      body: () => ({ stepId: 'kbo-registration' }),
    },
    { name: 'GET /api/journeys/:id/access-log', method: 'GET', path: (id) => `/api/journeys/${id}/access-log` },
    { name: 'GET /api/journeys/:id/events', method: 'GET', path: (id) => `/api/journeys/${id}/events` },
  ];

  async function start(client: HttpClient, body: Record<string, unknown>): Promise<string> {
    const started = await client.post<{ id: string }>('/api/journeys', body);
    if (started.status !== 201) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
    return started.body.id;
  }

  async function askedOf(client: HttpClient, journeyId: string): Promise<Asked[]> {
    return waitFor(`something asked in ${journeyId}`, async () => {
      const timeline = await client.get<{ asked: Asked[] }>(`/api/journeys/${journeyId}`);
      return timeline.status === 200 && timeline.body.asked.length > 0 ? timeline.body.asked : undefined;
    });
  }

  async function openTask(journeyId: string, stepId: string): Promise<string> {
    return waitFor(`task ${stepId} of ${journeyId}`, async () => {
      const rows: { id: string }[] = await stack.db.dataSource.query(
        `SELECT id FROM agency_tasks WHERE journey_id = $1 AND step_id = $2 AND status = 'open'`,
        [journeyId, stepId],
      );
      return rows[0]?.id;
    });
  }

  async function grant(as: Principal, intermediary: string, lifeEvents: string[], validFrom?: Date): Promise<string> {
    const client = await stack.as(as);
    const granted = await client.post<{ id: string }>('/api/mandates', {
      intermediary,
      lifeEvents,
      ...(validFrom ? { validFrom: validFrom.toISOString() } : {}),
      validUntil: new Date((validFrom?.getTime() ?? Date.now()) + 30 * DAY).toISOString(),
    });
    if (granted.status !== 201) throw new Error(`mandate answered ${granted.status}: ${JSON.stringify(granted.body)}`);
    return granted.body.id;
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    asAlice = await stack.as(alice);
    Object.assign(presentAlice, await atCounter(stack, clerk, alice.sub));
    Object.assign(presentBob, await atCounter(stack, clerk, bob.sub));

    mandates.valid = await grant(alice, accountant.sub, [LIFE_EVENT]);
    mandates.otherEvent = await grant(alice, 'accountant-other-event', ['move-house']);
    mandates.revoked = await grant(alice, 'accountant-revoked', [LIFE_EVENT]);
    mandates.future = await grant(alice, 'accountant-future', [LIFE_EVENT], new Date(Date.now() + DAY));
    mandates.bobs = await grant(bob, 'accountant-of-bob', [LIFE_EVENT]);
    mandates.expired = randomUUID();
    await stack.db.dataSource.query(
      `INSERT INTO mandates (id, subject, intermediary, life_events, valid_from, valid_until) VALUES ($1, $2, $3, $4, now() - interval '60 days', now() - interval '1 day')`,
      [mandates.expired, alice.sub, 'accountant-expired', [LIFE_EVENT]],
    );
    // The revocation itself is a positive control: the subject who gave it can revoke it.
    expect((await asAlice.delete(`/api/mandates/${mandates.revoked}`)).status).toBe(204);

    // Every journey starts before anything is answered, so that what is asked is asked in each.
    const asAccountant = await stack.as(accountant);
    j.asked = await start(asAlice, { lifeEvent: LIFE_EVENT, intake: soleTraderIntake() });
    j.kboTask = await start(asAlice, { lifeEvent: LIFE_EVENT, intake: soleTraderIntake() });
    j.gemeenteTask = await start(asAlice, {
      lifeEvent: LIFE_EVENT,
      intake: soleTraderIntake({ 'business.vlaremClass': 'class-3' }),
    });
    j.toWithdraw = await start(asAlice, { lifeEvent: LIFE_EVENT, intake: soleTraderIntake() });
    j.byAccountant = await start(asAccountant, {
      lifeEvent: LIFE_EVENT,
      subject: alice.sub,
      intake: soleTraderIntake(),
    });
    j.bobs = await start(await stack.as(bob), { lifeEvent: LIFE_EVENT, intake: soleTraderIntake() });

    const asked = await askedOf(asAlice, j.asked);
    answers = Object.fromEntries(asked.map((a) => [a.item, sampleFor(a)]));
    const kboAsked = await askedOf(asAlice, j.kboTask);
    const answered = await asAlice.post(`/api/journeys/${j.kboTask}/inputs`, {
      items: Object.fromEntries(kboAsked.map((a) => [a.item, sampleFor(a)])),
    });
    expect(answered.status).toBe(200);
    tasks.kbo = await openTask(j.kboTask, 'kbo-registration');
    tasks.gemeente = await openTask(j.gemeenteTask, 'environmental-notification');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe.each(STRANGERS)('$who', ({ principal, headers }) => {
    it("gets 404 on every journey route for each of alice's journeys, identical to a journey that does not exist", async () => {
      const client = await stack.as(principal, headers);
      const targets = {
        asked: j.asked,
        'open kbo task': j.kboTask,
        'open gemeente task': j.gemeenteTask,
        'started by her accountant': j.byAccountant,
      };
      for (const route of ROUTES) {
        const missing = await send(
          client,
          route.method,
          route.path(`journey-${LIFE_EVENT}-${randomUUID()}`),
          route.body?.(),
        );
        expectNotFound(missing, `${route.name} for a journey that does not exist`);
        for (const [target, id] of Object.entries(targets)) {
          const result = await send(client, route.method, route.path(id), route.body?.());
          expectNotFound(result, `${route.name} on alice's journey (${target})`);
          expect({ route: route.name, target, text: result.text }).toEqual({
            route: route.name,
            target,
            text: missing.text,
          });
        }
      }
    });

    it('cannot start a journey for alice', async () => {
      const client = await stack.as(principal, headers);
      const before: { n: number }[] = await stack.db.dataSource.query(
        `SELECT count(*)::int AS n FROM journeys WHERE subject = $1`,
        [alice.sub],
      );
      const started = await send(client, 'POST', '/api/journeys', {
        lifeEvent: LIFE_EVENT,
        subject: alice.sub,
        intake: soleTraderIntake(),
      });
      // A clerk with bob present is told that the subject must be the one present (400, with its path); everyone else: 404.
      if (headers === presentBob)
        expect({ status: started.status, body: started.body }).toMatchObject({
          status: 400,
          body: { code: 'invalid-request', path: 'subject' },
        });
      else expectNotFound(started, 'start a journey for alice');
      const after: { n: number }[] = await stack.db.dataSource.query(
        `SELECT count(*)::int AS n FROM journeys WHERE subject = $1`,
        [alice.sub],
      );
      expect(after).toEqual(before);
    });

    it("finds none of alice's journeys in GET /api/journeys", async () => {
      const client = await stack.as(principal, headers);
      const listed = await client.get<{ id: string }[]>('/api/journeys');
      expect(listed.status).toBe(200);
      const aliceIds = [j.asked, j.kboTask, j.gemeenteTask, j.toWithdraw, j.byAccountant];
      expect(listed.body.map((journey) => journey.id).filter((id) => aliceIds.includes(id))).toEqual([]);
    });

    it("gets 404 on both agencies' tasks unless it is their own agency", async () => {
      const client = await stack.as(principal, headers);
      for (const [agency, taskId] of Object.entries(tasks)) {
        if (
          principal.roles.includes('agency') &&
          ((agency === 'kbo' && principal.agency === 'ondernemingsloket') ||
            (agency === 'gemeente' && principal.agency === 'gemeente'))
        )
          continue;
        expectNotFound(await send(client, 'GET', `/api/agency/tasks/${taskId}`), `GET task of ${agency}`);
        expectNotFound(await send(client, 'POST', `/api/agency/tasks/${taskId}/claim`), `claim task of ${agency}`);
        expectNotFound(
          await send(client, 'POST', `/api/agency/tasks/${taskId}/request-info`, { items: ['person.address'] }),
          `request-info on task of ${agency}`,
        );
        expectNotFound(
          await send(client, 'POST', `/api/agency/tasks/${taskId}/decision`, { outcome: 'rejected', reason: 'probe' }),
          `decision on task of ${agency}`,
        );
      }
    });
  });

  describe('ids cannot be probed', () => {
    it("answers byte-identical bodies, status and headers for a missing journey, a journey of another life event and alice's journey", async () => {
      const asBob = await stack.as(bob);
      for (const route of ROUTES) {
        const results = [
          await send(asBob, route.method, route.path(`journey-${LIFE_EVENT}-${randomUUID()}`), route.body?.()),
          await send(asBob, route.method, route.path(`journey-move-house-${randomUUID()}`), route.body?.()),
          await send(asBob, route.method, route.path(j.kboTask), route.body?.()),
        ];
        const shape = (r: ProbeResult) => ({
          route: route.name,
          status: r.status,
          text: r.text,
          contentType: r.headers.get('content-type'),
          contentLength: r.headers.get('content-length'),
          etag: r.headers.get('etag'),
        });
        expect(shape(results[0])).toMatchObject({ status: 404 });
        expect(results.map(shape)).toEqual([shape(results[0]), shape(results[0]), shape(results[0])]);
      }
    });

    it("answers the same for a missing task and another agency's task, on every task route", async () => {
      const asGemeente = await stack.as(gemeenteStaff);
      const routes: [string, string, unknown][] = [
        ['GET', '', undefined],
        ['POST', '/claim', undefined],
        ['POST', '/decision', { outcome: 'rejected', reason: 'probe' }],
        ['POST', '/request-info', { items: ['person.address'] }],
      ];
      for (const [method, suffix, body] of routes) {
        const missing = await send(asGemeente, method, `/api/agency/tasks/${randomUUID()}${suffix}`, body);
        const other = await send(asGemeente, method, `/api/agency/tasks/${tasks.kbo}${suffix}`, body);
        expect({ suffix, status: missing.status, text: missing.text }).toEqual({
          suffix,
          status: 404,
          text: other.text,
        });
        expect(other.status).toBe(404);
      }
    });

    it("answers the same for revoking a missing mandate and alice's mandate", async () => {
      const asBob = await stack.as(bob);
      const missing = await send(asBob, 'DELETE', `/api/mandates/${randomUUID()}`);
      const alices = await send(asBob, 'DELETE', `/api/mandates/${mandates.valid}`);
      expectNotFound(alices, "bob revokes alice's mandate");
      expect({ status: missing.status, text: missing.text }).toEqual({ status: alices.status, text: alices.text });
    });
  });

  describe("agency staff see only their agency's tasks", () => {
    it("lists only their own agency's tasks in the inbox", async () => {
      for (const [staff, own, foreign] of [
        [gemeenteStaff, tasks.gemeente, tasks.kbo],
        [loketStaff, tasks.kbo, tasks.gemeente],
      ] as const) {
        const inbox = await (
          await stack.as(staff)
        ).get<{ items: { id: string }[]; total: number }>('/api/agency/tasks?pageSize=100');
        expect(inbox.status).toBe(200);
        const ids = inbox.body.items.map((t) => t.id);
        expect(ids).toContain(own);
        expect(ids).not.toContain(foreign);
        const agencies: { agency: string }[] = await stack.db.dataSource.query(
          `SELECT DISTINCT agency FROM agency_tasks WHERE id = ANY($1)`,
          [ids],
        );
        expect(agencies.map((a) => a.agency)).toEqual([staff.agency]);
        for (const status of ['open', 'awaiting-subject', 'decided', 'cancelled']) {
          const filtered = await (
            await stack.as(staff)
          ).get<{ items: { id: string }[] }>(`/api/agency/tasks?status=${status}&lifeEvent=${LIFE_EVENT}`);
          expect(filtered.body.items.map((t) => t.id)).not.toContain(foreign);
        }
      }
    });

    it("lets the staff of the task's own agency open, claim, ask and decide it (positive control)", async () => {
      const asLoket = await stack.as(loketStaff);
      const detail = await asLoket.get<{ id: string; produces: Asked[] }>(`/api/agency/tasks/${tasks.kbo}`);
      expect(detail.status).toBe(200);
      expect((await asLoket.post(`/api/agency/tasks/${tasks.kbo}/claim`)).status).toBe(200);

      // A colleague neither claims nor releases a held task by accident; taking it over is explicit and recorded.
      const asColleague = await stack.as({ ...loketStaff, sub: 'officer-loket-2' });
      const snatched = await asColleague.post<{ code: string }>(`/api/agency/tasks/${tasks.kbo}/claim`);
      expect([snatched.status, snatched.body.code]).toEqual([409, 'task-claimed']);
      const released = await asColleague.post<{ code: string }>(`/api/agency/tasks/${tasks.kbo}/release`);
      expect([released.status, released.body.code]).toEqual([409, 'task-claimed']);
      const taken = await asColleague.post<{ assignee: string }>(`/api/agency/tasks/${tasks.kbo}/claim`, {
        takeOver: true,
      });
      expect([taken.status, taken.body.assignee]).toEqual([200, 'officer-loket-2']);
      expect(
        await stack.db.dataSource.query(`SELECT actor, detail->>'from' AS "from" FROM audit_log WHERE action = $1`, [
          'task-taken-over',
        ]),
      ).toEqual([{ actor: 'officer-loket-2', from: loketStaff.sub }]);
      expect((await asColleague.post(`/api/agency/tasks/${tasks.kbo}/release`)).status).toBe(200);
      expect((await asLoket.post(`/api/agency/tasks/${tasks.kbo}/claim`)).status).toBe(200);
      const outputs = Object.fromEntries(detail.body.produces.map((p) => [p.item, sampleFor(p)]));
      expect(
        (await asLoket.post(`/api/agency/tasks/${tasks.kbo}/decision`, { outcome: 'approved', outputs })).status,
      ).toBe(200);

      const asGemeente = await stack.as(gemeenteStaff);
      expect((await asGemeente.get(`/api/agency/tasks/${tasks.gemeente}`)).status).toBe(200);
      expect((await asGemeente.post(`/api/agency/tasks/${tasks.gemeente}/claim`)).status).toBe(200);
      expect(
        (await asGemeente.post(`/api/agency/tasks/${tasks.gemeente}/request-info`, { items: ['person.address'] }))
          .status,
      ).toBe(200);
    });
  });

  describe('mandates', () => {
    it('cannot be revoked by another citizen nor by the intermediary', async () => {
      for (const [who, principal] of [
        ['bob', bob],
        ['the intermediary', accountant],
        [
          'the intermediary with a citizen role too',
          { sub: accountant.sub, roles: ['citizen', 'intermediary'] } as Principal,
        ],
        ['a counter clerk with alice present', clerk],
        ['an admin', { sub: 'admin-1', roles: ['admin'] } as Principal],
      ] as const) {
        const client = await stack.as(principal, who.includes('counter') ? presentAlice : {});
        expectNotFound(
          await send(client, 'DELETE', `/api/mandates/${mandates.valid}`),
          `${who} revokes alice's mandate`,
        );
      }
      const [row]: { revoked_at: Date | null }[] = await stack.db.dataSource.query(
        `SELECT revoked_at FROM mandates WHERE id = $1`,
        [mandates.valid],
      );
      expect(row?.revoked_at).toBeNull();
      // A revoked mandate cannot be revoked again, not even by the subject.
      expectNotFound(
        await send(asAlice, 'DELETE', `/api/mandates/${mandates.revoked}`),
        'alice revokes a revoked mandate',
      );
    });

    it('are listed only to the subject who gave them and the intermediary who received them', async () => {
      const ids = (list: { given: { id: string }[]; received: { id: string }[] }) =>
        [...list.given, ...list.received].map((m) => m.id);
      const ofBob = await (
        await stack.as({ sub: bob.sub, roles: ['citizen', 'intermediary'] })
      ).get<{ given: { id: string }[]; received: { id: string }[] }>('/api/mandates');
      expect(ids(ofBob.body)).toEqual([mandates.bobs]);
      const ofAccountant = await (
        await stack.as(accountant)
      ).get<{ given: { id: string }[]; received: { id: string }[] }>('/api/mandates');
      expect(ids(ofAccountant.body)).toEqual([mandates.valid]);
      const ofAlice = await asAlice.get<{ given: { id: string }[]; received: { id: string }[] }>('/api/mandates');
      expect(ids(ofAlice.body).sort()).toEqual(
        [mandates.valid, mandates.otherEvent, mandates.revoked, mandates.future, mandates.expired].sort(),
      );
    });
  });

  describe('positive controls: the same requests succeed for those who may make them', () => {
    it("lists her own journeys to alice, to her intermediary and to a clerk with her present, and bob's to bob", async () => {
      const aliceIds = [j.asked, j.kboTask, j.gemeenteTask, j.toWithdraw, j.byAccountant].sort();
      for (const client of [asAlice, await stack.as(accountant), await stack.as(clerk, presentAlice)]) {
        const listed = await client.get<{ id: string }[]>('/api/journeys');
        expect(listed.status).toBe(200);
        expect(listed.body.map((journey) => journey.id).sort()).toEqual(aliceIds);
      }
      const ofBob = await (await stack.as(bob)).get<{ id: string }[]>('/api/journeys');
      expect(ofBob.body.map((journey) => journey.id)).toEqual([j.bobs]);
      const viaClerk = await (await stack.as(clerk, presentBob)).get<{ id: string }[]>('/api/journeys');
      expect(viaClerk.body.map((journey) => journey.id)).toEqual([j.bobs]);
    });

    it('lets alice and her intermediary read the timeline, the access log and the events', async () => {
      for (const client of [asAlice, await stack.as(accountant)]) {
        for (const id of [j.asked, j.kboTask, j.gemeenteTask, j.byAccountant]) {
          expect((await send(client, 'GET', `/api/journeys/${id}`)).status).toBe(200);
          const log = await send(client, 'GET', `/api/journeys/${id}/access-log`);
          expect(log.status).toBe(200);
          expect(Array.isArray(log.body)).toBe(true);
          const events = await send(client, 'GET', `/api/journeys/${id}/events`);
          expect(events.status).toBe(200);
          expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
          expect(events.text).toContain('retry:');
        }
      }
    });

    it('lets a counter clerk with alice present read her timeline, but not her access log nor her events', async () => {
      const client = await stack.as(clerk, presentAlice);
      expect((await send(client, 'GET', `/api/journeys/${j.asked}`)).status).toBe(200);
      expectNotFound(await send(client, 'GET', `/api/journeys/${j.asked}/access-log`), 'access log by a clerk');
      expectNotFound(await send(client, 'GET', `/api/journeys/${j.asked}/events`), 'events by a clerk');
    });

    it('lets alice answer and withdraw, and her intermediary too', async () => {
      expect((await send(asAlice, 'POST', `/api/journeys/${j.asked}/inputs`, { items: answers })).status).toBe(200);
      expect((await send(asAlice, 'POST', `/api/journeys/${j.toWithdraw}/withdraw`, { reason: 'probe' })).status).toBe(
        200,
      );
      const asAccountant = await stack.as(accountant);
      const asked = await askedOf(asAccountant, j.byAccountant);
      const items = Object.fromEntries(asked.map((a) => [a.item, sampleFor(a)]));
      expect((await send(asAccountant, 'POST', `/api/journeys/${j.byAccountant}/inputs`, { items })).status).toBe(200);
      expect(
        (await send(asAccountant, 'POST', `/api/journeys/${j.byAccountant}/withdraw`, { reason: 'probe' })).status,
      ).toBe(200);
    });

    it('still hides a withdrawn journey from strangers', async () => {
      await waitFor('the withdrawal in the read model', async () => {
        const rows: { status: string }[] = await stack.db.dataSource.query(
          `SELECT status FROM journeys WHERE id = $1`,
          [j.toWithdraw],
        );
        return rows[0]?.status === 'withdrawn' ? true : undefined;
      });
      for (const { principal, headers } of STRANGERS) {
        const client = await stack.as(principal, headers);
        for (const route of ROUTES)
          expectNotFound(
            await send(client, route.method, route.path(j.toWithdraw), route.body?.()),
            `${route.name} on a withdrawn journey`,
          );
      }
    });
  });
});
