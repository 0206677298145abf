import { statusFailure } from './e-counter-webhook.transport';

describe('e-counter answers', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');

  it.each([408, 429, 500, 502, 503, 504])('retries after HTTP %i', (status) => {
    expect(statusFailure(status, null, now)).toMatchObject({
      retryable: true,
      reason: `e-counter answered HTTP ${status}`,
    });
  });

  it.each([301, 400, 401, 403, 404, 410, 422])(
    'fails at once after HTTP %i: the same request would get the same answer',
    (status) => {
      expect(statusFailure(status, '60', now)).toMatchObject({ retryable: false, retryAfterMs: undefined });
    },
  );

  it('honours Retry-After in seconds or as a date', () => {
    expect(statusFailure(429, '120', now).retryAfterMs).toBe(120_000);
    expect(statusFailure(503, 'Sun, 29 Nov 2026 10:05:00 GMT', now).retryAfterMs).toBe(300_000);
    expect(statusFailure(503, 'later', now).retryAfterMs).toBeUndefined();
  });
});
