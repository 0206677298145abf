import type { DataSource, EntityManager } from 'typeorm';
import { LifeEventRegistry } from '@passage/registry';
import { measure, needsValues, stepCost, type KpiEvent, type ProcessOwnerModule } from '@passage/process-owner';
import { OwnerDirectory, type OwnedLifeEvent } from '../owners/owner-directory';
import { brusselsToday, isoWeek } from '../reading/brussels-time';
import { budgetStatus, type DefinitionLookup } from '../reading/budget-status';
import { kpiSamples } from '../reading/kpi-samples.query';
import { budgetAlerts, missedTargets, type OwnerAlert, type TargetPolicy } from './alert-rules';
import { raiseAlert } from './owner-alerts';

export interface KpiProcessorOptions {
  readonly dataSource: DataSource;
  /** The process-owner modules; the catalogue's by default. */
  readonly owners?: readonly ProcessOwnerModule[];
  /** Outbox rows claimed per transaction. */
  readonly batchSize?: number;
  /** Bounds one run, so a backlog cannot keep it from yielding to the next poll and to shutdown. */
  readonly maxBatchesPerRun?: number;
  /** After this many failed attempts a row is left alone (unprocessed, with its last error) for an operator. */
  readonly maxAttempts?: number;
  readonly targets?: Partial<TargetPolicy>;
  readonly now?: () => Date;
}

export interface ProcessingReport {
  processed: number;
  failed: number;
  measurements: number;
  charges: number;
  alerts: number;
}

interface OutboxRow {
  id: string;
  owner: string;
  life_event_id: string;
  version: number;
  event: KpiEvent;
}

/** What one batch touched: per owner and life event, the budget years it charged. */
type Touched = Map<string, { owner: string; lifeEvent: string; years: Set<number> }>;

const DAY_MS = 86_400_000;
const cents = (amount: number) => Math.round(amount * 100) / 100;
/** A step that ran (completed or rejected): what the budget pays for. */
const isExecution = (event: KpiEvent): event is KpiEvent & { stepId: string } =>
  (event.type === 'step-completed' || event.type === 'step-rejected') && event.stepId !== undefined;

/**
 * Delivers the KPI outbox to the process owners' hooks, exactly once per event: in one transaction per batch, each
 * row (inside its own savepoint) is measured by the standard hooks and its owner's own, its measurements recorded,
 * an executed step charged to the ledger (one row per step attempt), and the row marked processed. A redelivery or
 * a crash before the commit therefore never counts twice; rows are claimed with `FOR UPDATE SKIP LOCKED`, so
 * processors may run in parallel. Targets and budget thresholds of the touched life events are evaluated in the
 * same transaction, and each alert is raised once.
 */
export class KpiProcessor {
  private readonly directory: OwnerDirectory;
  private readonly definitions: DefinitionLookup;
  private readonly batchSize: number;
  private readonly maxBatches: number;
  private readonly maxAttempts: number;
  private readonly policy: TargetPolicy;
  private readonly now: () => Date;

  constructor(private readonly options: KpiProcessorOptions) {
    this.directory = new OwnerDirectory(options.owners);
    const registry = new LifeEventRegistry(options.dataSource);
    this.definitions = async (lifeEvent, version) => (await registry.find(lifeEvent, version))?.definition;
    this.batchSize = options.batchSize ?? 50;
    this.maxBatches = options.maxBatchesPerRun ?? 20;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.policy = { windowDays: options.targets?.windowDays ?? 30, minSample: options.targets?.minSample ?? 20 };
    this.now = options.now ?? (() => new Date());
  }

  /** Processes what is waiting, batch after batch, until the outbox is empty or the run's bound is reached. */
  async runOnce(): Promise<ProcessingReport> {
    const report: ProcessingReport = { processed: 0, failed: 0, measurements: 0, charges: 0, alerts: 0 };
    for (let batch = 0; batch < this.maxBatches; batch++) {
      const claimed = await this.options.dataSource.transaction((tx) => this.processBatch(tx, report));
      if (claimed < this.batchSize) break;
    }
    return report;
  }

  /**
   * Evaluates a life event's targets and budget thresholds now, outside a batch: after the owner changed a target
   * or a budget, or when another processor (with other settings) measured the events. Returns the alerts raised.
   */
  async evaluateNow(owner: string, lifeEvent: string, years: readonly number[]): Promise<number> {
    const owned = this.directory.lifeEvent(owner, lifeEvent);
    if (!owned) return 0;
    return this.options.dataSource.transaction((tx) => this.evaluate(tx, owned, new Set(years)));
  }

