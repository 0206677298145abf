import type { DataSource } from 'typeorm';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { AgencyRegistry } from './agency.registry';
import { LifeEventRegistry, type PublishResult } from './life-event.registry';

/**
 * Registers the catalogue's agencies and publishes every version of every life event (idempotent): what a
 * release job and the development stack run.
 */
export async function publishCatalogue(dataSource: DataSource): Promise<PublishResult[]> {
  const agencies = new AgencyRegistry(dataSource);
  await agencies.seed(AGENCIES);
  const registry = new LifeEventRegistry(dataSource);
  const context = {
    agencies: await agencies.descriptors(),
    owners: [...new Set(CATALOGUE.map((entry) => entry.owner.id))],
  };
  const results: PublishResult[] = [];
  for (const entry of CATALOGUE) {
    for (const definition of entry.versions) results.push(await registry.publish(definition, context));
  }
  return results;
}
