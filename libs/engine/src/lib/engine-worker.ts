import { Worker, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { ENGINE_TASK_QUEUE } from '@passage/contracts';
import type { KeyRing } from '@passage/config';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import { bundleJourneyWorkflows, passageDataConverter } from '@passage/temporal';
import { createEngineActivities } from './engine.activities';

export interface EngineWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace?: string;
  readonly dataSource: DataSource;
  readonly payloadKeys: KeyRing;
  readonly vaultKeys: KeyRing;
  /** A prebuilt bundle (production); without it the workflows are bundled from source at start-up. */
  readonly workflowBundle?: WorkflowBundleOption;
  readonly taskQueue?: string;
}

/** The worker that runs journeys (the interpreter workflows) and Passage's engine activities. */
export async function createEngineWorker(options: EngineWorkerOptions): Promise<Worker> {
  const projection = new JourneyProjectionWriter(options.dataSource, new VaultCipher(options.vaultKeys));
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? ENGINE_TASK_QUEUE,
    workflowBundle: options.workflowBundle ?? (await bundleJourneyWorkflows()),
    activities: createEngineActivities({ projection }),
    dataConverter: passageDataConverter(options.payloadKeys),
  });
}
