import type { DataSource } from 'typeorm';
import { PassageError } from '@passage/contracts';
import type { KpiEvent } from '@passage/process-owner';

/** The journey the answer is about, as the caller was authorised to see it. */
export interface SurveyedJourney {
  readonly id: string;
  readonly lifeEventId: string;
  readonly version: number;
  readonly owner: string;
  readonly status: string;
}

/** How the one answering relates to the journey's subject. */
export type Respondent = 'subject' | 'intermediary' | 'counter';

export interface SatisfactionAnswer {
  readonly journeyId: string;
  readonly score: number;
  readonly answeredAt: string;
}

/**
 * Records the answer to the satisfaction survey, once per journey, only from its subject (an intermediary or a clerk
 * answering would skew a KPI the owner is judged on) and only once it has completed, together with
 * the `satisfaction-answered` KPI event for the owner's hooks (same transaction, so neither exists without the other).
 */
export class SatisfactionSurvey {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  answer(journey: SurveyedJourney, respondent: Respondent, score: number): Promise<SatisfactionAnswer> {
    if (respondent !== 'subject')
      throw new PassageError('forbidden', 'only the subject of the journey answers its satisfaction survey');
    if (journey.status !== 'completed')
      throw new PassageError('not-asked', 'the survey opens when the journey has completed');
    return this.dataSource.transaction(async (tx) => {
      const rows: { answered_at: Date }[] = await tx.query(
        `INSERT INTO satisfaction_answers (journey_id, score, answered_at) VALUES ($1, $2, $3) ON CONFLICT (journey_id) DO NOTHING RETURNING answered_at`,
        [journey.id, score, this.now()],
      );
      if (rows.length === 0)
        throw new PassageError('already-answered', 'the survey of this journey has been answered already');
      const answeredAt = rows[0].answered_at.toISOString();
      const event: KpiEvent = {
        type: 'satisfaction-answered',
        id: `${journey.id}:satisfaction`,
        journeyId: journey.id,
        lifeEvent: journey.lifeEventId,
        version: journey.version,
        at: answeredAt,
        score,
      };
      await tx.query(
        `INSERT INTO kpi_outbox (dedupe_key, owner, life_event_id, version, event) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING`,
        [event.id, journey.owner, journey.lifeEventId, journey.version, JSON.stringify(event)],
      );
      return { journeyId: journey.id, score, answeredAt };
    });
  }
}
