import type { ProjectionUpdate } from '@passage/contracts';
import { publishCatalogue } from '@passage/registry';
import { AGENCIES, CATALOGUE, VLAIO_PROCESS_OWNER } from '@passage/life-events';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import type { KpiHook, ProcessOwnerModule } from '@passage/process-owner';
import { TEST_PAYLOAD_KEYS } from '@passage/testing';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import {
  completedJourneyUpdates,
  EXECUTED_STEPS,
  KBO_ONLINE_COST,
  LEAD_TIME_DAYS,
} from '../../testing/projected-journeys';
import { OwnerReports } from '../reading/owner-reports';
import { SatisfactionSurvey } from '../survey/satisfaction-survey';
import { KpiProcessor, type ProcessingReport } from './kpi-processor';

const DAY_MS = 86_400_000;
/** A fixed "now", so that windows, weeks and budget years do not depend on the day the test runs. */
const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const now = () => new Date(NOW);
const YEAR = 2026;
const JOURNEY_STEPS = Object.values(EXECUTED_STEPS).reduce((a, b) => a + b, 0);

/** Everything the processor writes, in a stable order, to compare before and after. */
async function recorded(db: TestDatabase) {
  return {
    measurements: await db.dataSource.query(
      `SELECT event_key, kpi, ordinal, agency, channel, value, at FROM kpi_measurements ORDER BY event_key, kpi, ordinal`,
    ),
    ledger: await db.dataSource.query(
      `SELECT idempotency_key, agency, step_id, channel, amount::float8 AS amount, year FROM budget_ledger ORDER BY idempotency_key`,
    ),
    alerts: await db.dataSource.query(`SELECT dedupe_key FROM owner_alerts ORDER BY dedupe_key`),
    notifications: await db.dataSource.query(
      `SELECT dedupe_key FROM notifications WHERE channel = 'owner-feed' ORDER BY dedupe_key`,
    ),
  };
}

async function drain(processor: KpiProcessor): Promise<ProcessingReport> {
  const total: ProcessingReport = { processed: 0, failed: 0, measurements: 0, charges: 0, alerts: 0 };
  for (let round = 0; round < 50; round++) {
    const report = await processor.runOnce();
    for (const key of Object.keys(total) as (keyof ProcessingReport)[]) total[key] += report[key];
    if (report.processed + report.failed === 0) return total;
  }
  throw new Error('the outbox did not drain');
}

