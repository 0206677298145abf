import type { DataSource } from 'typeorm';
import type { AgencyDescriptor, LifeEventDefinition } from '@passage/journey-model';
import { AgencyRegistry } from './agency.registry';
import { LifeEventRegistry, type PublishResult } from './life-event.registry';

/** What a catalogue holds: its agencies, and per life event its owner and every version, oldest first. */
export interface Catalogue {
  readonly agencies: readonly AgencyDescriptor[];
  readonly lifeEvents: readonly {
    readonly owner: { readonly id: string };
    readonly versions: readonly LifeEventDefinition[];
  }[];
}

/**
 * Registers the catalogue's agencies and publishes every version of every life event (idempotent): what a
 * release job and the development stack run, with the catalogue of `@passage/life-events`.
 */
export async function publishCatalogue(dataSource: DataSource, catalogue: Catalogue): Promise<PublishResult[]> {
  const agencies = new AgencyRegistry(dataSource);
  await agencies.seed(catalogue.agencies);
  const registry = new LifeEventRegistry(dataSource);
  const context = {
    agencies: await agencies.descriptors(),
    owners: [...new Set(catalogue.lifeEvents.map((entry) => entry.owner.id))],
  };
  const results: PublishResult[] = [];
  for (const entry of catalogue.lifeEvents) {
    for (const definition of entry.versions) results.push(await registry.publish(definition, context));
  }
  return results;
}
