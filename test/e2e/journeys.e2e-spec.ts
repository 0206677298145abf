import type { Principal } from '@passage/auth';
import { journeyStateQuery } from '@passage/contracts';
import { soleTraderIntake } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { driveOverHttp } from './support/http-journey-driver';
import { atCounter } from './support/presence';

const alice: Principal = { sub: 'alice', roles: ['citizen'] };
const accountant: Principal = { sub: 'accountant-an', roles: ['intermediary'] };
const clerk: Principal = { sub: 'clerk-gent-7', roles: ['counter'], agency: 'gemeente' };

describe('citizens follow one combined journey through the HTTP API', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function expectTimelineToEqualWorkflow(
    journeyId: string,
    timeline: { steps: { id: string; status: string }[] },
  ) {
    const state = await stack.temporal.client.workflow.getHandle(journeyId).query(journeyStateQuery);
    expect(Object.fromEntries(timeline.steps.map((s) => [s.id, s.status]))).toEqual(
      Object.fromEntries(state.steps.map((s) => [s.id, s.status])),
    );
  }

  it('lets a citizen start start-business, answer what is asked, and see every agency complete', async () => {
    const client = await stack.as(alice);
    const started = await client.post<{ id: string; version: number; status: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake(),
      language: 'en',
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ lifeEvent: 'start-business', version: 2, status: 'active' });

    const early = await client.get<{
      steps: { id: string; agency: { level: string }; dueAt?: string; expectedAt?: string; title: string }[];
    }>(`/api/journeys/${started.body.id}`);
    expect(early.status).toBe(200);
    expect(early.body.steps.find((s) => s.id === 'kbo-registration')?.title).toBe(
      'Registration in the Crossroads Bank for Enterprises',
    );

    const final = await driveOverHttp(stack, client, started.body.id);
    expect(final.status).toBe('completed');
    const timeline = await client.get<{
      steps: { id: string; status: string; agency: { id: string; level: string } }[];
      expectedAt: string;
    }>(`/api/journeys/${started.body.id}`);
    const levels = new Set(timeline.body.steps.filter((s) => s.status === 'completed').map((s) => s.agency.level));
    expect([...levels].sort()).toEqual(expect.arrayContaining(['federal', 'flemish', 'private']));
    await expectTimelineToEqualWorkflow(started.body.id, timeline.body);

    const listed = await client.get<{ id: string }[]>('/api/journeys');
    expect(listed.body.map((j) => j.id)).toContain(started.body.id);
  });

  it('serves its OpenAPI description, health and Prometheus metrics to operators', async () => {
    const anyone = stack.anonymous();
    const docs = await anyone.get<{ paths: Record<string, unknown> }>('/api/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/journeys',
        '/api/journeys/{id}',
        '/api/journeys/{id}/inputs',
        '/api/journeys/{id}/events',
        '/api/mandates',
        '/api/life-events/{id}/versions/{version}',
        '/api/agency/tasks/{taskId}/decision',
      ]),
    );
    expect((await anyone.get('/health/live')).status).toBe(200);
    expect((await anyone.get<{ checks: unknown }>('/health/ready')).body).toMatchObject({
      status: 'up',
      checks: { temporal: 'up', postgres: 'up', engineWorkers: 'up' },
    });
    const metrics = await anyone.get<string>('/metrics');
    expect(metrics.body).toContain('passage_http_request_duration_seconds_bucket{');
    expect(metrics.body).toMatch(/passage_journeys_started_total\{life_event="start-business"\} [1-9]/);
    expect(metrics.body).toContain('passage_projection_lag_seconds{quantile="p99"}');
    expect(metrics.body).toContain('route="/api/journeys/:id"');
  });

  it('publishes the catalogue with definitions and diagrams to anyone', async () => {
    const anyone = stack.anonymous();
    const list = await anyone.get<{ id: string; latestVersion: number }[]>('/api/life-events?lang=fr');
    expect(list.body.find((e) => e.id === 'start-business')?.latestVersion).toBe(2);
    const version = await anyone.get<{ hash: string; diagram: string; definition: { version: number } }>(
      '/api/life-events/start-business/versions/1?lang=nl',
    );
    expect(version.status).toBe(200);
    expect(version.body.definition.version).toBe(1);
    expect(version.body.diagram.startsWith('flowchart LR')).toBe(true);
    expect((await anyone.get('/api/life-events/start-business/versions/9')).status).toBe(404);
  });

  it('returns the same journey for the same Idempotency-Key', async () => {
    const client = await stack.as(alice);
    const body = { lifeEvent: 'start-business', intake: soleTraderIntake() };
    const first = await client.post<{ id: string }>('/api/journeys', body, { 'idempotency-key': 'start-once-1' });
    const second = await client.post<{ id: string }>('/api/journeys', body, { 'idempotency-key': 'start-once-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const other = await client.post<{ code: string }>(
      '/api/journeys',
      { ...body, language: 'fr' },
      { 'idempotency-key': 'start-once-1' },
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    await client.post(`/api/journeys/${first.body.id}/withdraw`, { reason: 'test' });
  });

  it('lets an accountant with a mandate start and follow the journey for the subject', async () => {
    const subject = await stack.as(alice);
    const granted = await subject.post('/api/mandates', {
      intermediary: accountant.sub,
      lifeEvents: ['start-business'],
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(granted.status).toBe(201);
    const client = await stack.as(accountant);
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      subject: alice.sub,
      intake: soleTraderIntake(),
    });
    expect(started.status).toBe(201);
    const final = await driveOverHttp(stack, client, started.body.id);
    expect(final.status).toBe('completed');
    // The subject sees it too, started by their accountant on the intermediary channel.
    const seen = await subject.get<{ channel: string }>(`/api/journeys/${started.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.channel).toBe('intermediary');
  });

  it('lets a counter clerk start and advance a journey for the subject who proved to be present', async () => {
    const client = await stack.as(clerk, await atCounter(stack, clerk, 'bob'));
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake(),
    });
    expect(started.status).toBe(201);
    const final = await driveOverHttp(stack, client, started.body.id);
    expect(final.status).toBe('completed');
    const events = await stack.db.dataSource.query(
      `SELECT body FROM journey_events WHERE journey_id = $1 AND type IN ('journey-started', 'data-provided') ORDER BY n`,
      [started.body.id],
    );
    expect(events[0].body.actor).toEqual({ id: clerk.sub, role: 'counter', agency: 'gemeente', channel: 'counter' });
    expect(events[0].body.channel).toBe('counter');
    // Without a proof of the subject's presence, the clerk sees nothing.
    const away = await stack.as(clerk);
    expect((await away.get(`/api/journeys/${started.body.id}`)).status).toBe(404);
  });
});
