import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withdrawUpdate } from '@passage/contracts';
import { startPassageProcess, waitForHttp, type RunningProcess } from '@passage/devstack';
import { freePort, journeyResult, queryJourney } from '@passage/temporal';
import { startJourneyTestBed, type JourneyTestBed } from '@passage/journey-workflow/testing';
import { TEST_PAYLOAD_KEY_SPEC, TEST_PAYLOAD_KEYS, waitFor } from '@passage/testing';
import { postCallback, TestWebhookAgency, type Behaviour } from '../testing/test-webhook-agency';
import {
  capturingLogger,
  registerWebhookAgencies,
  startWebhookJourney,
  stepReaches,
} from '../testing/webhook-test-bed';
import { startAgencyGateway, type AgencyGateway } from './agency-gateway';

const AGENCY = 'wh-clerk';
const SECRET_VARIABLE = 'PASSAGE_AGENCY_SECRET_WH_CLERK';
const SECRET = randomBytes(32).toString('base64url');

const completing: Behaviour = (call, agency) =>
  call.request.kind === 'compensate'
    ? { status: 200, body: {} }
    : { status: 200, body: { outputs: agency.act(call.request.idempotencyKey, { 'case.number': 'C-sync' }) } };
const accepting: Behaviour = (call) =>
  call.request.kind === 'compensate' ? { status: 200, body: {} } : { status: 202, body: { reference: 'REF-7' } };

/**
 * A webhook agency end to end: a real journey worker and the agency gateway in this process, the real API as its own
 * process (for callbacks), Temporal's dev server and PostgreSQL; the agency is an HTTP server on 127.0.0.1.
 */
