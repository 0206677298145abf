import type { EngineActivities } from '@passage/contracts';
import type { JourneyProjectionWriter } from '@passage/persistence';

export interface EngineActivityDependencies {
  readonly projection: JourneyProjectionWriter;
}

/** Passage's own activities, bound to their dependencies (the worker registers the returned object). */
export function createEngineActivities({ projection }: EngineActivityDependencies): EngineActivities {
  return {
    projectJourney: (update) => projection.apply(update),
  } satisfies EngineActivities;
}
