import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { journeyBundleOptions } from '@passage/temporal';
import { connectTestTemporal, type TestTemporal } from '@passage/testing';

/**
 * The journey workflow relies on `CancellationScope.run` calling its function before its first `await`, which the
 * SDK does not document. This pins it: after an SDK upgrade that changes it, this fails here, by name, instead of
 * journeys failing their workflow tasks.
 */
describe('runSynchronouslyIn, in a real workflow', () => {
  let temporal: TestTemporal;

  beforeAll(async () => {
    temporal = await connectTestTemporal();
  });

  afterAll(() => temporal?.close());

  it('runs the work at once in the scope, so the scope owns what it starts, and rethrows its error', async () => {
    const taskQueue = `synchronous-scope-${randomUUID()}`;
    const workflowBundle = await bundleWorkflowCode({
      ...journeyBundleOptions(),
      workflowsPath: require.resolve('../testing/synchronous-scope.workflow'),
      preloadModules: [],
    });
    const worker = await Worker.create({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue,
      workflowBundle,
    });
    const findings = await worker.runUntil(
      temporal.client.workflow.execute('synchronousScopeProbe', { taskQueue, workflowId: taskQueue, args: [] }),
    );
    expect(findings).toEqual({ refused: '', ranInScope: true, cancelledWithScope: true, thrown: 'from work' });
  });
});
