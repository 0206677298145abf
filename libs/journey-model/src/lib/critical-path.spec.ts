import { addBrusselsDays } from './calendar';
import { criticalPathDays, estimateStepDays, expectedCompletion, type StepProgress } from './critical-path';
import type { Condition, DataItems, LifeEventDefinition, StepDefinition } from './definition.types';
import { defineLifeEvent, step, type StepSpec } from './dsl';

const texts = { nl: 'x', en: 'x', fr: 'x' };
const spec = (overrides: Partial<StepSpec>): StepSpec => ({
  agency: 'agency',
  service: 'service',
  mode: 'manual',
  title: texts,
  ...overrides,
});
const lifeEvent = (steps: StepDefinition[]): LifeEventDefinition =>
  defineLifeEvent({
    id: 'start-business',
    version: 1,
    kind: 'business',
    owner: 'vlaio',
    title: texts,
    summary: texts,
    dataItems: {},
    intake: [],
    steps,
  });

const horeca: Condition = { field: 'business.sector', equals: 'horeca' };
/**
 * kbo (5 working days) ─┬─ vat (automatic, 0) ──────────────┐
 *                       └─ favv (30 days, only for horeca) ──┼─ open (2 days)
 * permit (20 days) ──────────────────────────────────────────┘
 * bank (citizen, default 1 day), on its own
 */
const startBusiness = (favvWhen: Condition = horeca, kboUnit: 'working' | 'calendar' = 'working') =>
  lifeEvent([
    step(
      'kbo',
      spec({ term: { days: 5, unit: kboUnit, kind: 'authority-decision', from: 'dispatch', onExpiry: 'escalate' } }),
    ),
    step('vat', spec({ mode: 'automatic', dependsOn: ['kbo'] })),
    step('favv', spec({ dependsOn: ['kbo'], when: favvWhen, expectedDays: 30 })),
    step('permit', spec({ expectedDays: 20 })),
    step('bank', spec({ mode: 'citizen' })),
    step('open', spec({ dependsOn: ['vat', 'favv', 'permit'], expectedDays: 2 })),
  ]);

describe('estimateStepDays', () => {
  it('takes the term first, in its unit', () => {
    const term = {
      days: 30,
      unit: 'working',
      kind: 'authority-decision',
      from: 'dispatch',
      onExpiry: 'remind',
    } as const;
    expect(estimateStepDays(step('s', spec({ term, expectedDays: 3 })))).toEqual({
      days: 30,
      unit: 'working',
      basis: 'term',
    });
  });

  it('then the expected days, in calendar days', () => {
    expect(estimateStepDays(step('s', spec({ expectedDays: 0 })))).toEqual({
      days: 0,
      unit: 'calendar',
      basis: 'expected-days',
    });
  });

  it.each([
    ['automatic', 0],
    ['proactive', 0],
    ['manual', 1],
    ['citizen', 1],
  ] as const)('defaults a %s step to %i days', (mode, days) => {
    expect(estimateStepDays(step('s', spec({ mode })))).toEqual({ days, unit: 'calendar', basis: 'default' });
  });
});

describe('criticalPathDays', () => {
  it('is the longest path through parallel branches, counting undecided conditions as taken', () => {
    expect(criticalPathDays(startBusiness())).toBe(37); // kbo 5 + favv 30 + open 2
    expect(criticalPathDays(startBusiness(), { 'business.sector': 'horeca' })).toBe(37);
  });

  it('leaves out a step the data rule out', () => {
    expect(criticalPathDays(startBusiness(), { 'business.sector': 'retail' })).toBe(22); // permit 20 + open 2
  });

  it('decides and/or/not under partial data', () => {
    const employees: Condition = { field: 'business.employees', gt: 5 };
    const retail = { 'business.sector': 'retail' };
    expect(criticalPathDays(startBusiness({ and: [horeca, employees] }), retail)).toBe(22); // false and unknown
    expect(criticalPathDays(startBusiness({ or: [horeca, employees] }), retail)).toBe(37); // false or unknown
    expect(criticalPathDays(startBusiness({ or: [horeca, employees] }), { ...retail, 'business.employees': 2 })).toBe(
      22,
    );
    expect(criticalPathDays(startBusiness({ not: { or: [horeca, employees] } }), { 'business.sector': 'horeca' })).toBe(
      22,
    );
    expect(criticalPathDays(startBusiness({ not: employees }), retail)).toBe(37); // not unknown
  });

  it('is 0 for a journey without steps', () => {
    expect(criticalPathDays(lifeEvent([]))).toBe(0);
  });

  it('rejects a dependency cycle', () => {
    const cyclic = lifeEvent([step('a', spec({ dependsOn: ['b'] })), step('b', spec({ dependsOn: ['a'] }))]);
    expect(() => criticalPathDays(cyclic)).toThrow(/cycle/);
  });
});

