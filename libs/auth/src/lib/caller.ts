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
