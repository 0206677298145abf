import { setTimeout as sleep } from 'node:timers/promises';
import { expectInvariants, runExperiment } from './support/experiment';

/**
 * R4: PostgreSQL is unreachable for 60 s for the API and the worker: their proxies freeze (connections stay open,
 * nothing flows, new ones wait), as a network partition or a frozen server does. The shared server itself is never
 * touched. The API must answer 503 within its bound, never hang; afterwards every journey goes on.
 */
describe('R4 PostgreSQL unreachable 60 s', () => {
  it('every journey ends as planned, and no request hung', async () => {
    const result = await runExperiment({
      id: 'R4',
      title: 'PostgreSQL unreachable 60 s',
      injected: "the API's and the worker's PostgreSQL connections frozen 60 s (proxy), then flowing again",
      inject: async ({ stack, note }) => {
        stack.proxies.apiPostgres.freeze();
        stack.proxies.workerPostgres.freeze();
        note('PostgreSQL frozen for the API and the worker');
        await sleep(60_000);
        stack.proxies.apiPostgres.heal();
        stack.proxies.workerPostgres.heal();
        note('PostgreSQL reachable again');
        return { healedAt: Date.now() };
      },
    });
    expectInvariants(result);
  });
});
