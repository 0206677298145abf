import type { Pool } from 'pg';
import type { DataSource, EntityTarget } from 'typeorm';
import type { TimelineEvent } from '@passage/contracts';
import { postgresPool } from '../data-source';
import { AgencyTaskEntity } from '../entities/agency-task.entity';
import { JourneyEntity } from '../entities/journey.entity';
import { JourneyStepEntity } from '../entities/journey-step.entity';

/*
 * The citizen's read path as plain prepared statements on the pool under the data source: what millions of
 * citizens call, so it skips the ORM's hydration and transaction round trips (docs/benchmarks.md). The raw
 * baseline of `npm run bench:api` runs these same statements.
 */

/** The statements of the read path, with the columns the entities map (so that they follow the schema). */
export interface ReadModelStatements {
  /** A journey by id. */
  readonly journey: string;
  /**
   * A journey with its steps and its timeline in one statement: one statement reads one snapshot, so the three are
   * as one projection left them (what a REPEATABLE READ transaction of three reads gave, in one round trip).
   */
  readonly timeline: string;
  /** A subject's journeys, newest first (index journeys_subject): subject, limit. */
  readonly journeysOf: string;
  /** A journey with its timeline events after a number, for live updates: journey id, number. */
  readonly eventsSince: string;
}

interface ColumnMapping {
  readonly column: string;
  readonly property: string;
  readonly date: boolean;
}

function columnsOf(dataSource: DataSource, entity: EntityTarget<object>): ColumnMapping[] {
  return dataSource.getMetadata(entity).columns.map((column) => ({
    column: column.databaseName,
    property: column.propertyName,
    date: column.type === 'timestamptz',
  }));
}

export function readModelStatements(dataSource: DataSource): ReadModelStatements {
  const journeyColumns = columnsOf(dataSource, JourneyEntity)
    .map((c) => `j.${c.column}`)
    .join(', ');
  return {
    journey: `SELECT ${journeyColumns} FROM journeys j WHERE j.id = $1`,
    timeline: `SELECT ${journeyColumns},
       (SELECT coalesce(json_agg(s), '[]'::json) FROM journey_steps s WHERE s.journey_id = j.id) AS steps,
       (SELECT coalesce(json_agg(e.body ORDER BY e.n), '[]'::json) FROM journey_events e WHERE e.journey_id = j.id) AS events
  FROM journeys j WHERE j.id = $1`,
    journeysOf: `SELECT ${journeyColumns} FROM journeys j WHERE j.subject = $1 ORDER BY j.started_at DESC LIMIT $2`,
    eventsSince: `SELECT ${journeyColumns},
       (SELECT coalesce(json_agg(e.body ORDER BY e.n), '[]'::json) FROM (
          SELECT body, n FROM journey_events WHERE journey_id = j.id AND n > $2 ORDER BY n LIMIT ${EVENTS_SINCE_LIMIT}) e
       ) AS events
  FROM journeys j WHERE j.id = $1`,
  };
}

/** Most events one live-update read returns; the client resumes from the last one. */
export const EVENTS_SINCE_LIMIT = 500;

/** An entity from a row by the entity's column mapping; timestamps that came through JSON become dates again. */
function mapper<T extends object>(entity: new () => T, columns: readonly ColumnMapping[]) {
  return (row: Record<string, unknown>): T => {
    const mapped = new entity() as Record<string, unknown>;
    for (const { column, property, date } of columns) {
      const value = row[column];
      mapped[property] = date && typeof value === 'string' ? new Date(value) : value;
    }
    return mapped as T;
  };
}

export interface TimelineRows {
  readonly journey: JourneyEntity;
  readonly steps: JourneyStepEntity[];
  readonly events: TimelineEvent[];
}

/** The read model's journeys, steps and timelines, by prepared statement on the data source's pool. */
export class ReadModelQueries {
  private readonly pool: Pool;
  private readonly statements: ReadModelStatements;
  private readonly journeyOf: (row: Record<string, unknown>) => JourneyEntity;
  private readonly stepOf: (row: Record<string, unknown>) => JourneyStepEntity;
  private readonly taskOf: (row: Record<string, unknown>) => AgencyTaskEntity;

