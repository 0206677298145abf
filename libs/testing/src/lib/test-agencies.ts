import { Worker, type NativeConnection } from '@temporalio/worker';
import { agencyTaskQueue, type AgencyActivities, type ServiceOutcome, type ServiceRequest } from '@passage/contracts';
import type { KeyRing } from '@passage/config';
import { passageDataConverter } from '@passage/temporal';

export type ServiceHandler = (request: ServiceRequest) => Promise<ServiceOutcome> | ServiceOutcome;

/** What a test agency received, with when it started and finished, to check parallelism and data minimisation. */
export interface ServiceCall {
  readonly request: ServiceRequest;
  readonly startedAt: number;
  readonly finishedAt: number;
}

export interface TestAgencies {
  readonly calls: ServiceCall[];
  stop(): Promise<void>;
}

/**
 * Agencies for tests: one real Temporal worker per agency task queue, running until `stop()`, serving
 * `performService` with the given handlers. Every call is recorded.
 */
export async function createTestAgencies(
  connection: NativeConnection,
  keys: KeyRing,
  namespace: string,
  handlers: Readonly<Record<string, ServiceHandler>>,
): Promise<TestAgencies> {
  const calls: ServiceCall[] = [];
  const workers = await Promise.all(
    Object.entries(handlers).map(([agency, handle]) =>
      Worker.create({
        connection,
        namespace,
        taskQueue: agencyTaskQueue(agency),
        dataConverter: passageDataConverter(keys),
        activities: {
          async performService(request) {
            const startedAt = Date.now();
            const outcome = await handle(request);
            calls.push({ request, startedAt, finishedAt: Date.now() });
            return outcome;
          },
        } satisfies AgencyActivities,
      }),
    ),
  );
  const running = workers.map((worker) => worker.run());
  return {
    calls,
    stop: async () => {
      for (const worker of workers) worker.shutdown();
      await Promise.all(running);
    },
  };
}
