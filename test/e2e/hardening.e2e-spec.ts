// The security findings of issue 11 that need the whole stack: each block failed before its fix.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import type { Principal } from '@passage/auth';
import { soleTraderIntake, waitFor } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { HttpClient, type ProbeResult } from './support/http-client';
import { atCounter, counterSignIn, onThePhone } from './support/presence';

const alice: Principal = { sub: 'alice', roles: ['citizen'] };
const loket: Principal = { sub: 'officer-loket', roles: ['agency'], agency: 'ondernemingsloket' };
const owner: Principal = { sub: 'owner-vlaio', roles: ['owner'], owner: 'vlaio' };
const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
const clerk: Principal = { sub: 'clerk-gent-7', roles: ['counter'], agency: 'gemeente' };
const otherClerk: Principal = { sub: 'clerk-leuven-2', roles: ['counter'], agency: 'gemeente' };
const bob: Principal = { sub: 'bob', roles: ['citizen'] };
const METRICS_TOKEN = 'metrics-scraper-token-of-this-test';

/** A small deterministic generator, so that a failing fuzz case can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A real calendar day from 2000 to 2100, decided without the API's code: the oracle of the date fuzz. */
function isAcceptedDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 2000 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const HOSTILE_NUMBERS = [
  '',
  '0',
  '-1',
  '1.5',
  '1e3',
  '1e309',
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  '9'.repeat(400),
  '%00',
  '1%00',
  '%20',
  'null',
  'true',
  '[]',
  '{}',
  encodeURIComponent("' OR 1=1 --"),
  '٣',
  '１',
  '+1',
  '2000',
  '2100',
  '1999',
  '2101',
  '9999',
  '99999',
  '0000',
  '2026.0',
  // Encoded: fetch would trim a bare leading or trailing space off the address.
  '2026%20',
  '%202026',
  '2026%09',
];

function dateCandidates(count: number, random: () => number): string[] {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const generated = Array.from({ length: count }, () => {
    const year = [1999, 2000, 2026, 2100, 2101, 9999, 0, 10_000][Math.floor(random() * 8)] ?? 2026;
    const month = Math.floor(random() * 15);
    const day = Math.floor(random() * 34);
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  });
  return [
    ...generated,
    '9999-12-31',
    '0000-01-01',
    '1999-12-31',
    '2000-01-01',
    '2100-12-31',
    '2101-01-01',
    '2024-02-29',
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '+2026-01-01',
    '2026-1-1',
    '20260101',
    '2026-01-01T00:00:00Z',
    '2026-01-01%00',
    '',
    'today',
    '-002026-01-01',
    '275760-09-13',
    '٢٠٢٦-٠١-٠١',
  ];
}