  /** `dataSource` must be initialized. */
  constructor(dataSource: DataSource) {
    this.pool = postgresPool(dataSource);
    this.statements = readModelStatements(dataSource);
    this.journeyOf = mapper(JourneyEntity, columnsOf(dataSource, JourneyEntity));
    this.stepOf = mapper(JourneyStepEntity, columnsOf(dataSource, JourneyStepEntity));
    this.taskOf = mapper(AgencyTaskEntity, columnsOf(dataSource, AgencyTaskEntity));
  }

  async journey(journeyId: string): Promise<JourneyEntity | undefined> {
    const { rows } = await this.pool.query({
      name: 'passage_journey',
      text: this.statements.journey,
      values: [journeyId],
    });
    return rows[0] && this.journeyOf(rows[0]);
  }

  async timeline(journeyId: string): Promise<TimelineRows | undefined> {
    const { rows } = await this.pool.query<{ steps: Record<string, unknown>[]; events: TimelineEvent[] }>({
      name: 'passage_timeline',
      text: this.statements.timeline,
      values: [journeyId],
    });
    const row = rows[0];
    if (!row) return undefined;
    return { journey: this.journeyOf(row), steps: row.steps.map(this.stepOf), events: row.events };
  }

  async journeysOf(subject: string, limit: number): Promise<JourneyEntity[]> {
    const { rows } = await this.pool.query({
      name: 'passage_journeys_of_subject',
      text: this.statements.journeysOf,
      values: [subject, limit],
    });
    return rows.map(this.journeyOf);
  }

  /** One page of an agency's inbox and the number of tasks matching. */
  async inbox(filter: InboxFilter): Promise<{ tasks: AgencyTaskEntity[]; total: number }> {
    const statements = inboxStatements(filter);
    const [page, count] = await Promise.all([
      this.pool.query({
        name: `${statements.name}_page`,
        text: statements.page,
        values: [...statements.values, filter.pageSize, (filter.page - 1) * filter.pageSize],
      }),
      this.pool.query<{ total: number }>({
        name: `${statements.name}_count`,
        text: statements.count,
        values: [...statements.values],
      }),
    ]);
    return { tasks: page.rows.map(this.taskOf), total: count.rows[0].total };
  }

  /** The journey (to check who may follow it) and its events after `afterN`, in one statement. */
  async eventsSince(
    journeyId: string,
    afterN: number,
  ): Promise<{ journey: JourneyEntity; events: TimelineEvent[] } | undefined> {
    const { rows } = await this.pool.query<{ events: TimelineEvent[] }>({
      name: 'passage_events_since',
      text: this.statements.eventsSince,
      values: [journeyId, afterN],
    });
    const row = rows[0];
    return row && { journey: this.journeyOf(row), events: row.events };
  }
}

/** What an agency's inbox is filtered and paged by. */
export interface InboxFilter {
  readonly agency: string;
  readonly status?: string;
  readonly lifeEvent?: string;
  /** Open or waiting for the subject, past the due date (true), or not (false). */
  readonly overdue?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface InboxStatements {
  /** A name per combination of filters, for prepared statements. */
  readonly name: string;
  readonly page: string;
  readonly count: string;
  readonly values: readonly unknown[];
}

const OVERDUE = `t.due_at < now() AND t.status IN ('open', 'awaiting-subject')`;
const NOT_OVERDUE = `(t.due_at IS NULL OR t.due_at >= now() OR t.status NOT IN ('open', 'awaiting-subject'))`;

/**
 * One page of an agency's inbox, by due date, and how many tasks match (index agency_tasks_inbox). The page's
 * statement takes `values` and then the limit and the offset; the count takes `values`.
 */
export function inboxStatements(filter: InboxFilter): InboxStatements {
  const values: unknown[] = [filter.agency];
  const where = ['t.agency = $1'];
  let name = 'passage_inbox';
  if (filter.status !== undefined) {
    values.push(filter.status);
    where.push(`t.status = $${values.length}`);
    name += '_status';
  }
  if (filter.lifeEvent !== undefined) {
    values.push(filter.lifeEvent);
    where.push(`t.life_event_id = $${values.length}`);
    name += '_life_event';
  }
  if (filter.overdue !== undefined) {
    where.push(filter.overdue ? OVERDUE : NOT_OVERDUE);
    name += filter.overdue ? '_overdue' : '_not_overdue';
  }
  const condition = where.join(' AND ');
  return {
    name,
    page: `SELECT t.* FROM agency_tasks t WHERE ${condition}
 ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
    count: `SELECT count(*)::integer AS total FROM agency_tasks t WHERE ${condition}`,
    values,
  };
}
