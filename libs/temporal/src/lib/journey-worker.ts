import { Context } from '@temporalio/activity';
import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import {
  JOURNEY_TASK_QUEUE,
  type JourneyActivities,
  type ProjectionOutcome,
  type ProjectionUpdate,
} from '@passage/contracts';
import type { KeyRing } from '@passage/config';
import { passageDataConverter } from './temporal-client';
import { bundleJourneyWorkflows } from './workflow-bundle';

/** Where a journey's changes go: the read model's writer (`JourneyProjectionWriter` in production). */
export interface JourneyProjection {
  /** `attempt`: Temporal's attempt of the activity, from 1 (the writer quarantines a change after a bound). */
  apply(update: ProjectionUpdate, attempt: number): Promise<ProjectionOutcome | void>;
}

export interface JourneyWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace?: string;
  readonly payloadKeys: KeyRing;
  readonly projection: JourneyProjection;
  /** A prebuilt bundle (production); without it the workflows are bundled from source at start-up. */
  readonly workflowBundle?: WorkflowBundleOption;
  readonly taskQueue?: string;
}

/** A worker of the journey workflows and their activities, on the journey task queue unless told otherwise. */
export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const { projection } = options;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? JOURNEY_TASK_QUEUE,
    workflowBundle: options.workflowBundle ?? (await bundleJourneyWorkflows()),
    activities: {
      projectJourney: (update) => projection.apply(update, Context.current().info.attempt),
    } satisfies JourneyActivities,
    dataConverter: passageDataConverter(options.payloadKeys),
  });
}
