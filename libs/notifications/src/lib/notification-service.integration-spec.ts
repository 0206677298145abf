import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPassageConfig } from '@passage/config';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import {
  outboxRows,
  ProjectedJourney,
  publishTestLifeEvent,
  repeatUntil,
  TEST_VAULT_KEYS,
} from '../testing/outbox.fixtures';
import { startWebhookReceiver } from '../testing/webhook-receiver';
import { createNotificationService } from './notification-service';

describe('the notification service as the worker runs it', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await publishTestLifeEvent(db.dataSource);
  });
  afterAll(() => db.drop());

  it('polls from the configuration, delivers every channel, and stops cleanly', async () => {
    const secret = 'service-test-secret-0123456789';
    const receiver = await startWebhookReceiver(secret);
    const dataDir = mkdtempSync(join(tmpdir(), 'passage-'));
    const config = loadPassageConfig({
      PASSAGE_ENV: 'test',
      PASSAGE_DATA_DIR: dataDir,
      PASSAGE_ECOUNTER_WEBHOOK_URL: receiver.url,
      PASSAGE_ECOUNTER_WEBHOOK_SECRET: secret,
      PASSAGE_NOTIFY_POLL_INTERVAL_MS: '50',
    });
    const service = createNotificationService({
      dataSource: db.dataSource,
      vaultKeys: TEST_VAULT_KEYS,
      settings: config.notifications,
    });
    expect(service.channels).toEqual(['e-counter', 'email']);
    service.start();

    const journey = new ProjectedJourney(db.dataSource, { subject: 'subject-gina', language: 'nl' });
    await journey.project([{ type: 'journey-completed' }], { dataWrites: { 'person.email': 'gina@example.org' } });
    await repeatUntil(
      async () => undefined,
      async () =>
        (await outboxRows(db.dataSource, journey.journeyId)).filter((row) => row.status === 'sent').length === 2,
    );
    await service.stop();
    await receiver.close();

    expect(receiver.received.map((r) => [r.body['title'], r.verified])).toEqual([
      ['“Ik open een winkel” is afgerond', true],
    ]);
    expect(existsSync(join(dataDir, 'mail'))).toBe(true);
    expect(readdirSync(join(dataDir, 'mail'))).toEqual([`${journey.journeyId}_1_email.eml`]);
  });
});
