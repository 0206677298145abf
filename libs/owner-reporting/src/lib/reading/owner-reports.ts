import type { DataSource } from 'typeorm';
import { notFound } from '@passage/contracts';
import type { IsoDate } from '@passage/journey-model';
import { AgencyRegistry, LifeEventRegistry } from '@passage/registry';
import { needsValues, STANDARD_KPI_DEFINITIONS as K, type ProcessOwnerModule } from '@passage/process-owner';
import { OwnerDirectory, type OwnedLifeEvent } from '../owners/owner-directory';
import { periodOfDates, periodOfYear, type Period } from './brussels-time';
import { BUDGET_THRESHOLDS } from './budget-forecast';
import { budgetStatus, shareOfBudget, type BudgetStatus, type DefinitionLookup } from './budget-status';
import { kpiSamples } from './kpi-samples.query';
import { kpiViews, type KpiView } from './kpi-view';
import { lifeEventReport, type JourneyCounts, type YearlyReport } from './yearly-report';

export interface AlertView {
  readonly kind: 'target-missed' | 'budget-threshold';
  readonly kpi: string;
  readonly threshold: number;
  readonly value: number;
  readonly period: string;
  readonly message: string;
  readonly at: string;
  readonly acknowledged: boolean;
}

export interface KpiReport {
  readonly owner: string;
  readonly lifeEvent: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly kpis: readonly KpiView[];
  /** Targets missed in the period. */
  readonly alerts: readonly AlertView[];
}

export interface BudgetView extends BudgetStatus {
  readonly owner: string;
  readonly lifeEvent: string;
  readonly currency: 'EUR';
  readonly asOf: string;
  readonly spentShare: number | null;
  readonly forecastShare: number | null;
  readonly thresholds: readonly number[];
  /** Thresholds reached in the year. */
  readonly alerts: readonly AlertView[];
}

export interface OwnerReportsOptions {
  readonly dataSource: DataSource;
  readonly owners?: readonly ProcessOwnerModule[];
  readonly now?: () => Date;
  /** The API's shared registry (and its cache); one of the reports' own otherwise. */
  readonly registry?: LifeEventRegistry;
}

interface AlertRow {
  kind: AlertView['kind'];
  kpi: string;
  threshold: number;
  value: number;
  period: string;
  message: string;
  at: Date;
  acknowledged_at: Date | null;
}

/**
 * What a process owner reads: KPIs with targets and weekly trend, the budget with its forecast, and the yearly
 * report. Everything is aggregated from measurements, the ledger and journey counts: no subject, no data item.
 * An owner or life event that does not exist answers "not found", like one the caller may not see.
 */
export class OwnerReports {
  private readonly directory: OwnerDirectory;
  private readonly registry: LifeEventRegistry;
  private readonly definitions: DefinitionLookup;
  private readonly now: () => Date;

  constructor(private readonly options: OwnerReportsOptions) {
    this.directory = new OwnerDirectory(options.owners);
    this.registry = options.registry ?? new LifeEventRegistry(options.dataSource);
    this.definitions = async (lifeEvent, version) => (await this.registry.find(lifeEvent, version))?.definition;
    this.now = options.now ?? (() => new Date());
  }

  async kpis(owner: string, lifeEvent: string, from: IsoDate, to: IsoDate): Promise<KpiReport> {
    const owned = this.owned(owner, lifeEvent);
    const period = periodOfDates(from, to);
    const samples = await kpiSamples(this.options.dataSource, owner, lifeEvent, period, this.percentileKpis(owned));
    const alerts = await this.alerts(owned, 'target-missed', `at >= $4 AND at < $5`, [period.from, period.to]);
    return { owner, lifeEvent, from, to, kpis: kpiViews(owned, samples), alerts };
  }

  async budget(owner: string, lifeEvent: string, year: number): Promise<BudgetView> {
    const owned = this.owned(owner, lifeEvent);
    const now = this.now();
    const status = await budgetStatus(this.options.dataSource, this.definitions, owned, year, now);
    const alerts = await this.alerts(owned, 'budget-threshold', `period = $4`, [String(year)]);
    return {
      owner,
      lifeEvent,
      currency: 'EUR',
      asOf: now.toISOString(),
      ...status,
      spentShare: shareOfBudget(status.spent, status.budget),
      forecastShare: shareOfBudget(status.forecast, status.budget),
      thresholds: BUDGET_THRESHOLDS,
      alerts,
    };
  }

