import type { DataSource } from 'typeorm';
import { PERSON_SCOPE, type Vault } from '@passage/persistence';
import { jitteredDelayMs, Poller, type BackoffPolicy } from '@passage/timing';
import { describeFailure, type Failure } from '../delivery/failure';
import {
  DeliveryError,
  type NotificationChannel,
  type NotificationMessage,
  type NotificationTransport,
} from '../delivery/notification-message';
import { parseNotificationBody } from '../outbox/notification-body';
import { EMAIL_ITEM, NotificationOutbox, type ClaimedNotification } from '../outbox/notification-outbox';
import { LifeEventTextsLoader } from '../render/life-event-texts';
import { MAIL_FOOTER } from '../render/notification-texts';
import { renderNotification } from '../render/render-notification';

/** How the dispatcher appears in the data access log when it reads an e-mail address from the vault. */
export const NOTIFICATION_ACCESS = {
  accessor: 'passage-notifications',
  accessorRole: 'system',
  purpose: 'notification',
} as const;

/** 1, 2, 4 … minutes, at most an hour: eight attempts span about two hours of a receiver's outage. */
const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 60_000, coefficient: 2, maximumMs: 3_600_000 };

export interface NotificationDispatcherOptions {
  readonly dataSource: DataSource;
  readonly vault: Vault;
  /** A channel without a transport is not claimed: its rows wait, pending and visible, until one is configured. */
  readonly transports: Readonly<Partial<Record<NotificationChannel, NotificationTransport>>>;
  readonly maxAttempts: number;
  readonly backoff?: BackoffPolicy;
  /** Rows claimed (and delivered in parallel) at a time. */
  readonly batchSize?: number;
  /** Bounds one run, so a backlog cannot keep it from yielding to the next poll and to shutdown. */
  readonly maxBatchesPerRun?: number;
  /** How long a claimed row is reserved; longer than any transport's timeout. */
  readonly leaseMs?: number;
  readonly pollIntervalMs?: number;
}

export interface DispatchReport {
  /** E-mail rows added next to e-counter rows. */
  emailsAdded: number;
  sent: number;
  retried: number;
  failed: number;
}

type Outcome = 'sent' | 'retried' | 'failed';

/**
 * Delivers the notifications outbox: renders each due row in the subject's language and hands it to its channel's
 * transport, then records the outcome (sent, retried later with backoff, or failed for good: kept and visible).
 * Several dispatchers may run against one database; each row is claimed by one of them at a time.
 */
export class NotificationDispatcher {
  private readonly outbox: NotificationOutbox;
  private readonly texts: LifeEventTextsLoader;
  private readonly channels: NotificationChannel[];
  private readonly batchSize: number;
  private readonly maxBatches: number;
  private readonly poller: Poller;

  constructor(private readonly options: NotificationDispatcherOptions) {
    this.outbox = new NotificationOutbox(options.dataSource);
    this.texts = new LifeEventTextsLoader(options.dataSource);
    this.channels = (Object.keys(options.transports) as NotificationChannel[]).filter(
      (channel) => options.transports[channel],
    );
    this.batchSize = options.batchSize ?? 10;
    this.maxBatches = options.maxBatchesPerRun ?? 20;
    this.poller = new Poller(
      'notification dispatcher',
      options.pollIntervalMs ?? 5_000,
      () => this.runOnce(),
      (error) => describeFailure(error).reason,
    );
  }

  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** One bounded round: fan out new rows to e-mail, then deliver what is due. */
  async runOnce(): Promise<DispatchReport> {
    const report: DispatchReport = { emailsAdded: 0, sent: 0, retried: 0, failed: 0 };
    for (let batch = 0; batch < this.maxBatches; batch++) {
      const { sources, emails } = await this.outbox.fanOut(this.batchSize, this.options.transports.email !== undefined);
      report.emailsAdded += emails;
      if (sources < this.batchSize) break;
    }
    for (let batch = 0; batch < this.maxBatches; batch++) {
      const rows = await this.outbox.claim(this.channels, this.batchSize, this.options.leaseMs ?? 120_000);
      for (const outcome of await Promise.all(rows.map((row) => this.deliver(row)))) report[outcome]++;
      if (rows.length < this.batchSize) break;
    }
    return report;
  }

  private async deliver(row: ClaimedNotification): Promise<Outcome> {
    const failure = await this.attempt(row);
    if (!failure) {
      await this.outbox.markSent(row);
      return 'sent';
    }
    if (failure.retryable && row.attempts < this.options.maxAttempts) {
      const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
      const delayMs = Math.min(
        backoff.maximumMs,
        Math.max(jitteredDelayMs(row.attempts, backoff), failure.retryAfterMs ?? 0),
      );
      await this.outbox.reschedule(row, delayMs, failure.reason);
      return 'retried';
    }
    await this.outbox.markFailed(row, failure.reason);
    console.warn(
      `passage notifications: notification ${row.id} (${row.kind}, ${row.channel}) failed after ${row.attempts} attempt(s): ${failure.reason}`,
    );
    return 'failed';
  }

  /** Delivers the row; returns why not, if it did not go. */
  private async attempt(row: ClaimedNotification): Promise<Failure | undefined> {
    // A row claimed again after its last attempt's lease ran out (its dispatcher died) gets no further attempt.
    if (row.attempts > this.options.maxAttempts) {
      return { reason: 'attempts exhausted (last attempt interrupted)', retryable: false };
    }
    try {
      await this.transport(row.channel).deliver(await this.message(row));
      return undefined;
    } catch (error) {
      return describeFailure(error);
    }
  }

  private transport(channel: NotificationChannel): NotificationTransport {
    const transport = this.options.transports[channel];
    if (!transport) throw new DeliveryError(`no transport for channel ${channel}`, true);
    return transport;
  }

  private async message(row: ClaimedNotification): Promise<NotificationMessage> {
    const body = parseNotificationBody(row.body);
    const rendered = renderNotification(
      row.kind,
      body,
      await this.texts.load(body.lifeEvent.id, body.lifeEvent.version),
    );
    const message: NotificationMessage = {
      deliveryId: row.dedupeKey,
      kind: row.kind,
      subject: row.subject,
      journeyId: row.journeyId,
      lifeEvent: { id: body.lifeEvent.id, version: body.lifeEvent.version },
      stepId: body.event.stepId,
      language: body.language,
      occurredAt: body.event.at,
      ...rendered,
    };
    if (row.channel !== 'email') return message;
    return { ...message, text: `${rendered.text}\n\n${MAIL_FOOTER[body.language]}`, to: await this.emailAddress(row) };
  }

  /** Read through the vault, so the subject sees in their access log that their address was used, and why. */
  private async emailAddress(row: ClaimedNotification): Promise<string> {
    const known = await this.options.vault.read(row.subject, [{ item: EMAIL_ITEM, scope: PERSON_SCOPE }], {
      ...NOTIFICATION_ACCESS,
      journeyId: row.journeyId ?? undefined,
    });
    const address = known[EMAIL_ITEM]?.value;
    if (typeof address !== 'string')
      throw new DeliveryError('no e-mail address on file (removed or consent withdrawn)', false);
    return address;
  }
}
