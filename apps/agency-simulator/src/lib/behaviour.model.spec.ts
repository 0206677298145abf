import type { StatutoryTerm } from '@passage/journey-model';
import {
  daysToMs,
  drawDays,
  itemsToAsk,
  planService,
  planTask,
  sharesFor,
  timingOf,
  type BehaviourSettings,
  type TimedStep,
} from './behaviour.model';
import { draw } from './random';
import { DEFAULT_SHARES, RESEARCH_SHARE_RULES } from './research-shares';

const settings: BehaviourSettings = {
  seed: 7,
  secondsPerDay: 0.2,
  shares: DEFAULT_SHARES,
  researchRules: RESEARCH_SHARE_RULES,
  overrideRules: [],
};
const term = (days: number, kind: StatutoryTerm['kind'], unit: StatutoryTerm['unit'] = 'calendar'): StatutoryTerm => ({
  days,
  unit,
  kind,
  from: 'dispatch',
  onExpiry: 'escalate',
});
const manual = (fields: Partial<TimedStep> = {}): TimedStep => ({ mode: 'manual', ...fields });
const keys = (n: number) => Array.from({ length: n }, (_, i) => `journey-test-${i}:step:1`);
const share = (values: readonly boolean[]) => values.filter(Boolean).length / values.length;

describe('timing', () => {
  it('follows the term that binds the agency, in calendar days', () => {
    expect(timingOf(manual({ term: term(30, 'authority-decision') }))).toEqual({
      basis: 'term',
      min: 4.5,
      mode: 18,
      max: 33,
      termDays: 30,
    });
    expect(timingOf(manual({ term: term(30, 'authority-decision', 'working') })).termDays).toBeCloseTo(42);
    expect(timingOf(manual({ term: term(28, 'observed') })).max).toBeCloseTo(35);
  });

  it('uses the expected days, then a default, when no term binds the agency (a citizen deadline binds the subject)', () => {
    expect(timingOf(manual({ term: term(0, 'citizen-deadline'), expectedDays: 10 }))).toMatchObject({
      basis: 'expected',
      mode: 9,
    });
    expect(timingOf(manual({ term: term(365, 'citizen-deadline') }))).toMatchObject({ basis: 'default', mode: 4.5 });
    expect(timingOf({ mode: 'automatic' })).toMatchObject({ basis: 'default', mode: 0.9 });
    expect(timingOf(manual({ term: term(60, 'authority-decision') }), 'compensate')).toMatchObject({
      basis: 'default',
      max: 0.85,
    });
  });

  it('draws within the triangle, at its bounds and mode', () => {
    const timing = { basis: 'term' as const, min: 2, mode: 5, max: 11 };
    expect(drawDays(timing, 0)).toBe(2);
    expect(drawDays(timing, (5 - 2) / (11 - 2))).toBeCloseTo(5);
    expect(drawDays(timing, 0.999999)).toBeCloseTo(11, 1);
    const draws = keys(5000).map((key) => drawDays(timing, draw(1, key)));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...draws)).toBeLessThanOrEqual(11);
    expect(draws.reduce((sum, d) => sum + d, 0) / draws.length).toBeCloseTo((2 + 5 + 11) / 3, 0);
  });

  it('scales days to real time: a 30-day term takes 6 s at 0.2 s per day', () => {
    expect(daysToMs(30, 0.2)).toBe(6000);
    expect(daysToMs(0.5, 1)).toBe(500);
    const plan = planTask(
      settings,
      manual({ term: term(30, 'authority-decision') }),
      'favv',
      'favv-registration',
      'task-1',
    );
    expect(plan.ms).toBe(Math.round(plan.days * 200));
  });

  it('finishes most steps within a binding term and a few late; observed practice runs late more often', () => {
    const late = (kind: StatutoryTerm['kind']) =>
      share(
        keys(4000).map(
          (key) => planService(settings, { mode: 'automatic', term: term(30, kind) }, 'a', 's', 'perform', key).late,
        ),
      );
    expect(late('authority-decision')).toBeGreaterThan(0.005);
    expect(late('authority-decision')).toBeLessThan(0.04);
    expect(late('observed')).toBeGreaterThan(0.1);
    expect(late('observed')).toBeLessThan(0.2);
    expect(planService(settings, { mode: 'automatic', expectedDays: 3 }, 'a', 's', 'perform', 'k').late).toBe(false);
  });
});

