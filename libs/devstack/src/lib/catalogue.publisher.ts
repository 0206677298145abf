import type { DataSource } from 'typeorm';
import { AgencyRegistry, LifeEventRegistry, type PublishResult } from '@passage/journeys';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { AgencyEntity } from '@passage/persistence';

/** Registers the catalogue's agencies and publishes every version of every life event (idempotent). */
export async function publishCatalogue(dataSource: DataSource): Promise<PublishResult[]> {
  const agencies = new AgencyRegistry(dataSource);
  await agencies.seed(AGENCIES);
  await addNewServices(dataSource);
  const registry = new LifeEventRegistry(dataSource);
  const context = { agencies: await agencies.descriptors(), owners: [...new Set(CATALOGUE.map((entry) => entry.owner.id))] };
  const results: PublishResult[] = [];
  for (const entry of CATALOGUE) {
    for (const definition of entry.versions) results.push(await registry.publish(definition, context));
  }
  return results;
}

/**
 * Seeding leaves a known agency as it is, so on a database kept across runs (`passage dev`) a service the catalogue
 * gained since would be missing, and the versions that use it would fail to publish. Add such services; never remove.
 */
async function addNewServices(dataSource: DataSource): Promise<void> {
  const repository = dataSource.getRepository(AgencyEntity);
  for (const agency of AGENCIES) {
    const row = await repository.findOneBy({ id: agency.id });
    const missing = agency.services.filter((service) => !row?.services.some((known) => known.id === service.id));
    if (row && missing.length > 0) await repository.save({ ...row, services: [...row.services, ...missing], updatedAt: new Date() });
  }
}
