import type { DataSource } from 'typeorm';
import type { JourneyState } from '@passage/contracts';

/** The fields of a journey the read model must hold exactly as the workflow does. */
export interface ComparableJourney {
  readonly status: string;
  readonly seq: number;
  readonly steps: Record<string, { status: string; dueAt: string | null; finishedAt: string | null; attempt: number }>;
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

export function comparableState(state: JourneyState): ComparableJourney {
  return {
    status: state.status,
    seq: state.seq,
    steps: Object.fromEntries(
      state.steps.map((s) => [
        s.id,
        { status: s.status, dueAt: iso(s.dueAt), finishedAt: iso(s.finishedAt), attempt: s.attempt },
      ]),
    ),
  };
}

/** Reads a journey back from PostgreSQL in the same shape. */
export async function comparableReadModel(
  dataSource: DataSource,
  journeyId: string,
): Promise<ComparableJourney | undefined> {
  const [journey] = await dataSource.query(`SELECT status, last_seq FROM journeys WHERE id = $1`, [journeyId]);
  if (!journey) return undefined;
  const steps: { step_id: string; status: string; due_at: Date | null; finished_at: Date | null; attempt: number }[] =
    await dataSource.query(
      `SELECT step_id, status, due_at, finished_at, attempt FROM journey_steps WHERE journey_id = $1`,
      [journeyId],
    );
  return {
    status: journey.status,
    seq: journey.last_seq,
    steps: Object.fromEntries(
      steps.map((s) => [
        s.step_id,
        { status: s.status, dueAt: iso(s.due_at), finishedAt: iso(s.finished_at), attempt: s.attempt },
      ]),
    ),
  };
}

/** Waits (bounded) until the projection has caught up with the workflow. */
export async function awaitReadModel(
  dataSource: DataSource,
  state: JourneyState,
): Promise<ComparableJourney | undefined> {
  let model: ComparableJourney | undefined;
  for (let attempt = 0; attempt < 100; attempt++) {
    model = await comparableReadModel(dataSource, state.journeyId);
    if (model && model.seq >= state.seq) return model;
    await new Promise((r) => setTimeout(r, 50));
  }
  return model;
}
