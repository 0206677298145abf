import type { KpiEvent } from './kpi.types';
import { hooksOf, measure, stepCost } from './measure';
import { kpiTargets, STANDARD_KPIS } from './standard-kpis';

const base = {
  id: 'journey-x-1:3',
  journeyId: 'journey-x-1',
  lifeEvent: 'x',
  version: 1,
  at: '2026-03-02T10:00:00.000Z',
};
const event = (fields: Partial<KpiEvent> & Pick<KpiEvent, 'type'>): KpiEvent => ({ ...base, ...fields });
const byKpi = (e: KpiEvent) =>
  measure(STANDARD_KPIS, e).map(({ kpi, value, agency, channel }) => ({
    kpi,
    value,
    ...(agency ? { agency } : {}),
    ...(channel ? { channel } : {}),
  }));

describe('the standard KPIs', () => {
  it('start every journey at zero contacts and zero cost, and count the start as a contact on its channel', () => {
    expect(byKpi(event({ type: 'journey-started', channel: 'counter', proactive: false }))).toEqual([
      { kpi: 'digital-share', value: 0, channel: 'counter' },
      { kpi: 'contacts-per-journey', value: 0 },
      { kpi: 'cost-per-journey', value: 0 },
    ]);
    // A proactive start is nobody's contact.
    expect(byKpi(event({ type: 'journey-started', channel: 'automatic', proactive: true })).map((m) => m.kpi)).toEqual([
      'contacts-per-journey',
      'cost-per-journey',
    ]);
  });

  it('measures an executed step: on time per agency, proactive share, and its cost', () => {
    const done = event({
      type: 'step-completed',
      stepId: 'kbo',
      agency: 'loket',
      channel: 'online',
      onTime: true,
      proactive: false,
      cost: 105.5,
      durationDays: 2,
    });
    expect(byKpi(done)).toEqual([
      { kpi: 'on-time-rate', value: 1, agency: 'loket' },
      { kpi: 'proactive-share', value: 0, agency: 'loket' },
      { kpi: 'cost-per-journey', value: 105.5, agency: 'loket' },
    ]);
    expect(byKpi({ ...done, type: 'step-rejected', onTime: false, proactive: true, cost: 0 })).toEqual([
      { kpi: 'on-time-rate', value: 0, agency: 'loket' },
      { kpi: 'proactive-share', value: 1, agency: 'loket' },
      { kpi: 'cost-per-journey', value: 0, agency: 'loket' },
    ]);
  });

  it('counts a term that ended without a decision as late, and an overdue step only when it ends', () => {
    expect(byKpi(event({ type: 'term-expired', stepId: 'permit', agency: 'gemeente', onTime: false }))).toEqual([
      { kpi: 'on-time-rate', value: 0, agency: 'gemeente' },
    ]);
    expect(byKpi(event({ type: 'term-expired', stepId: 'permit', agency: 'gemeente' }))).toEqual([]);
  });

  it('counts every reused item 1 and every asked item 0 for once-only; an ask is a contact', () => {
    expect(byKpi(event({ type: 'data-reused', items: ['a', 'b'] }))).toEqual([
      { kpi: 'once-only-rate', value: 1 },
      { kpi: 'once-only-rate', value: 1 },
    ]);
    expect(byKpi(event({ type: 'data-asked', items: ['c'], stepId: 's', agency: 'loket' }))).toEqual([
      { kpi: 'once-only-rate', value: 0, agency: 'loket' },
      { kpi: 'contacts-per-journey', value: 1 },
    ]);
  });

  it('counts answers and steps handled by people as contacts on their channel, machines not', () => {
    expect(byKpi(event({ type: 'channel-used', channel: 'online' }))).toEqual([
      { kpi: 'digital-share', value: 1, channel: 'online' },
    ]);
    expect(byKpi(event({ type: 'step-dispatched', stepId: 's', agency: 'a', channel: 'phone' }))).toEqual([
      { kpi: 'digital-share', value: 0, channel: 'phone' },
    ]);
    expect(byKpi(event({ type: 'step-dispatched', stepId: 's', agency: 'a', channel: 'automatic' }))).toEqual([]);
  });

  it('measures lead time of completed journeys only, and satisfaction answers', () => {
    expect(byKpi(event({ type: 'journey-completed', durationDays: 12.5 }))).toEqual([
      { kpi: 'lead-time-days', value: 12.5 },
    ]);
    expect(byKpi(event({ type: 'journey-withdrawn', durationDays: 3 }))).toEqual([]);
    expect(byKpi(event({ type: 'satisfaction-answered', score: 4 }))).toEqual([{ kpi: 'satisfaction', value: 4 }]);
  });

  it('numbers the measurements of one KPI, so that recording them again finds the same keys', () => {
    const measured = measure(STANDARD_KPIS, event({ type: 'data-reused', items: ['a', 'b', 'c'] }));
    expect(measured.map((m) => m.ordinal)).toEqual([0, 1, 2]);
    expect(measure(STANDARD_KPIS, event({ type: 'data-reused', items: ['a', 'b', 'c'] }))).toEqual(measured);
  });

  it('refuses a hook that measures a value that is not a finite number, or another KPI', () => {
    const broken = {
      kpi: {
        id: 'broken',
        title: 'b',
        unit: 'count' as const,
        aggregation: 'sum' as const,
        better: 'at-most' as const,
      },
      measure: () => [{ kpi: 'broken', value: Number.NaN }],
    };
    expect(() => measure([broken], event({ type: 'journey-started' }))).toThrow(/finite/);
    const liar = { ...broken, measure: () => [{ kpi: 'satisfaction', value: 5 }] };
    expect(() => measure([liar], event({ type: 'journey-started' }))).toThrow(/another KPI/);
  });

  it("adds the owner's own hooks after the standard ones", () => {
    const own = {
      kpi: { id: 'own', title: 'own', unit: 'count' as const, aggregation: 'sum' as const, better: 'at-most' as const },
      measure: () => [],
    };
    const owner = {
      id: 'o',
      name: { nl: 'o', en: 'o', fr: 'o' },
      minister: 'm',
      leadAgency: 'a',
      contact: { email: 'o@example.org' },
      lifeEvents: {},
      kpiHooks: [own],
    };
    expect(hooksOf(owner).map((hook) => hook.kpi.id)).toEqual([...STANDARD_KPIS.map((hook) => hook.kpi.id), 'own']);
    expect(hooksOf(undefined)).toEqual(STANDARD_KPIS);
  });

  it('maps the targets an owner set to KPI ids, with their own KPIs targets', () => {
    expect(
      kpiTargets({
        budget: {},
        targets: { leadTimeDaysP90: 60, onTimeRate: 0.95, satisfaction: 4.2 },
        customTargets: { own: 3 },
      }),
    ).toEqual({
      'lead-time-days': 60,
      'on-time-rate': 0.95,
      satisfaction: 4.2,
      own: 3,
    });
  });

  it("costs a step by the owner's rule, else the definition, else nothing", () => {
    expect(stepCost('kbo', 'online', { online: 105.5, counter: 120 }, undefined)).toBe(105.5);
    expect(stepCost('kbo', 'online', { online: 105.5 }, { kbo: { online: 90 } })).toBe(90);
    expect(stepCost('kbo', 'phone', { online: 105.5 }, { kbo: { online: 90 } })).toBe(0);
    expect(stepCost('kbo', undefined, { online: 105.5 }, undefined)).toBe(0);
  });
});
