import { workflowInfo } from '@temporalio/workflow';
import type { JourneyInput, JourneyResult } from '@passage/contracts';
import { runJourney } from './journey.workflow';

/*
 * One workflow type per life event (named by `workflowTypeFor`), all running the same interpreter, so that
 * Temporal's own tooling lists and filters journeys per life event. A life event published after this worker
 * was deployed runs through the default (dynamic) workflow until its named export is added here.
 */
export const startBusiness = (input: JourneyInput): Promise<JourneyResult> => runJourney(input);
export const buildRenovate = (input: JourneyInput): Promise<JourneyResult> => runJourney(input);
export const birth = (input: JourneyInput): Promise<JourneyResult> => runJourney(input);
export const deathOfRelative = (input: JourneyInput): Promise<JourneyResult> => runJourney(input);
export const moveHouse = (input: JourneyInput): Promise<JourneyResult> => runJourney(input);

export default async function anyLifeEvent(input: JourneyInput): Promise<JourneyResult> {
  if (!input?.snapshot?.definition)
    throw new Error(`workflow type ${workflowInfo().workflowType} needs a journey input`);
  return runJourney(input);
}
