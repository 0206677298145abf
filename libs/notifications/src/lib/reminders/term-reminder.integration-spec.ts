import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StepState } from '@passage/contracts';
import { Vault } from '@passage/persistence';
import { VaultCipher } from '@passage/persistence';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import { outboxRows, ProjectedJourney, publishTestLifeEvent, TEST_VAULT_KEYS } from '../../testing/outbox.fixtures';
import { startWebhookReceiver } from '../../testing/webhook-receiver';
import { NotificationDispatcher } from '../dispatcher/notification-dispatcher';
import { ECounterWebhookTransport } from '../transports/e-counter-webhook.transport';
import { FileMailTransport } from '../transports/file-mail.transport';
import { TermReminderJob } from './term-reminder.job';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const reminderKey = (journeyId: string, stepId: string, dueAt: string) =>
  `${journeyId}:${stepId}:${dueAt.slice(0, 19)}Z:term-expiring:e-counter`;

describe('term reminders', () => {
  let db: TestDatabase;
  const project = async (
    subject: string,
    steps: Partial<StepState>[],
    status: 'active' | 'completed' = 'active',
    email?: string,
  ) => {
    const journey = new ProjectedJourney(db.dataSource, { subject, language: 'en', steps, status });
    await journey.project([], email ? { dataWrites: { 'person.email': email } } : {});
    return journey;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await publishTestLifeEvent(db.dataSource);
  });
  afterAll(() => db.drop());

  it('reminds once of each open term that concerns the subject and ends within the window, in their language', async () => {
    const citizenDue = inDays(2);
    const waitingDue = inDays(1);
    const due = await project(
      'subject-alice',
      [
        { id: 'confirm', status: 'in-progress', dueAt: citizenDue },
        { id: 'permit', status: 'awaiting-subject', dueAt: waitingDue },
        { id: 'register', status: 'dispatched', dueAt: inDays(1) }, // the agency's term, the subject need not act
      ],
      'active',
      'alice@example.org',
    );
    const others = [
      await project('subject-bob', [{ id: 'confirm', status: 'in-progress', dueAt: inDays(10) }]), // not yet
      await project('subject-carol', [{ id: 'confirm', status: 'in-progress', dueAt: inDays(1) }], 'completed'), // journey over
      await project('subject-dave', [{ id: 'confirm', status: 'completed', dueAt: inDays(1) }]), // step done
      await project('subject-erin', [{ id: 'confirm', status: 'in-progress', dueAt: inDays(-0.1) }]), // already passed
    ];
    const job = new TermReminderJob({ dataSource: db.dataSource, daysAhead: 3 });

    expect(await job.runOnce()).toBe(2);
    expect(await job.runOnce()).toBe(0);

    const rows = await outboxRows(db.dataSource, due.journeyId);
    expect(rows.map((row) => [row.dedupe_key, row.kind, row.channel, row.status]).sort()).toEqual(
      [
        [reminderKey(due.journeyId, 'confirm', citizenDue), 'term-expiring', 'e-counter', 'pending'],
        [reminderKey(due.journeyId, 'permit', waitingDue), 'term-expiring', 'e-counter', 'pending'],
      ].sort(),
    );
    for (const journey of others) expect(await outboxRows(db.dataSource, journey.journeyId)).toEqual([]);

    const receiver = await startWebhookReceiver('reminder-test-secret-0123456789');
    const dir = mkdtempSync(join(tmpdir(), 'passage-mail-'));
    const dispatcher = new NotificationDispatcher({
      dataSource: db.dataSource,
      vault: new Vault(db.dataSource, new VaultCipher(TEST_VAULT_KEYS)),
      transports: {
        'e-counter': new ECounterWebhookTransport({ url: receiver.url, secret: 'reminder-test-secret-0123456789' }),
        email: new FileMailTransport({ dir, from: 'no-reply@passage.test' }),
      },
      maxAttempts: 3,
    });
    expect(await dispatcher.runOnce()).toEqual({ emailsAdded: 2, sent: 4, retried: 0, failed: 0 });
    await receiver.close();

    const texts = Object.fromEntries(receiver.received.map((r) => [r.body['stepId'], r.body['text']]));
    const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(
      new Date(citizenDue),
    );
    expect(texts['confirm']).toBe(
      `The term for “Confirmation” of “I open a shop” ends on ${date}. Please do what is asked of you in your e-counter before then.`,
    );
    expect(texts['permit']).toContain('“Environment permit” of “I open a shop” is still waiting for your answer');
  });

  it('reminds again when a term moves, and not of the old one', async () => {
    const first = inDays(1);
    const journey = await project('subject-frank', [{ id: 'confirm', status: 'in-progress', dueAt: first }]);
    const job = new TermReminderJob({ dataSource: db.dataSource, daysAhead: 3 });
    await job.runOnce();

    const moved = inDays(2.5);
    await journey.project([], { steps: [{ id: 'confirm', status: 'in-progress', dueAt: moved }] });
    expect(await job.runOnce()).toBe(1);

    expect((await outboxRows(db.dataSource, journey.journeyId)).map((row) => row.dedupe_key)).toEqual([
      reminderKey(journey.journeyId, 'confirm', first),
      reminderKey(journey.journeyId, 'confirm', moved),
    ]);
  });
});
