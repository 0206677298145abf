import {
  diffLifeEvent,
  formatDiff,
  simulateLifeEvent,
  type SimulationInputs,
  type SimulationResult,
  type VersionDiff,
} from '@passage/authoring';
import { isLifeEventId, notFound, PassageError } from '@passage/contracts';
import type { DefinitionSnapshot, LifeEventDefinition } from '@passage/journey-model';
import type { Caller } from '@passage/auth';
import { findLifeEvent } from '@passage/life-events';
import type { ReadModelObservations, ReadModelObservationsQuery } from '@passage/persistence';
import type { LifeEventRegistry } from '@passage/registry';
import { DEFAULT_SIMULATED_JOURNEYS, type SimulateLifeEventCommand } from './simulate-life-event.command';

export const DEFAULT_SIMULATION_SEED = 1;

export interface SimulationRequest {
  readonly journeys: number;
  readonly seed: number;
  readonly monthlyVolume?: number;
  readonly itemDistributions?: SimulationInputs['itemDistributions'];
  /** Given rates win over observed ones. */
  readonly rejectionRates?: SimulationInputs['rejectionRates'];
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * What the process owner's module says about a life event that the simulator uses: the cost rules, and the lead
 * time promised (`leadTimeTargetDays`; when the owner set none, the lead-time target for nine journeys in ten).
 */
export function ownerSimulationInputs(lifeEventId: string): Pick<SimulationInputs, 'costRules' | 'leadTimeTargetDays'> {
  const ownership = findLifeEvent(lifeEventId)?.owner.lifeEvents[lifeEventId];
  if (!ownership) return {};
  return {
    costRules: ownership.costRules,
    leadTimeTargetDays: ownership.leadTimeTargetDays ?? ownership.targets.leadTimeDaysP90,
  };
}

/** Simulates a version with the owner's rules and what the read model observed (the CLI and the API alike). */
export function simulateVersion(
  definition: LifeEventDefinition,
  observed: ReadModelObservations | undefined,
  request: SimulationRequest,
): SimulationResult {
  return simulateLifeEvent(
    definition,
    {
      ...ownerSimulationInputs(definition.id),
      observedDays: observed?.observedDays,
      rejectionRates: { ...observed?.rejectionRates, ...request.rejectionRates },
      itemDistributions: request.itemDistributions,
      monthlyVolume: request.monthlyVolume,
    },
    { journeys: request.journeys, seed: request.seed, onProgress: request.onProgress },
  );
}

/** Version diff and simulation of published versions, for the life event's process owner and admins only. */
export class LifeEventAuthoring {
  constructor(
    private readonly registry: LifeEventRegistry,
    private readonly observations: ReadModelObservationsQuery,
  ) {}

  async diff(
    caller: Caller,
    lifeEventId: string,
    from: number,
    to: number,
  ): Promise<VersionDiff & { readonly text: string }> {
    await this.requireOwner(caller, lifeEventId);
    const [before, after] = await Promise.all([this.version(lifeEventId, from), this.version(lifeEventId, to)]);
    const diff = diffLifeEvent(before.definition, after.definition);
    return { ...diff, text: formatDiff(diff) };
  }

  async simulate(
    caller: Caller,
    lifeEventId: string,
    version: number,
    command: SimulateLifeEventCommand,
  ): Promise<SimulationResult> {
    await this.requireOwner(caller, lifeEventId);
    const { definition } = await this.version(lifeEventId, version);
    checkAgainstDefinition(definition, command);
    const observed = await this.observations.observe(lifeEventId, version);
    return simulateVersion(definition, observed, {
      journeys: command.journeys ?? DEFAULT_SIMULATED_JOURNEYS,
      seed: command.seed ?? DEFAULT_SIMULATION_SEED,
      monthlyVolume: command.monthlyVolume,
      itemDistributions: command.itemDistributions,
      rejectionRates: command.rejectionRates,
    });
  }

  /** Admins, or staff of the owner accountable for the life event; for anyone else it does not exist. */
  private async requireOwner(caller: Caller, lifeEventId: string): Promise<void> {
    const { roles, owner } = caller.principal;
    const latest = isLifeEventId(lifeEventId) ? await this.registry.find(lifeEventId) : undefined;
    const allowed = roles.includes('admin') || (roles.includes('owner') && owner === latest?.definition.owner);
    if (!latest || !allowed) throw notFound('life event');
  }

  private async version(lifeEventId: string, version: number): Promise<DefinitionSnapshot> {
    const snapshot = await this.registry.find(lifeEventId, version);
    if (!snapshot) throw notFound('life-event version');
    return snapshot;
  }
}

/** Distributions and rates must name the version's data items, values and steps: a typo would silently count for nothing. */
function checkAgainstDefinition(definition: LifeEventDefinition, command: SimulateLifeEventCommand): void {
  for (const step of Object.keys(command.rejectionRates ?? {})) {
    if (!definition.steps.some((s) => s.id === step))
      throw new PassageError(
        'invalid-request',
        `${definition.id} v${definition.version} has no step ${step}`,
        `rejectionRates.${step}`,
      );
  }
  for (const [item, distribution] of Object.entries(command.itemDistributions ?? {})) {
    const spec = definition.dataItems[item];
    const path = `itemDistributions.${item}`;
    if (!spec)
      throw new PassageError(
        'invalid-request',
        `${definition.id} v${definition.version} has no data item ${item}`,
        path,
      );
    const allowed =
      spec.type === 'enum' ? (spec.values ?? []) : spec.type === 'boolean' ? ['true', 'false'] : undefined;
    for (const value of Object.keys(distribution)) {
      const valid = allowed ? allowed.includes(value) : spec.type !== 'number' || Number.isFinite(Number(value));
      if (!valid) throw new PassageError('invalid-request', `${value} is not a value of ${item}`, `${path}.${value}`);
    }
  }
}
