import { Pool } from 'pg';
import type { JourneyRun } from './measure';

export interface LagSample {
  /** From the journey's result resolving until its row showed the final status and sequence. */
  readonly lagMs: number;
  /** The row was already final at the first look: the projection finished before the result reached the client. */
  readonly finalAtFirstPoll: boolean;
}

const POLL_INTERVAL_MS = 2;
const MAX_WAIT_MS = 10_000;

/**
 * Measures how long the read model trails a finished journey: after the result resolves it polls (bounded) the
 * journeys row until it shows the final status and `last_seq`. Uses a connection of its own, so it never takes
 * one from the projection's pool.
 */
export class ProjectionLagProbe {
  private pending: Promise<LagSample>[] = [];
  private expectedSeq = 0;
  private closed = false;

  private constructor(private readonly pg: Pool) {}

  static async connect(url: string): Promise<ProjectionLagProbe> {
    const pg = new Pool({ connectionString: url, max: 2 });
    await pg.query('SELECT 1');
    return new ProjectionLagProbe(pg);
  }

  /** The `seq` of a finished journey (every journey of the benchmark has the same number of timeline events). */
  expectFinalSeq(seq: number): void {
    this.expectedSeq = seq;
  }

  observe(run: JourneyRun): void {
    this.pending.push(this.poll(run));
  }

  /** The samples observed since the last call (waiting for probes still polling). */
  async take(): Promise<LagSample[]> {
    const pending = this.pending;
    this.pending = [];
    return Promise.all(pending);
  }

  /** Stops the probes still polling and closes the connections. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.pending);
    await this.pg.end();
  }

  private async poll(run: JourneyRun): Promise<LagSample> {
    for (let polls = 0; !this.closed && performance.now() - run.finishedAt < MAX_WAIT_MS; polls++) {
      const { rows } = await this.pg.query<{ status: string; last_seq: number }>(
        'SELECT status, last_seq FROM journeys WHERE id = $1',
        [run.workflowId],
      );
      if (rows[0]?.status === 'completed' && rows[0].last_seq >= this.expectedSeq) {
        return { lagMs: performance.now() - run.finishedAt, finalAtFirstPoll: polls === 0 };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    throw new Error(
      `the read model of ${run.workflowId} was not final ${MAX_WAIT_MS} ms after the journey ended (or the probe was closed)`,
    );
  }
}
