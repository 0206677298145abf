import { isDeepStrictEqual } from 'node:util';
import { journeyStateQuery, type JourneyState } from '@passage/contracts';
import { findDefinition } from '@passage/life-events';
import { comparableReadModel, comparableState, waitFor } from '@passage/testing';
import { CLIENT_TIMEOUT_MS, type Exchange } from './api-recorder';
import type { FaultStack } from './fault-stack';
import type { Fleet, FleetJourney } from './fleet';

/**
 * The bounds stated in docs/reliability.md. A 503 comes within the API's own documented bound (its call bound
 * PASSAGE_API_CALL_TIMEOUT_MS, 5 s, plus at most one more database call's: 10 s) and 2 s for a loaded machine; any
 * answer comes within 30 s: past that, a client would take the API for hung. (On this shared 2-core machine, under
 * load average 30, plain reads outside any fault took up to 17 s: the general bound leaves room for that.)
 */
export const UNAVAILABLE_BOUND_MS = 12_000;
export const REQUEST_BOUND_MS = 30_000;

const EXECUTION_LEDGER_TABLE = 'simulated_agency_executions';

export interface Counts {
  readonly started: number;
  /** Ended as planned (completed, rejected or withdrawn, as the test drove it). */
  readonly asPlanned: number;
  readonly byEnd: Readonly<Record<string, number>>;
  /** Still active, with something asked of a person (the subject or staff). */
  readonly waiting: number;
  /** Still active with nothing asked of anyone, or ended otherwise than planned. */
  readonly stuck: number;
}

export interface Effects {
  /** Distinct idempotency keys the agencies executed: each an action that took effect. */
  readonly effects: number;
  /** Actions (journey, step, perform or compensate) executed under more than one key: twice with effect. */
  readonly duplicates: number;
  /** Executions of a key already executed: redeliveries an agency acting once per key absorbs. */
  readonly redeliveries: number;
  /** Actions the workflows count as done that no agency executed. */
  readonly missing: number;
  /** Inbox decisions applied twice to one step. */
  readonly doubleDecisions: number;
}

export interface HttpFigures {
  readonly requests: number;
  readonly status503: number;
  /** 5xx other than 503, a 503 without Retry-After or past UNAVAILABLE_BOUND_MS, no answer, or past REQUEST_BOUND_MS. */
  readonly violations: readonly string[];
  readonly slowestMs: number;
}

export interface ExperimentResult {
  readonly id: string;
  readonly title: string;
  readonly injected: string;
  readonly counts: Counts;
  readonly effects: Effects;
  readonly http: HttpFigures;
  /** From healing the fault until the journeys progressed again. */
  readonly recoveryMs?: number;
  /** From healing the fault until every journey ended. */
  readonly drainMs?: number;
  /** What differs, per invariant; empty when all hold. */
  readonly failures: Readonly<Record<'I1' | 'I2' | 'I3' | 'I4', readonly string[]>>;
  readonly notes: readonly string[];
}

/** I1: every journey ended as planned, by itself; the workflow's own state is the judge. */
export async function checkEnds(stack: FaultStack, fleet: Fleet): Promise<{ counts: Counts; failures: string[] }> {
  const failures: string[] = [];
  const byEnd: Record<string, number> = {};
  let asPlanned = 0;
  let waiting = 0;
  let stuck = 0;
  for (const journey of fleet.journeys) {
    if (!journey.id) {
      failures.push(`#${journey.plan.n} was never started`);
      stuck++;
      continue;
    }
    const state = await stateOf(stack, journey.id);
    byEnd[state.status] = (byEnd[state.status] ?? 0) + 1;
    if (state.status === journey.plan.expected) {
      asPlanned++;
      continue;
    }
    const asksSomeone = state.steps.some(
      (s) =>
        (s.asked?.length ?? 0) > 0 || (s.mode === 'manual' && ['in-progress', 'awaiting-subject'].includes(s.status)),
    );
    if (state.status === 'active' && asksSomeone) waiting++;
    else stuck++;
    const open = state.steps.filter((s) => !['completed', 'skipped', 'pending'].includes(s.status));
    failures.push(
      `#${journey.plan.n} ${journey.plan.lifeEvent} ${journey.id}: ${state.status}, expected ${journey.plan.expected}` +
        ` (${open.map((s) => `${s.id} ${s.status}${s.asked?.length ? ` asks ${s.asked.join(',')}` : ''}`).join('; ')})`,
    );
  }
  const [{ count }] = await stack.db.dataSource.query(`SELECT count(*)::int AS count FROM journeys`);
  if (count !== fleet.journeys.length)
    failures.push(
      `${count} journeys exist for ${fleet.journeys.length} starts (a retried start must not start another)`,
    );
  const openTasks: { journey_id: string; step_id: string }[] = await stack.db.dataSource.query(
    `SELECT t.journey_id, t.step_id FROM agency_tasks t JOIN journeys j ON j.id = t.journey_id
      WHERE t.status IN ('open', 'awaiting-subject') AND j.status <> 'active'`,
  );
  for (const task of openTasks) failures.push(`${task.journey_id} ended with its task ${task.step_id} still open`);
  return {
    counts: { started: fleet.journeys.filter((j) => j.id).length, asPlanned, byEnd, waiting, stuck },
    failures,
  };
}