  async yearly(owner: string, year: number): Promise<YearlyReport> {
    const module = this.directory.owner(owner);
    if (!module) throw notFound('owner');
    const period = periodOfYear(year);
    const agencyName = await this.agencyNames();
    const lifeEvents = [];
    for (const owned of this.directory.lifeEvents(owner)) {
      const samples = await kpiSamples(this.options.dataSource, owner, owned.lifeEvent, period, [
        ...this.percentileKpis(owned),
        K.satisfaction.id,
      ]);
      lifeEvents.push(
        lifeEventReport({
          id: owned.lifeEvent,
          title: (await this.registry.find(owned.lifeEvent))?.definition.title.en ?? owned.lifeEvent,
          journeys: await this.journeyCounts(owned, period),
          kpis: kpiViews(owned, samples),
          leadTimes: samples.get(K.leadTimeDaysP90.id)?.total.values ?? [],
          scores: samples.get(K.satisfaction.id)?.total.values ?? [],
          budget: await budgetStatus(this.options.dataSource, this.definitions, owned, year, this.now()),
          agencyName,
        }),
      );
    }
    return {
      owner: {
        id: module.id,
        name: module.name.en,
        minister: module.minister,
        leadAgency: agencyName(module.leadAgency),
      },
      year,
      publicServiceDay: `${year}-06-23`,
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      generatedAt: this.now().toISOString(),
      lifeEvents,
    };
  }

  /** Names as the agency registry holds them now, so that an agency added or renamed through the API is named. */
  private async agencyNames(): Promise<(agency: string) => string> {
    const names = new Map((await new AgencyRegistry(this.options.dataSource).list()).map((a) => [a.id, a.name.en]));
    return (agency) => names.get(agency) ?? agency;
  }

  private owned(owner: string, lifeEvent: string): OwnedLifeEvent {
    const owned = this.directory.lifeEvent(owner, lifeEvent);
    if (!owned) throw notFound('life event');
    return owned;
  }

  private percentileKpis(owned: OwnedLifeEvent): string[] {
    return [...owned.kpis.values()].filter((kpi) => needsValues(kpi.aggregation)).map((kpi) => kpi.id);
  }

  private async journeyCounts(owned: OwnedLifeEvent, period: Period): Promise<JourneyCounts> {
    const rows: { status: string; n: number }[] = await this.options.dataSource.query(
      `SELECT status, count(*)::int AS n FROM journeys
       WHERE owner = $1 AND life_event_id = $2 AND started_at >= $3 AND started_at < $4 GROUP BY status`,
      [owned.owner.id, owned.lifeEvent, period.from, period.to],
    );
    const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
    return {
      started: rows.reduce((sum, row) => sum + row.n, 0),
      active: count('active'),
      completed: count('completed'),
      rejected: count('rejected'),
      withdrawn: count('withdrawn'),
      failed: count('failed'),
    };
  }

  private async alerts(
    owned: OwnedLifeEvent,
    kind: AlertView['kind'],
    condition: string,
    parameters: unknown[],
  ): Promise<AlertView[]> {
    const rows: AlertRow[] = await this.options.dataSource.query(
      `SELECT kind, kpi, threshold, value, period, message, at, acknowledged_at FROM owner_alerts
       WHERE owner = $1 AND life_event_id = $2 AND kind = $3 AND ${condition} ORDER BY at DESC, id DESC LIMIT 100`,
      [owned.owner.id, owned.lifeEvent, kind, ...parameters],
    );
    return rows.map((row) => ({
      kind: row.kind,
      kpi: row.kpi,
      threshold: row.threshold,
      value: row.value,
      period: row.period,
      message: row.message,
      at: row.at.toISOString(),
      acknowledged: row.acknowledged_at !== null,
    }));
  }
}
