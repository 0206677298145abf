import { setTimeout as sleep } from 'node:timers/promises';
import { expectInvariants, runExperiment } from './support/experiment';

/** Where the registry sends a webhook agency's requests (the simulator's FOD Financiën). */
async function webhookUrl(
  query: (sql: string) => Promise<{ delivery: { url?: string } }[]>,
): Promise<string | undefined> {
  const [row] = await query(`SELECT delivery FROM agencies WHERE id = 'fod-financien'`);
  return row?.delivery.url;
}

/**
 * R2: the agencies die in the middle of a batch: the agency simulator (SDK workers of the Flemish and local
 * agencies, webhook agencies of the federal and private ones) is SIGKILLed with calls in flight and stays down
 * 20 s; it comes back with its webhooks on a new port, registers the new address, and the gateway must follow.
 */
describe('R2 agency worker and webhook agency killed, the webhook back on a new address', () => {
  it('every journey ends as planned, each action executed once', async () => {
    let before: string | undefined;
    let after: string | undefined;
    const result = await runExperiment({
      id: 'R2',
      title: 'agency worker and webhook agency SIGKILL, webhook on a new address',
      injected: 'agency simulator SIGKILLed (SDK workers and webhook server), down 20 s, back on a new webhook port',
      inject: async ({ stack, note }) => {
        const query = (sql: string) => stack.db.dataSource.query(sql);
        before = await webhookUrl(query);
        const release = stack.holdRestarts('agency-simulator');
        stack.kill('agency-simulator');
        note('agency simulator SIGKILLed');
        await sleep(20_000);
        release();
        await stack.awaitStarted('agency-simulator', 2);
        after = await webhookUrl(query);
        note(`agency simulator back: webhooks moved from ${before} to ${after}`);
        return { healedAt: Date.now() };
      },
      verify: async () => ({
        I1: before && after && before !== after ? [] : [`the webhook did not move (${before} → ${after})`],
      }),
    });
    expectInvariants(result);
  });
});
