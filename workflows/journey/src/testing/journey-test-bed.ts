import { JOURNEY_TASK_QUEUE, type ProjectionUpdate } from '@passage/contracts';
import { JourneyProjectionWriter, VaultCipher, type ProjectionWriterOptions } from '@passage/persistence';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import { createJourneyWorker } from '@passage/temporal';
import {
  connectTestTemporal,
  connectTimeSkippingTemporal,
  createTestAgencies,
  TEST_PAYLOAD_KEYS,
  type ServiceHandler,
  type TestAgencies,
  type TestTemporal,
  type TimeSkippingTemporal,
} from '@passage/testing';

/** What a test file runs journeys on: a Temporal server, a database of its own and a journey worker projecting into it. */
export interface JourneyTestBed<Server extends TestTemporal = TestTemporal> {
  readonly temporal: Server;
  readonly db: TestDatabase;
  /** The task queue the journey worker polls. */
  readonly taskQueue: string;
  /** Every projection update the journeys sent, in the order they were written. */
  readonly projections: readonly ProjectionUpdate[];
  /** Test agencies on this bed's server and namespace, stopped with the bed. */
  startAgencies(handlers: Readonly<Record<string, ServiceHandler>>): Promise<TestAgencies>;
  /** Stops the agencies and the worker, drops the database and closes the connections. */
  stop(): Promise<void>;
}

/** A journey test bed on the run's dev server, in a namespace of this test file's own. */
export async function startJourneyTestBed(projection: ProjectionWriterOptions = {}): Promise<JourneyTestBed> {
  return start(await connectTestTemporal(), JOURNEY_TASK_QUEUE, projection);
}

/**
 * A journey test bed on the run's time-skipping server, which every test file shares (one namespace): its worker
 * polls a task queue of its own.
 */
export async function startTimeSkippingJourneyTestBed(): Promise<JourneyTestBed<TimeSkippingTemporal>> {
  return start(await connectTimeSkippingTemporal(), `${JOURNEY_TASK_QUEUE}-time-skipping`);
}

async function start<Server extends TestTemporal>(
  temporal: Server,
  taskQueue: string,
  projection: ProjectionWriterOptions = {},
): Promise<JourneyTestBed<Server>> {
  const db = await createTestDatabase();
  const writer = new JourneyProjectionWriter(db.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS), projection);
  const projections: ProjectionUpdate[] = [];
  const worker = await createJourneyWorker({
    connection: temporal.nativeConnection,
    namespace: temporal.namespace,
    payloadKeys: TEST_PAYLOAD_KEYS,
    taskQueue,
    projection: {
      apply: async (update, attempt) => {
        const outcome = await writer.apply(update, attempt);
        projections.push(update);
        return outcome;
      },
    },
  });
  const running = worker.run();
  const agencies: TestAgencies[] = [];
  return {
    temporal,
    db,
    taskQueue,
    projections,
    startAgencies: async (handlers) => {
      const started = await createTestAgencies(
        temporal.nativeConnection,
        TEST_PAYLOAD_KEYS,
        temporal.namespace,
        handlers,
      );
      agencies.push(started);
      return started;
    },
    stop: async () => {
      for (const started of agencies) await started.stop();
      worker.shutdown();
      await running;
      await db.drop();
      await temporal.close();
    },
  };
}
