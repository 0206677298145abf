/**
 * The task queue of Passage's own worker: journey workflows and their activities. Its value predates the name and
 * stays: running deployments poll it and running journeys schedule their activities on it.
 */
export const JOURNEY_TASK_QUEUE = 'passage-engine';

/** Every agency has its own task queue; its workers (or Passage's webhook adapter) poll it. */
export function agencyTaskQueue(agencyId: string): string {
  return `agency-${agencyId}`;
}
