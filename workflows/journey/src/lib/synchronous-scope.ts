import { type CancellationScope, IllegalStateError } from '@temporalio/workflow';

/**
 * Runs `work` with `scope` as the current cancellation scope and returns when it has: `CancellationScope.run` only
 * offers a promise, but calls its function before its first `await` (undocumented;
 * `synchronous-scope.integration-spec.ts` pins it, since the order of commands depends on it).
 * What `work` throws is thrown here.
 */
export function runSynchronouslyIn(scope: CancellationScope, work: () => void): void {
  let outcome: { error?: unknown } | undefined;
  void scope.run(async () => {
    try {
      work();
      outcome = {};
    } catch (error) {
      outcome = { error };
    }
  });
  if (!outcome) throw new IllegalStateError('CancellationScope.run deferred its function');
  if ('error' in outcome) throw outcome.error;
}
