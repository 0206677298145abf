import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '@passage/auth';
import { signWebhook } from '@passage/agency-sdk';
import { findDefinition } from '@passage/life-events';
import { sampleItems, waitFor } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient, HttpResult } from './support/http-client';
import { sampleFor } from './support/http-journey-driver';

// The API process inherits this test's environment: the webhook secret of the counter (ondernemingsloket).
const SECRET_VARIABLE = 'PASSAGE_AGENCY_SECRET_E2E_LOKET';
const SECRET = randomBytes(32).toString('base64url');
process.env[SECRET_VARIABLE] = SECRET;

const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
const citizen: Principal = { sub: 'carla', roles: ['citizen'] };
const officer: Principal = { sub: 'officer-loket', roles: ['agency'], agency: 'ondernemingsloket' };
const owner: Principal = { sub: 'owner-staff', roles: ['owner'], owner: 'vlaio' };

interface AgencyBody {
  name: { nl: string; en: string; fr: string };
  level: string;
  website?: string;
  contact?: { email?: string; phone?: string };
  services: { id: string; title: { nl: string; en: string; fr: string }; ipdcId?: string }[];
  delivery: { kind: string; url?: string; secretRef?: string };
  rateLimitPerMinute?: number;
}

function put(client: HttpClient, id: string, body: unknown): Promise<HttpResult<Record<string, unknown>>> {
  return client.raw('PUT', `/api/agencies/${id}`, JSON.stringify(body), {
    'content-type': 'application/json',
  }) as Promise<HttpResult<Record<string, unknown>>>;
}

const title = (text: string) => ({ nl: text, en: text, fr: text });

function startBusiness() {
  const definition = findDefinition('start-business');
  if (!definition) throw new Error('start-business is missing');
  return definition;
}
const newAgency = (): AgencyBody => ({
  name: { nl: 'Proefdienst', en: 'Test service', fr: 'Service test' },
  level: 'local',
  services: [{ id: 'trial', title: title('Trial'), ipdcId: '1234' }],
  delivery: { kind: 'worker' },
});

