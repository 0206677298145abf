import { parseNotificationBody } from './notification-body';

describe('parseNotificationBody', () => {
  const valid = {
    event: { type: 'step-completed', at: '2026-11-20T09:00:00Z', stepId: 'permit', items: ['a'] },
    lifeEvent: { id: 'open-shop', version: 1 },
    language: 'nl',
  };

  it('accepts a body as the projection writes it', () => {
    expect(parseNotificationBody(valid)).toBe(valid);
  });

  it.each([
    ['no event', { ...valid, event: undefined }],
    ['an unknown language', { ...valid, language: 'de' }],
    ['a version that is not a number', { ...valid, lifeEvent: { id: 'open-shop', version: '1' } }],
    ['items that are not keys', { ...valid, event: { ...valid.event, items: [{ value: 'x' }] } }],
    ['nothing', null],
  ])('refuses %s for good', (_, body) => {
    expect(() => parseNotificationBody(body)).toThrow(
      expect.objectContaining({ reason: 'malformed notification body', retryable: false }),
    );
  });
});
