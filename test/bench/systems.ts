import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  bundleWorkflowCode,
  Worker,
  type NativeConnection,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { agencyTaskQueue } from '@passage/contracts';
import type { KeyRing } from '@passage/config';
import type { LifeEventDefinition } from '@passage/journey-model';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import { createJourneyWorker, journeyBundleOptions, passageDataConverter, startJourney } from '@passage/temporal';
import { completingAgency, createTestAgencies } from '@passage/testing';
import { passageJourneyInput, plainFanoutInput, type FanoutStep } from './fanout-dag';
import type { BenchSystem, JourneyRun } from './measure';
import type { plainFanout } from './plain-fanout.workflow';
import type { Teardown } from './teardown';

/** What both systems run on: one dev server, one client and one worker connection, the same payload keys. */
export interface BenchEnvironment {
  readonly client: Client;
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly keys: KeyRing;
  readonly teardown: Teardown;
  /** Called when a worker stops on its own: the benchmark aborts. */
  readonly fail: (error: unknown) => void;
}

export interface Bundles {
  readonly passage: WorkflowBundleWithSourceMap;
  readonly plain: WorkflowBundleWithSourceMap;
}

export const PLAIN_TASK_QUEUE = 'bench-plain-fanout';
const PLAIN_WORKFLOW = 'plainFanout';

/** Both workflow bundles, built once before measuring with the options production bundles with. */
export async function bundleBoth(): Promise<Bundles> {
  const passage = journeyBundleOptions();
  return {
    passage: await bundleWorkflowCode(passage),
    plain: await bundleWorkflowCode({
      ...passage,
      workflowsPath: join(__dirname, 'plain-fanout.workflow.ts'),
      preloadModules: [],
    }),
  };
}

/** Runs a worker until teardown; a worker that stops by itself fails the benchmark. */
function runWorker(env: BenchEnvironment, worker: Worker, what: string): void {
  let stopping = false;
  const running = worker.run();
  running.then(
    () => stopping || env.fail(new Error(`${what} stopped on its own`)),
    (error: unknown) => env.fail(error),
  );
  env.teardown.add(what, async () => {
    stopping = true;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
  });
}

/** No-op agencies: one worker per agency id, answering every step with the outputs it declares. */
async function startAgencies(
  env: BenchEnvironment,
  agencyIds: readonly string[],
  definition: LifeEventDefinition,
  what: string,
): Promise<void> {
  const complete = completingAgency(definition);
  const agencies = await createTestAgencies(
    env.connection,
    env.keys,
    env.namespace,
    Object.fromEntries(agencyIds.map((id) => [id, complete])),
  );
  env.teardown.add(what, () => agencies.stop());
}

const agencyIdsOf = (levels: readonly FanoutStep[][]): string[] => [
  ...new Set(levels.flat().map((step) => step.agency)),
];

/** Passage: the real journey worker with its PostgreSQL projection, journeys started as the API starts them. */
export async function createPassageSystem(
  env: BenchEnvironment,
  levels: readonly FanoutStep[][],
  definition: LifeEventDefinition,
  bundle: WorkflowBundleWithSourceMap,
  dataSource: DataSource,
  onFinished: (run: JourneyRun) => void,
): Promise<BenchSystem> {
  const worker = await createJourneyWorker({
    connection: env.connection,
    namespace: env.namespace,
    payloadKeys: env.keys,
    projection: new JourneyProjectionWriter(dataSource, new VaultCipher(env.keys)),
    workflowBundle: bundle,
  });
  runWorker(env, worker, 'the journey worker');
  await startAgencies(env, agencyIdsOf(levels), definition, 'the Passage agencies');
  let n = 0;
  return { name: 'passage', start: () => startJourney(env.client, passageJourneyInput(definition, ++n)), onFinished };
}

/** Plain Temporal: the hand-written workflow on a queue of its own, agencies on queues of their own (`agency-plain-*`). */
export async function createPlainSystem(
  env: BenchEnvironment,
  levels: readonly FanoutStep[][],
  definition: LifeEventDefinition,
  bundle: WorkflowBundleWithSourceMap,
): Promise<BenchSystem> {
  const worker = await Worker.create({
    connection: env.connection,
    namespace: env.namespace,
    taskQueue: PLAIN_TASK_QUEUE,
    workflowBundle: bundle,
    dataConverter: passageDataConverter(env.keys),
  });
  runWorker(env, worker, 'the plain workflow worker');
  const plainAgency = (agency: string) => `plain-${agency}`;
  await startAgencies(env, agencyIdsOf(levels).map(plainAgency), definition, 'the plain agencies');
  let n = 0;
  const start = (): Promise<WorkflowHandle> => {
    const workflowId = `plain-fanout-${randomUUID()}`;
    const input = {
      journeyId: workflowId,
      ...plainFanoutInput(levels, definition.id, (agency) => agencyTaskQueue(plainAgency(agency)), ++n),
    };
    return env.client.workflow.start<typeof plainFanout>(PLAIN_WORKFLOW, {
      workflowId,
      taskQueue: PLAIN_TASK_QUEUE,
      args: [input],
    });
  };
  return { name: 'plain', start };
}
