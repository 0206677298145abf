import { LANGUAGES, type Language } from '@passage/journey-model';
import { DeliveryError } from '../delivery/notification-message';

/** The event a notification tells about: a timeline event, or a term reminder. Keys of data items, never values. */
export interface NotificationEvent {
  readonly type: string;
  readonly at: string;
  readonly stepId?: string;
  readonly items?: readonly string[];
  /** For `step-expired` / `step-overdue`: the expiry rule applied. */
  readonly rule?: string;
  /** For `term-expiring`: when the term ends, and whether the agency is waiting for the subject's answer. */
  readonly dueAt?: string;
  readonly waitingForAnswer?: boolean;
}

/** An outbox row's body, as the projection and the term reminder job write it. */
export interface NotificationBody {
  readonly event: NotificationEvent;
  readonly lifeEvent: { readonly id: string; readonly version: number };
  readonly language: Language;
}

const optional = (value: unknown, type: 'string' | 'boolean') => value === undefined || typeof value === type;

/** Checks a row's body; a malformed one can never be delivered, so it fails at once (and stays visible). */
export function parseNotificationBody(value: unknown): NotificationBody {
  const body = value as {
    event?: Record<string, unknown>;
    lifeEvent?: Record<string, unknown>;
    language?: unknown;
  } | null;
  const event = body?.event;
  const lifeEvent = body?.lifeEvent;
  const valid =
    typeof event?.['type'] === 'string' &&
    typeof event['at'] === 'string' &&
    optional(event['stepId'], 'string') &&
    optional(event['rule'], 'string') &&
    optional(event['dueAt'], 'string') &&
    optional(event['waitingForAnswer'], 'boolean') &&
    (event['items'] === undefined ||
      (Array.isArray(event['items']) && event['items'].every((item) => typeof item === 'string'))) &&
    typeof lifeEvent?.['id'] === 'string' &&
    Number.isInteger(lifeEvent['version']) &&
    LANGUAGES.includes(body?.language as Language);
  if (!valid) throw new DeliveryError('malformed notification body', false);
  return value as NotificationBody;
}
