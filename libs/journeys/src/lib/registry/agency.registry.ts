import type { DataSource } from 'typeorm';
import type { AgencyDescriptor } from '@passage/journey-model';
import { AgencyEntity, type AgencyDelivery } from '@passage/persistence';

/** The agencies Passage knows, with how their service steps are delivered (their own worker, or a webhook). */
export class AgencyRegistry {
  constructor(private readonly dataSource: DataSource) {}

  /** Registers the catalogue's agencies that are not known yet; what an admin changed since stays. */
  async seed(agencies: readonly AgencyDescriptor[], delivery: (agency: AgencyDescriptor) => AgencyDelivery = () => ({ kind: 'worker' })): Promise<void> {
    if (agencies.length === 0) return;
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

  list(): Promise<AgencyEntity[]> {
    return this.dataSource.getRepository(AgencyEntity).find({ order: { id: 'ASC' } });
  }

  find(id: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
  }

  /** The registry in the form validation uses. */
  async descriptors(): Promise<AgencyDescriptor[]> {
    return (await this.list()).map((a) => ({ id: a.id, name: a.name, level: a.level, website: a.website ?? undefined, services: a.services }));
  }
}
