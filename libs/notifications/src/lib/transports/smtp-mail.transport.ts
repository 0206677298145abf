import { DeliveryError, type NotificationMessage, type NotificationTransport } from '../delivery/notification-message';
import { composeMail, recipientOf, senderAddress } from './mail-message';
import { SmtpError, sendSmtp } from './smtp-client';

export interface SmtpMailOptions {
  readonly host: string;
  readonly port: number;
  readonly from: string;
  readonly timeoutMs?: number;
}

/** Hands each e-mail to an SMTP server: a local sink in development, a relay in production. */
export class SmtpMailTransport implements NotificationTransport {
  constructor(private readonly options: SmtpMailOptions) {}

  async deliver(message: NotificationMessage): Promise<void> {
    const from = senderAddress(this.options.from);
    const endpoint = {
      host: this.options.host,
      port: this.options.port,
      timeoutMs: this.options.timeoutMs ?? 30_000,
      clientName: from.split('@')[1],
    };
    try {
      await sendSmtp(endpoint, { from, to: recipientOf(message) }, composeMail(message, this.options.from));
    } catch (error) {
      throw error instanceof SmtpError ? new DeliveryError(error.message, error.transient) : error;
    }
  }
}
