import { randomBytes } from 'node:crypto';
import { retryStepUpdate } from '@passage/contracts';
import { queryJourney } from '@passage/temporal';
import { startJourneyTestBed, type JourneyTestBed } from '@passage/journey-workflow/testing';
import { TEST_PAYLOAD_KEYS, waitFor } from '@passage/testing';
import { TestWebhookAgency, type Behaviour } from '../testing/test-webhook-agency';
import {
  capturingLogger,
  registerWebhookAgencies,
  startWebhookJourney,
  stepReaches,
  TEST_OWNER,
} from '../testing/webhook-test-bed';
import { startAgencyGateway, type AgencyGateway } from './agency-gateway';

const SECRET = randomBytes(32).toString('base64url');
const SECRET_REF = 'env:PASSAGE_AGENCY_SECRET_RELIABILITY';
const AGENCIES = ['wh-outage', 'wh-down', 'wh-breaker', 'wh-busy', 'wh-strict', 'wh-switch', 'wh-move'] as const;
type TestAgency = (typeof AGENCIES)[number];
/** Fast retries for tests; the shape (exponential, capped, jittered) is the production one. */
const QUICK_RETRIES = { serviceInitialRetrySeconds: 0.1, serviceMaxRetrySeconds: 0.5 };
// Longer than Temporal's retry timer resolution (about a second), so that an attempt right after a failure meets the open circuit.
const BREAKER = { failureThreshold: 3, coolDownMs: 2000 };
const DOWN_MS = 4000;

const completing: Behaviour = (call, agency) =>
  call.request.kind === 'compensate'
    ? { status: 200, body: {} }
    : {
        status: 200,
        body: { outputs: agency.act(call.request.idempotencyKey, { 'case.number': `C-${agency.actions.length + 1}` }) },
      };

