import type { Channel } from '@passage/journey-model';
import type { Principal } from './principal';

/**
 * Who is calling, and — for a clerk at a counter or on the phone — which subject is present and on which channel,
 * as a presence proof established (never as the clerk asserts it).
 */
export interface Caller {
  readonly principal: Principal;
  readonly presentSubject?: string;
  readonly assistedChannel?: Extract<Channel, 'counter' | 'phone'>;
  /** For a clerk: the proof of the subject's presence they act under (ADR 0010). */
  readonly presence?: { readonly proofId: string; readonly kind: PresenceKind };
}

/** What proved a citizen present: a sign-in at the counter, or a code they read out on the phone. */
export type PresenceKind = 'idp-token' | 'phone-code';

/**
 * Who acts, and for whom: the key under which a caller's idempotent requests are remembered and from which ids are
 * derived. A clerk acts for whoever is present, so the same key for two subjects must never meet (issue 11, finding 3).
 */
export function actingScope(caller: Caller): string {
  const { sub } = caller.principal;
  return caller.presentSubject === undefined ? sub : `${sub}|for:${caller.presentSubject}`;
}
