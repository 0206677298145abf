import type { DataSource } from 'typeorm';
import { Poller } from '@passage/timing';
import { KpiProcessor, type KpiProcessorOptions } from './kpi-processor';

export interface OwnerReportingWorker {
  stop(): Promise<void>;
}

/** Runs the KPI processor in a worker process, polling every `pollMs`. Every replica may run one. */
export function startOwnerReporting(
  options: { dataSource: DataSource; pollMs?: number } & Omit<KpiProcessorOptions, 'dataSource'>,
): OwnerReportingWorker {
  const processor = new KpiProcessor(options);
  const poller = new Poller('kpi processor', options.pollMs ?? 5_000, () => processor.runOnce());
  poller.start();
  return { stop: () => poller.stop() };
}
