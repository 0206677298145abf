import type { Language } from '@passage/journey-model';

/** The channels the outbox knows: the subject's e-counter (a citizen portal) and e-mail. */
export type NotificationChannel = 'e-counter' | 'email';

/** One rendered notification, ready for a transport. It never carries data-item values. */
export interface NotificationMessage {
  /** The outbox row's dedupe key: the same on every attempt, so a receiver can drop duplicates. */
  readonly deliveryId: string;
  readonly kind: string;
  /** The pseudonymous subject id (never a national number). */
  readonly subject: string;
  readonly journeyId: string | null;
  readonly lifeEvent: { readonly id: string; readonly version: number };
  readonly stepId?: string;
  readonly language: Language;
  readonly occurredAt: string;
  readonly title: string;
  readonly text: string;
  /** The e-mail address, on the e-mail channel only: read from the vault just before delivery. */
  readonly to?: string;
}

export interface NotificationTransport {
  deliver(message: NotificationMessage): Promise<void>;
}

/**
 * A delivery that did not succeed. `reason` is stored in the outbox and logged, so it is short and never holds
 * personal data (no addresses, no reply texts of remote servers).
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    readonly reason: string,
    /** False when repeating the same request cannot succeed: the notification fails at once. */
    readonly retryable: boolean,
    /** The receiver's wish (Retry-After), when it stated one. */
    readonly retryAfterMs?: number,
  ) {
    super(reason);
  }
}