describe('webhook agencies that fail: retries with jitter, escalation, circuit breaker, registry changes', () => {
  let bed: JourneyTestBed;
  let gateway: AgencyGateway;
  const logger = capturingLogger();
  const agencies = {} as Record<TestAgency, TestWebhookAgency>;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    for (const id of AGENCIES) agencies[id] = await TestWebhookAgency.start(SECRET, completing);
    await registerWebhookAgencies(bed.db.dataSource, {
      ...Object.fromEntries(AGENCIES.map((id) => [id, { url: agencies[id].url, secretRef: SECRET_REF }])),
      'wh-unset': { url: 'http://127.0.0.1:9/never-called', secretRef: 'env:PASSAGE_AGENCY_SECRET_NOT_SET' },
    });
    gateway = await startAgencyGateway({
      connection: bed.temporal.nativeConnection,
      namespace: bed.temporal.namespace,
      dataSource: bed.db.dataSource,
      payloadKeys: TEST_PAYLOAD_KEYS,
      publicUrl: 'http://127.0.0.1:9',
      environment: 'test',
      registryRefreshMs: 200,
      requestTimeoutMs: 2000,
      breaker: BREAKER,
      env: { PASSAGE_AGENCY_SECRET_RELIABILITY: SECRET },
      logger,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    for (const agency of Object.values(agencies)) await agency.close();
    await bed?.stop();
  });

  it('serves every webhook agency of the registry, each on its own queue', () => {
    expect(gateway.serving()).toEqual([...AGENCIES, 'wh-unset'].sort());
  });

  it('rides out an agency that answers 503, then drops the line, then refuses connections, and acts once', async () => {
    const agency = agencies['wh-outage'];
    let calls = 0;
    agency.behaviour = (call, self) => {
      calls += 1;
      if (calls <= 2) return { status: 503, headers: { 'retry-after': '0' } };
      if (calls === 3) {
        // The agency acts, the answer gets lost, and it is down for a while (Temporal schedules retries to the second).
        self.act(call.request.idempotencyKey, { 'case.number': 'C-once' });
        setTimeout(
          () => void self.close().then(() => new Promise((r) => setTimeout(r, DOWN_MS)).then(() => self.listen())),
          0,
        );
        return 'hang-up';
      }
      return completing(call, self);
    };
    const handle = await startWebhookJourney(bed.temporal.client, 'wh-outage', {
      ...QUICK_RETRIES,
      serviceMaxAttempts: 30,
    });
    const state = await stepReaches(handle, 'register', 'completed', 60_000);

    const key = `${handle.workflowId}:register:1`;
    expect(agency.actions.filter((action) => action.key === key)).toEqual([
      { key, outputs: { 'case.number': 'C-once' } },
    ]);
    const received = agency.callsFor(handle.workflowId);
    expect(received.length).toBeGreaterThanOrEqual(4);
    expect(new Set(received.map((c) => c.request.idempotencyKey))).toEqual(new Set([key]));
    const refused = logger.entries.filter(
      (e) => e.meta?.['agency'] === 'wh-outage' && e.meta?.['status'] === 'connection',
    );
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(state.provenance['case.number']).toEqual({ kind: 'step', stepId: 'register', agency: 'wh-outage' });
  });

  it('fails the step for good when the agency stays down, escalates to the owner, and completes on the owner’s retry', async () => {
    const agency = agencies['wh-down'];
    agency.behaviour = () => ({ status: 503 });
    const handle = await startWebhookJourney(bed.temporal.client, 'wh-down', {
      ...QUICK_RETRIES,
      serviceMaxAttempts: 3,
    });
    const failed = await stepReaches(handle, 'register', 'failed');
    expect(failed.status).toBe('active');
    expect(failed.steps.find((s) => s.id === 'register')?.reason).toMatch(/wh-down (answered 503|is unavailable)/);
    expect(agency.callsFor(handle.workflowId).length).toBeLessThanOrEqual(3);
    // Nothing lost: the journey keeps what it knows, and the owner has work.
    expect(Object.keys(failed.provenance).sort()).toEqual(['person.address', 'person.name']);
    const escalation = await waitFor('an escalation is open', async () => {
      const rows: { owner: string; kind: string; status: string; agency: string }[] = await bed.db.dataSource.query(
        `SELECT owner, kind, status, agency FROM escalations WHERE journey_id = $1 AND step_id = 'register'`,
        [handle.workflowId],
      );
      return rows[0];
    });
    expect(escalation).toEqual({ owner: TEST_OWNER, kind: 'step-failed', status: 'open', agency: 'wh-down' });

    agency.behaviour = completing;
    const receipt = await handle.executeUpdate(retryStepUpdate, {
      args: [{ idempotencyKey: 'owner-retry-1', stepId: 'register', actor: { id: 'owner-staff-1', role: 'owner' } }],
    });
    expect(receipt.result).toBe('applied');
    const completed = await stepReaches(handle, 'register', 'completed');
    expect(completed.steps.find((s) => s.id === 'register')?.attempt).toBe(2);
    expect(agency.actions.map((a) => a.key)).toEqual([`${handle.workflowId}:register:2`]);
    await waitFor('the escalation is resolved', async () => {
      const rows: { status: string }[] = await bed.db.dataSource.query(
        `SELECT status FROM escalations WHERE journey_id = $1`,
        [handle.workflowId],
      );
      return rows[0]?.status === 'resolved' ? true : undefined;
    });
  });

  it('opens the circuit after consecutive failures: attempts while it is open do not reach the agency', async () => {
    const agency = agencies['wh-breaker'];
    agency.behaviour = () => ({ status: 503 });
    const attempts = 8;
    const handle = await startWebhookJourney(bed.temporal.client, 'wh-breaker', {
      ...QUICK_RETRIES,
      serviceMaxAttempts: attempts,
    });
    await stepReaches(handle, 'register', 'failed', 60_000);

    const reached = agency.callsFor(handle.workflowId).length;
    const failedFast = logger.entries.filter(
      (e) => e.meta?.['agency'] === 'wh-breaker' && e.meta?.['status'] === 'circuit-open',
    );
    expect(reached + failedFast.length).toBe(attempts);
    expect(reached).toBeGreaterThanOrEqual(BREAKER.failureThreshold);
    expect(reached).toBeLessThan(attempts);
  });

  it('waits as long as a 429 asks (Retry-After): Temporal follows the adapter’s delay, not its own schedule', async () => {
    const agency = agencies['wh-busy'];
    agency.behaviour = (call, self) =>
      self.callsFor(call.request.journeyId).length === 1
        ? { status: 429, headers: { 'retry-after': '3' } }
        : completing(call, self);
    const handle = await startWebhookJourney(bed.temporal.client, 'wh-busy', {
      serviceInitialRetrySeconds: 0.1,
      serviceMaxRetrySeconds: 10,
    });
    await stepReaches(handle, 'register', 'completed');
    const [first, second] = agency.callsFor(handle.workflowId);
    // Temporal's own schedule would have retried after 0.1 s (rounded up to its timer's second).
    expect(second.at - first.at).toBeGreaterThanOrEqual(2900);
  });

  it('does not retry an answer outside the contract (400): the step fails at once', async () => {
    const agency = agencies['wh-strict'];
    agency.behaviour = () => ({ status: 400, body: { error: 'field "x" unknown' } });
    const handle = await startWebhookJourney(bed.temporal.client, 'wh-strict', QUICK_RETRIES);
    const failed = await stepReaches(handle, 'register', 'failed');
    expect(agency.callsFor(handle.workflowId)).toHaveLength(1);
    expect(failed.steps.find((s) => s.id === 'register')?.reason).toContain('wh-strict answered 400');
  });

  it('fails the step of an agency whose secret is not configured, and says why in the log only', async () => {
    const handle = await startWebhookJourney(bed.temporal.client, 'wh-unset', QUICK_RETRIES);
    const failed = await stepReaches(handle, 'register', 'failed');
    expect(failed.steps.find((s) => s.id === 'register')?.reason).toContain('wh-unset is misconfigured in Passage');
    const logged = logger.entries.find((e) => e.meta?.['agency'] === 'wh-unset' && e.level === 'ERROR');
    expect(logged?.meta?.['reason']).toContain('PASSAGE_AGENCY_SECRET_NOT_SET is not set');
  });

  it('follows the registry: an agency switched to its own worker is no longer served, and served again when switched back', async () => {
    const setDelivery = (delivery: object, rate: number | null) =>
      bed.db.dataSource.query(`UPDATE agencies SET delivery = $2, rate_limit_per_minute = $3 WHERE id = $1`, [
        'wh-switch',
        JSON.stringify(delivery),
        rate,
      ]);
    await setDelivery({ kind: 'worker' }, null);
    await waitFor('the gateway stops serving wh-switch', () =>
      gateway.serving().includes('wh-switch') ? undefined : true,
    );

    // A step dispatched meanwhile waits on the queue: nothing is lost.
    const handle = await startWebhookJourney(bed.temporal.client, 'wh-switch', QUICK_RETRIES);
    await new Promise((r) => setTimeout(r, 500));
    expect((await queryJourney(handle)).steps.find((s) => s.id === 'register')?.status).toBe('dispatched');

    await setDelivery({ kind: 'webhook', url: agencies['wh-switch'].url, secretRef: SECRET_REF }, 600);
    await stepReaches(handle, 'register', 'completed');
    expect(gateway.serving()).toContain('wh-switch');
  });

  it('follows an agency to its new address within a refresh: the old worker stops first, the new one serves', async () => {
    const before = await startWebhookJourney(bed.temporal.client, 'wh-move', QUICK_RETRIES);
    await stepReaches(before, 'register', 'completed');
    const moved = await TestWebhookAgency.start(SECRET, completing);
    const servedMove = () =>
      logger.entries.filter((e) => e.message === 'agency gateway: serving' && e.meta?.['agency'] === 'wh-move').length;
    const servedBefore = servedMove();
    try {
      await bed.db.dataSource.query(`UPDATE agencies SET delivery = $2 WHERE id = $1`, [
        'wh-move',
        JSON.stringify({ kind: 'webhook', url: moved.url, secretRef: SECRET_REF }),
      ]);
      await waitFor('the gateway serves wh-move at its new address', () =>
        servedMove() > servedBefore && gateway.serving().includes('wh-move') ? true : undefined,
      );
      const after = await startWebhookJourney(bed.temporal.client, 'wh-move', QUICK_RETRIES);
      await stepReaches(after, 'register', 'completed');
      expect(moved.callsFor(after.workflowId).length).toBeGreaterThan(0);
      expect(agencies['wh-move'].callsFor(after.workflowId)).toEqual([]);
      expect(logger.entries.filter((e) => e.message === 'agency gateway: agency not refreshed')).toEqual([]);
    } finally {
      await moved.close();
    }
  });

  it('logs agency, service, status and attempt, never a data item or a body', () => {
    const calls = logger.entries.filter((e) => e.message === 'agency webhook call');
    expect(calls.length).toBeGreaterThan(10);
    for (const entry of calls)
      expect(Object.keys(entry.meta ?? {}).sort()).toEqual([
        'agency',
        'attempt',
        'durationMs',
        'kind',
        'service',
        'status',
      ]);
    const everything = JSON.stringify(logger.entries);
    for (const personal of ['Ada Lovelace', 'Kerkstraat', 'C-once', SECRET]) expect(everything).not.toContain(personal);
  });
});
