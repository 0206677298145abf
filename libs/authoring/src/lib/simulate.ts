import {
  conditionFields,
  estimateStepDays,
  evaluateCondition,
  type Channel,
  type DataValue,
  type LifeEventDefinition,
  type StepDefinition,
} from '@passage/journey-model';
import { type CostRules, percentile, stepCost } from '@passage/process-owner';
import { seededRandom, triangular } from './random';

/** What is known about how the journey behaves in practice; everything is optional. */
export interface SimulationInputs {
  /** Observed durations (calendar days) of completed steps, e.g. from the read model; used when there are enough. */
  readonly observedDays?: Readonly<Record<string, readonly number[]>>;
  /** Share (0..1) of a step's executions that end in a rejection. */
  readonly rejectionRates?: Readonly<Record<string, number>>;
  /** For the data items conditions read: value → probability. Defaults: uniform over enum values, 50/50 otherwise. */
  readonly itemDistributions?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The owner's cost per step and channel, overriding the definition's. */
  readonly costRules?: CostRules;
  readonly leadTimeTargetDays?: number;
  /** Journeys per month, to report the load per agency. */
  readonly monthlyVolume?: number;
}

export interface SimulationOptions {
  readonly journeys: number;
  readonly seed: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SimulationResult {
  readonly lifeEvent: string;
  readonly version: number;
  readonly journeys: number;
  readonly seed: number;
  readonly leadTimeDays: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly mean: number;
    readonly min: number;
    readonly max: number;
  };
  readonly withinTarget?: { readonly targetDays: number; readonly probability: number };
  readonly outcomes: { readonly completed: number; readonly rejected: number };
  readonly costPerJourney: { readonly mean: number; readonly p90: number };
  /** Mean cost per journey charged to each agency. */
  readonly costPerAgency: Readonly<Record<string, number>>;
  /** Step executions per month per agency at `monthlyVolume` journeys a month. */
  readonly loadPerAgencyPerMonth?: Readonly<Record<string, number>>;
  readonly steps: Readonly<Record<string, { readonly executedShare: number; readonly meanDays: number }>>;
}

/** Observations below this count are too few to stand in for the statutory term. */
const MIN_OBSERVATIONS = 5;
/** Working days expressed as calendar days, on average (five working days a week). */
const CALENDAR_PER_WORKING_DAY = 7 / 5;

