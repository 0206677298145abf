import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import { runSynchronouslyIn } from '../lib/synchronous-scope';

export interface SynchronousScopeFindings {
  /** What `runSynchronouslyIn` threw of its own (it refuses when the SDK deferred the work). */
  readonly refused: string;
  /** `work` ran before `runSynchronouslyIn` returned, with the given scope current. */
  readonly ranInScope: boolean;
  /** A timer started inside belongs to the scope: cancelling the scope cancels it. */
  readonly cancelledWithScope: boolean;
  /** What `work` threw, thrown to the caller. */
  readonly thrown: string;
}

/** Exercises `runSynchronouslyIn` inside a real workflow, where `CancellationScope.run` behaves as the SDK made it. */
export async function synchronousScopeProbe(): Promise<SynchronousScopeFindings> {
  const scope = new CancellationScope({ cancellable: true });
  let ranInScope = false;
  let timer: Promise<void> = Promise.resolve();
  // Caught, so that a changed SDK fails the spec at once instead of failing workflow tasks until it times out.
  let refused = '';
  try {
    runSynchronouslyIn(scope, () => {
      ranInScope = CancellationScope.current() === scope;
      timer = sleep(3_600_000);
    });
  } catch (error) {
    refused = error instanceof Error ? error.message : String(error);
  }
  scope.cancel();
  const cancelledWithScope = await timer.then(
    () => false,
    (error: unknown) => isCancellation(error),
  );
  let thrown = '';
  try {
    runSynchronouslyIn(new CancellationScope({ cancellable: true }), () => {
      throw new Error('from work');
    });
  } catch (error) {
    thrown = error instanceof Error ? error.message : String(error);
  }
  return { refused, ranInScope, cancelledWithScope, thrown };
}
