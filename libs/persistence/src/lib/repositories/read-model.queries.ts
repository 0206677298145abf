import type { Pool } from 'pg';
import type { TimelineEvent } from '@passage/contracts';
import { JourneyEntity } from '../entities/journey.entity';
import { JourneyStepEntity } from '../entities/journey-step.entity';

/*
 * The citizen's read path as plain prepared statements on the pool under the data source: what millions of
 * citizens call, so it skips the ORM's hydration and transaction round trips (docs/benchmarks.md). The raw
 * baseline of `npm run bench:api` runs these same statements.
 */

const JOURNEY_COLUMNS = `j.id, j.life_event_id, j.version, j.owner, j.subject, j.status, j.channel, j.language,
  j.proactive, j.started_at, j.finished_at, j.expected_at, j.last_seq`;

/**
 * A journey with its steps and its timeline in one statement: one statement reads one snapshot, so the three are
 * as one projection left them (what a REPEATABLE READ transaction of three reads gave, in one round trip).
 */
export const TIMELINE_SQL = `
SELECT ${JOURNEY_COLUMNS},
       (SELECT coalesce(json_agg(json_build_object(
                 'stepId', s.step_id, 'agency', s.agency, 'service', s.service, 'mode', s.mode, 'status', s.status,
                 'channel', s.channel, 'attempt', s.attempt, 'overdue', s.overdue, 'readyAt', s.ready_at,
                 'dispatchedAt', s.dispatched_at, 'finishedAt', s.finished_at, 'dueAt', s.due_at,
                 'expectedAt', s.expected_at, 'suspendedAt', s.suspended_at, 'asked', s.asked, 'reused', s.reused,
                 'taskId', s.task_id, 'reason', s.reason)), '[]'::json)
          FROM journey_steps s WHERE s.journey_id = j.id) AS steps,
       (SELECT coalesce(json_agg(e.body ORDER BY e.n), '[]'::json)
          FROM journey_events e WHERE e.journey_id = j.id) AS events
  FROM journeys j
 WHERE j.id = $1`;

export const JOURNEY_SQL = `SELECT ${JOURNEY_COLUMNS} FROM journeys j WHERE j.id = $1`;

/** A subject's journeys, newest first (index journeys_subject). */
export const JOURNEYS_OF_SUBJECT_SQL = `
SELECT ${JOURNEY_COLUMNS} FROM journeys j WHERE j.subject = $1 ORDER BY j.started_at DESC LIMIT $2`;

/** Timeline events after a number, for live updates. */
export const EVENTS_SINCE_SQL = `SELECT body FROM journey_events WHERE journey_id = $1 AND n > $2 ORDER BY n LIMIT 500`;

/** Most events one live-update read returns; the client resumes from the last one. */
export const EVENTS_SINCE_LIMIT = 500;

interface JourneyRow {
  id: string;
  life_event_id: string;
  version: number;
  owner: string;
  subject: string;
  status: string;
  channel: string;
  language: string;
  proactive: boolean;
  started_at: Date;
  finished_at: Date | null;
  expected_at: Date | null;
  last_seq: number;
}

type StepJson = Record<
  | 'stepId'
  | 'agency'
  | 'service'
  | 'mode'
  | 'status'
  | 'channel'
  | 'readyAt'
  | 'dispatchedAt'
  | 'finishedAt'
  | 'dueAt'
  | 'expectedAt'
  | 'suspendedAt'
  | 'taskId'
  | 'reason',
  string | null
> & { attempt: number; overdue: boolean; asked: string[] | null; reused: string[] | null };

export interface TimelineRows {
  readonly journey: JourneyEntity;
  readonly steps: JourneyStepEntity[];
  readonly events: TimelineEvent[];
}

function journeyOf(row: JourneyRow): JourneyEntity {
  return Object.assign(new JourneyEntity(), {
    id: row.id,
    lifeEventId: row.life_event_id,
    version: row.version,
    owner: row.owner,
    subject: row.subject,
    status: row.status,
    channel: row.channel,
    language: row.language,
    proactive: row.proactive,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    expectedAt: row.expected_at,
    lastSeq: row.last_seq,
  });
}

const date = (value: string | null) => (value === null ? null : new Date(value));

function stepOf(journeyId: string, step: StepJson): JourneyStepEntity {
  return Object.assign(new JourneyStepEntity(), {
    journeyId,
    stepId: step.stepId,
    agency: step.agency,
    service: step.service,
    mode: step.mode,
    status: step.status,
    channel: step.channel,
    attempt: step.attempt,
    overdue: step.overdue,
    readyAt: date(step.readyAt),
    dispatchedAt: date(step.dispatchedAt),
    finishedAt: date(step.finishedAt),
    dueAt: date(step.dueAt),
    expectedAt: date(step.expectedAt),
    suspendedAt: date(step.suspendedAt),
    asked: step.asked,
    reused: step.reused,
    taskId: step.taskId,
    reason: step.reason,
  });
}

/** The read model's journeys, steps and timelines, by prepared statement. */
export class ReadModelQueries {
  constructor(private readonly pool: Pool) {}

  async journey(journeyId: string): Promise<JourneyEntity | undefined> {
    const { rows } = await this.pool.query<JourneyRow>({
      name: 'passage_journey',
      text: JOURNEY_SQL,
      values: [journeyId],
    });
    return rows[0] && journeyOf(rows[0]);
  }

  async timeline(journeyId: string): Promise<TimelineRows | undefined> {
    const { rows } = await this.pool.query<JourneyRow & { steps: StepJson[]; events: TimelineEvent[] }>({
      name: 'passage_timeline',
      text: TIMELINE_SQL,
      values: [journeyId],
    });
    const row = rows[0];
    if (!row) return undefined;
    return { journey: journeyOf(row), steps: row.steps.map((step) => stepOf(row.id, step)), events: row.events };
  }

  async journeysOf(subject: string, limit: number): Promise<JourneyEntity[]> {
    const { rows } = await this.pool.query<JourneyRow>({
      name: 'passage_journeys_of_subject',
      text: JOURNEYS_OF_SUBJECT_SQL,
      values: [subject, limit],
    });
    return rows.map(journeyOf);
  }

  async eventsSince(journeyId: string, afterN: number): Promise<TimelineEvent[]> {
    const { rows } = await this.pool.query<{ body: TimelineEvent }>({
      name: 'passage_events_since',
      text: EVENTS_SINCE_SQL,
      values: [journeyId, afterN],
    });
    return rows.map((row) => row.body);
  }
}

/** One page of an agency's inbox with one status, by due date (index agency_tasks_inbox). */
export const INBOX_PAGE_SQL = `
SELECT t.id, t.journey_id, t.step_id, t.life_event_id, t.agency, t.service, t.status, t.assignee, t.due_at,
       t.created_at, t.closed_at
  FROM agency_tasks t
 WHERE t.agency = $1 AND t.status = $2
 ORDER BY t.due_at ASC NULLS LAST, t.created_at ASC
 LIMIT $3 OFFSET $4`;

export const INBOX_COUNT_SQL = `SELECT count(*)::integer AS total FROM agency_tasks t WHERE t.agency = $1 AND t.status = $2`;
