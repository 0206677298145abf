import { setTimeout as sleep } from 'node:timers/promises';
import { expectInvariants, runExperiment } from './support/experiment';

/**
 * R3: the Temporal server is SIGKILLed in the middle of a batch and stays down 20 s; it restarts on its port and
 * state file (as `passage dev` restarts it). Meanwhile the API answers 503 with Retry-After; afterwards every
 * journey goes on.
 */
describe('R3 Temporal server killed and restarted', () => {
  it('every journey ends as planned, and the API answered 503 meanwhile, not 500', async () => {
    const result = await runExperiment({
      id: 'R3',
      title: 'Temporal server SIGKILL, down 20 s, restarted',
      injected: 'Temporal dev server SIGKILLed, restarted 20 s later on the same port and state file',
      inject: async ({ stack, note }) => {
        const release = stack.holdRestarts('temporal');
        stack.kill('temporal');
        note('Temporal SIGKILLed');
        await sleep(20_000);
        release();
        await stack.awaitStarted('temporal', 2);
        note('Temporal back');
        return { healedAt: Date.now() };
      },
    });
    expectInvariants(result);
  });
});
