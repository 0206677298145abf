import type { WorkflowHandle } from '@temporalio/client';
import {
  decideStepUpdate,
  provideInputsUpdate,
  type Actor,
  type JourneyResult,
  type JourneyState,
  type ServiceOutcome,
  type ServiceRequest,
  type StepState,
} from '@passage/contracts';
import type { DataItems, DataItemSpec, DataValue, LifeEventDefinition } from '@passage/journey-model';
import { queryJourney } from '@passage/temporal';
import { waitFor, type WaitOptions } from './wait-for';

/** A plausible value of a data item's type, for tests and demos that answer what a journey asks. */
export function sampleValue(item: string, spec: DataItemSpec | undefined): DataValue {
  switch (spec?.type) {
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return '2026-05-04';
    case 'enum':
      return spec.values?.[0] ?? item;
    default:
      return `${item}:sample`;
  }
}

export function sampleItems(definition: LifeEventDefinition, items: readonly string[]): Record<string, DataValue> {
  return Object.fromEntries(items.map((item) => [item, sampleValue(item, definition.dataItems[item])]));
}

/** An agency handler that completes every step of these definitions with sample values for what the step produces. */
export function completingAgency(...definitions: readonly LifeEventDefinition[]) {
  return (request: ServiceRequest): ServiceOutcome => {
    const definition = definitions.find(
      (d) => d.id === request.lifeEvent.id && d.version === request.lifeEvent.version,
    );
    const step = definition?.steps.find((s) => s.id === request.stepId);
    return {
      outcome: 'completed',
      outputs: request.kind === 'perform' && definition && step ? sampleItems(definition, step.produces) : {},
    };
  };
}

export interface DriveOptions {
  /** Who decides manual steps; approves with sample outputs by default. */
  readonly decide?: (step: StepState) => { outcome: 'approved' | 'rejected'; outputs?: DataItems; reason?: string };
  /** Values the subject gives when asked; sample values by default. */
  readonly answer?: (items: readonly string[]) => DataItems;
  readonly subject?: Actor;
  /** Bound on polling rounds (50 ms each). */
  readonly maxRounds?: number;
}

function officerOf(step: StepState): Actor {
  return { id: `officer-${step.agency}`, role: 'agency', agency: step.agency };
}

/**
 * Plays every person in a journey until it ends: agency staff decide manual steps, the subject answers what is
 * asked. Automatic steps are left to the agency workers the test runs.
 */
export async function driveJourney(
  handle: WorkflowHandle,
  definition: LifeEventDefinition,
  options: DriveOptions = {},
): Promise<JourneyResult> {
  await drive(handle, definition, options, () => false);
  return (await handle.result()) as JourneyResult;
}

/** The journey's state (as the workflow answers a query) as soon as `reached` holds of it. */
export function journeyReaches(
  handle: WorkflowHandle,
  reached: (state: JourneyState) => boolean,
  what: string,
  options?: WaitOptions,
): Promise<JourneyState> {
  return waitFor(
    what,
    async () => {
      const state = await queryJourney(handle);
      return reached(state) ? state : undefined;
    },
    options,
  );
}

/** Plays the journey like {@link driveJourney} until `reached` holds (or the journey ends), and leaves it there. */
export function driveJourneyUntil(
  handle: WorkflowHandle,
  definition: LifeEventDefinition,
  reached: (state: JourneyState) => boolean,
  options: DriveOptions = {},
): Promise<JourneyState> {
  return drive(handle, definition, options, reached);
}

async function drive(
  handle: WorkflowHandle,
  definition: LifeEventDefinition,
  options: DriveOptions,
  reached: (state: JourneyState) => boolean,
): Promise<JourneyState> {
  const subject = options.subject ?? { id: 'subject', role: 'citizen' };
  const answer = options.answer ?? ((items) => sampleItems(definition, items));
  const decide =
    options.decide ??
    ((step) => ({
      outcome: 'approved' as const,
      outputs: sampleItems(definition, definition.steps.find((s) => s.id === step.id)?.produces ?? []),
    }));
  const handled = new Set<string>();
  for (let round = 0; round < (options.maxRounds ?? 600); round++) {
    const state: JourneyState = await queryJourney(handle);
    if (reached(state) || state.status !== 'active') return state;
    for (const step of state.steps) {
      const asked = step.asked ?? [];
      if (asked.length > 0 && (step.status === 'awaiting-subject' || step.status === 'in-progress')) {
        const key = `answer:${step.id}:${asked.join(',')}:${step.status}`;
        if (handled.has(key)) continue;
        handled.add(key);
        await handle.executeUpdate(provideInputsUpdate, {
          args: [{ idempotencyKey: key, items: answer(asked), actor: subject }],
        });
      } else if (step.mode === 'manual' && step.status === 'in-progress') {
        const key = `decision:${step.id}:${step.attempt}`;
        if (handled.has(key)) continue;
        handled.add(key);
        await handle.executeUpdate(decideStepUpdate, {
          args: [{ idempotencyKey: key, stepId: step.id, decidedBy: officerOf(step), ...decide(step) }],
        });
      }
    }
    await new Promise((resolveRound) => setTimeout(resolveRound, 50));
  }
  throw new Error(`journey ${handle.workflowId} did not reach the expected state within the polling bound`);
}
