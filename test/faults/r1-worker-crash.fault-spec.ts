import { waitFor } from '@passage/testing';
import { expectInvariants, runExperiment } from './support/experiment';

/**
 * R1: the journey worker is SIGKILLed twice in the middle of a batch: first while its activities run (projections,
 * webhook calls), then right after inbox decisions reached the journeys (their workflow tasks in flight). The
 * supervisor restarts it, as `passage dev` does; nobody touches a journey.
 */
describe('R1 worker SIGKILL mid-activity and mid-task', () => {
  it('loses no journey, executes no action twice, and the read model follows', async () => {
    const result = await runExperiment({
      id: 'R1',
      title: 'worker SIGKILL mid-activity and mid-task',
      injected: 'journey worker SIGKILLed twice (activities in flight; then workflow tasks of fresh decisions)',
      inject: async ({ stack, fleet, note }) => {
        stack.kill('worker');
        note('worker SIGKILLed (activities in flight)');
        await stack.awaitStarted('worker', 2);
        note('worker back');
        const decided = fleet.decided.size;
        await waitFor('a decision after the restart', () => (fleet.decided.size > decided ? true : undefined), {
          timeoutMs: 300_000,
          intervalMs: 20,
        });
        stack.kill('worker');
        note('worker SIGKILLed (right after a decision)');
        await stack.awaitStarted('worker', 3);
        note('worker back');
        return { healedAt: Date.now() };
      },
    });
    expectInvariants(result);
  });
});
