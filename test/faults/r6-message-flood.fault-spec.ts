import { provideInputsUpdate } from '@passage/contracts';
import { expectInvariants, runExperiment } from './support/experiment';
import type { FleetJourney } from './support/fleet';

/** 20,000 by default; fewer while developing (PASSAGE_FAULTS_R6_MESSAGES). */
const MESSAGES = Number(process.env['PASSAGE_FAULTS_R6_MESSAGES'] ?? 20_000);
/** Messages in flight at once, on each path. */
const PARALLEL = 8;
/** Temporal refuses a payload over 2 MB; the journey's history and carried state must stay far below. */
const HISTORY_BOUND_BYTES = 1_000_000;

/**
 * R6: one journey of the batch, waiting for a decision, receives 20,000 messages: half through the API (a citizen
 * giving an item the journey does not ask), half straight to the workflow through the Temporal client (as a
 * client that bypasses the API would). Then it is decided as planned and must end like the others, its history and
 * carried state bounded (before the fix, ~19,000 receipts passed Temporal's 2 MB limit and every task failed).
 */
describe('R6 20,000 messages to one journey', () => {
  it('keeps the journey moving and its state bounded', async () => {
    const flooded = 1; // a move-house journey that completes: it waits for the municipality's decision
    let figures = '';
    const result = await runExperiment({
      id: 'R6',
      title: `${MESSAGES.toLocaleString('en')} messages to one journey`,
      injected: `${MESSAGES} inputs for an item not asked, half through the API, half through the Temporal client`,
      drainTimeoutMs: 900_000,
      prepare: (fleet) => fleet.held.add(flooded),
      inject: async ({ stack, fleet, note }) => {
        const journey = fleet.journeys[flooded] as FleetJourney;
        const id = journey.id as string;
        const token = await fleet.tokenOf(journey.subject);
        const handle = stack.temporal.workflow.getHandle(id);
        const outcomes: Record<string, number> = {};
        const count = (what: string) => (outcomes[what] = (outcomes[what] ?? 0) + 1);
        let next = 0;
        const began = Date.now();
        const viaApi = async () => {
          for (let n = next++; n < MESSAGES; n = next++) {
            if (n % 2 === 0) {
              const answer = await fleet.http.call<{ code?: string; result?: string }>(
                token,
                'POST',
                `/api/journeys/${id}/inputs`,
                { items: { 'move.newAddress': `Flood street ${n}` } },
                `flood-${n}`,
              );
              count(`api ${answer.status} ${answer.body?.code ?? answer.body?.result ?? ''}`);
            } else {
              const receipt = await handle
                .executeUpdate(provideInputsUpdate, {
                  updateId: `flood-${n}`,
                  args: [
                    {
                      idempotencyKey: `flood-${n}`,
                      items: { 'move.newAddress': `Flood street ${n}` },
                      actor: { id: journey.subject.sub, role: 'citizen' },
                    },
                  ],
                })
                .then(
                  (r) => `temporal ${r.result}${r.detail ? ` ${r.detail}` : ''}`,
                  (error: unknown) => `temporal refused (${error instanceof Error ? error.name : 'error'})`,
                );
              count(receipt);
            }
          }
        };
        await Promise.all(Array.from({ length: PARALLEL * 2 }, viaApi));
        const description = await handle.describe();
        const history = description.raw.workflowExecutionInfo;
        figures =
          `${MESSAGES} messages in ${((Date.now() - began) / 1000).toFixed(0)} s; outcomes ${JSON.stringify(outcomes)}; ` +
          `current run: ${history?.historyLength} events, ${history?.historySizeBytes} bytes`;
        note(figures);
        fleet.held.delete(flooded);
        if (Number(history?.historySizeBytes ?? 0) > HISTORY_BOUND_BYTES)
          throw new Error(`the flooded journey's history grew past ${HISTORY_BOUND_BYTES} bytes: ${figures}`);
        return { healedAt: Date.now() };
      },
    });
    console.log(figures);
    expectInvariants(result);
  });
});
