import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { passageDataConverter, startDevServer, type DevServer } from '@passage/temporal';
import { TEST_PAYLOAD_KEYS } from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import type { BenchEnvironment } from './systems';
import { Teardown } from './teardown';

const NAMESPACE = 'default';

/** What a benchmark runs against: one in-memory dev server, one database, both systems' shared connections. */
export interface BenchContext {
  readonly env: BenchEnvironment;
  readonly server: DevServer;
  readonly database: TestDatabase;
  readonly teardown: Teardown;
  /** Aborted when the benchmark stops: journeys still awaited stop waiting. */
  readonly stopping: AbortSignal;
}

/** The dev server, connections and database; each registered for teardown as soon as it exists. */
async function openContext(
  teardown: Teardown,
  fail: (error: unknown) => void,
  stopping: AbortSignal,
): Promise<BenchContext> {
  const server = await startDevServer({ ui: false, logLevel: 'error' });
  teardown.add('the dev server', () => server.stop());
  const clientConnection = await Connection.connect({ address: server.address });
  teardown.add('the client connection', () => clientConnection.close());
  const connection = await NativeConnection.connect({ address: server.address });
  teardown.add('the worker connection', () => connection.close());
  const database = await createTestDatabase();
  teardown.add('the database', () => database.drop());
  const client = new Client({
    connection: clientConnection,
    namespace: NAMESPACE,
    dataConverter: passageDataConverter(TEST_PAYLOAD_KEYS),
  });
  const env: BenchEnvironment = { client, connection, namespace: NAMESPACE, keys: TEST_PAYLOAD_KEYS, teardown, fail };
  return { env, server, database, teardown, stopping };
}

/** Rejects on SIGINT/SIGTERM, an unhandled rejection or a worker failure, so that teardown still runs. */
function abortOnFatal() {
  let abort: (error: unknown) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => undefined);
  const onSignal = (signal: NodeJS.Signals) => abort(new Error(`interrupted by ${signal}`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.on('unhandledRejection', abort);
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('unhandledRejection', abort);
  };
  return { aborted, fail: (error: unknown) => abort(error), dispose };
}

/** Agency workers serve activities only and the plain worker workflows only: their "not polling" notices are expected. */
const EXPECTED_NOTICE = /^No (workflows|activities) registered, not polling/;

const WIND_DOWN_MS = 10_000;

/**
 * Runs a benchmark body against a fresh context and tears everything down, in order, also on Ctrl-C or a failure;
 * the process exit code says whether it succeeded.
 */
export function runBench(body: (context: BenchContext) => Promise<void>): void {
  Runtime.install({
    // The benchmark stops its workers itself, in order, also on Ctrl-C.
    shutdownSignals: [],
    logger: new DefaultLogger('WARN', ({ level, message, meta }) => {
      if (!EXPECTED_NOTICE.test(message)) console.error(`[${level}] ${message}`, meta ?? '');
    }),
  });
  const teardown = new Teardown();
  const fatal = abortOnFatal();
  const stop = new AbortController();
  const main = async (): Promise<number> => {
    let failed = false;
    const work = Promise.resolve().then(async () => body(await openContext(teardown, fatal.fail, stop.signal)));
    try {
      await Promise.race([work, fatal.aborted]);
    } catch (error) {
      failed = true;
      console.error('benchmark failed:', error);
    } finally {
      // Journeys still awaited stop waiting, and the run winds down before its connections close.
      stop.abort(new Error('the benchmark is stopping'));
      await Promise.race([
        work.catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, WIND_DOWN_MS).unref()),
      ]);
      for (const failure of await teardown.run()) {
        failed = true;
        console.error(failure.message);
      }
      fatal.dispose();
    }
    return failed ? 1 : 0;
  };
  void main().then((code) => {
    process.exitCode = code;
  });
}
