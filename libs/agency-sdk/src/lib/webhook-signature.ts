import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Signing of webhook calls between Passage and agencies, both ways (Passage → agency step requests, agency →
 * Passage callbacks). The signature is HMAC-SHA256 over `<timestamp>.<nonce>.<body>` with the agency's secret.
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'passage-timestamp',
  nonce: 'passage-nonce',
  signature: 'passage-signature',
} as const;

/** Requests older (or further in the future) than this are refused. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export type SignatureHeaders = Record<(typeof SIGNATURE_HEADERS)[keyof typeof SIGNATURE_HEADERS], string>;

function mac(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`).digest('hex');
}

/** Headers that sign `body` now. */
export function signWebhook(
  secret: string,
  body: string,
  now: Date = new Date(),
  nonce: string = randomUUID(),
): SignatureHeaders {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `v1=${mac(secret, timestamp, nonce, body)}`,
  } as SignatureHeaders;
}

export type SignatureFailure = 'missing-headers' | 'stale-timestamp' | 'bad-signature' | 'replayed-nonce';

/** Remembers nonces for the validity window, so that a captured request cannot be sent again. */
export interface NonceStore {
  /** True when the nonce was not seen before (and is now remembered until `expiresAt`). */
  remember(nonce: string, expiresAt: Date): Promise<boolean> | boolean;
}

/** A nonce store in memory, for one process (a receiver with several replicas needs a shared store). */
export class MemoryNonceStore implements NonceStore {
  private readonly seen = new Map<string, number>();

  remember(nonce: string, expiresAt: Date): boolean {
    const now = Date.now();
    for (const [key, expiry] of this.seen) if (expiry < now) this.seen.delete(key);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt.getTime());
    return true;
  }
}

/**
 * Checks a signed request: all headers present, timestamp within five minutes, signature valid (compared in constant
 * time), nonce never seen. Returns undefined when the request is authentic, else why not.
 */
export async function verifyWebhook(
  secret: string,
  body: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  nonces: NonceStore,
  now: Date = new Date(),
): Promise<SignatureFailure | undefined> {
  const header = (name: string) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const signature = header(SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp) || nonce.length > 200)
    return 'missing-headers';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return 'stale-timestamp';
  const expected = Buffer.from(`v1=${mac(secret, timestamp, nonce, body)}`);
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  const fresh = await nonces.remember(nonce, new Date((Number(timestamp) + MAX_SIGNATURE_AGE_SECONDS) * 1000));
  return fresh ? undefined : 'replayed-nonce';
}
