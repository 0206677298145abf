import { createHash, randomBytes } from 'node:crypto';

/** Where agencies post their decisions; the API serves it. */
export const CALLBACK_ROUTE = '/api/agency/callbacks';

/** 32 random bytes, base64url: unguessable, and safe in a URL path. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newCallbackToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isCallbackToken(value: string): boolean {
  return TOKEN.test(value);
}

/** What is stored of a token: its SHA-256, so that a copy of the table cannot post decisions. */
export function hashCallbackToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function callbackUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${CALLBACK_ROUTE}/${token}`;
}
