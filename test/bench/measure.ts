import type { WorkflowHandle } from '@temporalio/client';

/** A system under test: starts one journey of the benchmark's fan-out. */
export interface BenchSystem {
  readonly name: string;
  start(): Promise<WorkflowHandle>;
  /** Told when a journey's result resolved; must not block (the pool moves on). */
  onFinished?(run: JourneyRun): void;
}

export interface JourneyRun {
  readonly workflowId: string;
  /** `performance.now()` before `client.workflow.start` and when the result resolved. */
  readonly startedAt: number;
  readonly finishedAt: number;
}

export interface Measurement {
  readonly system: BenchSystem;
  readonly runs: JourneyRun[];
  /** Sum of the durations of this system's rounds: its measured window. */
  windowMs: number;
}

export interface RoundOptions {
  readonly concurrency: number;
  readonly roundSize: number;
  readonly journeyTimeoutMs: number;
  /** Aborted at teardown: journeys still awaited stop waiting, so no call outlives the connection. */
  readonly signal: AbortSignal;
}

/** Waits for a journey's result, at most `timeoutMs` and no longer than the run lasts. */
async function resultOf(handle: WorkflowHandle, timeoutMs: number, signal: AbortSignal): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await handle.client.withAbortSignal(AbortSignal.any([signal, timeout]), () => handle.result());
  } catch (error) {
    if (timeout.aborted) throw new Error(`journey ${handle.workflowId} did not finish within ${timeoutMs} ms`);
    throw error;
  }
}

/** One journey, timed from the start call until its result resolved; fails unless the journey completed. */
async function timeJourney(system: BenchSystem, options: RoundOptions): Promise<JourneyRun> {
  const startedAt = performance.now();
  const handle = await system.start();
  const result = (await resultOf(handle, options.journeyTimeoutMs, options.signal)) as { status?: string };
  const finishedAt = performance.now();
  if (result?.status !== 'completed')
    throw new Error(`${system.name} journey ${handle.workflowId} ended ${result?.status}`);
  const run = { workflowId: handle.workflowId, startedAt, finishedAt };
  system.onFinished?.(run);
  return run;
}

/**
 * Runs `count` tasks with at most `concurrency` in flight. After a failure no new task starts, and the first error is
 * thrown once the tasks in flight have finished (so that nothing is left running against closing connections).
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  const errors: unknown[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let index = next++; index < count && errors.length === 0; index = next++) {
      try {
        results[index] = await task(index);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (errors.length > 0) throw errors[0];
  return results;
}

/**
 * Runs `journeys` journeys of each system in alternating rounds (A B, B A, A B, …), each round at the given
 * concurrency with the machine to itself, so that drift and noise of the machine hit both systems alike.
 */
export async function runInterleaved(
  systems: readonly BenchSystem[],
  journeys: number,
  options: RoundOptions,
): Promise<Measurement[]> {
  const measurements: Measurement[] = systems.map((system) => ({ system, runs: [], windowMs: 0 }));
  const rounds = Math.ceil(journeys / options.roundSize);
  for (let round = 0; round < rounds; round++) {
    const size = Math.min(options.roundSize, journeys - round * options.roundSize);
    const order = round % 2 === 0 ? measurements : [...measurements].reverse();
    for (const measurement of order) {
      const roundStart = performance.now();
      const runs = await runPool(size, options.concurrency, () => timeJourney(measurement.system, options));
      measurement.windowMs += performance.now() - roundStart;
      measurement.runs.push(...runs);
    }
  }
  return measurements;
}
