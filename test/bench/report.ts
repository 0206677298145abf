import type { HistoryProfile } from './history-profile';
import type { Measurement } from './measure';
import type { LagSample } from './projection-lag';
import { fixed, mean, summarize } from './stats';

export interface SystemFigures {
  readonly name: string;
  readonly median: number;
  readonly p99: number;
  readonly max: number;
  readonly throughput: number;
  readonly journeys: number;
  readonly windowMs: number;
}

export function figuresOf(measurement: Measurement): SystemFigures {
  const latency = summarize(measurement.runs.map((run) => run.finishedAt - run.startedAt));
  return {
    name: measurement.system.name,
    ...latency,
    journeys: latency.count,
    windowMs: measurement.windowMs,
    throughput: latency.count / (measurement.windowMs / 1000),
  };
}

export function latencyLine(f: SystemFigures): string {
  return `${f.name.padEnd(8)} median=${fixed(f.median)} ms  p99=${fixed(f.p99)} ms  max=${fixed(f.max)} ms  throughput=${fixed(f.throughput, 2)} journeys/s (${f.journeys} in ${fixed(f.windowMs / 1000, 2)} s)`;
}

export function lagLine(samples: readonly LagSample[]): string {
  const lag = summarize(samples.map((s) => s.lagMs));
  const first = samples.filter((s) => s.finalAtFirstPoll).length;
  return `passage  projection lag (result resolved → journeys row final): median=${fixed(lag.median)} ms  p99=${fixed(lag.p99)} ms  max=${fixed(lag.max)} ms; final at the first poll for ${first}/${samples.length}`;
}

export function historyLine(name: string, profiles: readonly HistoryProfile[]): string {
  const tasks = profiles.map((p) => p.workflowTasks);
  const types = [...new Set(profiles.flatMap((p) => Object.keys(p.activities)))].sort();
  const activities = types
    .map((type) => `${type}=${fixed(mean(profiles.map((p) => p.activities[type] ?? 0)))}`)
    .join(' ');
  return (
    `${name.padEnd(8)} per journey: workflow tasks mean=${fixed(mean(tasks))} (min ${Math.min(...tasks)}, max ${Math.max(...tasks)})` +
    `  history events=${fixed(mean(profiles.map((p) => p.events)))}  activities ${activities}` +
    `  workflow-task time=${fixed(mean(profiles.map((p) => p.workflowTaskMs)))} ms  queued=${fixed(mean(profiles.map((p) => p.workflowTaskQueueMs)))} ms`
  );
}

export function ratioLine(passage: SystemFigures, plain: SystemFigures): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return `ratio passage/plain median=${ratio(passage.median, plain.median)} p99=${ratio(passage.p99, plain.p99)} throughput=${ratio(passage.throughput, plain.throughput)}`;
}
