import type { Channel, LifeEventDefinition, StepDefinition } from '@passage/journey-model';
import { stepCost, type LifeEventOwnership } from '@passage/process-owner';
import type { Queryable } from './kpi-samples.query';

/** Per agency: euro and number of step executions. */
export type AgencyAmounts = ReadonlyMap<string, { readonly amount: number; readonly steps: number }>;

/** What the ledger charged a life event in a budget year, per agency. */
export async function spentByAgency(
  q: Queryable,
  owner: string,
  lifeEvent: string,
  year: number,
): Promise<AgencyAmounts> {
  const rows: { agency: string; amount: number; steps: number }[] = await q.query(
    `SELECT agency, sum(amount)::float8 AS amount, count(*)::int AS steps FROM budget_ledger
     WHERE owner = $1 AND life_event_id = $2 AND year = $3 GROUP BY agency`,
    [owner, lifeEvent, year],
  );
  return new Map(rows.map((row) => [row.agency, { amount: row.amount, steps: row.steps }]));
}

/** Statuses of steps that have not been charged yet and still may be: not skipped, cancelled, decided or expired. */
const NOT_YET_EXECUTED = ['pending', 'ready', 'dispatched', 'in-progress', 'awaiting-subject', 'failed'];

interface OpenStepRow {
  version: number;
  journey_channel: Channel;
  step_id: string;
  agency: string;
  channel: Channel | null;
  steps: number;
}

/** The channel the engine will run a step on (as its `channelFor`): machines on `automatic`, else the journey's. */
function expectedChannel(step: StepDefinition | undefined, journeyChannel: Channel): Channel | undefined {
  if (!step) return undefined;
  if (step.mode === 'automatic' || step.mode === 'proactive') return 'automatic';
  return step.channels.includes(journeyChannel) ? journeyChannel : (step.channels[0] ?? 'online');
}

/**
 * What open journeys are still expected to cost, per agency: every step of an active journey that has not run yet
 * and was not skipped, at its cost on the channel it runs on (a dispatched step's own channel, else the channel the
 * engine will choose: `automatic` for machine steps, the journey's channel when the step offers it, else the step's
 * first channel). A pending step whose condition is still undecided counts: deciding it would mean reading the
 * subject's data, so `committed` is an upper bound.
 */
export async function committedByAgency(
  q: Queryable,
  owner: string,
  lifeEvent: string,
  ownership: LifeEventOwnership,
  definitionOf: (version: number) => Promise<LifeEventDefinition | undefined>,
): Promise<AgencyAmounts> {
  const rows: OpenStepRow[] = await q.query(
    `SELECT j.version, j.channel AS journey_channel, s.step_id, s.agency, s.channel, count(*)::int AS steps
     FROM journey_steps s JOIN journeys j ON j.id = s.journey_id
     WHERE j.owner = $1 AND j.life_event_id = $2 AND j.status = 'active' AND s.status = ANY($3::text[])
     GROUP BY 1, 2, 3, 4, 5`,
    [owner, lifeEvent, NOT_YET_EXECUTED],
  );
  const committed = new Map<string, { amount: number; steps: number }>();
  for (const row of rows) {
    const step = (await definitionOf(row.version))?.steps.find((s) => s.id === row.step_id);
    const cost =
      stepCost(
        row.step_id,
        row.channel ?? expectedChannel(step, row.journey_channel),
        step?.cost,
        ownership.costRules,
      ) * row.steps;
    const current = committed.get(row.agency) ?? { amount: 0, steps: 0 };
    committed.set(row.agency, { amount: current.amount + cost, steps: current.steps + row.steps });
  }
  return committed;
}
