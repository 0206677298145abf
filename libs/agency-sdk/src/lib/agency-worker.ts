import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { agencyTaskQueue, type AgencyActivities } from '@passage/contracts';
import { dataConverterOf, type PayloadEncryption } from './payload-encryption';
import { ServiceFailure } from './service-failure';
import { routeServices, type ServiceRouter } from './service-router';
import type { ServiceStep } from './service-step';

export type AgencyWorkerOptions = PayloadEncryption & {
  readonly agency: string;
  readonly steps: readonly ServiceStep[];
  readonly connection: NativeConnection;
  readonly namespace?: string;
  /** Requests handled at the same time by this worker (Temporal's default: 100). */
  readonly maxConcurrent?: number;
  /** Requests per second over all workers of the agency's queue: protects your back office. */
  readonly ratePerSecond?: number;
};

export interface AgencyWorker {
  /** `agency-<agency>`, the queue Passage sends this agency's requests to. */
  readonly taskQueue: string;
  /** Resolves when the worker has stopped; rejects if it failed. */
  run(): Promise<void>;
  /** Stops polling, lets running handlers finish, and resolves when the worker has stopped. */
  shutdown(): Promise<void>;
}

/** Heartbeats at least this often; the engine's heartbeat timeout is a minute, the conformance kit's a few seconds. */
const MAX_HEARTBEAT_INTERVAL_MS = 5_000;
const HEARTBEAT_THROTTLE = '1s';

/**
 * Serves the agency's steps on its task queue `agency-<agency>`: the one activity `performService`, routed by
 * `request.service`. Starts at once; the handle stops it.
 */
export async function runAgencyWorker(options: AgencyWorkerOptions): Promise<AgencyWorker> {
  const route = routeServices(options.steps, options.agency);
  const taskQueue = agencyTaskQueue(options.agency);
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue,
    dataConverter: dataConverterOf(options),
    activities: { performService: (request) => performActivity(route, request) } satisfies AgencyActivities,
    maxConcurrentActivityTaskExecutions: options.maxConcurrent,
    maxTaskQueueActivitiesPerSecond: options.ratePerSecond,
    // Temporal otherwise sends heartbeats only every 80 % of the heartbeat timeout, which leaves a busy process a
    // fifth of the timeout to spare; once a second leaves it most of it.
    maxHeartbeatThrottleInterval: HEARTBEAT_THROTTLE,
  });
  const running = worker.run();
  // Kept handled here so that a failing worker never becomes an unhandled rejection; `run()` still reports it.
  running.catch(() => undefined);
  return {
    taskQueue,
    run: () => running,
    shutdown: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

async function performActivity(route: ServiceRouter, request: unknown) {
  const context = Context.current();
  const beat = heartbeater(context);
  try {
    return await route(request, {
      signal: context.cancellationSignal,
      heartbeat: beat.explicit,
      heartbeatDetails: context.info.heartbeatDetails,
    });
  } catch (error) {
    throw error instanceof ServiceFailure ? toApplicationFailure(error) : error;
  } finally {
    beat.stop();
  }
}

/**
 * Heartbeats on its own while a handler runs, so a long call never hits the heartbeat timeout, and repeats the
 * handler's last details so they survive until a retry reads them. Only when the caller set a heartbeat timeout
 * (Temporal asks activities without one not to heartbeat); Passage's engine always sets one.
 */
function heartbeater(context: Context) {
  let details: unknown;
  const timeout = context.info.heartbeatTimeoutMs;
  const timer = timeout
    ? setInterval(() => context.heartbeat(details), Math.min(MAX_HEARTBEAT_INTERVAL_MS, Math.max(100, timeout / 3)))
    : undefined;
  return {
    explicit: (next?: unknown) => {
      details = next;
      context.heartbeat(next);
    },
    stop: () => clearInterval(timer),
  };
}

function toApplicationFailure(failure: ServiceFailure): ApplicationFailure {
  return ApplicationFailure.create({
    type: failure.type,
    message: failure.message,
    nonRetryable: !failure.retryable,
    nextRetryDelay: failure.retryAfterSeconds === undefined ? undefined : failure.retryAfterSeconds * 1000,
  });
}
