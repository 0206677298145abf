import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { workspaceRoot } from '@passage/config';
import { startFaultStack, type FaultStack, type FaultStackOptions } from './fault-stack';
import { Fleet, mixedPlans } from './fleet';
import { checkEffects, checkEnds, checkHttp, checkReadModel, summaryLine, type ExperimentResult } from './invariants';

export interface FaultContext {
  readonly stack: FaultStack;
  readonly fleet: Fleet;
  /** Notes for the report (what exactly was done, and when). */
  note(line: string): void;
}

export interface Experiment {
  readonly id: string;
  readonly title: string;
  /** What is injected, for the report. */
  readonly injected: string;
  readonly journeys?: number;
  readonly stack?: FaultStackOptions;
  /** The API process itself is killed: refused connections are then expected. */
  readonly apiDown?: boolean;
  /** How long the journeys get to end after healing. */
  readonly drainTimeoutMs?: number;
  /**
   * Injects the fault while the fleet runs (it is called once the batch is under way) and heals it; resolves with
   * when it healed.
   */
  inject(context: FaultContext): Promise<{ healedAt: number }>;
  /** Before the batch starts (e.g. to hold a journey that the experiment works on). */
  prepare?(fleet: Fleet): void;
  /** Checks of this experiment's own, before the invariants are judged (failures per invariant). */
  verify?(context: FaultContext): Promise<Partial<Record<'I1' | 'I2' | 'I3' | 'I4', string[]>>>;
}

interface Catalogued {
  readonly id: string;
  readonly file: string;
  readonly ci: boolean;
  readonly knownFailing?: string;
}

/** test/faults/experiments.json: every experiment, whether CI runs it, and the defect of those known to fail. */
export function catalogued(id: string): Catalogued {
  const all: Catalogued[] = JSON.parse(readFileSync(join(__dirname, '..', 'experiments.json'), 'utf8')).experiments;
  const entry = all.find((e) => e.id === id);
  if (!entry) throw new Error(`${id} is not in test/faults/experiments.json`);
  return entry;
}

/** Where each run appends its results (one JSON line per experiment), for docs/reliability.md's table. */
export function resultsFile(): string {
  return process.env['PASSAGE_FAULTS_RESULTS'] ?? join(workspaceRoot(), 'tmp', 'faults-results.jsonl');
}

/** Where a running experiment says how far it got, every 10 s (Jest shows a test's output only at its end). */
export function progressFile(): string {
  return join(dirname(resultsFile()), 'faults-progress.log');
}

/**
 * One experiment: a fresh stack, a batch of journeys driven through the API, the fault injected once the batch is
 * under way and healed, then the four invariants. Prints the experiment's line and appends its result.
 */
