import { randomBytes } from 'node:crypto';
import { provideInputsUpdate } from '@passage/contracts';
import { startJourneyTestBed, type JourneyTestBed } from '@passage/journey-workflow/testing';
import { TEST_PAYLOAD_KEYS } from '@passage/testing';
import { TestWebhookAgency, type Behaviour } from '../testing/test-webhook-agency';
import {
  capturingLogger,
  registerWebhookAgencies,
  startWebhookJourney,
  stepReaches,
} from '../testing/webhook-test-bed';
import { startAgencyGateway, type AgencyGateway } from './agency-gateway';

const AGENCY = 'wh-asking';
const SECRET_VARIABLE = 'PASSAGE_AGENCY_SECRET_WH_ASKING';
const SECRET = randomBytes(32).toString('base64url');

/** Asks the subject for the address first; answers once the request carries it. */
const asking: Behaviour = (call, agency) => {
  if (call.request.kind === 'compensate') return { status: 200, body: {} };
  if (!call.request.answered?.includes('person.address'))
    return {
      status: 200,
      body: { informationRequested: { items: ['person.address'], message: 'Op welk adres is de zetel?' } },
    };
  return { status: 200, body: { outputs: agency.act(call.request.idempotencyKey, { 'case.number': 'C-asked' }) } };
};

describe('a webhook step asks the subject for information (issue 10)', () => {
  let bed: JourneyTestBed;
  let gateway: AgencyGateway;
  let agency: TestWebhookAgency;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    agency = await TestWebhookAgency.start(SECRET, asking);
    await registerWebhookAgencies(bed.db.dataSource, {
      [AGENCY]: { url: agency.url, secretRef: `env:${SECRET_VARIABLE}` },
    });
    gateway = await startAgencyGateway({
      connection: bed.temporal.nativeConnection,
      namespace: bed.temporal.namespace,
      dataSource: bed.db.dataSource,
      payloadKeys: TEST_PAYLOAD_KEYS,
      publicUrl: 'http://127.0.0.1:9',
      environment: 'test',
      env: { [SECRET_VARIABLE]: SECRET },
      logger: capturingLogger(),
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await agency?.close();
    await bed?.stop();
  });

  it('waits for the subject with its term suspended, then calls the webhook again with the answer and completes', async () => {
    const handle = await startWebhookJourney(bed.temporal.client, AGENCY);
    const waiting = await stepReaches(handle, 'register', 'awaiting-subject');
    expect(waiting.steps.find((s) => s.id === 'register')?.asked).toEqual(['person.address']);

    const receipt = await handle.executeUpdate(provideInputsUpdate, {
      args: [
        {
          idempotencyKey: 'answer-1',
          items: { 'person.address': 'Markt 1, 9000 Gent' },
          actor: { id: 'subject-webhook', role: 'citizen' },
        },
      ],
    });
    expect(receipt.result).toBe('applied');
    const done = await stepReaches(handle, 'register', 'completed');
    expect(done.provenance['case.number']).toEqual({ kind: 'step', stepId: 'register', agency: AGENCY });

    const [first, second] = agency.callsFor(handle.workflowId).filter((call) => call.request.kind === 'perform');
    expect(first.request.items).toEqual({ 'person.name': 'Ada Lovelace' });
    expect(second.request).toMatchObject({
      items: { 'person.name': 'Ada Lovelace', 'person.address': 'Markt 1, 9000 Gent' },
      answered: ['person.address'],
      idempotencyKey: `${handle.workflowId}:register:1:answers-1`,
    });
    const events: { type: string; body: { reason?: string } }[] = await bed.db.dataSource.query(
      `SELECT type, body FROM journey_events WHERE journey_id = $1 AND step_id = 'register' ORDER BY n`,
      [handle.workflowId],
    );
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['info-requested', 'data-asked', 'info-provided', 'step-completed']),
    );
    expect(events.find((e) => e.type === 'data-asked')?.body.reason).toBe('Op welk adres is de zetel?');
  });
});
