import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** Prometheus metrics of one API process; journey counts and projection lag are read from the read model at scrape time. */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: 'passage_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    new Counter({
      name: 'passage_journeys_started_total',
      help: 'Journeys started, per life event',
      labelNames: ['life_event'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows: { life_event_id: string; n: string }[] = await dataSource.query(
          `SELECT life_event_id, count(*) AS n FROM journeys GROUP BY life_event_id`,
        );
        for (const row of rows) this.inc({ life_event: row.life_event_id }, Number(row.n));
      },
    });
    new Counter({
      name: 'passage_journeys_finished_total',
      help: 'Journeys that ended, per life event and final status',
      labelNames: ['life_event', 'status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows: { life_event_id: string; status: string; n: string }[] = await dataSource.query(
          `SELECT life_event_id, status, count(*) AS n FROM journeys WHERE status <> 'active' GROUP BY life_event_id, status`,
        );
        for (const row of rows) this.inc({ life_event: row.life_event_id, status: row.status }, Number(row.n));
      },
    });
    new Gauge({
      name: 'passage_projection_quarantined_journeys',
      help: 'Journeys whose read model stopped following them: a change was quarantined and awaits read-model repair',
      registers: [this.registry],
      async collect() {
        const [row]: { n: number }[] = await dataSource.query(
          `SELECT count(*)::int AS n FROM projection_quarantine WHERE repaired_at IS NULL`,
        );
        this.set(row?.n ?? 0);
      },
    });
    new Gauge({
      name: 'passage_projection_lag_seconds',
      help: 'Delay between a journey change in the workflow and its projection in PostgreSQL, over the last 5 minutes',
      labelNames: ['quantile'] as const,
      registers: [this.registry],
      async collect() {
        const [row]: { p50: number | null; p99: number | null; max: number | null }[] = await dataSource.query(
          `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99, max(lag) AS max
             FROM (SELECT extract(epoch FROM recorded_at - at) AS lag FROM journey_events WHERE recorded_at > now() - interval '5 minutes') recent`,
        );
        for (const quantile of ['p50', 'p99', 'max'] as const)
          this.set({ quantile }, Math.max(0, row?.[quantile] ?? 0));
      },
    });
  }
}
