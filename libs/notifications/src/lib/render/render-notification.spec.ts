import { LANGUAGES, type Language } from '@passage/journey-model';
import { notificationsLifeEvent } from '../../testing/notifications-life-event';
import type { NotificationBody, NotificationEvent } from '../outbox/notification-body';
import { textsOf } from './life-event-texts';
import { renderNotification } from './render-notification';

const definition = notificationsLifeEvent();
const texts = textsOf(definition);
const lifeEvent = { id: definition.id, version: definition.version };
const stepTitle = (language: Language) => definition.steps[1].title[language];

function render(kind: string, language: Language, event: Partial<NotificationEvent> = {}) {
  const body: NotificationBody = {
    event: { type: kind, at: '2026-11-20T09:00:00.000Z', stepId: 'permit', ...event },
    lifeEvent,
    language,
  };
  return renderNotification(kind, body, texts);
}

/** Every kind the projection and the reminder job write, with the event details each one carries. */
const KINDS: readonly [string, Partial<NotificationEvent>, boolean][] = [
  ['journey-started', { stepId: undefined }, false],
  ['step-completed', {}, true],
  ['step-rejected', { reason: 'Refused: Alice Peeters has no permit' } as Partial<NotificationEvent>, true],
  ['step-expired', { rule: 'tacit-approval' }, true],
  ['step-expired', { rule: 'tacit-refusal' }, true],
  ['step-overdue', { rule: 'escalate' }, true],
  ['step-overdue', { rule: 'remind' }, true],
  ['data-asked', { items: ['shop.address'] }, false],
  ['info-requested', { items: ['shop.address'] }, true],
  ['journey-completed', { stepId: undefined }, false],
  ['journey-rejected', { stepId: undefined }, false],
  ['journey-withdrawn', { stepId: undefined }, false],
  ['term-expiring', { dueAt: '2026-12-02T10:00:00.000Z' }, true],
  ['term-expiring', { dueAt: '2026-12-02T10:00:00.000Z', waitingForAnswer: true }, true],
];

describe('renderNotification', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(KINDS)('tells %s with the life event (and step) titles of that language', (kind, event, namesStep) => {
      const { title, text } = render(kind, language, event);
      expect(title.length).toBeGreaterThan(5);
      expect(text.length).toBeGreaterThan(title.length);
      expect(`${title} ${text}`).not.toMatch(/undefined|null|\$\{|NaN/);
      expect(text).toContain(definition.title[language]);
      if (namesStep) expect(`${title} ${text}`).toContain(stepTitle(language));
      for (const other of LANGUAGES.filter(
        (l) => l !== language && definition.title[l] !== definition.title[language],
      )) {
        expect(text).not.toContain(definition.title[other]);
      }
    });

    it('gives each kind and rule its own text', () => {
      const rendered = KINDS.map(([kind, event]) => render(kind, language, event).text);
      expect(new Set(rendered).size).toBe(rendered.length);
    });
  });

  it('never puts a free-text reason or anything but labels of the asked items in the text', () => {
    const reason = 'Alice Peeters, Kerkstraat 1, BE68 5390 0754 7034';
    for (const language of LANGUAGES) {
      for (const [kind, event] of KINDS) {
        const { title, text } = render(kind, language, { ...event, reason } as Partial<NotificationEvent>);
        expect(`${title} ${text}`).not.toContain('Alice');
        expect(`${title} ${text}`).not.toContain('Kerkstraat');
      }
    }
  });

  it('lists the asked items by their labels in the language, and says less when they have none', () => {
    expect(render('data-asked', 'en', { items: ['shop.address', 'person.email'] }).text).toContain(
      'Shop address and E-mail address',
    );
    expect(render('data-asked', 'fr', { items: ['shop.address', 'person.email'] }).text).toContain(
      'Adresse du magasin et Adresse e-mail',
    );
    expect(render('data-asked', 'nl', { items: ['unknown.item'] }).text).toContain('nog gegevens van je nodig');
  });

  it('tells the due date of a term in the language, in Belgian time', () => {
    const dueAt = '2026-12-02T23:30:00.000Z'; // already 3 December in Brussels
    expect(render('term-expiring', 'nl', { dueAt }).text).toContain('3 december 2026');
    expect(render('term-expiring', 'en', { dueAt }).text).toContain('3 December 2026');
    expect(render('term-expiring', 'fr', { dueAt }).text).toContain('3 décembre 2026');
    expect(render('term-expiring', 'en', { dueAt, waitingForAnswer: true }).text).not.toContain('2026');
  });

  it('refuses a term reminder without a due date', () => {
    expect(() => render('term-expiring', 'en', { dueAt: 'soon' })).toThrow(
      expect.objectContaining({ retryable: false }),
    );
  });

  it('still tells news of a step the version does not name, or of a kind it does not know', () => {
    expect(render('step-completed', 'en', { stepId: 'retired-step' }).title).toBe('News about “I open a shop”');
    expect(render('journey-paused', 'fr').title).toBe('Du nouveau pour «\u00a0J’ouvre un magasin\u00a0»');
  });
});
