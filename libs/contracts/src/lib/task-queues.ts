/** The task queue of Passage's own worker: journey workflows and engine activities. */
export const ENGINE_TASK_QUEUE = 'passage-engine';

/** Every agency has its own task queue; its workers (or Passage's webhook adapter) poll it. */
export function agencyTaskQueue(agencyId: string): string {
  return `agency-${agencyId}`;
}
