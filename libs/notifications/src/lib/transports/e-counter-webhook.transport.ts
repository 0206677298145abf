import { DeliveryError, type NotificationMessage, type NotificationTransport } from '../delivery/notification-message';
import { signWebhook } from '@passage/agency-sdk';
import { retryAfterMs } from '@passage/timing';

/** Lets the receiver drop a notification it already has (delivery is at least once). */
export const DELIVERY_ID_HEADER = 'Passage-Delivery-Id';

export interface ECounterWebhookOptions {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs?: number;
}

/** What the e-counter receives: the rendered text and the ids it needs to file it, no data-item values. */
function webhookPayload(message: NotificationMessage): Record<string, unknown> {
  return {
    id: message.deliveryId,
    kind: message.kind,
    subject: message.subject,
    journeyId: message.journeyId,
    lifeEvent: message.lifeEvent,
    stepId: message.stepId ?? null,
    language: message.language,
    occurredAt: message.occurredAt,
    title: message.title,
    text: message.text,
  };
}

/**
 * Posts each notification as signed JSON to the subject's e-counter (a citizen portal such as Mijn Burgerprofiel).
 * A 2xx answer is a delivery. 408, 429 and 5xx are worth repeating; any other answer (a 4xx: bad signature, unknown
 * subject, payload refused; or a redirect, which is not followed because the signature is for this URL) would be
 * the same next time, so the notification fails at once and shows up as failed instead of retrying for hours.
 */
export class ECounterWebhookTransport implements NotificationTransport {
  private readonly timeoutMs: number;

  constructor(private readonly options: ECounterWebhookOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async deliver(message: NotificationMessage): Promise<void> {
    const body = JSON.stringify(webhookPayload(message));
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'passage-notifications',
          // The same signature as every Passage webhook: HMAC-SHA256 over timestamp, nonce and body.
          ...signWebhook(this.options.secret, body),
          [DELIVERY_ID_HEADER]: message.deliveryId,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw this.networkFailure(error);
    }
    // The answer's body is not used: release the connection.
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299)
      throw statusFailure(response.status, response.headers.get('retry-after'), Date.now());
  }

  private networkFailure(error: unknown): DeliveryError {
    if ((error as Error | null)?.name === 'TimeoutError')
      return new DeliveryError(`e-counter did not answer within ${this.timeoutMs} ms`, true);
    const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    const known = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code);
    return new DeliveryError(`e-counter unreachable (${known ? code : 'network error'})`, true);
  }
}

export function statusFailure(status: number, retryAfter: string | null, now: number): DeliveryError {
  const retryable = status === 408 || status === 429 || status >= 500;
  return new DeliveryError(
    `e-counter answered HTTP ${status}`,
    retryable,
    retryable ? retryAfterMs(retryAfter, now) : undefined,
  );
}
