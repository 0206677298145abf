import type { DataSource } from 'typeorm';

/** How the steps of one life-event version behaved in practice, from the read model. */
export interface ReadModelObservations {
  /** Calendar days from dispatch to completion of completed steps, the most recent first; steps observed often enough. */
  readonly observedDays: Readonly<Record<string, readonly number[]>>;
  /** Share (0..1) of a step's decided executions that ended in a rejection; steps decided often enough. */
  readonly rejectionRates: Readonly<Record<string, number>>;
}

/** Durations kept per step: recent enough to reflect today's practice, few enough to bound the query. */
const MAX_DURATIONS_PER_STEP = 2_000;
/** Fewer observations of a step than this say more about chance than about the step: they are left out. */
const MIN_OBSERVATIONS = 5;

const MS_PER_DAY = 86_400_000;

/**
 * Reads the observations the simulator can use instead of statutory terms and estimates: completed steps' durations
 * and rejection rates of the journeys of one life-event version. Shared by the CLI and the API.
 */
export class ReadModelObservationsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async observe(lifeEventId: string, version: number): Promise<ReadModelObservations> {
    const [durations, outcomes] = await Promise.all([
      this.durations(lifeEventId, version),
      this.outcomes(lifeEventId, version),
    ]);
    return { observedDays: durations, rejectionRates: outcomes };
  }

  private async durations(lifeEventId: string, version: number): Promise<Record<string, number[]>> {
    const rows: { step_id: string; ms: string }[] = await this.dataSource.query(
      `SELECT step_id, ms FROM (
         SELECT s.step_id, EXTRACT(EPOCH FROM (s.finished_at - s.dispatched_at)) * 1000 AS ms,
                row_number() OVER (PARTITION BY s.step_id ORDER BY s.finished_at DESC) AS recent
         FROM journey_steps s JOIN journeys j ON j.id = s.journey_id
         WHERE j.life_event_id = $1 AND j.version = $2 AND s.status = 'completed'
           AND s.dispatched_at IS NOT NULL AND s.finished_at >= s.dispatched_at
       ) ranked WHERE recent <= $3 ORDER BY step_id, recent`,
      [lifeEventId, version, MAX_DURATIONS_PER_STEP],
    );
    const days: Record<string, number[]> = {};
    for (const row of rows) (days[row.step_id] ??= []).push(Number(row.ms) / MS_PER_DAY);
    return Object.fromEntries(Object.entries(days).filter(([, list]) => list.length >= MIN_OBSERVATIONS));
  }

  private async outcomes(lifeEventId: string, version: number): Promise<Record<string, number>> {
    const rows: { step_id: string; completed: string; rejected: string }[] = await this.dataSource.query(
      `SELECT s.step_id, count(*) FILTER (WHERE s.status = 'completed') AS completed, count(*) FILTER (WHERE s.status = 'rejected') AS rejected
       FROM journey_steps s JOIN journeys j ON j.id = s.journey_id
       WHERE j.life_event_id = $1 AND j.version = $2 AND s.status IN ('completed', 'rejected')
       GROUP BY s.step_id ORDER BY s.step_id`,
      [lifeEventId, version],
    );
    const rates: Record<string, number> = {};
    for (const row of rows) {
      const decided = Number(row.completed) + Number(row.rejected);
      if (decided >= MIN_OBSERVATIONS) rates[row.step_id] = Number(row.rejected) / decided;
    }
    return rates;
  }
}
