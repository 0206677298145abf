import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { InternalConnectionOptionsSymbol, type InternalConnectionOptions } from '@temporalio/client/lib/connection';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import { TimeSkippingWorkflowClient } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { parseKeyRing } from '@passage/config';
import { passageDataConverter } from '@passage/temporal';

export const TEST_TEMPORAL_ADDRESS = 'PASSAGE_TEST_TEMPORAL_ADDRESS';
export const TEST_NAMESPACES = Array.from({ length: 48 }, (_, i) => `passage-test-${i + 1}`);
export const TEST_TIME_SKIPPING_ADDRESS = 'PASSAGE_TEST_TIME_SKIPPING_ADDRESS';

/** A fixed key for tests only, so that recorded histories can be replayed (the form PASSAGE_PAYLOAD_KEYS takes). */
export const TEST_PAYLOAD_KEY_SPEC = `test:${Buffer.alloc(32, 7).toString('base64')}`;
export const TEST_PAYLOAD_KEYS = parseKeyRing('test', TEST_PAYLOAD_KEY_SPEC);

function addressOf(variable: string): string {
  const address = process.env[variable];
  if (!address)
    throw new Error(
      `${variable} is not set: run this test with the integration Jest config (its global setup starts Temporal)`,
    );
  return address;
}

export interface TestTemporal {
  readonly client: Client;
  readonly namespace: string;
  readonly nativeConnection: NativeConnection;
  readonly address: string;
  close(): Promise<void>;
}

/** Claims a namespace no other test file of this run uses (a lock file per namespace, released on close). */
function claimNamespace(address: string): { namespace: string; release: () => void } {
  const dir = join(tmpdir(), `passage-test-namespaces-${address.replace(/[^0-9a-z]/gi, '-')}`);
  mkdirSync(dir, { recursive: true });
  for (const namespace of TEST_NAMESPACES) {
    const lock = join(dir, namespace);
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return { namespace, release: () => rmSync(lock, { force: true }) };
    } catch {
      // taken by another test file: try the next one
    }
  }
  throw new Error(`all ${TEST_NAMESPACES.length} test namespaces are in use`);
}

/** Connections to the run's shared dev server in a namespace of this test file's own, with Passage's data converter. */
export async function connectTestTemporal(): Promise<TestTemporal> {
  const address = addressOf(TEST_TEMPORAL_ADDRESS);
  const { namespace, release } = claimNamespace(address);
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  const client = new Client({ connection, namespace, dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS) });
  return {
    client,
    namespace,
    nativeConnection,
    address,
    close: async () => {
      await connection.close();
      await nativeConnection.close();
      release();
    },
  };
}

export interface TimeSkippingTemporal extends TestTemporal {
  readonly workflowClient: TimeSkippingWorkflowClient;
  /** Moves the test server's clock forward (while no result is being awaited). */
  skip(ms: number): Promise<void>;
  now(): Promise<number>;
}

/** Connections to the run's shared time-skipping server: awaiting a result skips time to the next timer. */
export async function connectTimeSkippingTemporal(): Promise<TimeSkippingTemporal> {
  const address = addressOf(TEST_TIME_SKIPPING_ADDRESS);
  // The same internal option @temporalio/testing sets for its own environments: it enables the test service.
  const options: InternalConnectionOptions = {
    address,
    [InternalConnectionOptionsSymbol]: { supportsTestService: true },
  };
  const connection = await Connection.connect(options);
  const nativeConnection = await NativeConnection.connect({ address });
  const dataConverter = passageDataConverter(TEST_PAYLOAD_KEYS);
  const client = new Client({ connection, dataConverter });
  const workflowClient = new TimeSkippingWorkflowClient({ connection, dataConverter });
  const testService = connection.testService;
  if (!testService) throw new Error(`${address} is not a time-skipping test server`);
  return {
    client,
    namespace: 'default',
    workflowClient,
    nativeConnection,
    address,
    skip: async (ms) => {
      await testService.unlockTimeSkippingWithSleep({ duration: msToTs(ms) });
    },
    now: async () => tsToMs((await testService.getCurrentTime({})).time),
    close: async () => {
      await connection.close();
      await nativeConnection.close();
    },
  };
}
