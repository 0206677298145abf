import { criticalPathDays, type LifeEventDefinition } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';
import { fanOutLifeEvent, testStep, texts } from '@passage/testing';
import { simulateLifeEvent } from './simulate';

function startBusiness(version = 2): LifeEventDefinition {
  const definition = findDefinition('start-business', version);
  if (!definition) throw new Error('missing');
  return definition;
}

/** A definition whose steps all have fixed durations (expected days, no terms, no conditions). */
function fixedDurations(): LifeEventDefinition {
  const base = fanOutLifeEvent();
  return {
    ...base,
    steps: [
      testStep('a', { agency: 'alpha', mode: 'automatic', expectedDays: 2, cost: { automatic: 3 } }),
      testStep('b', { agency: 'beta', mode: 'manual', dependsOn: ['a'], expectedDays: 5, cost: { online: 10 } }),
      testStep('c', { agency: 'gamma', mode: 'manual', dependsOn: ['a'], expectedDays: 9, cost: { online: 7 } }),
      testStep('d', {
        agency: 'beta',
        mode: 'citizen',
        dependsOn: ['b', 'c'],
        expectedDays: 1.5,
        produces: ['confirm.accepted'],
        title: texts('d'),
      }),
    ],
  };
}

describe('simulateLifeEvent', () => {
  it('gives exactly the critical path when every duration is fixed', () => {
    const definition = fixedDurations();
    const result = simulateLifeEvent(definition, {}, { journeys: 500, seed: 1 });
    expect(criticalPathDays(definition)).toBe(12.5);
    expect(result.leadTimeDays).toEqual({ p50: 12.5, p90: 12.5, p99: 12.5, mean: 12.5, min: 12.5, max: 12.5 });
    expect(result.costPerJourney.mean).toBe(20);
    expect(result.costPerAgency).toEqual({ alpha: 3, beta: 10, gamma: 7 });
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = simulateLifeEvent(
      startBusiness(),
      { leadTimeTargetDays: 60, monthlyVolume: 800 },
      { journeys: 2000, seed: 42 },
    );
    const b = simulateLifeEvent(
      startBusiness(),
      { leadTimeTargetDays: 60, monthlyVolume: 800 },
      { journeys: 2000, seed: 42 },
    );
    const c = simulateLifeEvent(
      startBusiness(),
      { leadTimeTargetDays: 60, monthlyVolume: 800 },
      { journeys: 2000, seed: 43 },
    );
    expect(b).toEqual(a);
    expect(c.leadTimeDays).not.toEqual(a.leadTimeDays);
  });

  it('follows the variants: company steps run as often as companies occur', () => {
    const result = simulateLifeEvent(
      startBusiness(),
      { itemDistributions: { 'business.legalForm': { company: 0.3, 'sole-trader': 0.7 } } },
      { journeys: 5000, seed: 7 },
    );
    expect(result.steps['incorporation-deed'].executedShare).toBeGreaterThan(0.27);
    expect(result.steps['incorporation-deed'].executedShare).toBeLessThan(0.33);
    expect(result.steps['kbo-registration'].executedShare).toBe(1);
  });

  it('ends journeys at critical rejections and reports the load per agency', () => {
    const result = simulateLifeEvent(
      startBusiness(),
      { rejectionRates: { 'kbo-registration': 0.1 }, monthlyVolume: 1000 },
      { journeys: 5000, seed: 3 },
    );
    expect(result.outcomes.rejected).toBeGreaterThan(0.08);
    expect(result.outcomes.rejected).toBeLessThan(0.12);
    expect(result.loadPerAgencyPerMonth?.['ondernemingsloket']).toBeCloseTo(1000, -1);
    // An agency's load is the sum of its steps' execution shares times the volume.
    const fodSteps = startBusiness()
      .steps.filter((s) => s.agency === 'fod-financien')
      .map((s) => result.steps[s.id].executedShare);
    expect(result.loadPerAgencyPerMonth?.['fod-financien']).toBeCloseTo(fodSteps.reduce((a, b) => a + b, 0) * 1000, 0);
  });

  it('uses observed durations when there are enough of them', () => {
    const observedDays = { 'business-account': [10, 10, 10, 10, 10, 10] };
    const result = simulateLifeEvent(startBusiness(), { observedDays }, { journeys: 300, seed: 5 });
    expect(result.steps['business-account'].meanDays).toBe(10);
  });

  it('simulates 10,000 journeys of start-business well within five seconds, reporting progress', () => {
    const progress: number[] = [];
    const started = Date.now();
    simulateLifeEvent(
      startBusiness(),
      { leadTimeTargetDays: 60 },
      { journeys: 10_000, seed: 1, onProgress: (done) => progress.push(done) },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(progress.at(-1)).toBe(10_000);
    expect(progress.length).toBe(100);
  });
});