describe('seeded determinism', () => {
  it('answers the same key alike under the same seed, whatever else was drawn before', () => {
    const first = planTask(settings, manual({ expectedDays: 5 }), 'gemeente', 'recognition', 'task-42');
    keys(100).forEach((key) => planTask(settings, manual(), 'gemeente', 'recognition', key));
    expect(planTask(settings, manual({ expectedDays: 5 }), 'gemeente', 'recognition', 'task-42')).toEqual(first);
  });

  it('draws differently under another seed', () => {
    const plans = (seed: number) =>
      keys(20).map(
        (key) => planTask({ ...settings, seed }, manual({ expectedDays: 5 }), 'gemeente', 'recognition', key).days,
      );
    expect(plans(1)).toEqual(plans(1));
    expect(plans(2)).not.toEqual(plans(1));
  });
});

describe('decisions', () => {
  const actions = (s: BehaviourSettings, agency: string, service: string, infoAnswered = false) =>
    keys(6000).map((key) => planTask(s, manual(), agency, service, key, { infoAnswered }).action);

  it('rejects and asks for more at the default shares, within tolerance', () => {
    const drawn = actions(settings, 'notaris', 'will-search');
    expect(share(drawn.map((a) => a === 'reject'))).toBeCloseTo(0.03, 1);
    expect(Math.abs(share(drawn.map((a) => a === 'reject')) - 0.03)).toBeLessThan(0.01);
    expect(Math.abs(share(drawn.map((a) => a === 'request-info')) - 0.08)).toBeLessThan(0.015);
  });

  it('asks more often where the research describes paper-heavy files, and never twice', () => {
    const drinks = actions(settings, 'gemeente', 'drinks-licence');
    expect(Math.abs(share(drinks.map((a) => a === 'request-info')) - 0.25)).toBeLessThan(0.02);
    expect(actions(settings, 'gemeente', 'drinks-licence', true)).not.toContain('request-info');
  });

  it('asks for what an incomplete file lacks instead of approving it, once', () => {
    const approving = { ...settings, shares: { reject: 0, info: 0 } };
    expect(planTask(approving, manual(), 'gemeente', 'birth-declaration', 'k', { incomplete: true }).action).toBe(
      'request-info',
    );
    expect(
      planTask(approving, manual(), 'gemeente', 'birth-declaration', 'k', { incomplete: true, infoAnswered: true })
        .action,
    ).toBe('approve');
    expect(
      planTask({ ...settings, shares: { reject: 1, info: 0 } }, manual(), 'gemeente', 'birth-declaration', 'k', {
        incomplete: true,
      }).action,
    ).toBe('reject');
  });

  it('lets the overrides win over the research, and a service rule over its agency rule', () => {
    const custom = {
      ...settings,
      overrideRules: [
        { agency: 'gemeente', reject: 0.5, info: 0 },
        { agency: 'gemeente', service: 'recognition', reject: 0, info: 1 },
      ],
    };
    expect(sharesFor(custom, 'gemeente', 'drinks-licence')).toEqual({ reject: 0.5, info: 0 });
    expect(sharesFor(custom, 'gemeente', 'recognition')).toEqual({ reject: 0, info: 1 });
    expect(sharesFor(custom, 'favv', 'favv-registration')).toEqual({ reject: 0.03, info: 0.15 });
    expect(new Set(actions(custom, 'gemeente', 'recognition'))).toEqual(new Set(['request-info']));
  });

  it('rejects services at the agency share but never a compensation', () => {
    const services = keys(6000).map(
      (key) => planService(settings, { mode: 'automatic' }, 'fod-financien', 'vat-activation', 'perform', key).action,
    );
    expect(Math.abs(share(services.map((a) => a === 'reject')) - 0.03)).toBeLessThan(0.01);
    const undo = { ...settings, shares: { reject: 1, info: 0 } };
    expect(
      planService(undo, { mode: 'automatic' }, 'fod-financien', 'vat-deactivation', 'compensate', 'k').action,
    ).toBe('complete');
  });
});

describe('items to ask', () => {
  it('asks what the file lacks', () => {
    expect(itemsToAsk([{ item: 'person.name', value: 'An' }, { item: 'business.sector' }])).toEqual([
      'business.sector',
    ]);
  });

  it('never asks for an item the file already holds, such as the enterprise number the KBO step produced', () => {
    // The social insurance fund's file, right after the KBO registration.
    const file = [
      { item: 'person.name', value: 'An' },
      { item: 'business.activities', value: 'webdesign' },
      { item: 'business.enterpriseNumber', value: '0123.456.700' },
    ];
    expect(itemsToAsk(file)).toEqual([]);
  });
});
