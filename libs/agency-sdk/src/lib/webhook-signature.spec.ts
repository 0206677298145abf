import { MemoryNonceStore, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'agency-secret-0123456789abcdef';
  const body = JSON.stringify({ stepId: 'drinks-licence', items: { 'business.tradeName': 'Café De Zon' } });

  it('accepts a fresh, correctly signed request once', async () => {
    const nonces = new MemoryNonceStore();
    const headers = signWebhook(secret, body);
    expect(await verifyWebhook(secret, body, headers, nonces)).toBeUndefined();
    expect(await verifyWebhook(secret, body, headers, nonces)).toBe('replayed-nonce');
  });

  it('refuses a tampered body, another secret, a stale or future timestamp and missing headers', async () => {
    const headers = signWebhook(secret, body);
    expect(await verifyWebhook(secret, body.replace('Zon', 'Maan'), headers, new MemoryNonceStore())).toBe(
      'bad-signature',
    );
    expect(await verifyWebhook('another-secret-0123456789abcdef', body, headers, new MemoryNonceStore())).toBe(
      'bad-signature',
    );
    const old = signWebhook(secret, body, new Date(Date.now() - 6 * 60_000));
    expect(await verifyWebhook(secret, body, old, new MemoryNonceStore())).toBe('stale-timestamp');
    const future = signWebhook(secret, body, new Date(Date.now() + 6 * 60_000));
    expect(await verifyWebhook(secret, body, future, new MemoryNonceStore())).toBe('stale-timestamp');
    expect(await verifyWebhook(secret, body, {}, new MemoryNonceStore())).toBe('missing-headers');
    const { 'passage-nonce': _, ...withoutNonce } = headers;
    expect(await verifyWebhook(secret, body, withoutNonce, new MemoryNonceStore())).toBe('missing-headers');
  });

  it('keeps a request valid just inside the five minutes', async () => {
    const headers = signWebhook(secret, body, new Date(Date.now() - 4 * 60_000));
    expect(await verifyWebhook(secret, body, headers, new MemoryNonceStore())).toBeUndefined();
  });
});
