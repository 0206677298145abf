const JOURNEY_ID =
  /^journey-([a-z0-9]+(?:-[a-z0-9]+)*)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const LIFE_EVENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Workflow ids carry no personal data: `journey-<lifeEventId>-<uuid>`. */
export function journeyWorkflowId(lifeEventId: string, uuid: string): string {
  return `journey-${lifeEventId}-${uuid}`;
}

export function isJourneyId(value: string): boolean {
  return JOURNEY_ID.test(value);
}

/** The life event a journey id belongs to, or undefined when the id is malformed. */
export function lifeEventOfJourneyId(journeyId: string): string | undefined {
  return JOURNEY_ID.exec(journeyId)?.[1];
}

export function isLifeEventId(value: string): boolean {
  return LIFE_EVENT_ID.test(value);
}

/** Each life event is its own workflow type, named in camelCase: `start-business` → `startBusiness`. */
export function workflowTypeFor(lifeEventId: string): string {
  return lifeEventId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The key an agency sees for one business action: stable across retries of the same attempt. */
export function stepIdempotencyKey(journeyId: string, stepId: string, attempt: number): string {
  return `${journeyId}:${stepId}:${attempt}`;
}
