import { TestWorkflowEnvironment } from '@temporalio/testing';
import { JOURNEY_SEARCH_ATTRIBUTES } from '@passage/contracts';
import { temporalCliPath, temporalTestServerPath } from '@passage/temporal';
import { TEST_NAMESPACES, TEST_TEMPORAL_ADDRESS, TEST_TIME_SKIPPING_ADDRESS } from './test-environment';

declare global {
  var __passageTemporalServers: TestWorkflowEnvironment[] | undefined;
}

/**
 * Jest global setup of the integration tier: one real Temporal dev server and one time-skipping test server for
 * the whole run, from the project's tools folder. Test files find them through environment variables.
 */
export default async function startTemporalServers(): Promise<void> {
  const [dev, timeSkipping] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: temporalCliPath() },
        ip: '127.0.0.1',
        searchAttributes: [...JOURNEY_SEARCH_ATTRIBUTES],
        log: { format: 'pretty', level: 'error' },
        // A namespace per test file keeps files that run at the same time off each other's task queues.
        extraArgs: TEST_NAMESPACES.flatMap((namespace) => ['--namespace', namespace]),
      },
    }),
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    }),
  ]);
  process.env[TEST_TEMPORAL_ADDRESS] = dev.address;
  process.env[TEST_TIME_SKIPPING_ADDRESS] = timeSkipping.address;
  globalThis.__passageTemporalServers = [dev, timeSkipping];
}
