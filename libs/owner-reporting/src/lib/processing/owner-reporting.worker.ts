import type { DataSource } from 'typeorm';
import { KpiProcessor, type KpiProcessorOptions } from './kpi-processor';

export interface OwnerReportingWorker {
  stop(): Promise<void>;
}

/**
 * Runs the KPI processor in a worker process: now, then `pollMs` after each run ends (runs never overlap). A failing
 * run is logged without its message and the next one is scheduled anyway. Every replica may run one.
 */
export function startOwnerReporting(
  options: { dataSource: DataSource; pollMs?: number } & Omit<KpiProcessorOptions, 'dataSource'>,
): OwnerReportingWorker {
  const processor = new KpiProcessor(options);
  const pollMs = options.pollMs ?? 5_000;
  let active = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      await processor.runOnce();
    } catch (error) {
      console.error(`passage kpi processor: run failed (${error instanceof Error ? error.name : 'error'})`);
    }
    if (active) timer = setTimeout(() => (running = run()), pollMs);
  };
  running = run();
  return {
    async stop() {
      active = false;
      clearTimeout(timer);
      await running;
    },
  };
}
