import type { DataSource } from 'typeorm';
import type { AgencyDescriptor } from '@passage/journey-model';
import { AgencyEntity, type AgencyDelivery } from '@passage/persistence';

/** The agencies Passage knows, with how their service steps are delivered (their own worker, or a webhook). */
export class AgencyRegistry {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Registers the catalogue's agencies that are not known yet, and the services a known agency gained since; what
   * an admin changed stays (nothing is removed), so a database kept across releases can publish new versions.
   */
  async seed(
    agencies: readonly AgencyDescriptor[],
    delivery: (agency: AgencyDescriptor) => AgencyDelivery = () => ({ kind: 'worker' }),
  ): Promise<void> {
    if (agencies.length === 0) return;
    await this.addNewServices(agencies);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AgencyEntity)
      .values(
        agencies.map((agency) => ({
          id: agency.id,
          name: agency.name,
          level: agency.level,
          website: agency.website ?? null,
          contact: null,
          services: [...agency.services],
          delivery: delivery(agency),
          rateLimitPerMinute: null,
          updatedAt: new Date(),
        })),
      )
      .orIgnore()
      .execute();
  }

  private async addNewServices(agencies: readonly AgencyDescriptor[]): Promise<void> {
    const repository = this.dataSource.getRepository(AgencyEntity);
    for (const agency of agencies) {
      const row = await repository.findOneBy({ id: agency.id });
      const missing = agency.services.filter((service) => !row?.services.some((known) => known.id === service.id));
      if (row && missing.length > 0)
        await repository.save({ ...row, services: [...row.services, ...missing], updatedAt: new Date() });
    }
  }

  list(): Promise<AgencyEntity[]> {
    return this.dataSource.getRepository(AgencyEntity).find({ order: { id: 'ASC' } });
  }

  find(id: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
  }

  /** The registry in the form validation uses. */
  async descriptors(): Promise<AgencyDescriptor[]> {
    return (await this.list()).map((a) => ({
      id: a.id,
      name: a.name,
      level: a.level,
      website: a.website ?? undefined,
      services: a.services,
    }));
  }
}
