import { createServer } from 'node:net';
import { Vault } from '@passage/persistence';
import { VaultCipher } from '@passage/persistence';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import {
  outboxRows,
  ProjectedJourney,
  publishTestLifeEvent,
  repeatUntil,
  TEST_VAULT_KEYS,
} from '../../testing/outbox.fixtures';
import { startWebhookReceiver, type Responder, type WebhookReceiver } from '../../testing/webhook-receiver';
import { NotificationOutbox } from '../outbox/notification-outbox';
import { ECounterWebhookTransport } from '../transports/e-counter-webhook.transport';
import { NotificationDispatcher, type NotificationDispatcherOptions } from './notification-dispatcher';

const SECRET = 'e-counter-test-secret-0123456789';

describe('notification dispatcher → e-counter webhook', () => {
  let db: TestDatabase;
  let receiver: WebhookReceiver | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    await publishTestLifeEvent(db.dataSource);
  });
  afterAll(() => db.drop());
  beforeEach(() => db.dataSource.query('DELETE FROM notifications'));
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  async function receive(respond?: Responder): Promise<WebhookReceiver> {
    receiver = await startWebhookReceiver(SECRET, respond);
    return receiver;
  }

  function dispatcher(url: string, options: Partial<NotificationDispatcherOptions> = {}): NotificationDispatcher {
    return new NotificationDispatcher({
      dataSource: db.dataSource,
      vault: new Vault(db.dataSource, new VaultCipher(TEST_VAULT_KEYS)),
      transports: { 'e-counter': new ECounterWebhookTransport({ url, secret: SECRET, timeoutMs: 2_000 }) },
      maxAttempts: 8,
      backoff: { initialMs: 200, coefficient: 2, maximumMs: 400 },
      ...options,
    });
  }

  it('delivers what the projection wrote for the subject, signed, once, without data values or free text', async () => {
    const { url, received } = await receive();
    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-alice', language: 'en' });
    const update = await journey.project(
      [
        { type: 'journey-started' },
        { type: 'step-dispatched', stepId: 'register', agency: 'alpha' },
        { type: 'data-shared', stepId: 'register', agency: 'alpha', items: ['person.name'] },
        { type: 'step-completed', stepId: 'register', agency: 'alpha' },
        { type: 'data-asked', stepId: 'confirm', agency: 'alpha', items: ['shop.address'] },
        { type: 'step-rejected', stepId: 'permit', agency: 'delta', reason: 'Alice Peeters owes taxes' },
      ],
      { dataWrites: { 'person.name': 'Alice Peeters' } },
    );

    expect(await dispatcher(url).runOnce()).toEqual({ emailsAdded: 0, sent: 3, retried: 0, failed: 0 });

    expect(received.map((r) => r.deliveryId).sort()).toEqual(
      [4, 5, 6].map((n) => `${journey.journeyId}:${n}:e-counter`),
    );
    expect(received.every((r) => r.verified)).toBe(true);
    const completed = received.find((r) => r.body['kind'] === 'step-completed');
    expect(completed?.body).toMatchObject({
      id: `${journey.journeyId}:4:e-counter`,
      subject: 'subject-alice',
      journeyId: journey.journeyId,
      lifeEvent: { id: 'open-shop', version: 1 },
      stepId: 'register',
      language: 'en',
      title: '“Registration” is done',
      text: 'The step “Registration” of “I open a shop” is done.',
    });
    for (const request of received) expect(request.raw).not.toMatch(/Alice|Peeters|taxes/);
    const rows = await outboxRows(db.dataSource, journey.journeyId);
    expect(rows.map((row) => [row.status, row.attempts, row.last_error])).toEqual(
      [...Array(3)].map(() => ['sent', 1, null]),
    );
    expect(rows.every((row) => row.sent_at instanceof Date)).toBe(true);

    // A retried projection and a second round deliver nothing again.
    await journey.replay(update);
    expect(await dispatcher(url).runOnce()).toEqual({ emailsAdded: 0, sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(3);
  });

  it('retries with backoff after the receiver fails twice, then records the delivery and its attempts', async () => {
    const { url, received } = await receive((_, index) => (index < 2 ? 503 : 200));
    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-bob', language: 'fr' });
    await journey.project([{ type: 'journey-completed' }]);
    const dispatch = dispatcher(url);

    expect(await dispatch.runOnce()).toMatchObject({ sent: 0, retried: 1 });
    const [afterFirst] = await outboxRows(db.dataSource, journey.journeyId);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, last_error: 'e-counter answered HTTP 503' });
    expect(await dispatch.runOnce()).toMatchObject({ sent: 0, retried: 0 }); // not due yet: backing off

    await repeatUntil(
      () => dispatch.runOnce(),
      async () => (await outboxRows(db.dataSource, journey.journeyId))[0].status === 'sent',
    );
    const [row] = await outboxRows(db.dataSource, journey.journeyId);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(received.map((r) => r.deliveryId)).toEqual(Array(3).fill(`${journey.journeyId}:1:e-counter`));
    expect(received.every((r) => r.verified)).toBe(true);
    expect(received[2].body['title']).toBe('«\u00a0J’ouvre un magasin\u00a0» : c’est terminé');
  });

  it('marks a notification failed, and keeps it, when the receiver stays down', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/hook`;
    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-carol' });
    await journey.project([{ type: 'journey-withdrawn' }]);
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dispatch = dispatcher(url, { maxAttempts: 3, backoff: { initialMs: 10, coefficient: 2, maximumMs: 20 } });

    await repeatUntil(
      () => dispatch.runOnce(),
      async () => (await outboxRows(db.dataSource, journey.journeyId))[0].status !== 'pending',
    );

    const [row] = await outboxRows(db.dataSource, journey.journeyId);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'e-counter unreachable (ECONNREFUSED)',
      sent_at: null,
    });
    expect(warnings).toHaveBeenCalledTimes(1);
    expect(String(warnings.mock.calls[0][0])).not.toContain('subject-carol');
    warnings.mockRestore();
    expect(await dispatch.runOnce()).toEqual({ emailsAdded: 0, sent: 0, retried: 0, failed: 0 });
  });

  it('fails at once when the receiver refuses the request itself (4xx)', async () => {
    const { url, received } = await receive(() => 401);
    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-dave' });
    await journey.project([{ type: 'journey-rejected' }]);
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await dispatcher(url).runOnce()).toMatchObject({ failed: 1 });
    warnings.mockRestore();
    expect((await outboxRows(db.dataSource, journey.journeyId))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'e-counter answered HTTP 401',
    });
    expect(received).toHaveLength(1);
  });

  it('retries when the receiver does not answer in time', async () => {
    const { url } = await receive(async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return 204;
    });
    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-hank' });
    await journey.project([{ type: 'journey-completed' }]);
    const slow = { 'e-counter': new ECounterWebhookTransport({ url, secret: SECRET, timeoutMs: 100 }) };

    expect(await dispatcher(url, { transports: slow }).runOnce()).toMatchObject({ retried: 1 });
    expect((await outboxRows(db.dataSource, journey.journeyId))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'e-counter did not answer within 100 ms',
    });
  });

  it('never delivers one row twice with two dispatchers working in parallel', async () => {
    const { url, received } = await receive(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 204;
    });
    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-erin' });
    await journey.project(
      Array.from({ length: 40 }, () => ({ type: 'data-asked' as const, stepId: 'confirm', items: ['shop.address'] })),
    );
    const [first, second] = [dispatcher(url, { batchSize: 4 }), dispatcher(url, { batchSize: 4 })];
    const reports = { first: 0, second: 0 };

    await repeatUntil(
      async () => {
        const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
        reports.first += a.sent;
        reports.second += b.sent;
      },
      async () => (await outboxRows(db.dataSource, journey.journeyId)).every((row) => row.status === 'sent'),
    );

    const ids = received.map((r) => r.deliveryId);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(reports.first + reports.second).toBe(40);
    expect(reports.first).toBeGreaterThan(0);
    expect(reports.second).toBeGreaterThan(0);
    expect((await outboxRows(db.dataSource, journey.journeyId)).every((row) => row.attempts === 1)).toBe(true);
  });

  it('takes over a row whose dispatcher died mid-delivery once its lease ends, and ignores the late result', async () => {
    const { url, received } = await receive();
    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-frank' });
    await journey.project([{ type: 'step-completed', stepId: 'register', agency: 'alpha' }]);
    const outbox = new NotificationOutbox(db.dataSource);
    const [crashed] = await outbox.claim(['e-counter'], 10, 300); // a dispatcher claims the row, then dies

    expect(await dispatcher(url).runOnce()).toMatchObject({ sent: 0 }); // leased: nobody else touches it
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await dispatcher(url).runOnce()).toMatchObject({ sent: 1 });

    await outbox.reschedule(crashed, 60_000, 'late result of the dead dispatcher');
    const [row] = await outboxRows(db.dataSource, journey.journeyId);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(received).toHaveLength(1);
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
