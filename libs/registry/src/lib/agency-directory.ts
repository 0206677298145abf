import type { DataSource } from 'typeorm';
import type { AgencyLevel, Texts } from '@passage/journey-model';
import { AgencyEntity } from '@passage/persistence';

/** What a timeline shows of an agency. */
export interface AgencyListing {
  readonly id: string;
  readonly name: Texts;
  readonly level: AgencyLevel;
}

/**
 * Agencies' names and levels for display, read from the registry at most once per refresh interval (as the worker
 * reads delivery settings): a timeline read does not load the agencies table each time. A change by an admin shows
 * within the interval; callers at the same moment share one read.
 */
export class AgencyDirectory {
  private listings: Promise<ReadonlyMap<string, AgencyListing>> | undefined;
  private loadedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly refreshMs: number,
  ) {}

  byId(): Promise<ReadonlyMap<string, AgencyListing>> {
    if (!this.listings || Date.now() - this.loadedAt >= this.refreshMs) {
      this.loadedAt = Date.now();
      const loading = this.load();
      // A failed read is not kept: the next caller tries again.
      loading.catch(() => {
        if (this.listings === loading) this.listings = undefined;
      });
      this.listings = loading;
    }
    return this.listings;
  }

  private async load(): Promise<ReadonlyMap<string, AgencyListing>> {
    const rows = await this.dataSource
      .getRepository(AgencyEntity)
      .find({ select: { id: true, name: true, level: true } });
    return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, level: row.level }]));
  }
}
