import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { startSmtpSink, type SinkRefusal, type SmtpSink } from '../../testing/smtp-sink';
import type { NotificationTransport } from '../delivery/notification-message';
import { NotificationOutbox } from '../outbox/notification-outbox';
import { FileMailTransport } from '../transports/file-mail.transport';
import { SmtpMailTransport } from '../transports/smtp-mail.transport';
import { NotificationDispatcher } from './notification-dispatcher';

const FROM = 'Passage <no-reply@passage.test>';

describe('notification dispatcher → e-mail', () => {
  let db: TestDatabase;
  let sink: SmtpSink | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    await publishTestLifeEvent(db.dataSource);
  });
  afterAll(() => db.drop());
  beforeEach(() => db.dataSource.query('DELETE FROM notifications'));
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  function dispatcher(email: NotificationTransport): NotificationDispatcher {
    return new NotificationDispatcher({
      dataSource: db.dataSource,
      vault: new Vault(db.dataSource, new VaultCipher(TEST_VAULT_KEYS)),
      transports: { email },
      maxAttempts: 3,
      backoff: { initialMs: 10, coefficient: 2, maximumMs: 20 },
    });
  }

  /** A subject who gave an e-mail address (kept in the vault by the projection) and one who did not. */
  async function twoSubjects(language: 'nl' | 'en' | 'fr' = 'fr') {
    const withEmail = new ProjectedJourney(db.dataSource, { subject: `subject-${Math.random()}`, language });
    await withEmail.project([{ type: 'data-provided', items: ['person.email'] }], {
      dataWrites: { 'person.email': 'alice@example.org' },
    });
    await withEmail.project([{ type: 'step-completed', stepId: 'permit', agency: 'delta' }]);
    const withoutEmail = new ProjectedJourney(db.dataSource, { subject: `subject-${Math.random()}` });
    await withoutEmail.project([{ type: 'step-completed', stepId: 'permit', agency: 'delta' }]);
    return { withEmail, withoutEmail };
  }

  it('writes an .eml file in the subject’s language, reading the address through the vault’s access log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-mail-'));
    const { withEmail, withoutEmail } = await twoSubjects('fr');

    expect(await dispatcher(new FileMailTransport({ dir, from: FROM })).runOnce()).toEqual({
      emailsAdded: 1,
      sent: 1,
      retried: 0,
      failed: 0,
    });

    const files = readdirSync(dir);
    expect(files).toEqual([`${withEmail.journeyId}_2_email.eml`]);
    const mail = readFileSync(join(dir, files[0]), 'utf8');
    expect(mail).toContain('\r\nTo: alice@example.org\r\n');
    const [head, body] = mail.split('\r\n\r\n');
    const subject = /Subject: ((?:.|\r\n )*)/.exec(head)?.[1] ?? '';
    expect(decodeWords(subject)).toBe('«\u00a0Permis d’environnement\u00a0» : c’est fait');
    const text = Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(text).toContain(
      'L’étape «\u00a0Permis d’environnement\u00a0» de «\u00a0J’ouvre un magasin\u00a0» est terminée.',
    );
    expect(text).toContain('Ceci est un message automatique');

    const log: {
      subject: string;
      item: string;
      journey_id: string;
      accessor: string;
      accessor_role: string;
      purpose: string;
    }[] = await db.dataSource.query(
      `SELECT subject, item, journey_id, accessor, accessor_role, purpose FROM data_access_log WHERE accessor = 'passage-notifications'`,
    );
    expect(log).toEqual([
      {
        subject: expect.stringMatching(/^subject-/),
        item: 'person.email',
        journey_id: withEmail.journeyId,
        accessor: 'passage-notifications',
        accessor_role: 'system',
        purpose: 'notification',
      },
    ]);

    // The e-counter rows stay pending (no e-counter configured); e-mail rows are added once, only where an address is known.
    expect((await outboxRows(db.dataSource, withEmail.journeyId)).map((r) => [r.channel, r.status])).toEqual([
      ['e-counter', 'pending'],
      ['email', 'sent'],
    ]);
    expect((await outboxRows(db.dataSource, withoutEmail.journeyId)).map((r) => r.channel)).toEqual(['e-counter']);
    expect(await dispatcher(new FileMailTransport({ dir, from: FROM })).runOnce()).toEqual({
      emailsAdded: 0,
      sent: 0,
      retried: 0,
      failed: 0,
    });
  });

  it('hands the e-mail to an SMTP server', async () => {
    sink = await startSmtpSink();
    const { withEmail } = await twoSubjects('nl');

    expect(
      await dispatcher(new SmtpMailTransport({ host: '127.0.0.1', port: sink.port, from: FROM })).runOnce(),
    ).toMatchObject({ sent: 1 });

    expect(sink.commands.map((c) => c.split(' ')[0].split(':')[0])).toEqual(['EHLO', 'MAIL', 'RCPT', 'DATA', 'QUIT']);
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]).toMatchObject({ from: 'no-reply@passage.test', to: ['alice@example.org'] });
    expect(sink.mails[0].data).toContain(`X-Passage-Delivery-Id: ${withEmail.journeyId}:2:email\r\n`);
    expect(sink.mails[0].data).toContain('Content-Language: nl\r\n');
    expect((await outboxRows(db.dataSource, withEmail.journeyId))[1]).toMatchObject({
      channel: 'email',
      status: 'sent',
      attempts: 1,
    });
  });

  it.each<[string, SinkRefusal, object]>([
    [
      'fails at once when the server refuses the recipient (5xx)',
      (c) => (c.startsWith('RCPT') ? '550 5.1.1 <alice@example.org>: no such user' : undefined),
      { status: 'failed', attempts: 1, last_error: 'SMTP 550 after RCPT TO' },
    ],
    [
      'retries when the server is busy (4xx)',
      (c) => (c.startsWith('MAIL') ? '451 4.3.0 try again later' : undefined),
      { status: 'failed', attempts: 3, last_error: 'SMTP 451 after MAIL FROM' },
    ],
  ])('%s, without the address in the error', async (_, refusal, expected) => {
    sink = await startSmtpSink(refusal);
    const { withEmail } = await twoSubjects();
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dispatch = dispatcher(new SmtpMailTransport({ host: '127.0.0.1', port: sink.port, from: FROM }));

    await repeatUntil(
      () => dispatch.runOnce(),
      async () => (await outboxRows(db.dataSource, withEmail.journeyId))[1]?.status === 'failed',
    );

    warnings.mockRestore();
    const email = (await outboxRows(db.dataSource, withEmail.journeyId))[1];
    expect(email).toMatchObject(expected);
    expect(email.last_error).not.toContain('alice');
    expect(sink.mails).toHaveLength(0);
  });

  it('fails, visibly, when the address is withdrawn between fan-out and delivery', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-mail-'));
    const { withEmail } = await twoSubjects();
    expect(await new NotificationOutbox(db.dataSource).fanOut(10, true)).toEqual({ sources: 2, emails: 1 });
    await db.dataSource.query(`UPDATE data_items SET consent = false WHERE subject = $1`, [withEmail.subject]);
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await dispatcher(new FileMailTransport({ dir, from: FROM })).runOnce()).toMatchObject({
      sent: 0,
      failed: 1,
    });

    warnings.mockRestore();
    expect((await outboxRows(db.dataSource, withEmail.journeyId))[1]).toMatchObject({
      channel: 'email',
      status: 'failed',
      attempts: 1,
      last_error: 'no e-mail address on file (removed or consent withdrawn)',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** As a mail client reads encoded words: whitespace (and folding) between them is not part of the text. */
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}
