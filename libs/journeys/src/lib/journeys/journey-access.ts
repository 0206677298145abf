import { notFound, PassageError, type Actor } from '@passage/contracts';
import type { Caller } from '@passage/auth';
import type { Channel } from '@passage/journey-model';
import type { Mandates } from '../mandates/mandates';

/** What a caller may do with one subject's journeys. */
export type Relation = 'subject' | 'intermediary' | 'counter';

/**
 * Object-level authorisation for journeys: the subject; an intermediary with a mandate of that subject for that life
 * event, valid now; a counter clerk for the subject who is present. Everyone else gets "not found", so that journey
 * ids cannot be probed.
 */
export class JourneyAccess {
  constructor(private readonly mandates: Mandates) {}

  async relation(caller: Caller, subject: string, lifeEvent: string): Promise<Relation | undefined> {
    const { principal } = caller;
    if (principal.roles.includes('citizen') && principal.sub === subject) return 'subject';
    if (principal.roles.includes('intermediary') && (await this.mandates.allows(principal.sub, subject, lifeEvent)))
      return 'intermediary';
    if (principal.roles.includes('counter') && caller.presentSubject === subject && caller.assistedChannel)
      return 'counter';
    return undefined;
  }

  async require(caller: Caller, subject: string, lifeEvent: string, what = 'journey'): Promise<Relation> {
    const relation = await this.relation(caller, subject, lifeEvent);
    if (!relation) throw notFound(what);
    return relation;
  }

  /** The subject a caller acts for when starting a journey. */
  subjectFor(caller: Caller, requested: string | undefined): string {
    const { principal } = caller;
    if (principal.roles.includes('counter') && caller.presentSubject) {
      if (requested && requested !== caller.presentSubject)
        throw new PassageError('invalid-request', 'subject must be the subject present at the counter', 'subject');
      return caller.presentSubject;
    }
    if (requested) return requested;
    if (principal.roles.includes('citizen')) return principal.sub;
    throw new PassageError('invalid-request', 'subject is required when acting for someone else', 'subject');
  }
}

/** The actor recorded on the timeline for what a caller does. */
export function actorOf(caller: Caller, relation: Relation): Actor {
  const { principal } = caller;
  if (relation === 'counter')
    return { id: principal.sub, role: 'counter', agency: principal.agency, channel: caller.assistedChannel };
  return { id: principal.sub, role: relation === 'subject' ? 'citizen' : 'intermediary' };
}

export function channelOf(caller: Caller, relation: Relation, requested?: Channel): Channel {
  if (relation === 'counter') return caller.assistedChannel ?? 'counter';
  if (relation === 'intermediary') return 'intermediary';
  return requested && requested !== 'counter' && requested !== 'phone' ? requested : 'online';
}
