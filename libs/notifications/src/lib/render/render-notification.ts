import type { Language } from '@passage/journey-model';
import { DeliveryError } from '../delivery/notification-message';
import type { NotificationBody, NotificationEvent } from '../outbox/notification-body';
import type { LifeEventTexts } from './life-event-texts';
import { LOCALES, TEMPLATES, quote, type RenderedNotification, type TemplateKey } from './notification-texts';

/** Kinds whose text names the step. */
const STEP_KINDS: ReadonlySet<string> = new Set([
  'step-completed',
  'step-rejected',
  'step-expired',
  'step-overdue',
  'info-requested',
  'term-expiring',
]);

const PLAIN_KINDS: ReadonlySet<string> = new Set([
  'journey-started',
  'step-completed',
  'step-rejected',
  'info-requested',
  'journey-completed',
  'journey-rejected',
  'journey-withdrawn',
]);

/** Dates are told in Belgian time: Passage serves Belgian public services. */
const TIME_ZONE = 'Europe/Brussels';

/**
 * Renders a notification in the subject's language from the kind of event and the titles of the life-event version
 * the journey runs on. The text names the life event, the step, a due date and the labels of asked items: enough to
 * know what it is about, nothing more.
 */
export function renderNotification(
  kind: string,
  { event, language }: NotificationBody,
  texts: LifeEventTexts,
): RenderedNotification {
  const step = texts.steps.get(event.stepId ?? '');
  const items = (event.items ?? []).flatMap((item) => texts.dataItems.get(item)?.[language] ?? []);
  // A step the version does not name (one retired when the journey moved to a newer version) still gets news.
  const key = STEP_KINDS.has(kind) && !step ? 'news' : templateKey(kind, event, items.length > 0);
  return TEMPLATES[language][key]({
    journey: quote(language, texts.title[language]),
    step: step ? quote(language, step[language]) : '',
    date: key === 'term-expiring' ? formatDate(language, event.dueAt) : '',
    items: new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(items),
  });
}

function templateKey(kind: string, event: NotificationEvent, labelled: boolean): TemplateKey {
  switch (kind) {
    case 'step-expired':
      return event.rule === 'tacit-approval' || event.rule === 'tacit-refusal'
        ? `step-expired:${event.rule}`
        : 'step-expired';
    case 'step-overdue':
      return event.rule === 'escalate' ? 'step-overdue:escalate' : 'step-overdue';
    case 'data-asked':
      return labelled ? 'data-asked' : 'data-asked:unlabelled';
    case 'term-expiring':
      return event.waitingForAnswer ? 'term-expiring:waiting' : 'term-expiring';
    default:
      // Kinds added to the projection later still reach the subject, with a general text.
      return PLAIN_KINDS.has(kind) ? (kind as TemplateKey) : 'news';
  }
}

function formatDate(language: Language, iso: string | undefined): string {
  const date = new Date(iso ?? Number.NaN);
  if (Number.isNaN(date.getTime())) throw new DeliveryError('term reminder without a valid due date', false);
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}