export async function runExperiment(experiment: Experiment): Promise<ExperimentResult> {
  mkdirSync(dirname(resultsFile()), { recursive: true });
  const stack = await startFaultStack(experiment.stack);
  const notes: string[] = [];
  try {
    const count = experiment.journeys ?? Number(process.env['PASSAGE_FAULTS_JOURNEYS'] ?? 50);
    const fleet = new Fleet(stack, mixedPlans(count), experiment.id.toLowerCase());
    experiment.prepare?.(fleet);
    const context: FaultContext = { stack, fleet, note: (line) => notes.push(`${new Date().toISOString()} ${line}`) };
    const began = Date.now();
    const starting = fleet.startAll(150);
    const drainTimeoutMs = experiment.drainTimeoutMs ?? 600_000;
    const progress = setInterval(() => {
      const ended = fleet.ended.length;
      const errors = fleet.http.exchanges.filter((e) => e.status >= 500 || e.status <= 0).length;
      appendFileSync(
        progressFile(),
        `${new Date().toISOString()} ${experiment.id}: ${fleet.journeys.filter((j) => j.id).length} started, ${ended} ended, ` +
          `${fleet.completedSteps()} steps done, ${fleet.decided.size} decisions, ${fleet.http.exchanges.length} requests ` +
          `(${errors} 5xx or unanswered), ${fleet.anomalies.length} anomalies\n`,
      );
    }, 10_000);
    let driving = true;
    const drive = (async () => {
      await starting;
      while (driving && (fleet.active.length > 0 || fleet.ended.length < fleet.journeys.length)) {
        await fleet.round();
        await new Promise((r) => setTimeout(r, 1000));
        if (fleet.journeys.every((j) => !j.id || j.endedAt !== undefined) && fleet.journeys.some((j) => j.id)) break;
      }
    })();
    // Mid-batch: every journey started and, on average, one step done per journey.
    await starting;
    while (fleet.completedSteps() < fleet.journeys.length / 2 && Date.now() - began < 300_000)
      await new Promise((r) => setTimeout(r, 250));
    context.note(`injecting with ${fleet.active.length} journeys active, ${fleet.completedSteps()} steps done`);
    const { healedAt } = await experiment.inject(context);
    context.note('healed');
    const stepsAtHeal = fleet.completedSteps();
    let recoveryMs: number | undefined;
    const watchRecovery = (async () => {
      while (recoveryMs === undefined && driving) {
        if (fleet.completedSteps() > stepsAtHeal || fleet.journeys.some((j) => (j.endedAt ?? 0) > healedAt))
          recoveryMs = Date.now() - healedAt;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const deadline = Date.now() + drainTimeoutMs;
    while (fleet.active.length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    const drainMs = fleet.active.length === 0 ? Date.now() - healedAt : undefined;
    driving = false;
    clearInterval(progress);
    await drive;
    await watchRecovery;
    // One last look at every timeline (with its events), as the subjects would.
    await Promise.all(
      fleet.journeys
        .filter((j) => j.id)
        .map(async (j) => {
          const read = await fleet.http.call<typeof j.timeline>(
            await fleet.tokenOf(j.subject),
            'GET',
            `/api/journeys/${j.id}`,
          );
          if (read.status === 200 && read.body) j.timeline = read.body;
        }),
    );

    // The experiment's own checks first: they may act (R9 repairs the read model) before the invariants are judged.
    const extra = (await experiment.verify?.(context)) ?? {};
    const ends = await checkEnds(stack, fleet);
    const readModel = await checkReadModel(stack, fleet);
    const effects = await checkEffects(stack, fleet);
    const http = checkHttp(fleet.http.exchanges, { apiDown: experiment.apiDown });
    const result: ExperimentResult = {
      id: experiment.id,
      title: experiment.title,
      injected: experiment.injected,
      counts: ends.counts,
      effects: effects.effects,
      http,
      recoveryMs,
      drainMs,
      failures: {
        I1: [...ends.failures, ...fleet.anomalies, ...(extra.I1 ?? [])],
        I2: [...readModel, ...(extra.I2 ?? [])],
        I3: [...effects.failures, ...(extra.I3 ?? [])],
        I4: [...http.violations, ...(extra.I4 ?? [])],
      },
      notes: [...notes, ...fleet.observations, ...stack.reports],
    };
    // Each process's last output, to explain what the line says (tmp/faults-<id>-<part>.log).
    for (const part of ['api', 'worker', 'agency-simulator', 'temporal'] as const)
      writeFileSync(join(dirname(resultsFile()), `faults-${experiment.id}-${part}.log`), stack.output(part));
    const line = summaryLine(result);
    console.log(line);
    appendFileSync(
      resultsFile(),
      `${JSON.stringify({ ...result, line, at: new Date().toISOString(), load: loadavg().map((l) => l.toFixed(2)) })}\n`,
    );
    return result;
  } finally {
    await stack.stop();
  }
}

/** Fails with every invariant that did not hold, and the defect behind it when the experiment is known to fail. */
export function expectInvariants(result: ExperimentResult): void {
  const entry = catalogued(result.id);
  const broken = Object.entries(result.failures).filter(([, failures]) => failures.length > 0);
  if (broken.length === 0) return;
  const details = broken
    .map(
      ([invariant, failures]) =>
        `${invariant}:\n  ${failures.slice(0, 15).join('\n  ')}${failures.length > 15 ? `\n  … ${failures.length - 15} more` : ''}`,
    )
    .join('\n');
  throw new Error(
    `${summaryLine(result)}\n${entry.knownFailing ? `known failing: ${entry.knownFailing}\n` : ''}${details}\n` +
      `notes:\n  ${result.notes.join('\n  ')}`,
  );
}