describe('webhook agencies: synchronous answers, callbacks, signatures and data minimisation', () => {
  let bed: JourneyTestBed;
  let gateway: AgencyGateway;
  let api: RunningProcess;
  let agency: TestWebhookAgency;
  let baseUrl: string;
  const logger = capturingLogger();

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    agency = await TestWebhookAgency.start(SECRET, completing);
    await registerWebhookAgencies(bed.db.dataSource, {
      [AGENCY]: { url: agency.url, secretRef: `env:${SECRET_VARIABLE}` },
    });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = startPassageProcess('api', {
      PASSAGE_ENV: 'test',
      PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-gateway-')),
      TEMPORAL_ADDRESS: bed.temporal.address,
      TEMPORAL_NAMESPACE: bed.temporal.namespace,
      DATABASE_URL: bed.db.url,
      PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_VAULT_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_JWT_SECRET: randomBytes(32).toString('base64url'),
      PASSAGE_HTTP_PORT: String(port),
      [SECRET_VARIABLE]: SECRET,
    });
    gateway = await startAgencyGateway({
      connection: bed.temporal.nativeConnection,
      namespace: bed.temporal.namespace,
      dataSource: bed.db.dataSource,
      payloadKeys: TEST_PAYLOAD_KEYS,
      publicUrl: baseUrl,
      environment: 'test',
      env: { [SECRET_VARIABLE]: SECRET },
      logger,
    });
    await waitForHttp(`${baseUrl}/health/ready`, api);
  });

  afterAll(async () => {
    await gateway?.stop();
    await api?.stop();
    await agency?.close();
    await bed?.stop();
  });

  /** The decisions on `register` in the projected timeline. */
  async function decisions(journeyId: string): Promise<string[]> {
    const rows: { type: string }[] = await bed.db.dataSource.query(
      `SELECT type FROM journey_events WHERE journey_id = $1 AND step_id = 'register' AND type IN ('step-completed', 'step-rejected') ORDER BY n`,
      [journeyId],
    );
    return rows.map((row) => row.type);
  }

  async function acceptedJourney() {
    agency.behaviour = accepting;
    const handle = await startWebhookJourney(bed.temporal.client, AGENCY);
    await stepReaches(handle, 'register', 'in-progress');
    const [call] = agency.callsFor(handle.workflowId);
    if (!call?.request.callbackUrl) throw new Error('the request had no callback URL');
    return { handle, callbackUrl: call.request.callbackUrl };
  }

  it('completes the step with the outputs of a 200, sends the webhook only the items the step needs, and compensates', async () => {
    agency.behaviour = completing;
    const handle = await startWebhookJourney(bed.temporal.client, AGENCY);
    const state = await stepReaches(handle, 'register', 'completed');
    expect(state.provenance['case.number']).toEqual({ kind: 'step', stepId: 'register', agency: AGENCY });
    expect(state.steps.find((s) => s.id === 'permit')?.status).toBe('in-progress');

    const [call] = agency.callsFor(handle.workflowId);
    expect(call.signature).toBeUndefined();
    // Data minimisation: `register` needs the name; the address the journey also knows never leaves Passage.
    expect(call.request.items).toEqual({ 'person.name': 'Ada Lovelace' });
    expect(JSON.stringify(call.request)).not.toContain('Kerkstraat');
    expect(Object.keys(call.request).sort()).toEqual(
      [
        'agency',
        'callbackUrl',
        'idempotencyKey',
        'items',
        'journeyId',
        'kind',
        'language',
        'lifeEvent',
        'proactive',
        'service',
        'stepId',
      ].sort(),
    );
    expect(call.headers['idempotency-key']).toBe(`${handle.workflowId}:register:1`);

    await handle.executeUpdate(withdrawUpdate, {
      args: [
        { idempotencyKey: 'withdraw-1', actor: { id: 'subject-webhook', role: 'citizen' }, reason: 'changed plans' },
      ],
    });
    expect((await journeyResult(handle)).status).toBe('withdrawn');
    const compensation = agency.callsFor(handle.workflowId).find((c) => c.request.kind === 'compensate');
    expect(compensation?.request).toMatchObject({
      service: 'unregister',
      idempotencyKey: `${handle.workflowId}:register:1:compensate`,
      items: { 'person.name': 'Ada Lovelace' },
    });
    expect(compensation?.request.callbackUrl).toBeUndefined();
  });

  it('rejects the step on a 422 with the agency’s reason, without retrying', async () => {
    agency.behaviour = () => ({ status: 422, body: { reason: 'no such person in our register' } });
    const handle = await startWebhookJourney(bed.temporal.client, AGENCY);
    const result = await journeyResult(handle);
    expect(result.status).toBe('rejected');
    expect(agency.callsFor(handle.workflowId)).toHaveLength(1);
    await waitFor('the rejection is projected', async () =>
      (await decisions(handle.workflowId)).length > 0 ? true : undefined,
    );
    const [event] = (await bed.db.dataSource.query(
      `SELECT body FROM journey_events WHERE journey_id = $1 AND type = 'step-rejected'`,
      [handle.workflowId],
    )) as { body: { reason: string } }[];
    expect(event.body.reason).toBe('no such person in our register');
  });

  it('waits after a 202 until the agency calls back; a repeat changes nothing, a contradiction is refused (409)', async () => {
    const { handle, callbackUrl } = await acceptedJourney();
    expect(callbackUrl).toMatch(new RegExp(`^${baseUrl}/api/agency/callbacks/[A-Za-z0-9_-]{43}$`));
    const approval = { outcome: 'approved', outputs: { 'case.number': 'C-async' } };

    const first = await postCallback(callbackUrl, SECRET, approval);
    expect(first).toMatchObject({ status: 200, body: { result: 'applied' } });
    const completed = await stepReaches(handle, 'register', 'completed');
    expect(completed.steps.find((s) => s.id === 'register')?.decidedBy).toBe(`webhook:${AGENCY}`);

    expect(await postCallback(callbackUrl, SECRET, approval)).toMatchObject({
      status: 200,
      body: { result: 'duplicate' },
    });
    expect(
      await postCallback(callbackUrl, SECRET, { outcome: 'rejected', reason: 'we changed our mind' }),
    ).toMatchObject({ status: 409, body: { code: 'conflicting-decision' } });
    await waitFor('the decision is projected', async () =>
      (await decisions(handle.workflowId)).length > 0 ? true : undefined,
    );
    expect(await decisions(handle.workflowId)).toEqual(['step-completed']);
    expect((await queryJourney(handle)).steps.find((s) => s.id === 'permit')?.status).toBe('in-progress');

    // Only the token's hash is stored, with what the callback decided (item names, no values).
    const token = callbackUrl.split('/').pop() ?? '';
    const rows: { token: string; step_id: string; attempt: number; used_at: Date | null; outcome: unknown }[] =
      await bed.db.dataSource.query(
        `SELECT token, step_id, attempt, used_at, outcome FROM agency_callbacks WHERE journey_id = $1`,
        [handle.workflowId],
      );
    expect(rows).toEqual([
      {
        token: createHash('sha256').update(token).digest('hex'),
        step_id: 'register',
        attempt: 1,
        used_at: expect.any(Date),
        outcome: { outcome: 'approved', result: 'applied', outputs: ['case.number'] },
      },
    ]);
  });

  it('refuses a tampered and a replayed callback (401), which change nothing', async () => {
    const { handle, callbackUrl } = await acceptedJourney();
    const approval = { outcome: 'approved', outputs: { 'case.number': 'C-genuine' } };

    const tampered = await postCallback(
      callbackUrl,
      SECRET,
      approval,
      JSON.stringify({ ...approval, outputs: { 'case.number': 'C-forged' } }),
    );
    expect(tampered).toMatchObject({ status: 401, body: { code: 'invalid-token' } });
    expect(await postCallback(callbackUrl, randomBytes(32).toString('base64url'), approval)).toMatchObject({
      status: 401,
    });
    expect((await queryJourney(handle)).steps.find((s) => s.id === 'register')?.status).toBe('in-progress');

    const genuine = await postCallback(callbackUrl, SECRET, approval);
    expect(genuine.status).toBe(200);
    const replayed = await genuine.resend();
    expect(replayed).toMatchObject({
      status: 401,
      body: { code: 'invalid-token', message: expect.stringContaining('replayed-nonce') },
    });
    await waitFor('the decision is projected', async () =>
      (await decisions(handle.workflowId)).length > 0 ? true : undefined,
    );
    expect(await decisions(handle.workflowId)).toEqual(['step-completed']);

    const unknown = await postCallback(`${baseUrl}/api/agency/callbacks/${'A'.repeat(43)}`, SECRET, approval);
    expect(unknown.status).toBe(404);
  });

  it('never logs a data item, an output or a secret', () => {
    const everything = JSON.stringify(logger.entries);
    for (const personal of ['Ada Lovelace', 'Kerkstraat', 'C-sync', 'C-async', SECRET])
      expect(everything).not.toContain(personal);
    expect(api.output()).not.toContain('Ada Lovelace');
    expect(api.output()).not.toContain('C-genuine');
  });
});