describe('KPI processing: every journey event counts exactly once', () => {
  let db: TestDatabase;
  let writer: JourneyProjectionWriter;
  const apply = async (updates: readonly ProjectionUpdate[]) => {
    for (const update of updates) await writer.apply(update);
  };

  beforeEach(async () => {
    db = await createTestDatabase();
    await publishCatalogue(db.dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });
    writer = new JourneyProjectionWriter(db.dataSource, new VaultCipher(TEST_PAYLOAD_KEYS));
  });

  afterEach(async () => {
    await db?.drop();
  });

  it('writes one KPI event per timeline event, however often the projection is applied', async () => {
    const updates = completedJourneyUpdates(NOW - 10 * DAY_MS, 'subject-kpi-1');
    await apply(updates);
    await apply(updates);
    await apply([updates[1], updates[0], updates[2]]);
    const rows: { dedupe_key: string; event: Record<string, unknown> }[] = await db.dataSource.query(
      `SELECT dedupe_key, event FROM kpi_outbox ORDER BY id`,
    );
    // 14 timeline events; the intake's data-provided is not a KPI event.
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((row) => row.dedupe_key)).size).toBe(13);
    expect(JSON.stringify(rows)).not.toContain('subject-kpi-1');
  });

  it('records measurements and charges the ledger once, even when the outbox is delivered again', async () => {
    const journeys = [completedJourneyUpdates(NOW - 10 * DAY_MS), completedJourneyUpdates(NOW - 9 * DAY_MS)];
    for (const updates of journeys) await apply(updates);
    const processor = new KpiProcessor({ dataSource: db.dataSource, now });
    const first = await drain(processor);
    expect(first).toMatchObject({ processed: 26, failed: 0, charges: 2 * JOURNEY_STEPS });
    const before = await recorded(db);

    expect(before.ledger).toHaveLength(2 * JOURNEY_STEPS);
    expect(before.ledger.filter((row: { amount: number }) => row.amount > 0)).toEqual([
      expect.objectContaining({
        agency: 'ondernemingsloket',
        step_id: 'kbo-registration',
        channel: 'online',
        amount: KBO_ONLINE_COST,
      }),
      expect.objectContaining({
        agency: 'ondernemingsloket',
        step_id: 'kbo-registration',
        channel: 'online',
        amount: KBO_ONLINE_COST,
      }),
    ]);
    const leadTimes = before.measurements
      .filter((m: { kpi: string }) => m.kpi === 'lead-time-days')
      .map((m: { value: number }) => m.value);
    expect(leadTimes).toEqual([LEAD_TIME_DAYS, LEAD_TIME_DAYS]);

    // Delivered again (a crash after the commit, an operator re-queueing everything), and the projection replayed.
    await db.dataSource.query(`UPDATE kpi_outbox SET processed_at = NULL`);
    for (const updates of journeys) await apply(updates);
    const again = await drain(processor);
    expect(again).toMatchObject({ processed: 26, measurements: 0, charges: 0 });
    expect(await recorded(db)).toEqual(before);
  });

  it('lets two processors work in parallel without counting anything twice', async () => {
    const journeys = Array.from({ length: 30 }, (_, i) => completedJourneyUpdates(NOW - (20 - i / 3) * DAY_MS));
    for (const updates of journeys) await apply(updates);
    const processors = [0, 1].map(() => new KpiProcessor({ dataSource: db.dataSource, batchSize: 7, now }));
    const reports = await Promise.all(processors.map((processor) => drain(processor)));
    expect(reports.reduce((sum, report) => sum + report.processed, 0)).toBe(30 * 13);
    expect(reports.every((report) => report.processed > 0)).toBe(true);
    const [outbox] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NULL)::int AS open, max(attempts)::int AS attempts FROM kpi_outbox`,
    );
    expect(outbox).toEqual({ open: 0, attempts: 1 });
    const [ledger] = await db.dataSource.query(
      `SELECT count(*)::int AS n, sum(amount)::float8 AS total FROM budget_ledger`,
    );
    expect(ledger).toEqual({ n: 30 * JOURNEY_STEPS, total: 30 * KBO_ONLINE_COST });
    const perKpi: { kpi: string; n: number }[] = await db.dataSource.query(
      `SELECT kpi, count(*)::int AS n FROM kpi_measurements GROUP BY kpi ORDER BY kpi`,
    );
    expect(Object.fromEntries(perKpi.map((row) => [row.kpi, row.n]))).toEqual({
      'contacts-per-journey': 30 * 2,
      'cost-per-journey': 30 * (1 + JOURNEY_STEPS),
      // The start, the answer online, and the two steps handled by the subject or a person (both online).
      'digital-share': 30 * 4,
      'lead-time-days': 30,
      'on-time-rate': 30,
      'once-only-rate': 30 * 3,
      'proactive-share': 30 * JOURNEY_STEPS,
    });
  });

  it('rolls back an event whose hook fails, keeps the others, and counts it once when it succeeds later', async () => {
    await apply(completedJourneyUpdates(NOW - 10 * DAY_MS));
    const failing: KpiHook = {
      kpi: { id: 'fragile', title: 'Fragile', unit: 'count', aggregation: 'sum', better: 'at-most' },
      measure: (event) => {
        if (event.stepId === 'kbo-registration' && event.type === 'step-completed') throw new Error('hook bug');
        return [];
      },
    };
    const broken: ProcessOwnerModule = { ...VLAIO_PROCESS_OWNER, kpiHooks: [failing] };
    const report = await drain(new KpiProcessor({ dataSource: db.dataSource, owners: [broken], maxAttempts: 2, now }));
    expect(report).toMatchObject({ processed: 12, failed: 2, charges: JOURNEY_STEPS - 1 });
    const [row] = await db.dataSource.query(
      `SELECT attempts, last_error, processed_at FROM kpi_outbox WHERE event->>'stepId' = 'kbo-registration' AND event->>'type' = 'step-completed'`,
    );
    expect(row).toEqual({ attempts: 2, last_error: 'Error: hook bug', processed_at: null });
    expect(await db.dataSource.query(`SELECT * FROM budget_ledger WHERE step_id = 'kbo-registration'`)).toEqual([]);

    // Fixed and re-queued by an operator: counted once.
    await db.dataSource.query(`UPDATE kpi_outbox SET attempts = 0 WHERE processed_at IS NULL`);
    expect(await drain(new KpiProcessor({ dataSource: db.dataSource, now }))).toMatchObject({
      processed: 1,
      charges: 1,
    });
    const [kbo] = await db.dataSource.query(
      `SELECT count(*)::int AS n, sum(amount)::float8 AS total FROM budget_ledger WHERE step_id = 'kbo-registration'`,
    );
    expect(kbo).toEqual({ n: 1, total: KBO_ONLINE_COST });
  });

  it('alerts the owner once when a target is missed or a budget threshold is reached', async () => {
    const journeys = [completedJourneyUpdates(NOW - 5 * DAY_MS), completedJourneyUpdates(NOW - 4 * DAY_MS)];
    for (const updates of journeys) await apply(updates);
    const survey = new SatisfactionSurvey(db.dataSource, () => new Date(NOW - 3_600_000));
    for (const updates of journeys) {
      const { state } = updates[2];
      await survey.answer(
        { id: state.journeyId, lifeEventId: 'start-business', version: 2, owner: 'vlaio', status: 'completed' },
        'subject',
        1,
      );
    }
    // A pilot budget that two KBO registrations exceed.
    const tight: ProcessOwnerModule = {
      ...VLAIO_PROCESS_OWNER,
      lifeEvents: {
        'start-business': { ...VLAIO_PROCESS_OWNER.lifeEvents['start-business'], budget: { [YEAR]: 200 } },
      },
    };
    const processor = new KpiProcessor({ dataSource: db.dataSource, owners: [tight], targets: { minSample: 2 }, now });
    await drain(processor);
    const alerts: { kind: string; kpi: string; threshold: number; message: string }[] = await db.dataSource.query(
      `SELECT kind, kpi, threshold, message FROM owner_alerts ORDER BY kind, kpi, threshold`,
    );
    expect(alerts.map((a) => `${a.kind}:${a.kpi}:${a.threshold}`)).toEqual(
      expect.arrayContaining([
        'budget-threshold:budget-spent:0.8',
        'budget-threshold:budget-spent:1',
        'budget-threshold:budget-forecast:0.8',
        'budget-threshold:budget-forecast:1',
        'target-missed:satisfaction:4.2',
      ]),
    );
    expect(alerts.find((a) => a.kpi === 'satisfaction')?.message).toContain('misses the target of 4.2');
    const notifications: { subject: string; kind: string; status: string }[] = await db.dataSource.query(
      `SELECT subject, kind, status FROM notifications WHERE channel = 'owner-feed'`,
    );
    expect(notifications).toHaveLength(alerts.length);
    expect(new Set(notifications.map((n) => `${n.subject} ${n.kind} ${n.status}`))).toEqual(
      new Set(['owner:vlaio owner-alert pending']),
    );

    // Evaluating again (new events, the same week and year) raises nothing new.
    const before = await recorded(db);
    await apply(completedJourneyUpdates(NOW - 3 * DAY_MS));
    await drain(processor);
    const after = await recorded(db);
    expect(after.alerts).toEqual(before.alerts);
    expect(after.notifications).toEqual(before.notifications);

    // The owner sees the same in the budget view: spent, the alerts, and the split per agency.
    const budget = await new OwnerReports({ dataSource: db.dataSource, owners: [tight], now }).budget(
      'vlaio',
      'start-business',
      YEAR,
    );
    expect(budget).toMatchObject({ budget: 200, spent: 3 * KBO_ONLINE_COST, committed: 0, spentShare: 1.5825 });
    expect(budget.byAgency.find((a) => a.agency === 'ondernemingsloket')).toEqual({
      agency: 'ondernemingsloket',
      spent: 3 * KBO_ONLINE_COST,
      executedSteps: 3,
      committed: 0,
    });
    expect(budget.alerts).toHaveLength(4);
  });

  it('names agencies in the yearly report as the agency registry holds them, not as the catalogue first did', async () => {
    await apply(completedJourneyUpdates(NOW - 2 * DAY_MS));
    await drain(new KpiProcessor({ dataSource: db.dataSource, now }));
    // What an admin's change through the agency API leaves in the registry.
    await db.dataSource.query(
      `UPDATE agencies SET name = jsonb_set(name, '{en}', '"Enterprise Counter Flanders"') WHERE id = 'ondernemingsloket'`,
    );
    const report = await new OwnerReports({ dataSource: db.dataSource, now }).yearly('vlaio', YEAR);
    const startBusiness = report.lifeEvents.find((lifeEvent) => lifeEvent.id === 'start-business');
    expect(startBusiness?.budget.byAgency.find((a) => a.agency === 'ondernemingsloket')?.name).toBe(
      'Enterprise Counter Flanders',
    );
  });

  it('counts what open journeys are still expected to cost as committed', async () => {
    const updates = completedJourneyUpdates(NOW - 2 * DAY_MS);
    await apply(updates.slice(0, 1));
    await drain(new KpiProcessor({ dataSource: db.dataSource, now }));
    const budget = await new OwnerReports({ dataSource: db.dataSource, now }).budget('vlaio', 'start-business', YEAR);
    // kbo-registration (online) and vat-activation are still to run; nothing has cost anything yet.
    expect(budget).toMatchObject({ spent: 0, committed: KBO_ONLINE_COST });
    expect(budget.forecast).toBeGreaterThanOrEqual(KBO_ONLINE_COST);
  });
});