describe('expectedCompletion', () => {
  const now = '2026-02-02T09:00:00Z'; // Monday, 10:00 in Brussels

  it('plans a journey that has not started from now, working days via the calendar', () => {
    expect(expectedCompletion(startBusiness(), {}, now)).toEqual({
      steps: {
        kbo: '2026-02-09T09:00:00.000Z', // 5 working days
        vat: '2026-02-09T09:00:00.000Z',
        favv: '2026-03-11T09:00:00.000Z',
        permit: '2026-02-22T09:00:00.000Z',
        bank: '2026-02-03T09:00:00.000Z',
        open: '2026-03-13T09:00:00.000Z',
      },
      journey: '2026-03-13T09:00:00.000Z',
    });
  });

  it('gives a skipped branch no date and lets its dependants go on', () => {
    const expected = expectedCompletion(startBusiness(), {}, now, { 'business.sector': 'retail' });
    expect(expected.steps['favv']).toBeUndefined();
    expect(expected.steps['open']).toBe('2026-02-24T09:00:00.000Z');
    expect(expected.journey).toBe('2026-02-24T09:00:00.000Z');
  });

  it('ends exactly the critical path later when every estimate is in calendar days', () => {
    for (const data of [{}, { 'business.sector': 'retail' }, { 'business.sector': 'horeca' }] as DataItems[]) {
      const definition = startBusiness(horeca, 'calendar');
      expect(expectedCompletion(definition, {}, now, data).journey).toBe(
        addBrusselsDays(now, criticalPathDays(definition, data)),
      );
    }
  });

  it('keeps the wall-clock time across the switch to summer time', () => {
    const later = '2026-03-20T09:00:00Z'; // 10:00 CET; 30 + 2 days later is 10:00 CEST
    expect(expectedCompletion(startBusiness(), {}, later).journey).toBe('2026-04-28T08:00:00.000Z');
  });

  it('adds a working-day estimate of a pending step around Easter', () => {
    const definition = lifeEvent([
      step(
        'decide',
        spec({ term: { days: 5, unit: 'working', kind: 'observed', from: 'dispatch', onExpiry: 'remind' } }),
      ),
    ]);
    // Thursday 2 April 2026: Friday 3, then Easter Monday is skipped: 7, 8, 9, 10 April.
    expect(expectedCompletion(definition, {}, '2026-04-02T08:00:00Z').steps['decide']).toBe('2026-04-10T08:00:00.000Z');
  });

  it('follows progress: finished, capped by the due date, suspended, pending after its dependencies', () => {
    const progress: Record<string, StepProgress> = {
      kbo: { status: 'completed', finishedAt: '2026-02-05T15:00:00Z' },
      vat: { status: 'completed', finishedAt: '2026-02-05T15:01:00Z' },
      // 30 days after dispatch would be 7 March, but the term ends earlier.
      favv: { status: 'dispatched', dispatchedAt: '2026-02-05T15:00:00Z', dueAt: '2026-02-20T22:59:59.999Z' },
      permit: { status: 'in-progress', dispatchedAt: '2026-02-02T09:00:00Z' },
      // The clock is suspended while awaiting the subject: the old due date does not cap, and it cannot be before now.
      bank: { status: 'awaiting-subject', readyAt: '2026-02-02T09:00:00Z', dueAt: '2026-02-03T22:59:59.999Z' },
    };
    const now2 = '2026-02-12T09:00:00Z';
    expect(expectedCompletion(startBusiness(), progress, now2, { 'business.sector': 'horeca' })).toEqual({
      steps: {
        kbo: '2026-02-05T15:00:00.000Z',
        vat: '2026-02-05T15:01:00.000Z',
        favv: '2026-02-20T22:59:59.999Z',
        permit: '2026-02-22T09:00:00.000Z',
        bank: '2026-02-12T09:00:00.000Z',
        open: '2026-02-24T09:00:00.000Z', // after permit, the latest dependency
      },
      journey: '2026-02-24T09:00:00.000Z',
    });
  });

  it('expects an overdue open step now', () => {
    const progress: Record<string, StepProgress> = {
      kbo: { status: 'dispatched', dispatchedAt: '2026-01-02T09:00:00Z', dueAt: '2026-01-09T22:59:59.999Z' },
    };
    expect(expectedCompletion(startBusiness(), progress, now).steps['kbo']).toBe('2026-02-02T09:00:00.000Z');
  });

  it('gives skipped and cancelled steps no date; a journey of only those has none either', () => {
    const definition = lifeEvent([step('a', spec({})), step('b', spec({ dependsOn: ['a'] }))]);
    const progress: Record<string, StepProgress> = {
      a: { status: 'skipped', finishedAt: '2026-02-01T09:00:00Z' },
      b: { status: 'cancelled', finishedAt: '2026-02-01T09:00:00Z' },
    };
    expect(expectedCompletion(definition, progress, now)).toEqual({
      steps: { a: undefined, b: undefined },
      journey: undefined,
    });
  });

  it('counts a finished step without a recorded time as finished now', () => {
    const definition = lifeEvent([step('a', spec({ expectedDays: 3 }))]);
    expect(expectedCompletion(definition, { a: { status: 'rejected' } }, now).journey).toBe('2026-02-02T09:00:00.000Z');
  });
});
