import type { DataSource } from 'typeorm';

export interface JourneyPlaceholder {
  readonly journeyId: string;
  readonly lifeEventId: string;
  readonly version: number;
  readonly owner: string;
  readonly subject: string;
  readonly channel: string;
  readonly language: string;
  readonly proactive: boolean;
}

/**
 * A first row for a journey just started, so that its subject sees it at once; the projection (sequence ≥ 1)
 * replaces it, and a row the projection already wrote is left alone.
 */
export async function insertJourneyPlaceholder(dataSource: DataSource, journey: JourneyPlaceholder): Promise<void> {
  await dataSource.query(
    `INSERT INTO journeys (id, life_event_id, version, owner, subject, status, channel, language, proactive, started_at, last_seq)
     VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, now(), 0) ON CONFLICT (id) DO NOTHING`,
    [
      journey.journeyId,
      journey.lifeEventId,
      journey.version,
      journey.owner,
      journey.subject,
      journey.channel,
      journey.language,
      journey.proactive,
    ],
  );
}
