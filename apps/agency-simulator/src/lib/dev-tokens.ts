import type { DevTokenVerifier, Principal } from '@passage/auth';

const LIFETIME_SECONDS = 3600;
/** A token is renewed this long before it expires, so that no call carries one that expires on the way. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** Development tokens for a principal, issued with the stack's development secret and renewed before they expire. */
export function devTokens(verifier: DevTokenVerifier, principal: Principal): () => Promise<string> {
  let current: { readonly token: Promise<string>; readonly expiresAt: number } | undefined;
  return () => {
    if (!current || Date.now() > current.expiresAt - RENEW_BEFORE_MS) {
      current = { token: verifier.issue(principal, LIFETIME_SECONDS), expiresAt: Date.now() + LIFETIME_SECONDS * 1000 };
    }
    return current.token;
  };
}
