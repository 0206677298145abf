import { setTimeout as sleep } from 'node:timers/promises';
import { expectInvariants, runExperiment } from './support/experiment';

/**
 * R11: the network between the worker and Temporal, and between the worker and PostgreSQL, first adds 500 ms to
 * every packet for 30 s, then drops every connection (reset, new ones refused) for 20 s.
 */
describe('R11 worker network: 500 ms latency, then every connection dropped 20 s', () => {
  it('every journey ends as planned', async () => {
    const result = await runExperiment({
      id: 'R11',
      title: 'worker network: 500 ms latency 30 s, then dropped 20 s',
      injected:
        'proxies between the worker and Temporal and PostgreSQL: +500 ms each way for 30 s, then every connection reset and new ones refused for 20 s',
      inject: async ({ stack, note }) => {
        const { workerTemporal, workerPostgres } = stack.proxies;
        workerTemporal.setLatency(500);
        workerPostgres.setLatency(500);
        note('500 ms latency');
        await sleep(30_000);
        workerTemporal.setLatency(0);
        workerPostgres.setLatency(0);
        workerTemporal.drop();
        workerPostgres.drop();
        note('every connection dropped');
        await sleep(20_000);
        workerTemporal.heal();
        workerPostgres.heal();
        note('network back');
        return { healedAt: Date.now() };
      },
    });
    expectInvariants(result);
  });
});