describe('hardening (issue 11)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack({
      env: {
        // Low enough to reach in a test, high enough for the other cases of this file (limits run last).
        PASSAGE_LIMIT_AUTH_FAILURES_PER_MINUTE: '50',
        PASSAGE_LIMIT_WRITES_PER_MINUTE: '100',
        PASSAGE_METRICS_TOKEN: METRICS_TOKEN,
      },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('ids and dates (finding 4)', () => {
    /** Two answers that a caller cannot tell apart. */
    const alike = (a: ProbeResult, b: ProbeResult) => ({
      status: a.status,
      text: a.text,
      to: { status: b.status, text: b.text },
    });

    it('answers an id of the wrong shape (a bare UUID…) exactly like an id the caller may not see: 404', async () => {
      const uuid = randomUUID();
      const routes: [Principal, string, string, string][] = [
        [alice, 'GET', `/api/journeys/${uuid}`, `/api/journeys/journey-start-business-${uuid}`],
        [alice, 'GET', `/api/journeys/${uuid}/access-log`, `/api/journeys/journey-start-business-${uuid}/access-log`],
        [alice, 'POST', `/api/journeys/${uuid}/withdraw`, `/api/journeys/journey-start-business-${uuid}/withdraw`],
        [
          alice,
          'POST',
          `/api/journeys/${uuid}/satisfaction`,
          `/api/journeys/journey-start-business-${uuid}/satisfaction`,
        ],
        [alice, 'DELETE', `/api/mandates/not-a-uuid`, `/api/mandates/${uuid}`],
        [alice, 'DELETE', `/api/mandates/${uuid.toUpperCase()}`, `/api/mandates/${uuid}`],
        [loket, 'GET', `/api/agency/tasks/task-1`, `/api/agency/tasks/${uuid}`],
        [loket, 'POST', `/api/agency/tasks/${uuid}x/claim`, `/api/agency/tasks/${uuid}/claim`],
        [alice, 'GET', '/api/life-events/start-business/versions/abc', '/api/life-events/start-business/versions/999'],
        [alice, 'GET', '/api/life-events/start-business/versions/0', '/api/life-events/start-business/versions/999'],
        [
          owner,
          'POST',
          '/api/life-events/start-business/versions/1.5/simulate',
          '/api/life-events/start-business/versions/999/simulate',
        ],
      ];
      for (const [principal, method, odd, unknown] of routes) {
        const client = await stack.as(principal);
        // A valid body, so that the answer is about the id (bodies are checked before the journey is looked up).
        const body =
          method === 'GET' || method === 'DELETE' ? undefined : odd.endsWith('/satisfaction') ? '{"score":3}' : '{}';
        const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
        const [oddAnswer, unknownAnswer] = [
          await client.probe(method, odd, body, headers),
          await client.probe(method, unknown, body, headers),
        ];
        expect({ odd, ...alike(oddAnswer, unknownAnswer) }).toEqual({
          odd,
          status: 404,
          text: unknownAnswer.text,
          to: { status: 404, text: unknownAnswer.text },
        });
      }
    });

    it("answers 400 with the parameter's path for every date out of range or not in the calendar (fuzz), never 5xx", async () => {
      const client = await stack.as(owner);
      const random = generator(11);
      const wrong: string[] = [];
      for (const parameter of ['from', 'to'] as const) {
        for (const value of dateCandidates(120, random)) {
          // Alone, as a caller would send it (`?to=9999-12-31` answered 500); a valid day with the other bound on
          // the same day, as the period may not end before it begins nor span more than three years.
          const query = isAcceptedDate(value) ? `from=${value}&to=${value}` : `${parameter}=${value}`;
          const answer = await client.probe('GET', `/api/owners/vlaio/life-events/start-business/kpis?${query}`);
          const expected = isAcceptedDate(value) ? { status: 200 } : { status: 400, path: `query.${parameter}` };
          const got =
            answer.status === 200
              ? { status: 200 }
              : { status: answer.status, path: (answer.body as { path?: string } | undefined)?.path };
          if (JSON.stringify(got) !== JSON.stringify(expected))
            wrong.push(`?${query}: ${answer.status} ${answer.text.slice(0, 120)}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("answers 400 with the parameter's path for every malformed number (years, pages, versions, event ids)", async () => {
      const asOwner = await stack.as(owner);
      const asAdmin = await stack.as(admin);
      const asLoket = await stack.as(loket);
      const year = (v: string) => /^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100;
      const whole = (max: number) => (v: string) => {
        const n = Number(v);
        // Control characters are refused whatever they surround (one line per value).
        return v.trim() !== '' && ![...v].some((c) => c < ' ') && Number.isInteger(n) && n >= 1 && n <= max;
      };
      const version = (v: string) => /^[1-9][0-9]{0,8}$/.test(v);
      const parameters: [HttpClient, (v: string) => string, string, (v: string) => boolean][] = [
        [asOwner, (v) => `/api/owners/vlaio/life-events/start-business/budget?year=${v}`, 'query.year', year],
        [asOwner, (v) => `/api/owners/vlaio/reports/${v}`, 'year', year],
        [asLoket, (v) => `/api/agency/tasks?page=${v}`, 'query.page', whole(10_000)],
        [asLoket, (v) => `/api/agency/tasks?pageSize=${v}`, 'query.pageSize', whole(100)],
        [asAdmin, (v) => `/api/life-events/start-business/diff?from=${v}&to=1`, 'query.from', version],
        [asAdmin, (v) => `/api/life-events/start-business/diff?from=1&to=${v}`, 'query.to', version],
      ];
      const wrong: string[] = [];
      for (const [client, path, parameterPath, accepted] of parameters) {
        // An empty path segment is another route: only query parameters take the empty value.
        for (const value of HOSTILE_NUMBERS.filter((v) => v !== '' || path(v).includes('?'))) {
          const answer = await client.probe('GET', path(value));
          const decoded = (() => {
            try {
              return decodeURIComponent(value);
            } catch {
              return value;
            }
          })();
          // A version that is not published answers 404 (it may be valid in shape); everything else is 200 or 400.
          const fine = accepted(decoded)
            ? answer.status === 200 || answer.status === 404
            : answer.status === 400 && (answer.body as { path?: string }).path === parameterPath;
          if (!fine) wrong.push(`${path(value)}: ${answer.status} ${answer.text.slice(0, 120)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('counter presence, proven (finding 2)', () => {
    async function startFor(citizen: Principal): Promise<string> {
      const started = await (
        await stack.as(citizen)
      ).post<{ id: string }>('/api/journeys', { lifeEvent: 'start-business', intake: soleTraderIntake() });
      expect(started.status).toBe(201);
      return started.body.id;
    }
    const proveWith = async (by: Principal, body: unknown) =>
      (await stack.as(by)).post<{ id: string; code?: string; message?: string }>('/api/counter/presence', body);

    it("refuses the asserted headers on every counter route, and no stranger's journey is withdrawn", async () => {
      const journey = await startFor(bob);
      const asserted = await stack.as(clerk, { 'passage-subject-present': 'bob', 'passage-channel': 'phone' });
      for (const [method, path, body] of [
        ['GET', '/api/journeys', undefined],
        ['GET', `/api/journeys/${journey}`, undefined],
        ['POST', '/api/journeys', { lifeEvent: 'start-business', intake: soleTraderIntake() }],
        ['POST', `/api/journeys/${journey}/withdraw`, { reason: 'a stranger asked' }],
      ] as const) {
        const answer = await asserted.probe(
          method,
          path,
          body && JSON.stringify(body),
          body ? { 'content-type': 'application/json' } : {},
        );
        expect({ path, status: answer.status, body: answer.body }).toEqual({
          path,
          status: 400,
          body: {
            code: 'invalid-request',
            message:
              "passage-subject-present is no longer accepted: prove the citizen's presence with POST /api/counter/presence and send passage-presence: <proof id>",
            path: 'headers.passage-subject-present',
          },
        });
      }
      const rows: { status: string }[] = await stack.db.dataSource.query(`SELECT status FROM journeys WHERE id = $1`, [
        journey,
      ]);
      expect(rows).toEqual([{ status: 'active' }]);
    });

    it("proves presence at the counter with the citizen's fresh sign-in, for 30 minutes, once per sign-in", async () => {
      const idToken = await counterSignIn(stack, 'alice');
      const proof = await proveWith(clerk, { idToken });
      expect(proof.status).toBe(201);
      expect(proof.body).toMatchObject({
        subject: 'alice',
        clerk: clerk.sub,
        agency: 'gemeente',
        channel: 'counter',
        kind: 'idp-token',
      });
      const { createdAt, expiresAt } = proof.body as unknown as { createdAt: string; expiresAt: string };
      expect(Date.parse(expiresAt) - Date.parse(createdAt)).toBe(30 * 60_000);
      // The same sign-in proves nothing more, to this clerk or another.
      for (const by of [clerk, otherClerk])
        expect(await proveWith(by, { idToken })).toMatchObject({
          status: 403,
          body: { code: 'forbidden', path: 'idToken' },
        });
      const refused = async (token: string) => (await proveWith(clerk, { idToken: token })).status;
      // A token for Passage itself, for another client, an old sign-in, one of another issuer: none proves presence.
      expect(await refused(await stack.signToken({ sub: 'alice', roles: ['citizen'] }))).toBe(403);
      expect(await refused(await counterSignIn(stack, 'alice', { aud: 'another-app', azp: 'another-app' }))).toBe(403);
      const old = Math.floor(Date.now() / 1000) - 600;
      expect(await refused(await counterSignIn(stack, 'alice', { iat: old, exp: old + 3600 }))).toBe(403);
      expect(await refused(await counterSignIn(stack, 'alice', { iss: 'https://evil.example' }))).toBe(403);
      // Only staff at a counter prove presence; for anyone else the route does not exist.
      expect((await proveWith(alice, { idToken: await counterSignIn(stack, 'alice') })).status).toBe(404);
    });

    it('proves presence on the phone with a one-time code the citizen created, for 15 minutes', async () => {
      const asBob = await stack.as(bob);
      const created = await asBob.post<{ code: string; expiresAt: string }>('/api/me/presence-codes');
      expect(created.status).toBe(201);
      expect(created.body.code).toMatch(/^[0-9]{9}$/);
      const wrong = String((Number(created.body.code) + 1) % 1_000_000_000).padStart(9, '0');
      expect(await proveWith(clerk, { subject: 'bob', code: wrong })).toMatchObject({
        status: 403,
        body: { code: 'forbidden', path: 'code' },
      });
      // Bob's code does not prove alice present.
      expect((await proveWith(clerk, { subject: 'alice', code: created.body.code })).status).toBe(403);
      const proof = await proveWith(clerk, { subject: 'bob', code: created.body.code });
      expect(proof).toMatchObject({ status: 201, body: { subject: 'bob', channel: 'phone', kind: 'phone-code' } });
      const { createdAt, expiresAt } = proof.body as unknown as { createdAt: string; expiresAt: string };
      expect(Date.parse(expiresAt) - Date.parse(createdAt)).toBe(15 * 60_000);
      expect((await proveWith(otherClerk, { subject: 'bob', code: created.body.code })).status).toBe(403);
      // Only citizens create codes.
      expect((await (await stack.as(clerk)).post('/api/me/presence-codes')).status).toBe(404);
    });

    it("binds a proof to its clerk and window, lets the citizen revoke it, and logs every action in the citizen's log", async () => {
      const journey = await startFor(alice);
      const presence = await atCounter(stack, clerk, 'alice');
      const asClerk = await stack.as(clerk, presence);
      expect((await asClerk.get(`/api/journeys/${journey}`)).status).toBe(200);
      expect((await asClerk.get<{ id: string }[]>('/api/journeys')).body.map((j) => j.id)).toContain(journey);
      // Another clerk, even of the same agency, cannot use it; nor a clerk with bob's journey.
      expect((await (await stack.as(otherClerk, presence)).get(`/api/journeys/${journey}`)).body).toMatchObject({
        code: 'forbidden',
        path: 'headers.passage-presence',
      });
      const bobsJourney = await startFor(bob);
      expect((await asClerk.get(`/api/journeys/${bobsJourney}`)).status).toBe(404);
      expect((await asClerk.post(`/api/journeys/${journey}/withdraw`, { reason: 'asked at the counter' })).status).toBe(
        200,
      );

      const asAlice = await stack.as(alice);
      const log = await waitFor("the clerk's actions in alice's access log", async () => {
        const answer = await asAlice.get<{ accessor: string; counter?: unknown; purpose: string }[]>(
          `/api/journeys/${journey}/access-log`,
        );
        const byClerk = answer.body.filter((entry) => entry.counter);
        return byClerk.length >= 2 ? byClerk : undefined;
      });
      expect(log).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            accessor: clerk.sub,
            accessorRole: 'counter',
            purpose: 'GET /api/journeys/:id',
            counter: { agency: 'gemeente', channel: 'counter', proof: 'idp-token', status: 200 },
          }),
          expect.objectContaining({
            purpose: 'POST /api/journeys/:id/withdraw',
            counter: { agency: 'gemeente', channel: 'counter', proof: 'idp-token', status: 200 },
          }),
        ]),
      );
      const proofs = await asAlice.get<{ id: string; actions: { action: string }[] }[]>('/api/me/presence');
      const listed = proofs.body.find((proof) => proof.id === presence['passage-presence']);
      expect(listed?.actions.map((a) => a.action)).toEqual(
        expect.arrayContaining(['GET /api/journeys/:id', 'GET /api/journeys', 'POST /api/journeys/:id/withdraw']),
      );
      // Bob cannot see or revoke alice's proofs; alice revokes hers and the clerk can do no more with it.
      expect((await (await stack.as(bob)).get<unknown[]>('/api/me/presence')).body).not.toContainEqual(
        expect.objectContaining({ id: presence['passage-presence'] }),
      );
      expect((await (await stack.as(bob)).delete(`/api/me/presence/${presence['passage-presence']}`)).status).toBe(404);
      expect((await asAlice.delete(`/api/me/presence/${presence['passage-presence']}`)).status).toBe(204);
      expect((await asClerk.get(`/api/journeys/${journey}`)).status).toBe(403);
      // An expired proof is refused as well.
      const later = await atCounter(stack, clerk, 'alice');
      await stack.db.dataSource.query(
        `UPDATE presence_proofs SET created_at = now() - interval '31 minutes', expires_at = now() - interval '1 minute' WHERE id = $1`,
        [later['passage-presence']],
      );
      expect((await (await stack.as(clerk, later)).get('/api/journeys')).status).toBe(403);
      // Phone proofs work the same way.
      const byPhone = await onThePhone(stack, clerk, 'alice');
      expect((await (await stack.as(clerk, byPhone)).get('/api/journeys')).status).toBe(200);
    });

    it('lets only the subject answer the survey: a clerk with a valid proof gets 403 (finding 8)', async () => {
      const journey = await startFor(alice);
      await stack.db.dataSource.query(`UPDATE journeys SET status = 'completed' WHERE id = $1`, [journey]);
      const answer = await (
        await stack.as(clerk, await atCounter(stack, clerk, 'alice'))
      ).post(`/api/journeys/${journey}/satisfaction`, { score: 5 });
      expect(answer).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    });
  });

  describe('counter idempotency (finding 3)', () => {
    it("starts two journeys, each its own subject's, for the same key and body with two subjects present", async () => {
      const key = `counter-${randomUUID()}`;
      const body = { lifeEvent: 'start-business', intake: soleTraderIntake() };
      const forAlice = await (
        await stack.as(clerk, await atCounter(stack, clerk, 'alice'))
      ).post<{ id: string }>('/api/journeys', body, { 'idempotency-key': key });
      const forBob = await (
        await stack.as(clerk, await atCounter(stack, clerk, 'bob'))
      ).post<{ id: string }>('/api/journeys', body, { 'idempotency-key': key });
      expect([forAlice.status, forBob.status]).toEqual([201, 201]);
      expect(forBob.headers.get('idempotent-replayed')).toBeNull();
      expect(forBob.body.id).not.toBe(forAlice.body.id);
      const subjects: { id: string; subject: string }[] = await stack.db.dataSource.query(
        `SELECT id, subject FROM journeys WHERE id = ANY($1) ORDER BY subject`,
        [[forAlice.body.id, forBob.body.id]],
      );
      expect(subjects).toEqual([
        { id: forAlice.body.id, subject: 'alice' },
        { id: forBob.body.id, subject: 'bob' },
      ]);
      // The same clerk, subject, key and body again: the first answer, replayed.
      const again = await (
        await stack.as(clerk, await atCounter(stack, clerk, 'bob'))
      ).post<{ id: string }>('/api/journeys', body, { 'idempotency-key': key });
      expect({ status: again.status, id: again.body.id, replayed: again.headers.get('idempotent-replayed') }).toEqual({
        status: 201,
        id: forBob.body.id,
        replayed: 'true',
      });
    });
  });

  describe('tokens (finding 7)', () => {
    it.each(['bearer', 'BEARER', 'bEaReR'])(
      'accepts the %s scheme (RFC 7235: schemes are case-insensitive)',
      async (scheme) => {
        const token = await stack.signToken({ sub: 'alice', roles: ['citizen'] });
        const client = new HttpClient(stack.baseUrl, { authorization: `${scheme} ${token}` });
        expect((await client.get('/api/journeys')).status).toBe(200);
      },
    );

    it('refuses a token valid for 100 years and one issued a year ahead, on every authenticated route', async () => {
      const now = Math.floor(Date.now() / 1000);
      const year = 365 * 86_400;
      for (const token of [
        await stack.signToken({ sub: 'alice', roles: ['citizen'] }, 100 * year),
        await stack.signToken({ sub: 'alice', roles: ['citizen'], iat: now + year, exp: now + year + 3600 }),
      ]) {
        const client = new HttpClient(stack.baseUrl, { authorization: `Bearer ${token}` });
        const answer = await client.get('/api/journeys');
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ code: 'invalid-token' });
      }
    });
  });

  describe('headers (finding 6)', () => {
    it('marks every API answer nosniff and no-referrer, keeps personal answers out of caches, frames no docs', async () => {
      const asAlice = await stack.as(alice);
      for (const path of ['/api/journeys', '/api/mandates', '/api/me/presence', '/api/journeys/unknown']) {
        const answer = await asAlice.get(path);
        expect({
          path,
          nosniff: answer.headers.get('x-content-type-options'),
          referrer: answer.headers.get('referrer-policy'),
          cache: answer.headers.get('cache-control'),
        }).toEqual({ path, nosniff: 'nosniff', referrer: 'no-referrer', cache: 'no-store' });
      }
      const catalogue = await stack.anonymous().get('/api/life-events');
      expect(catalogue.headers.get('x-content-type-options')).toBe('nosniff');
      expect(catalogue.headers.get('cache-control') ?? '').not.toContain('no-store');
      const docs = await stack.anonymous().get('/api/docs');
      expect(docs.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });

    it("serves /metrics only with the scraper's token when one is configured", async () => {
      expect((await stack.anonymous().get('/metrics')).status).toBe(404);
      expect(
        (await new HttpClient(stack.baseUrl, { authorization: 'Bearer wrong-token-of-some-length' }).get('/metrics'))
          .status,
      ).toBe(404);
      const scraped = await new HttpClient(stack.baseUrl, { authorization: `Bearer ${METRICS_TOKEN}` }).get<string>(
        '/metrics',
      );
      expect(scraped.status).toBe(200);
      expect(scraped.body).toContain('passage_http_request_duration_seconds');
    });
  });

  describe('limits (finding 5; last, as they exhaust this address)', () => {
    it('caps the live event streams one principal holds: the sixth answers 429', async () => {
      const journey = (
        await (
          await stack.as(alice)
        ).post<{ id: string }>('/api/journeys', {
          lifeEvent: 'start-business',
          intake: soleTraderIntake(),
        })
      ).body.id;
      const token = await stack.signToken({ sub: 'alice', roles: ['citizen'] });
      const controllers: AbortController[] = [];
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          const controller = new AbortController();
          controllers.push(controller);
          const response = await fetch(`${stack.baseUrl}/api/journeys/${journey}/events`, {
            headers: { authorization: `Bearer ${token}` },
            signal: controller.signal,
          });
          statuses.push(response.status);
          if (response.status === 429) {
            expect(response.headers.get('retry-after')).toMatch(/^[0-9]+$/);
            expect(await response.json()).toMatchObject({ code: 'rate-limited' });
          }
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        // Closing one frees its place.
        controllers[0]?.abort();
        await waitFor('a freed stream', async () => {
          const controller = new AbortController();
          controllers.push(controller);
          const response = await fetch(`${stack.baseUrl}/api/journeys/${journey}/events`, {
            headers: { authorization: `Bearer ${token}` },
            signal: controller.signal,
          });
          return response.status === 200 ? true : undefined;
        });
      } finally {
        for (const controller of controllers) controller.abort();
      }
    });

    it('answers 429 with Retry-After and a problem body to a burst of writes from one principal', async () => {
      const writer = await stack.as({ sub: 'burst-writer', roles: ['citizen'] });
      const statuses: number[] = [];
      for (let i = 0; i < 110; i++) statuses.push((await writer.post('/api/mandates', { intermediary: 'x' })).status);
      expect(statuses.slice(0, 100).every((status) => status === 400)).toBe(true);
      const limited = await writer.post('/api/mandates', { intermediary: 'x' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^[0-9]+$/);
      expect(limited.body).toMatchObject({ code: 'rate-limited', message: expect.any(String) });
      // Another principal is not held back.
      expect((await (await stack.as(bob)).post('/api/mandates', { intermediary: 'x' })).status).toBe(400);
    });

    it('answers 429 to an address that sent a burst of forged tokens, even with a valid token next', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const forged = new HttpClient(stack.baseUrl, { authorization: `Bearer forged.${'x'.repeat(20)}.${i}` });
        statuses.push((await forged.get('/api/journeys')).status);
      }
      expect(statuses).toContain(429);
      expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
      const valid = await (await stack.as(alice)).get('/api/journeys');
      expect(valid.status).toBe(429);
      expect(valid.headers.get('retry-after')).toMatch(/^[0-9]+$/);
      expect(valid.body).toMatchObject({ code: 'rate-limited' });
    });

    it('closes a connection whose headers trickle, and answers a body shorter than announced with 408', async () => {
      const port = Number(new URL(stack.baseUrl).port);
      const slow = connect(port, '127.0.0.1');
      slow.write('GET /api/life-events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const short = connect(port, '127.0.0.1');
      short.write(
        'POST /api/mandates HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":1}',
      );
      let shortAnswer = '';
      let slowAnswer = '';
      short.on('data', (chunk: Buffer) => (shortAnswer += chunk.toString()));
      slow.on('data', (chunk: Buffer) => (slowAnswer += chunk.toString()));
      let slowClosed = false;
      slow.on('close', () => (slowClosed = true));
      for (const socket of [slow, short]) socket.on('error', () => undefined);
      try {
        await waitFor('the slow-header connection to be closed', () => (slowClosed ? true : undefined), {
          timeoutMs: 90_000,
          intervalMs: 250,
        });
        await waitFor('an answer to the short body', () => (shortAnswer || short.closed ? true : undefined), {
          timeoutMs: 90_000,
          intervalMs: 250,
        });
        // Node checks the bounds every 30 s: the answer comes between 10 and 40 s after the headers began.
        expect(slowAnswer === '' || /^HTTP\/1\.1 408 /.test(slowAnswer)).toBe(true);
        expect(shortAnswer).toMatch(/^HTTP\/1\.1 408 /);
        expect(shortAnswer).toContain('"code":"request-timeout"');
      } finally {
        slow.destroy();
        short.destroy();
      }
    }, 120_000);
  });
});
