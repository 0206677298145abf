import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { ServiceRequest } from '@passage/contracts';
import { freePort } from '@passage/temporal';
import { TestWebhookAgency, type Reply } from '../../testing/test-webhook-agency';
import { capturingLogger } from '../../testing/webhook-test-bed';
import { CircuitBreaker } from './circuit-breaker';
import { FAILURE_TYPES, WebhookServiceAdapter } from './webhook-service.adapter';

const SECRET = 's'.repeat(43);
const JOURNEY = 'journey-test-00000000-0000-4000-8000-000000000001';
const request: ServiceRequest = {
  journeyId: JOURNEY,
  stepId: 'register',
  lifeEvent: { id: 'test', version: 1 },
  agency: 'gemeente',
  service: 'register',
  kind: 'perform',
  idempotencyKey: `${JOURNEY}:register:2`,
  items: { 'person.name': 'Ada' },
  language: 'nl',
  proactive: false,
};
const RETRY = { initialInterval: 1000, backoffCoefficient: 2, maximumInterval: 60_000 };

describe('the webhook adapter (one activity attempt against a real HTTP server)', () => {
  let agency: TestWebhookAgency;
  let reply: Reply;
  const issued: unknown[] = [];

  beforeAll(async () => {
    agency = await TestWebhookAgency.start(SECRET, () => reply);
  });

  afterAll(() => agency.close());

  /** A generous request bound by default: a busy machine must not turn an answer into a timeout. */
  function adapter(
    breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 60_000 }, 10_000),
    url = agency.url,
    requestTimeoutMs = 30_000,
  ) {
    return new WebhookServiceAdapter({
      agency: { id: 'gemeente', url, secret: SECRET },
      callbacks: { issue: async (target) => (issued.push(target), 'T'.repeat(43)) },
      publicUrl: 'https://passage.example',
      breaker,
      logger: capturingLogger(),
      requestTimeoutMs,
    });
  }

  function attempt(service: WebhookServiceAdapter, number: number): Promise<unknown> {
    const env = new MockActivityEnvironment(
      { attempt: number, retryPolicy: RETRY, heartbeatTimeoutMs: 2000, startToCloseTimeoutMs: 60_000 },
      { logger: capturingLogger() },
    );
    return env.run((r: ServiceRequest) => service.performService(r), request).catch((error: unknown) => error);
  }

  it('sends the signed request with a callback URL for the step’s attempt, and completes on 200', async () => {
    reply = { status: 200, body: { outputs: { 'case.number': 'C-1' } } };
    expect(await attempt(adapter(), 1)).toEqual({ outcome: 'completed', outputs: { 'case.number': 'C-1' } });
    const call = agency.calls.at(-1);
    expect(call?.signature).toBeUndefined();
    expect(call?.request.callbackUrl).toBe(`https://passage.example/api/agency/callbacks/${'T'.repeat(43)}`);
    expect(issued.at(-1)).toEqual({ journeyId: JOURNEY, stepId: 'register', attempt: 2, agency: 'gemeente' });
  });

  it('fails a 503 retryably with a jittered delay from the attempt and the retry policy', async () => {
    reply = { status: 503 };
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const failure = (await attempt(adapter(), 4)) as ApplicationFailure;
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: FAILURE_TYPES.unavailable, nonRetryable: false });
      delays.push(Number(failure.nextRetryDelay));
    }
    // Attempt 4: 8 s exponential, of which 4 s fixed and up to 4 s random.
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(4000);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(8000);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it('honours Retry-After on a 429 (within the policy’s maximum)', async () => {
    reply = { status: 429, headers: { 'retry-after': '30' } };
    const failure = (await attempt(adapter(), 1)) as ApplicationFailure;
    expect(failure.nextRetryDelay).toBe(30_000);
  });

  it('does not retry a contract violation', async () => {
    reply = { status: 404 };
    expect(await attempt(adapter(), 1)).toMatchObject({
      type: FAILURE_TYPES.contractViolation,
      nonRetryable: true,
      message: 'agency gemeente answered 404 (not part of the webhook contract)',
    });
  });

  it('treats a dropped connection, a refused one and a timeout as unavailable', async () => {
    reply = 'hang-up';
    expect(await attempt(adapter(), 1)).toMatchObject({
      type: FAILURE_TYPES.unavailable,
      message: expect.stringContaining('connection failed'),
    });
    const closed = `http://127.0.0.1:${await freePort()}/closed`;
    expect(await attempt(adapter(undefined, closed), 1)).toMatchObject({
      message: 'agency gemeente: connection failed (ECONNREFUSED)',
    });
    const answering = agency.behaviour;
    agency.behaviour = () =>
      new Promise((resolveLate) =>
        setTimeout(() => resolveLate({ status: 200, body: { outputs: {} } }), 10_000).unref(),
      );
    expect(await attempt(adapter(undefined, undefined, 1000), 1)).toMatchObject({
      type: FAILURE_TYPES.unavailable,
      message: 'agency gemeente: no answer within 1000 ms',
    });
    agency.behaviour = answering;
  });

  it('fails fast while the circuit is open, retrying when the cool-down ends', async () => {
    reply = { status: 500 };
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 60_000 }, 10_000);
    const service = adapter(breaker);
    await attempt(service, 1);
    await attempt(service, 2);
    const before = agency.calls.length;
    const failure = (await attempt(service, 3)) as ApplicationFailure;
    expect(agency.calls.length).toBe(before);
    expect(failure.message).toBe('agency gemeente is unavailable (circuit open)');
    expect(Number(failure.nextRetryDelay)).toBeGreaterThan(55_000);
  });
});