  private async processBatch(tx: EntityManager, report: ProcessingReport): Promise<number> {
    const rows: OutboxRow[] = await tx.query(
      `SELECT id, owner, life_event_id, version, event FROM kpi_outbox
       WHERE processed_at IS NULL AND attempts < $2 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [this.batchSize, this.maxAttempts],
    );
    const touched: Touched = new Map();
    for (const row of rows) {
      // A row that fails is rolled back alone and counted; the others of the batch go on.
      await tx.query('SAVEPOINT kpi_event');
      try {
        const year = await this.processRow(tx, row, report);
        await tx.query('RELEASE SAVEPOINT kpi_event');
        const entry = touched.get(`${row.owner}:${row.life_event_id}`) ?? {
          owner: row.owner,
          lifeEvent: row.life_event_id,
          years: new Set<number>(),
        };
        if (year !== undefined) entry.years.add(year);
        touched.set(`${row.owner}:${row.life_event_id}`, entry);
        report.processed += 1;
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT kpi_event');
        await tx.query(`UPDATE kpi_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
          row.id,
          describeError(error),
        ]);
        report.failed += 1;
      }
    }
    for (const { owner, lifeEvent, years } of touched.values()) {
      const owned = this.directory.lifeEvent(owner, lifeEvent);
      if (owned) report.alerts += await this.evaluate(tx, owned, years);
    }
    return rows.length;
  }

  /** Measures and charges one event, and marks it processed; returns the budget year it charged, if any. */
  private async processRow(tx: EntityManager, row: OutboxRow, report: ProcessingReport): Promise<number | undefined> {
    const charge = isExecution(row.event) ? await this.charge(tx, row, row.event) : undefined;
    const event = charge ? { ...row.event, cost: charge.amount } : row.event;
    const measurements = measure(this.directory.hooks(row.owner), event);
    if (measurements.length > 0) {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO kpi_measurements (event_key, journey_id, kpi, ordinal, owner, life_event_id, agency, channel, value, at)
         SELECT $1, $2, m.kpi, m.ordinal, $3, $4, m.agency, m.channel, m.value, $5
         FROM jsonb_to_recordset($6::jsonb) AS m(kpi text, ordinal int, agency text, channel text, value float8)
         ON CONFLICT (event_key, kpi, ordinal) DO NOTHING RETURNING id`,
        [event.id, event.journeyId, row.owner, row.life_event_id, event.at, JSON.stringify(measurements)],
      );
      report.measurements += inserted.length;
    }
    await tx.query(`UPDATE kpi_outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
    if (charge?.year !== undefined) report.charges += 1;
    return charge?.year;
  }

  /**
   * Charges an executed step to the life event's budget, attributed to its agency, once per business action (the
   * step's attempt). The amount is what this event charged: 0 when the action was charged already.
   */
  private async charge(
    tx: EntityManager,
    row: OutboxRow,
    event: KpiEvent & { stepId: string },
  ): Promise<{ amount: number; year?: number }> {
    const { stepId } = event;
    const step = (await this.definitions(row.life_event_id, row.version))?.steps.find((s) => s.id === stepId);
    const rules = this.directory.lifeEvent(row.owner, row.life_event_id)?.ownership.costRules;
    const amount = cents(stepCost(stepId, event.channel, step?.cost, rules));
    const charged: { year: number }[] = await tx.query(
      `INSERT INTO budget_ledger (idempotency_key, owner, life_event_id, year, agency, journey_id, step_id, channel, amount, at)
       VALUES ($1, $2, $3, extract(year FROM $4::timestamptz AT TIME ZONE 'Europe/Brussels')::int, $5, $6, $7, $8, $9, $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING year`,
      [
        `${event.journeyId}:${stepId}:${event.attempt ?? 1}`,
        row.owner,
        row.life_event_id,
        event.at,
        event.agency ?? 'unknown',
        event.journeyId,
        stepId,
        event.channel ?? null,
        amount,
      ],
    );
    return charged.length > 0 ? { amount, year: charged[0].year } : { amount: 0 };
  }

  /**
   * Targets over the rolling window (one alert per KPI and ISO week) and the budget thresholds of the years this
   * batch charged. In a savepoint: an evaluation that fails leaves the batch's measurements in place; the next
   * batch of the life event evaluates again.
   */
  private async evaluate(tx: EntityManager, owned: OwnedLifeEvent, years: ReadonlySet<number>): Promise<number> {
    await tx.query('SAVEPOINT kpi_alerts');
    try {
      const now = this.now();
      const window = { from: new Date(now.getTime() - this.policy.windowDays * DAY_MS), to: now };
      const withValues = [...owned.kpis.values()].filter((kpi) => needsValues(kpi.aggregation)).map((kpi) => kpi.id);
      const samples = await kpiSamples(tx, owned.owner.id, owned.lifeEvent, window, withValues);
      const alerts: OwnerAlert[] = missedTargets(owned, samples, this.policy, isoWeek(brusselsToday(now)));
      for (const year of years)
        alerts.push(...budgetAlerts(owned, await budgetStatus(tx, this.definitions, owned, year, now)));
      let raised = 0;
      for (const alert of alerts) if (await raiseAlert(tx, alert)) raised += 1;
      await tx.query('RELEASE SAVEPOINT kpi_alerts');
      return raised;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT kpi_alerts');
      console.error(`passage kpi processor: evaluating ${owned.lifeEvent} failed (${describeError(error)})`);
      return 0;
    }
  }
}

/** KPI events and their SQL carry no personal data; the message is kept short for the outbox and the log. */
function describeError(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error').slice(0, 500);
}
