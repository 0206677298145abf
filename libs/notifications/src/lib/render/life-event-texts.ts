import type { DataSource } from 'typeorm';
import type { LifeEventDefinition, Texts } from '@passage/journey-model';
import { DeliveryError } from '../delivery/notification-message';

/** The citizen-facing texts of one life-event version that notifications are made of. */
export interface LifeEventTexts {
  readonly title: Texts;
  readonly steps: ReadonlyMap<string, Texts>;
  readonly dataItems: ReadonlyMap<string, Texts>;
}

export function textsOf(definition: LifeEventDefinition): LifeEventTexts {
  return {
    title: definition.title,
    steps: new Map(definition.steps.map((step) => [step.id, step.title])),
    dataItems: new Map(Object.entries(definition.dataItems).map(([item, spec]) => [item, spec.label])),
  };
}

/** Reads texts from the registry of published versions; a published version never changes, so it is cached. */
export class LifeEventTextsLoader {
  private readonly cache = new Map<string, Promise<LifeEventTexts>>();

  constructor(private readonly dataSource: DataSource) {}

  load(lifeEventId: string, version: number): Promise<LifeEventTexts> {
    const key = `${lifeEventId}@${version}`;
    let texts = this.cache.get(key);
    if (!texts) {
      texts = this.read(lifeEventId, version);
      this.cache.set(key, texts);
      // A failed read (database down, not published) is tried again on the next attempt.
      texts.catch(() => this.cache.delete(key));
    }
    return texts;
  }

  private async read(lifeEventId: string, version: number): Promise<LifeEventTexts> {
    const rows: { definition: LifeEventDefinition }[] = await this.dataSource.query(
      `SELECT definition FROM life_event_versions WHERE life_event_id = $1 AND version = $2`,
      [lifeEventId, version],
    );
    // Journeys run on published versions only: a missing one is an inconsistency no retry repairs.
    if (rows.length === 0)
      throw new DeliveryError(`life event ${lifeEventId} version ${version} is not published`, false);
    return textsOf(rows[0].definition);
  }
}