/**
 * I2: the read model says what the workflows say. Until `passage read-model verify` lands, the comparison is the
 * test kit's: status, seq and every step's status, dates and attempt, after a bounded wait for the projection.
 */
export async function checkReadModel(stack: FaultStack, fleet: Fleet): Promise<string[]> {
  const failures: string[] = [];
  for (const journey of fleet.journeys.filter((j) => j.id)) {
    const id = journey.id as string;
    const expected = comparableState(await stateOf(stack, id));
    const model = await waitFor(
      `the read model of ${id} to catch up`,
      async () => {
        const read = await comparableReadModel(stack.db.dataSource, id);
        return read && read.seq >= expected.seq ? read : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    ).catch(() => comparableReadModel(stack.db.dataSource, id));
    if (!isDeepStrictEqual(model, expected))
      failures.push(`${id}: read model ${brief(model)} ≠ workflow ${brief(expected)}`);
  }
  return failures;
}

function brief(journey: ReturnType<typeof comparableState> | undefined): string {
  if (!journey) return 'missing';
  return `${journey.status}@${journey.seq} [${Object.entries(journey.steps)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, s]) => `${id}:${s.status}`)
    .join(' ')}]`;
}

/**
 * I3: each agency action took effect exactly once. Expected from the workflows' final states: every automatic or
 * proactive step that completed was performed, and every completed step with a compensation in a journey that was
 * rejected or withdrawn was compensated. The agencies' ledger must hold each under one idempotency key.
 */
export async function checkEffects(stack: FaultStack, fleet: Fleet): Promise<{ effects: Effects; failures: string[] }> {
  const rows: { journey_id: string; step_id: string; kind: string; idempotency_key: string; executions: number }[] =
    await stack.db.dataSource.query(
      `SELECT journey_id, step_id, kind, idempotency_key, count(*)::int AS executions
         FROM ${EXECUTION_LEDGER_TABLE} GROUP BY journey_id, step_id, kind, idempotency_key`,
    );
  const keysOf = new Map<string, string[]>();
  for (const row of rows) {
    const action = `${row.journey_id} ${row.step_id} ${row.kind}`;
    keysOf.set(action, [...(keysOf.get(action) ?? []), row.idempotency_key]);
  }
  const failures: string[] = [];
  let missing = 0;
  let doubleDecisions = 0;
  for (const journey of fleet.journeys.filter((j) => j.id)) {
    const state = await stateOf(stack, journey.id as string);
    for (const action of expectedActions(journey, state)) {
      if (keysOf.has(action)) continue;
      missing++;
      failures.push(`${action}: done for the workflow, never executed by the agency`);
    }
    const decisions = new Map<string, number>();
    for (const event of journey.timeline?.events ?? [])
      if ((event.type === 'step-completed' || event.type === 'step-rejected') && event.stepId)
        decisions.set(event.stepId, (decisions.get(event.stepId) ?? 0) + 1);
    for (const [step, count] of decisions)
      if (count > 1) {
        doubleDecisions++;
        failures.push(`${journey.id} ${step}: decided ${count} times`);
      }
  }
  let duplicates = 0;
  for (const [action, keys] of keysOf)
    if (keys.length > 1) {
      duplicates++;
      failures.push(`${action}: executed under ${keys.length} keys (${keys.join(', ')})`);
    }
  const executions = rows.reduce((sum, row) => sum + row.executions, 0);
  return {
    effects: { effects: rows.length, duplicates, redeliveries: executions - rows.length, missing, doubleDecisions },
    failures,
  };
}

function expectedActions(journey: FleetJourney, state: JourneyState): string[] {
  const definition = findDefinition(state.lifeEvent.id, state.lifeEvent.version);
  const actions: string[] = [];
  for (const step of state.steps) {
    if (step.status !== 'completed') continue;
    if (step.mode === 'automatic' || step.mode === 'proactive') actions.push(`${state.journeyId} ${step.id} perform`);
    const compensated = definition?.steps.find((s) => s.id === step.id)?.compensation;
    if (compensated && (state.status === 'rejected' || state.status === 'withdrawn'))
      actions.push(`${state.journeyId} ${step.id} compensate`);
  }
  void journey;
  return actions;
}

/** I4: no 5xx but documented 503s (with Retry-After), every request answered within the bound. */
export function checkHttp(exchanges: readonly Exchange[], options: { apiDown?: boolean } = {}): HttpFigures {
  const violations: string[] = [];
  let status503 = 0;
  let slowestMs = 0;
  for (const e of exchanges) {
    slowestMs = Math.max(slowestMs, e.ms);
    const at = new Date(e.at).toISOString();
    if (e.status === 503) {
      status503++;
      if (!e.retryAfter) violations.push(`${at} ${e.route}: 503 without Retry-After`);
    } else if (e.status >= 500) violations.push(`${at} ${e.route}: ${e.status}`);
    else if (e.status === -1) violations.push(`${at} ${e.route}: no answer within ${CLIENT_TIMEOUT_MS / 1000} s`);
    else if (e.status === 0 && !options.apiDown) violations.push(`${at} ${e.route}: connection refused or reset`);
    if (e.status === 503 && e.ms > UNAVAILABLE_BOUND_MS)
      violations.push(`${at} ${e.route}: answered 503 after ${(e.ms / 1000).toFixed(1)} s`);
    else if (e.status !== -1 && e.ms > REQUEST_BOUND_MS)
      violations.push(`${at} ${e.route}: answered ${e.status} after ${(e.ms / 1000).toFixed(1)} s`);
  }
  return { requests: exchanges.length, status503, violations, slowestMs };
}

export async function stateOf(stack: FaultStack, journeyId: string): Promise<JourneyState> {
  return waitFor(
    `the state of ${journeyId}`,
    () =>
      stack.temporal.workflow
        .getHandle(journeyId)
        .query(journeyStateQuery)
        .catch(() => undefined),
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

/** The experiment's one line: what happened to the journeys, the agencies' effects, recovery and the HTTP answers. */
export function summaryLine(result: ExperimentResult): string {
  const { counts, effects, http } = result;
  const seconds = (ms?: number) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
  const ends = Object.entries(counts.byEnd)
    .map(([end, n]) => `${end} ${n}`)
    .join(', ');
  const held = Object.values(result.failures).every((f) => f.length === 0);
  return (
    `${result.id} ${result.title}: started ${counts.started} / completed ${counts.asPlanned} (${ends}) / waiting ${counts.waiting} / stuck ${counts.stuck}` +
    ` | effects ${effects.effects}, duplicates ${effects.duplicates}, redeliveries ${effects.redeliveries}, missing ${effects.missing}` +
    ` | recovery ${seconds(result.recoveryMs)}, all ended ${seconds(result.drainMs)} after healing` +
    ` | ${http.requests} requests, 503 ${http.status503}, violations ${http.violations.length}, slowest ${seconds(http.slowestMs)}` +
    ` | ${
      held
        ? 'held'
        : `FAILED ${Object.entries(result.failures)
            .filter(([, f]) => f.length > 0)
            .map(([i]) => i)
            .join(' ')}`
    }`
  );
}