const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * A step's duration model: observed durations when there are enough; within its statutory term when it has one
 * (a term is a maximum: triangular between a quarter and the whole term, most likely at 60 %); otherwise the fixed
 * estimate (expected days, or the mode's default) — so a definition without terms has fixed durations.
 */
function durationModel(
  step: StepDefinition,
  observed: readonly number[] | undefined,
): (random: () => number) => number {
  if (observed && observed.length >= MIN_OBSERVATIONS)
    return (random) => observed[Math.floor(random() * observed.length)];
  const estimate = estimateStepDays(step);
  const days = estimate.unit === 'working' ? estimate.days * CALENDAR_PER_WORKING_DAY : estimate.days;
  if (estimate.basis === 'term' && days > 0) return (random) => triangular(random, days * 0.25, days * 0.6, days);
  return () => days;
}

/** The channel a journey most likely uses for a step: automatic for machines, online when offered. */
function likelyChannel(step: StepDefinition): Channel {
  if (step.mode === 'automatic' || step.mode === 'proactive') return 'automatic';
  return step.channels.includes('online') ? 'online' : (step.channels[0] ?? 'online');
}

/** Draws the data items the conditions read, once per simulated journey. */
function itemSampler(definition: LifeEventDefinition, distributions: SimulationInputs['itemDistributions']) {
  const fields = [...new Set(definition.steps.flatMap((step) => (step.when ? conditionFields(step.when) : [])))];
  const samplers = fields.map((field) => {
    const given = distributions?.[field];
    const spec = definition.dataItems[field];
    const options: [DataValue, number][] = given
      ? Object.entries(given).map(([value, p]) => [
          spec?.type === 'boolean' ? value === 'true' : spec?.type === 'number' ? Number(value) : value,
          p,
        ])
      : spec?.type === 'enum'
        ? (spec.values ?? []).map((value) => [value, 1])
        : spec?.type === 'boolean'
          ? [
              [true, 1],
              [false, 1],
            ]
          : [];
    const total = options.reduce((sum, [, p]) => sum + p, 0);
    return (random: () => number, data: Record<string, DataValue>) => {
      if (total <= 0) return;
      let pick = random() * total;
      for (const [value, p] of options) {
        pick -= p;
        if (pick <= 0) {
          data[field] = value;
          return;
        }
      }
    };
  });
  return (random: () => number) => {
    const data: Record<string, DataValue> = {};
    for (const sample of samplers) sample(random, data);
    return data;
  };
}

/** Steps in an order where every dependency comes first. */
function topologicalOrder(definition: LifeEventDefinition): StepDefinition[] {
  const byId = new Map(definition.steps.map((step) => [step.id, step]));
  const ordered: StepDefinition[] = [];
  const visited = new Set<string>();
  const visit = (step: StepDefinition) => {
    if (visited.has(step.id)) return;
    visited.add(step.id);
    for (const dep of step.dependsOn) {
      const target = byId.get(dep);
      if (target) visit(target);
    }
    ordered.push(step);
  };
  definition.steps.forEach(visit);
  return ordered;
}

/**
 * A Monte Carlo simulation of a life-event version: many journeys with sampled variants, durations and
 * rejections, giving the lead-time distribution, the chance to finish within the owner's target, the cost per
 * journey and per agency, and the load per agency. Deterministic for a given seed.
 */
export function simulateLifeEvent(
  definition: LifeEventDefinition,
  inputs: SimulationInputs,
  options: SimulationOptions,
): SimulationResult {
  const random = seededRandom(options.seed);
  const order = topologicalOrder(definition);
  const durations = new Map(order.map((step) => [step.id, durationModel(step, inputs.observedDays?.[step.id])]));
  const costs = new Map(
    order.map((step) => [step.id, stepCost(step.id, likelyChannel(step), step.cost, inputs.costRules)]),
  );
  const sampleItems = itemSampler(definition, inputs.itemDistributions);
  const leadTimes: number[] = [];
  const journeyCosts: number[] = [];
  const agencyCost = new Map<string, number>();
  const agencyLoad = new Map<string, number>();
  const executed = new Map<string, { count: number; days: number }>();
  let rejected = 0;
  const progressEvery = Math.max(1, Math.floor(options.journeys / 100));

  for (let journey = 0; journey < options.journeys; journey++) {
    const data = sampleItems(random);
    const end = new Map<string, number>();
    const blocked = new Set<string>();
    let cost = 0;
    let finish = 0;
    for (const step of order) {
      const start = Math.max(0, ...step.dependsOn.map((dep) => end.get(dep) ?? 0));
      if (step.dependsOn.some((dep) => blocked.has(dep)) || (step.when && !evaluateCondition(step.when, data))) {
        // A skipped step ends when its dependencies end; a step behind a rejection does not run.
        end.set(step.id, start);
        if (step.dependsOn.some((dep) => blocked.has(dep))) blocked.add(step.id);
        continue;
      }
      const days = durations.get(step.id)?.(random) ?? 0;
      end.set(step.id, start + days);
      finish = Math.max(finish, start + days);
      const stepCostValue = costs.get(step.id) ?? 0;
      cost += stepCostValue;
      agencyCost.set(step.agency, (agencyCost.get(step.agency) ?? 0) + stepCostValue);
      agencyLoad.set(step.agency, (agencyLoad.get(step.agency) ?? 0) + 1);
      const stats = executed.get(step.id) ?? { count: 0, days: 0 };
      executed.set(step.id, { count: stats.count + 1, days: stats.days + days });
      if (random() < (inputs.rejectionRates?.[step.id] ?? 0)) {
        blocked.add(step.id);
        if (step.critical !== false) {
          rejected += 1;
          break;
        }
      }
    }
    leadTimes.push(finish);
    journeyCosts.push(cost);
    if (options.onProgress && (journey + 1) % progressEvery === 0) options.onProgress(journey + 1, options.journeys);
  }

  const n = Math.max(1, options.journeys);
  const sortedLead = [...leadTimes].sort((a, b) => a - b);
  const perJourney = (map: Map<string, number>) =>
    Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([key, total]) => [key, round(total / n)]));
  return {
    lifeEvent: definition.id,
    version: definition.version,
    journeys: options.journeys,
    seed: options.seed,
    leadTimeDays: {
      p50: round(percentile(sortedLead, 0.5) ?? 0),
      p90: round(percentile(sortedLead, 0.9) ?? 0),
      p99: round(percentile(sortedLead, 0.99) ?? 0),
      mean: round(leadTimes.reduce((a, b) => a + b, 0) / n),
      min: round(sortedLead[0] ?? 0),
      max: round(sortedLead[sortedLead.length - 1] ?? 0),
    },
    ...(inputs.leadTimeTargetDays !== undefined
      ? {
          withinTarget: {
            targetDays: inputs.leadTimeTargetDays,
            probability: round(leadTimes.filter((d) => d <= (inputs.leadTimeTargetDays ?? 0)).length / n, 4),
          },
        }
      : {}),
    outcomes: { completed: round((n - rejected) / n, 4), rejected: round(rejected / n, 4) },
    costPerJourney: {
      mean: round(journeyCosts.reduce((a, b) => a + b, 0) / n),
      p90: round(percentile(journeyCosts, 0.9) ?? 0),
    },
    costPerAgency: perJourney(agencyCost),
    ...(inputs.monthlyVolume !== undefined
      ? {
          loadPerAgencyPerMonth: Object.fromEntries(
            [...agencyLoad]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([agency, count]) => [agency, round((count / n) * (inputs.monthlyVolume ?? 0), 1)]),
          ),
        }
      : {}),
    steps: Object.fromEntries(
      definition.steps.map((step) => {
        const stats = executed.get(step.id);
        return [
          step.id,
          { executedShare: round((stats?.count ?? 0) / n, 4), meanDays: round(stats ? stats.days / stats.count : 0) },
        ];
      }),
    ),
  };
}
