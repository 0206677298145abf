import { isDeepStrictEqual } from 'node:util';
import { waitFor } from '@passage/testing';
import { expectInvariants, runExperiment } from './support/experiment';
import type { DecisionRecord, FleetJourney } from './support/fleet';

interface Problem {
  readonly code?: string;
  readonly result?: string;
}

/**
 * R5: the messages people and systems really send, in the middle of a batch. For decisions already applied: the
 * same request again (a repeat: the first answer, exactly), the opposite decision under a new key (a contradiction:
 * 409 `conflicting-decision`, distinct from a repeat, changing nothing), the same decision under a new key (late:
 * never reported as applied). For journeys that will ask for an item later: that item now (early: held until asked,
 * never refused as "not asked"). For items already given: the item again (late: never reported as applied).
 */
describe('R5 duplicate, early, late and contradicting messages', () => {
  it('answers each truthfully, and no journey ends otherwise than planned', async () => {
    const wrong: string[] = [];
    const counted = { repeats: 0, contradictions: 0, conflicts: 0, lateDecisions: 0, early: 0, lateInputs: 0 };
    const result = await runExperiment({
      id: 'R5',
      title: 'duplicate, early, late and contradicting messages',
      injected:
        'decisions repeated (same key), contradicted and repeated late (new keys); inputs sent before asked and after given',
      inject: async ({ fleet, note }) => {
        await waitFor('twelve decisions applied', () => (fleet.decisions.length >= 12 ? true : undefined), {
          timeoutMs: 300_000,
          intervalMs: 200,
        });
        const post = (record: DecisionRecord, body: object, key: string) =>
          fleet.http.call<Problem>(record.token, 'POST', `/api/agency/tasks/${record.taskId}/decision`, body, key);
        // Decisions of journeys that go on (a withdrawn journey answers every later decision `journey-not-active`).
        const going = fleet.decisions.filter((d) => !d.journey.plan.withdrawAfter && d.journey.endedAt === undefined);
        for (const record of going.slice(0, 10)) {
          const where = `#${record.journey.plan.n} ${record.stepId}`;
          const repeat = await post(record, record.body, record.key);
          counted.repeats++;
          if (repeat.status !== record.status || !isDeepStrictEqual(repeat.body, record.answer))
            wrong.push(
              `${where}: a repeat answered ${repeat.status} ${JSON.stringify(repeat.body)}, first ${record.status} ${JSON.stringify(record.answer)}`,
            );
          const opposite =
            record.body.outcome === 'approved'
              ? { outcome: 'rejected', reason: 'Second thoughts.' }
              : { outcome: 'approved', outputs: {} };
          const contradiction = await post(record, opposite, `${record.key}-contradiction`);
          counted.contradictions++;
          // A journey that ended meanwhile truthfully answers `journey-not-active`; at least half must meet a live one.
          const ended = contradiction.status === 409 && contradiction.body?.code === 'journey-not-active';
          if (contradiction.body?.code === 'conflicting-decision') counted.conflicts++;
          if (!ended && (contradiction.status !== 409 || contradiction.body?.code !== 'conflicting-decision'))
            wrong.push(
              `${where}: a contradicting decision answered ${contradiction.status} ${contradiction.body?.code ?? contradiction.body?.result ?? ''}, expected 409 conflicting-decision`,
            );
          const late = await post(record, record.body, `${record.key}-late`);
          counted.lateDecisions++;
          if (late.status === 200 && late.body?.result === 'applied')
            wrong.push(`${where}: a late copy of a decision was reported as applied`);
          if (late.status >= 500) wrong.push(`${where}: a late copy of a decision answered ${late.status}`);
        }
        if (counted.conflicts < counted.contradictions / 2)
          wrong.push(
            `only ${counted.conflicts} of ${counted.contradictions} contradictions answered conflicting-decision`,
          );
        note(`decisions repeated, contradicted and repeated late: ${JSON.stringify(counted)}`);

        // Early: move-house journeys that have not reached the eID update yet get its answer now.
        const early = fleet.active.filter(
          (j) =>
            j.plan.lifeEvent === 'move-house' &&
            !j.plan.withdrawAfter &&
            !(j.timeline?.steps ?? []).some((s) => s.id === 'eid-update' && s.status !== 'pending'),
        );
        for (const journey of early.slice(0, 5)) {
          const answer = await input(fleet, journey, { 'move.eidUpdated': true }, 'early');
          counted.early++;
          if (answer.status < 200 || answer.status >= 300)
            wrong.push(
              `#${journey.plan.n}: an input for an item the journey will ask answered ${answer.status} ${answer.body?.code ?? ''}, expected it held`,
            );
        }
        // Late: an item the journey already holds, given again.
        const given = fleet.journeys.filter((j) => j.id && j.plan.lifeEvent === 'start-business').slice(0, 5);
        for (const journey of given) {
          const answer = await input(fleet, journey, { 'business.tradeName': 'Second name' }, 'late');
          counted.lateInputs++;
          if (answer.status === 200 && answer.body?.result === 'applied')
            wrong.push(`#${journey.plan.n}: an input for an item not asked was reported as applied`);
          if (answer.status >= 500) wrong.push(`#${journey.plan.n}: a late input answered ${answer.status}`);
        }
        note(`messages sent: ${JSON.stringify(counted)}`);
        return { healedAt: Date.now() };
      },
      verify: async () => ({ I1: wrong }),
    });
    expectInvariants(result);
  });
});

async function input(
  fleet: Parameters<Parameters<typeof runExperiment>[0]['inject']>[0]['fleet'],
  journey: FleetJourney,
  items: Record<string, boolean | string>,
  kind: string,
) {
  return fleet.http.call<Problem>(
    await fleet.tokenOf(journey.subject),
    'POST',
    `/api/journeys/${journey.id}/inputs`,
    { items },
    `${kind}-${journey.id}`,
  );
}