describe('the agency registry and agency callbacks over HTTP', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('the registry', () => {
    it('shows names, levels and services to anyone signed in, and delivery details only to admins', async () => {
      const seen = await (await stack.as(citizen)).get<Record<string, unknown>[]>('/api/agencies');
      expect(seen.status).toBe(200);
      const loket = seen.body.find((a) => a['id'] === 'ondernemingsloket');
      expect(loket).toMatchObject({
        level: 'federal',
        name: { en: 'Accredited business counter' },
        services: expect.arrayContaining([expect.objectContaining({ id: 'kbo-registration' })]),
      });
      for (const adminOnly of ['delivery', 'contact', 'rateLimitPerMinute', 'updatedAt'])
        expect(loket).not.toHaveProperty(adminOnly);

      const asAdmin = await (await stack.as(admin)).get<Record<string, unknown>>('/api/agencies/ondernemingsloket');
      expect(asAdmin.body).toMatchObject({
        id: 'ondernemingsloket',
        delivery: { kind: 'worker' },
        updatedAt: expect.any(String),
      });
      expect(
        (await (await stack.as(officer)).get<Record<string, unknown>>('/api/agencies/ondernemingsloket')).body[
          'delivery'
        ],
      ).toBeUndefined();

      expect((await (await stack.as(citizen)).get('/api/agencies/no-such-agency')).status).toBe(404);
      expect((await (await stack.as(citizen)).get('/api/agencies/NOT_AN_ID')).status).toBe(404);
      expect((await stack.anonymous().get('/api/agencies')).status).toBe(401);
    });

    it('answers 404 to every write by someone who is not an admin, whatever the body', async () => {
      for (const principal of [citizen, officer, owner]) {
        const client = await stack.as(principal);
        expect((await put(client, 'ondernemingsloket', newAgency())).status).toBe(404);
        expect((await put(client, 'e2e-other', { garbage: true })).status).toBe(404);
      }
      expect((await (await stack.as(admin)).get('/api/agencies/e2e-other')).status).toBe(404);
    });

    it.each<[string, (body: AgencyBody) => unknown, string]>([
      ['an unknown level', (b) => ({ ...b, level: 'galactic' }), 'level'],
      ['a name without French', (b) => ({ ...b, name: { nl: 'x', en: 'x' } }), 'name.fr'],
      [
        'a malformed service id',
        (b) => ({ ...b, services: [...b.services, { id: 'Bad Id', title: title('x') }] }),
        'services[1].id',
      ],
      ['a service listed twice', (b) => ({ ...b, services: [...b.services, b.services[0]] }), 'services[1].id'],
      ['a service without a title', (b) => ({ ...b, services: [{ id: 'trial' }] }), 'services[0].title'],
      [
        'a webhook without a URL',
        (b) => ({ ...b, delivery: { kind: 'webhook', secretRef: 'env:PASSAGE_AGENCY_SECRET_X' } }),
        'delivery.url',
      ],
      [
        'a webhook over ftp',
        (b) => ({
          ...b,
          delivery: { kind: 'webhook', url: 'ftp://agency.example/hook', secretRef: 'env:PASSAGE_AGENCY_SECRET_X' },
        }),
        'delivery.url',
      ],
      [
        'a webhook over http to another host',
        (b) => ({
          ...b,
          delivery: { kind: 'webhook', url: 'http://agency.example/hook', secretRef: 'env:PASSAGE_AGENCY_SECRET_X' },
        }),
        'delivery.url',
      ],
      [
        'a webhook without a secret',
        (b) => ({ ...b, delivery: { kind: 'webhook', url: 'https://agency.example/hook' } }),
        'delivery.secretRef',
      ],
      [
        'a secret of an unknown form',
        (b) => ({
          ...b,
          delivery: { kind: 'webhook', url: 'https://agency.example/hook', secretRef: 'vault:agencies/x' },
        }),
        'delivery.secretRef',
      ],
      [
        'another secret of the process',
        (b) => ({
          ...b,
          delivery: { kind: 'webhook', url: 'https://agency.example/hook', secretRef: 'env:PASSAGE_JWT_SECRET' },
        }),
        'delivery.secretRef',
      ],
      [
        'a URL on a worker delivery',
        (b) => ({ ...b, delivery: { kind: 'worker', url: 'https://agency.example/hook' } }),
        'delivery.url',
      ],
      ['an unknown delivery', (b) => ({ ...b, delivery: { kind: 'email' } }), 'delivery.kind'],
      ['a rate limit of zero', (b) => ({ ...b, rateLimitPerMinute: 0 }), 'rateLimitPerMinute'],
      ['a malformed contact e-mail', (b) => ({ ...b, contact: { email: 'not-an-address' } }), 'contact.email'],
      ['an unknown field', (b) => ({ ...b, colour: 'blue' }), 'colour'],
    ])('refuses %s with the path of the field (400)', async (_, change, path) => {
      const response = await put(await stack.as(admin), 'e2e-invalid', change(newAgency()));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid-request', path });
      expect((await (await stack.as(admin)).get('/api/agencies/e2e-invalid')).status).toBe(404);
    });

    it('refuses a malformed agency id in the path (400)', async () => {
      expect((await put(await stack.as(admin), 'Not_An_Id', newAgency())).body).toMatchObject({
        code: 'invalid-request',
        path: 'id',
      });
    });

    it('creates (201) and replaces (200) an agency', async () => {
      const client = await stack.as(admin);
      const created = await put(client, 'e2e-new', newAgency());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: 'e2e-new',
        services: [{ id: 'trial', ipdcId: '1234' }],
        delivery: { kind: 'worker' },
      });
      const replaced = await put(client, 'e2e-new', { ...newAgency(), level: 'flemish', rateLimitPerMinute: 60 });
      expect(replaced.status).toBe(200);
      expect((await client.get('/api/agencies/e2e-new')).body).toMatchObject({
        level: 'flemish',
        rateLimitPerMinute: 60,
      });
    });

    it('refuses to remove a service that a published life-event version uses (409), naming the life event and version', async () => {
      const client = await stack.as(admin);
      const current = (await client.get<AgencyBody & { id: string }>('/api/agencies/ondernemingsloket')).body;
      const body = { name: current.name, level: current.level, services: current.services, delivery: current.delivery };
      for (const used of ['kbo-registration', 'kbo-deregistration']) {
        const response = await put(client, 'ondernemingsloket', {
          ...body,
          services: body.services.filter((s) => s.id !== used),
        });
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ code: 'version-conflict', path: 'services' });
        expect(response.body['message']).toMatch(
          new RegExp(`service ${used} .*published life event start-business version \\d`),
        );
      }
      // Adding a service and renaming one is fine.
      const renamed = body.services.map((s) => (s.id === 'kbo-registration' ? { ...s, title: title('KBO') } : s));
      expect(
        (
          await put(client, 'ondernemingsloket', {
            ...body,
            services: [...renamed, { id: 'extra-service', title: title('Extra') }],
          })
        ).status,
      ).toBe(200);
    });
  });

  describe('callbacks', () => {
    let journeyId: string;
    let token: string;
    let callbackPath: string;
    const outputs = sampleItems(startBusiness(), ['business.enterpriseNumber', 'business.establishmentUnitNumber']);

    /** Signs `signed` and sends `sent` (the same unless tampering), with extra headers. */
    function post(
      path: string,
      signed: string,
      options: { sent?: string; secret?: string; headers?: Record<string, string> } = {},
    ) {
      const headers = {
        'content-type': 'application/json',
        ...signWebhook(options.secret ?? SECRET, signed),
        ...options.headers,
      };
      return { headers, send: () => stack.anonymous().raw('POST', path, options.sent ?? signed, headers) };
    }

    beforeAll(async () => {
      const client = await stack.as(admin);
      // The counter becomes a webhook agency (the worker process does not run the gateway in this stack: the test
      // plays the gateway's part by registering a callback token, as the gateway does before calling the webhook).
      const current = (await client.get<AgencyBody>('/api/agencies/ondernemingsloket')).body;
      const webhook = {
        ...current,
        delivery: { kind: 'webhook', url: 'http://127.0.0.1:8099/hook', secretRef: `env:${SECRET_VARIABLE}` },
      };
      expect(
        (
          await put(client, 'ondernemingsloket', {
            name: webhook.name,
            level: webhook.level,
            services: webhook.services,
            delivery: webhook.delivery,
          })
        ).status,
      ).toBe(200);

      const carla = await stack.as(citizen);
      const definition = startBusiness();
      const fromRegister = Object.keys(definition.dataItems).filter(
        (item) => definition.dataItems[item]?.authenticSource,
      );
      const intake = {
        ...sampleItems(definition, [...definition.intake, ...fromRegister]),
        'business.legalForm': 'sole-trader',
        'business.sector': 'services',
        'business.hasEmployees': false,
        'business.vlaremClass': 'none',
      };
      const started = await carla.post<{ id: string }>('/api/journeys', { lifeEvent: 'start-business', intake });
      expect(started.status).toBe(201);
      journeyId = started.body.id;
      await untilKboRegistrationWaits(carla, journeyId);

      token = randomBytes(32).toString('base64url');
      callbackPath = `/api/agency/callbacks/${token}`;
      await stack.db.dataSource.query(
        `INSERT INTO agency_callbacks (token, journey_id, step_id, attempt, agency) VALUES ($1, $2, 'kbo-registration', 1, 'ondernemingsloket')`,
        [createHash('sha256').update(token).digest('hex'), journeyId],
      );
    });

    it('needs no bearer token but a valid signature by the token’s agency (401), and a known token (404)', async () => {
      const body = JSON.stringify({ outcome: 'approved', outputs });
      expect(
        (await stack.anonymous().raw('POST', callbackPath, body, { 'content-type': 'application/json' })).body,
      ).toMatchObject({ code: 'invalid-token', message: expect.stringContaining('missing-headers') });
      expect((await post(callbackPath, body, { secret: randomBytes(32).toString('base64url') }).send()).status).toBe(
        401,
      );
      expect(
        (await post(callbackPath, body, { sent: JSON.stringify({ outcome: 'rejected', reason: 'forged' }) }).send())
          .body,
      ).toMatchObject({ code: 'invalid-token', message: expect.stringContaining('bad-signature') });
      // An Idempotency-Key changes nothing for an unsigned request: the signature is checked first.
      expect(
        (
          await stack
            .anonymous()
            .raw('POST', callbackPath, body, { 'content-type': 'application/json', 'idempotency-key': 'cb-1' })
        ).status,
      ).toBe(401);
      expect((await post(`/api/agency/callbacks/${randomBytes(32).toString('base64url')}`, body).send()).status).toBe(
        404,
      );
      expect((await post('/api/agency/callbacks/short', body).send()).status).toBe(404);
    });

    it('validates a signed decision before it reaches the journey (400 with the path)', async () => {
      expect((await post(callbackPath, JSON.stringify({ outcome: 'maybe' })).send()).body).toMatchObject({
        code: 'invalid-request',
        path: 'outcome',
      });
      expect(
        (
          await post(
            callbackPath,
            JSON.stringify({ outcome: 'approved', outputs: { 'business.enterpriseNumber': 'BE0123' } }),
          ).send()
        ).body,
      ).toMatchObject({
        code: 'missing-data-item',
        path: 'outputs.business.establishmentUnitNumber',
      });
      expect(
        (
          await post(
            callbackPath,
            JSON.stringify({ outcome: 'approved', outputs: { ...outputs, 'person.name': 'Eve' } }),
          ).send()
        ).body,
      ).toMatchObject({ code: 'invalid-data-item', path: 'outputs.person.name' });
      const timeline = await (
        await stack.as(citizen)
      ).get<{ steps: { id: string; status: string }[] }>(`/api/journeys/${journeyId}`);
      expect(timeline.body.steps.find((s) => s.id === 'kbo-registration')?.status).toBe('in-progress');
    });

    it('delivers a signed decision (signed as sent, spacing included) once; a repeat, a contradiction and a replay change nothing', async () => {
      const pretty = JSON.stringify({ outputs, outcome: 'approved' }, null, 2);
      const first = post(callbackPath, pretty);
      const applied = await first.send();
      expect(applied).toMatchObject({ status: 200, body: { result: 'applied' } });
      expect((await post(callbackPath, pretty).send()).body).toMatchObject({ result: 'duplicate' });
      // A contradiction is not a repeat: it is refused as such (issue 9), and changes nothing either.
      expect(await post(callbackPath, JSON.stringify({ outcome: 'rejected', reason: 'late' })).send()).toMatchObject({
        status: 409,
        body: { code: 'conflicting-decision' },
      });
      expect((await first.send()).body).toMatchObject({
        code: 'invalid-token',
        message: expect.stringContaining('replayed-nonce'),
      });

      const carla = await stack.as(citizen);
      const timeline = await waitForStep(carla, journeyId, 'kbo-registration', 'completed');
      expect(timeline.steps.find((s) => s.id === 'kbo-registration')?.status).toBe('completed');
      const decisions: { type: string }[] = await stack.db.dataSource.query(
        `SELECT type FROM journey_events WHERE journey_id = $1 AND step_id = 'kbo-registration' AND type IN ('step-completed', 'step-rejected')`,
        [journeyId],
      );
      expect(decisions).toEqual([{ type: 'step-completed' }]);
      const [row] = (await stack.db.dataSource.query(
        `SELECT used_at, outcome FROM agency_callbacks WHERE journey_id = $1`,
        [journeyId],
      )) as { used_at: Date | null; outcome: unknown }[];
      expect(row).toEqual({
        used_at: expect.any(Date),
        outcome: {
          outcome: 'approved',
          result: 'applied',
          outputs: ['business.enterpriseNumber', 'business.establishmentUnitNumber'],
        },
      });
    });

    it('refuses the callback of an agency that is no longer a webhook (401)', async () => {
      const other = randomBytes(32).toString('base64url');
      await stack.db.dataSource.query(
        `INSERT INTO agency_callbacks (token, journey_id, step_id, attempt, agency) VALUES ($1, $2, 'business-account', 1, 'bank')`,
        [createHash('sha256').update(other).digest('hex'), journeyId],
      );
      expect(
        (await post(`/api/agency/callbacks/${other}`, JSON.stringify({ outcome: 'approved' })).send()).status,
      ).toBe(401);
    });
  });

  /** Answers what the journey asks until the counter's registration waits for a decision (bounded). */
  async function untilKboRegistrationWaits(client: HttpClient, id: string): Promise<void> {
    const answered = new Set<string>();
    for (let round = 0; round < 200; round++) {
      const { body } = await client.get<{
        seq: number;
        asked: { item: string; type: string; values?: string[] }[];
        steps: { id: string; status: string }[];
      }>(`/api/journeys/${id}`);
      if (body.steps.find((s) => s.id === 'kbo-registration')?.status === 'in-progress') return;
      const toAnswer = body.asked.filter((a) => !answered.has(`${a.item}@${body.seq}`));
      if (toAnswer.length > 0) {
        toAnswer.forEach((a) => answered.add(`${a.item}@${body.seq}`));
        await client.post(`/api/journeys/${id}/inputs`, {
          items: Object.fromEntries(toAnswer.map((a) => [a.item, sampleFor(a)])),
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('kbo-registration never waited for a decision');
  }

  function waitForStep(client: HttpClient, id: string, stepId: string, status: string) {
    return waitFor(`${stepId} is ${status}`, async () => {
      const { body } = await client.get<{ steps: { id: string; status: string }[] }>(`/api/journeys/${id}`);
      return body.steps.find((s) => s.id === stepId)?.status === status ? body : undefined;
    });
  }
});
