import type { DataSource } from 'typeorm';
import { PassageError } from '@passage/contracts';
import {
  contentHash,
  validateLifeEvent,
  type AgencyDescriptor,
  type DefinitionSnapshot,
  type LifeEventDefinition,
} from '@passage/journey-model';
import { LifeEventVersionEntity } from '@passage/persistence';

export interface PublishResult {
  readonly lifeEvent: string;
  readonly version: number;
  readonly hash: string;
  /** `unchanged` when this exact content was already published: publishing is idempotent. */
  readonly status: 'published' | 'unchanged';
}

export interface LifeEventSummary {
  readonly id: string;
  readonly latestVersion: number;
  readonly versions: readonly number[];
  readonly owner: string;
  readonly definition: LifeEventDefinition;
}

/**
 * The registry of published life-event versions. A published version is immutable (the table refuses updates);
 * journeys pin it by content hash. Versions are cached in memory for the process's life, since they never change.
 */
export class LifeEventRegistry {
  private readonly cache = new Map<string, DefinitionSnapshot>();

  constructor(private readonly dataSource: DataSource) {}

  async publish(
    definition: LifeEventDefinition,
    context: { agencies: readonly AgencyDescriptor[]; owners: readonly string[] },
  ): Promise<PublishResult> {
    const published = await this.dataSource
      .getRepository(LifeEventVersionEntity)
      .find({ where: { lifeEventId: definition.id } });
    const issues = validateLifeEvent(definition, {
      ...context,
      published: published.map((p) => ({ version: p.version, hash: p.hash })),
    });
    const changed = issues.find((issue) => issue.code === 'published-content-changed');
    if (changed) throw new PassageError('published-version-changed', changed.message, changed.path);
    if (issues.length > 0)
      throw new PassageError('invalid-definition', `${issues[0].code}: ${issues[0].message}`, issues[0].path);
    const hash = contentHash(definition);
    if (published.some((p) => p.version === definition.version))
      return { lifeEvent: definition.id, version: definition.version, hash, status: 'unchanged' };
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(LifeEventVersionEntity)
      .values({ lifeEventId: definition.id, version: definition.version, hash, owner: definition.owner, definition })
      .orIgnore()
      .execute();
    return { lifeEvent: definition.id, version: definition.version, hash, status: 'published' };
  }

  /** A published version, or the latest when `version` is omitted. */
  async find(lifeEventId: string, version?: number): Promise<DefinitionSnapshot | undefined> {
    if (version !== undefined) {
      const cached = this.cache.get(`${lifeEventId}@${version}`);
      if (cached) return cached;
    }
    const row = await this.dataSource.getRepository(LifeEventVersionEntity).findOne({
      where: { lifeEventId, ...(version === undefined ? {} : { version }) },
      order: { version: 'DESC' },
    });
    if (!row) return undefined;
    const snapshot: DefinitionSnapshot = {
      id: row.lifeEventId,
      version: row.version,
      hash: row.hash,
      definition: row.definition,
    };
    this.cache.set(`${row.lifeEventId}@${row.version}`, snapshot);
    return snapshot;
  }

  async require(lifeEventId: string, version?: number): Promise<DefinitionSnapshot> {
    const snapshot = await this.find(lifeEventId, version);
    if (!snapshot)
      throw new PassageError('not-found', `life event ${lifeEventId}${version ? ` version ${version}` : ''} not found`);
    return snapshot;
  }

  async list(): Promise<LifeEventSummary[]> {
    const rows = await this.dataSource
      .getRepository(LifeEventVersionEntity)
      .find({ order: { lifeEventId: 'ASC', version: 'ASC' } });
    const byId = new Map<string, LifeEventVersionEntity[]>();
    for (const row of rows) byId.set(row.lifeEventId, [...(byId.get(row.lifeEventId) ?? []), row]);
    return [...byId.entries()].map(([id, versions]) => {
      const latest = versions[versions.length - 1];
      return {
        id,
        latestVersion: latest.version,
        versions: versions.map((v) => v.version),
        owner: latest.owner,
        definition: latest.definition,
      };
    });
  }
}
