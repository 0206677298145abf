import type { DataSource } from 'typeorm';
import type { KeyRing, NotificationSettings } from '@passage/config';
import { Vault } from '@passage/persistence';
import { VaultCipher } from '@passage/persistence';
import type { NotificationChannel, NotificationTransport } from './delivery/notification-message';
import { NotificationDispatcher } from './dispatcher/notification-dispatcher';
import { TermReminderJob } from './reminders/term-reminder.job';
import { ECounterWebhookTransport } from './transports/e-counter-webhook.transport';
import { FileMailTransport } from './transports/file-mail.transport';
import { SmtpMailTransport } from './transports/smtp-mail.transport';

export interface NotificationService {
  /** Which channels are delivered, for the start-up log line. */
  readonly channels: readonly NotificationChannel[];
  start(): void;
  stop(): Promise<void>;
}

/** The transports the configuration asks for. */
function transportsFor(settings: NotificationSettings): Partial<Record<NotificationChannel, NotificationTransport>> {
  const transports: Partial<Record<NotificationChannel, NotificationTransport>> = {};
  if (settings.eCounterWebhook) transports['e-counter'] = new ECounterWebhookTransport(settings.eCounterWebhook);
  const mail = settings.mail;
  if (mail.transport === 'file') transports.email = new FileMailTransport(mail);
  if (mail.transport === 'smtp') transports.email = new SmtpMailTransport(mail);
  return transports;
}

/** The dispatcher and the term reminder job, as a worker process runs them next to its Temporal worker. */
export function createNotificationService(deps: {
  dataSource: DataSource;
  vaultKeys: KeyRing;
  settings: NotificationSettings;
}): NotificationService {
  const { dataSource, settings } = deps;
  const transports = transportsFor(settings);
  const dispatcher = new NotificationDispatcher({
    dataSource,
    vault: new Vault(dataSource, new VaultCipher(deps.vaultKeys)),
    transports,
    maxAttempts: settings.maxAttempts,
    pollIntervalMs: settings.pollIntervalMs,
  });
  const reminders = new TermReminderJob({ dataSource, daysAhead: settings.termReminderDays });
  return {
    channels: Object.keys(transports) as NotificationChannel[],
    start() {
      dispatcher.start();
      reminders.start();
    },
    async stop() {
      await Promise.all([dispatcher.stop(), reminders.stop()]);
    },
  };
}
