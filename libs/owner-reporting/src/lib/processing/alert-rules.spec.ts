import { VLAIO_PROCESS_OWNER } from '@passage/life-events';
import { OwnerDirectory } from '../owners/owner-directory';
import type { KpiSamples } from '../reading/kpi-samples.query';
import { budgetAlerts, missedTargets } from './alert-rules';

const owned = new OwnerDirectory([VLAIO_PROCESS_OWNER]).lifeEvent('vlaio', 'start-business');
if (!owned) throw new Error('start-business is owned by vlaio');
const samples = (entries: Record<string, number[]>): Map<string, KpiSamples> =>
  new Map(
    Object.entries(entries).map(([kpi, values]) => [
      kpi,
      {
        total: { count: values.length, sum: values.reduce((a, b) => a + b, 0), journeys: values.length, values },
        byAgency: new Map(),
        byChannel: new Map(),
        byWeek: new Map(),
      },
    ]),
  );

describe('alert rules', () => {
  it('alerts on a missed target once there are enough observations, keyed by KPI and week', () => {
    const policy = { windowDays: 30, minSample: 3 };
    const alerts = missedTargets(
      owned,
      samples({ satisfaction: [1, 2, 3], 'lead-time-days': [10, 20, 30], 'on-time-rate': [1, 0] }),
      policy,
      '2026-W10',
    );
    expect(alerts).toEqual([
      expect.objectContaining({
        key: 'vlaio:start-business:target-missed:satisfaction:2026-W10',
        kind: 'target-missed',
        kpi: 'satisfaction',
        threshold: 4.2,
        value: 2,
        period: '2026-W10',
      }),
    ]);
    expect(alerts[0].message).toBe(
      'Satisfaction (1 to 5): 2 over the last 30 days (3 observations) misses the target of 4.2 (at least).',
    );
    // A lead time over its p90 target is missed too (lower is better).
    expect(
      missedTargets(owned, samples({ 'lead-time-days': [50, 70, 90] }), policy, '2026-W10').map((a) => a.kpi),
    ).toEqual(['lead-time-days']);
  });

  it('alerts at 80% and 100% of the budget, by spending and by forecast, once per year', () => {
    const status = { year: 2026, budget: 1000, spent: 850, committed: 0, forecast: 1200, byAgency: [] };
    expect(budgetAlerts(owned, status).map((a) => a.key)).toEqual([
      'vlaio:start-business:budget-threshold:budget-spent:2026:0.8',
      'vlaio:start-business:budget-threshold:budget-forecast:2026:0.8',
      'vlaio:start-business:budget-threshold:budget-forecast:2026:1',
    ]);
    expect(budgetAlerts(owned, { ...status, budget: null })).toEqual([]);
    expect(budgetAlerts(owned, { ...status, spent: 0, forecast: 0 })).toEqual([]);
  });
});
