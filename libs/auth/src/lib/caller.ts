import type { Channel } from '@passage/journey-model';
import type { Principal } from './principal';

/**
 * Who is calling, and — for a clerk at a counter or on the phone — which subject is present (their pseudonymous
 * id, resolved by the counter application from the person's eID) and on which channel.
 */
export interface Caller {
  readonly principal: Principal;
  readonly presentSubject?: string;
  readonly assistedChannel?: Extract<Channel, 'counter' | 'phone'>;
}

/**
 * Who acts, and for whom: the key under which a caller's idempotent requests are remembered and from which ids are
 * derived. A clerk acts for whoever is present, so the same key for two subjects must never meet (issue 11, finding 3).
 */
export function actingScope(caller: Caller): string {
  const { sub } = caller.principal;
  return caller.presentSubject === undefined ? sub : `${sub}|for:${caller.presentSubject}`;
}
