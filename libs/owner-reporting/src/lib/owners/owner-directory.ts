import { CATALOGUE } from '@passage/life-events';
import {
  hooksOf,
  kpiDefinitions,
  kpiTargets,
  type KpiDefinition,
  type KpiHook,
  type LifeEventOwnership,
  type ProcessOwnerModule,
} from '@passage/process-owner';

/** What Passage knows of one life event of an owner: the ownership (budget, targets), hooks and KPI definitions. */
export interface OwnedLifeEvent {
  readonly owner: ProcessOwnerModule;
  readonly lifeEvent: string;
  readonly ownership: LifeEventOwnership;
  readonly hooks: readonly KpiHook[];
  readonly kpis: ReadonlyMap<string, KpiDefinition>;
  readonly targets: Readonly<Record<string, number>>;
}

/** The process-owner modules by id; the catalogue's unless others are given (tests give owners of their own). */
export class OwnerDirectory {
  private readonly owners: ReadonlyMap<string, ProcessOwnerModule>;

  constructor(owners: readonly ProcessOwnerModule[] = CATALOGUE.map((entry) => entry.owner)) {
    this.owners = new Map(owners.map((owner) => [owner.id, owner]));
  }

  owner(id: string): ProcessOwnerModule | undefined {
    return this.owners.get(id);
  }

  /** The hooks that measure a journey of this owner: standard only when the owner has no module. */
  hooks(ownerId: string): readonly KpiHook[] {
    return hooksOf(this.owners.get(ownerId));
  }

  lifeEvent(ownerId: string, lifeEvent: string): OwnedLifeEvent | undefined {
    const owner = this.owners.get(ownerId);
    const ownership = owner?.lifeEvents[lifeEvent];
    if (!owner || !ownership) return undefined;
    const hooks = hooksOf(owner);
    return { owner, lifeEvent, ownership, hooks, kpis: kpiDefinitions(hooks), targets: kpiTargets(ownership) };
  }

  lifeEvents(ownerId: string): OwnedLifeEvent[] {
    const owner = this.owners.get(ownerId);
    return Object.keys(owner?.lifeEvents ?? {}).flatMap((id) => this.lifeEvent(ownerId, id) ?? []);
  }
}
