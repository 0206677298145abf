import type { EntityManager } from 'typeorm';
import type { MeasurementSample } from '@passage/process-owner';
import type { Period } from './brussels-time';

/** Anything that runs SQL: the data source, or a transaction's entity manager. */
export type Queryable = Pick<EntityManager, 'query'>;

/** The measurements of one KPI over a period: in total, per agency, per channel and per ISO week. */
export interface KpiSamples {
  readonly total: MeasurementSample;
  readonly byAgency: ReadonlyMap<string, MeasurementSample>;
  readonly byChannel: ReadonlyMap<string, MeasurementSample>;
  readonly byWeek: ReadonlyMap<string, MeasurementSample>;
}

interface SampleRow {
  kpi: string;
  dimension: 'total' | 'agency' | 'channel' | 'week';
  key: string | null;
  count: number;
  sum: number;
  journeys: number;
  sample_values: number[] | null;
}

const EMPTY: MeasurementSample = { count: 0, sum: 0, journeys: 0, values: [] };

/**
 * Sums up a life event's measurements in a period, in one pass: totals per KPI, per agency, per channel and per
 * ISO week (Brussels time). Every value is fetched only for the KPIs in `withValues` (percentiles, distributions).
 */
export async function kpiSamples(
  q: Queryable,
  owner: string,
  lifeEvent: string,
  period: Period,
  withValues: readonly string[],
): Promise<ReadonlyMap<string, KpiSamples>> {
  const rows: SampleRow[] = await q.query(
    `SELECT kpi,
            CASE WHEN GROUPING(agency) = 0 THEN 'agency' WHEN GROUPING(channel) = 0 THEN 'channel'
                 WHEN GROUPING(week) = 0 THEN 'week' ELSE 'total' END AS dimension,
            COALESCE(CASE WHEN GROUPING(agency) = 0 THEN agency END, CASE WHEN GROUPING(channel) = 0 THEN channel END,
                     CASE WHEN GROUPING(week) = 0 THEN week END) AS key,
            count(*)::int AS count, sum(value)::float8 AS sum, count(DISTINCT journey_id)::int AS journeys,
            CASE WHEN kpi = ANY($5::text[]) THEN array_agg(value ORDER BY value) END AS sample_values
     FROM (SELECT kpi, agency, channel, journey_id, value,
                  to_char(at AT TIME ZONE 'Europe/Brussels', 'IYYY-"W"IW') AS week
           FROM kpi_measurements
           WHERE owner = $1 AND life_event_id = $2 AND at >= $3 AND at < $4) m
     GROUP BY GROUPING SETS ((kpi), (kpi, agency), (kpi, channel), (kpi, week))`,
    [owner, lifeEvent, period.from, period.to, withValues],
  );
  const byKpi = new Map<
    string,
    {
      total: MeasurementSample;
      byAgency: Map<string, MeasurementSample>;
      byChannel: Map<string, MeasurementSample>;
      byWeek: Map<string, MeasurementSample>;
    }
  >();
  for (const row of rows) {
    const entry = byKpi.get(row.kpi) ?? { total: EMPTY, byAgency: new Map(), byChannel: new Map(), byWeek: new Map() };
    byKpi.set(row.kpi, entry);
    const sample: MeasurementSample = {
      count: row.count,
      sum: row.sum,
      journeys: row.journeys,
      values: row.sample_values ?? [],
    };
    // Measurements without an agency or a channel form a group of their own: it is not a breakdown.
    if (row.dimension === 'total') entry.total = sample;
    else if (row.key === null) continue;
    else if (row.dimension === 'agency') entry.byAgency.set(row.key, sample);
    else if (row.dimension === 'channel') entry.byChannel.set(row.key, sample);
    else entry.byWeek.set(row.key, sample);
  }
  return byKpi;
}

/** The samples of a KPI that nothing measured in the period. */
export const NO_SAMPLES: KpiSamples = { total: EMPTY, byAgency: new Map(), byChannel: new Map(), byWeek: new Map() };
