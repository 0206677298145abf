import type { StatutoryTerm } from './definition.types';
import { estimateStepDays } from './critical-path';
import { step } from './dsl';
import {
  isExpired,
  resolveTermAnchor,
  resumeTerm,
  stepDueAt,
  suspendTerm,
  termDueAt,
  type TermAnchorFacts,
} from './statutory-clock';

const term = (days: number, unit: StatutoryTerm['unit'], from: StatutoryTerm['from'] = 'dispatch'): StatutoryTerm => ({
  days,
  unit,
  from,
  kind: 'authority-decision',
  onExpiry: 'escalate',
});

describe('termDueAt', () => {
  it('ends a 105-day calendar term at the end of its last Brussels day (summer time)', () => {
    // 15 January + 105 days = Thursday 30 April 2026, CEST.
    expect(termDueAt(term(105, 'calendar'), '2026-01-15T10:00:00Z')).toBe('2026-04-30T21:59:59.999Z');
  });

  it('counts from the Brussels date of the anchor, not the UTC date', () => {
    // 23:30 UTC on 14 January is already 15 January in Brussels.
    expect(termDueAt(term(105, 'calendar'), '2026-01-14T23:30:00Z')).toBe('2026-04-30T21:59:59.999Z');
    expect(termDueAt(term(1, 'calendar'), '2026-01-14T22:59:59.999Z')).toBe('2026-01-15T22:59:59.999Z');
  });

  it('does not count the anchor day', () => {
    expect(termDueAt(term(1, 'calendar'), '2026-01-14T08:00:00Z')).toBe('2026-01-15T22:59:59.999Z');
    expect(termDueAt(term(1, 'working'), '2026-01-09T08:00:00Z')).toBe('2026-01-12T22:59:59.999Z'); // Friday → Monday
  });

  it('moves a calendar term ending on a weekend to the next working day', () => {
    // 17 January + 105 days = Saturday 2 May 2026 → Monday 4 May.
    expect(termDueAt(term(105, 'calendar'), '2026-01-17T10:00:00Z')).toBe('2026-05-04T21:59:59.999Z');
  });

  it('moves a calendar term ending on a public holiday to the next working day', () => {
    // 1 April + 30 days = Friday 1 May 2026 (Labour Day) → Monday 4 May.
    expect(termDueAt(term(30, 'calendar'), '2026-04-01T10:00:00Z')).toBe('2026-05-04T21:59:59.999Z');
    // 25 December 2026 is a Friday → Monday 28 December.
    expect(termDueAt(term(10, 'calendar'), '2026-12-15T10:00:00Z')).toBe('2026-12-28T22:59:59.999Z');
  });

  it('moves past 11 July only for Flemish administrations', () => {
    // 1 July + 10 days = Friday 11 July 2025.
    expect(termDueAt(term(10, 'calendar'), '2025-07-01T10:00:00Z')).toBe('2025-07-11T21:59:59.999Z');
    expect(termDueAt(term(10, 'calendar'), '2025-07-01T10:00:00Z', { flemish: true })).toBe('2025-07-14T21:59:59.999Z');
    expect(termDueAt(term(5, 'working'), '2025-07-04T10:00:00Z', { flemish: true })).toBe('2025-07-14T21:59:59.999Z');
  });

  it('ends a 30-working-day term across Easter Monday and Labour Day', () => {
    expect(termDueAt(term(30, 'working'), '2026-03-20T09:00:00Z')).toBe('2026-05-05T21:59:59.999Z');
  });

  it('counts a working-day term anchored on a weekend from the next working day', () => {
    expect(termDueAt(term(1, 'working'), '2026-01-10T12:00:00Z')).toBe('2026-01-12T22:59:59.999Z');
    expect(termDueAt(term(0, 'working'), '2026-01-10T12:00:00Z')).toBe('2026-01-12T22:59:59.999Z');
  });

  it('ends across Christmas and New Year', () => {
    expect(termDueAt(term(5, 'working'), '2026-12-22T09:00:00Z')).toBe('2026-12-30T22:59:59.999Z');
    expect(termDueAt(term(1, 'working'), '2025-12-31T09:00:00Z')).toBe('2026-01-02T22:59:59.999Z');
  });
});

describe('isExpired', () => {
  it('keeps the due instant itself within the term', () => {
    expect(isExpired('2026-04-30T21:59:59.999Z', '2026-04-30T21:59:59.999Z')).toBe(false);
    expect(isExpired('2026-04-30T21:59:59.999Z', '2026-04-30T22:00:00.000Z')).toBe(true);
    expect(isExpired('2026-04-30T21:59:59.999Z', '2026-04-30T23:59:59.999+02:00')).toBe(false);
  });
});

describe('suspension', () => {
  it('moves a calendar term by the 10 days it was suspended', () => {
    const thirtyDays = term(30, 'calendar');
    const dueAt = termDueAt(thirtyDays, '2026-01-31T10:00:00Z'); // Monday 2 March
    expect(dueAt).toBe('2026-03-02T22:59:59.999Z');
    const suspended = suspendTerm(dueAt, thirtyDays, '2026-02-10T14:00:00Z');
    expect(suspended).toEqual({ unit: 'calendar', dueAt, suspendedAt: '2026-02-10T14:00:00Z', remainingDays: 20 });
    expect(resumeTerm(suspended, thirtyDays, '2026-02-20T09:00:00Z')).toBe('2026-03-12T22:59:59.999Z');
  });

  it('moves a resumed calendar term off a weekend', () => {
    const thirtyDays = term(30, 'calendar');
    const suspended = suspendTerm('2026-03-02T22:59:59.999Z', thirtyDays, '2026-02-10T14:00:00Z');
    // 12 days suspended: 2 March + 12 = Saturday 14 March → Monday 16 March.
    expect(resumeTerm(suspended, thirtyDays, '2026-02-22T09:00:00Z')).toBe('2026-03-16T22:59:59.999Z');
  });

  it('leaves the due date unchanged when suspended and resumed on the same day', () => {
    const thirtyDays = term(30, 'calendar');
    const dueAt = '2026-03-02T22:59:59.999Z';
    const suspended = suspendTerm(dueAt, thirtyDays, '2026-02-10T08:00:00Z');
    expect(resumeTerm(suspended, thirtyDays, '2026-02-10T16:00:00Z')).toBe(dueAt);
  });

  it('runs the remaining working days again after resumption', () => {
    const twentyDays = term(20, 'working');
    const dueAt = termDueAt(twentyDays, '2026-03-02T08:00:00Z');
    expect(dueAt).toBe('2026-03-30T21:59:59.999Z');
    // Suspended on Monday 9 March: 2–6 and 9 March are used up, 15 working days remain.
    const suspended = suspendTerm(dueAt, twentyDays, '2026-03-09T10:00:00Z');
    expect(suspended.remainingDays).toBe(15);
    // Resumed 10 days later on Thursday 19 March: 15 working days, skipping Easter Monday 6 April.
    expect(resumeTerm(suspended, twentyDays, '2026-03-19T10:00:00Z')).toBe('2026-04-10T21:59:59.999Z');
  });

  it('ends on a working day when a working-day term has nothing left and resumes on a weekend', () => {
    const fiveDays = term(5, 'working');
    const suspended = suspendTerm('2026-01-16T22:59:59.999Z', fiveDays, '2026-01-16T09:00:00Z');
    expect(suspended.remainingDays).toBe(0);
    expect(resumeTerm(suspended, fiveDays, '2026-01-24T09:00:00Z')).toBe('2026-01-26T22:59:59.999Z');
  });

  it('does not revive a term that had already expired when it was suspended', () => {
    const fiveDays = term(5, 'working');
    const dueAt = '2026-01-16T22:59:59.999Z';
    const suspended = suspendTerm(dueAt, fiveDays, '2026-01-20T09:00:00Z');
    expect(suspended.remainingDays).toBe(0);
    expect(resumeTerm(suspended, fiveDays, '2026-01-27T09:00:00Z')).toBe(dueAt);
  });

  it('rejects a resumption before the suspension or in another unit', () => {
    const suspended = suspendTerm('2026-03-02T22:59:59.999Z', term(30, 'calendar'), '2026-02-10T14:00:00Z');
    expect(() => resumeTerm(suspended, term(30, 'calendar'), '2026-02-10T13:00:00Z')).toThrow(RangeError);
    expect(() => resumeTerm(suspended, term(30, 'working'), '2026-02-20T13:00:00Z')).toThrow(RangeError);
  });
});

describe('resolveTermAnchor', () => {
  const facts: TermAnchorFacts = {
    dispatchedAt: '2026-02-03T09:00:00.000Z',
    journeyStartedAt: '2026-02-01T12:00:00.000Z',
    completedAt: (stepId) => (stepId === 'kbo-registration' ? '2026-02-02T15:00:00.000Z' : undefined),
    data: { 'child.birthDate': '2026-03-29', 'child.name': 'Noor', 'child.weight': 3200, 'bad.date': '2026-02-30' },
  };

  it('resolves dispatch, journey start and completed steps', () => {
    expect(resolveTermAnchor(term(5, 'working', 'dispatch'), facts)).toBe(facts.dispatchedAt);
    expect(resolveTermAnchor(term(5, 'working', 'journey-start'), facts)).toBe(facts.journeyStartedAt);
    expect(resolveTermAnchor(term(5, 'working', 'completed:kbo-registration'), facts)).toBe('2026-02-02T15:00:00.000Z');
    expect(resolveTermAnchor(term(5, 'working', 'completed:vat-activation'), facts)).toBeUndefined();
  });

  it('anchors a date item at the start of that Brussels day', () => {
    const birth = term(15, 'calendar', 'date:child.birthDate');
    const anchor = resolveTermAnchor(birth, facts);
    expect(anchor).toBe('2026-03-28T23:00:00.000Z');
    // Born Sunday 29 March: 15 days later is Monday 13 April.
    expect(termDueAt(birth, anchor as string)).toBe('2026-04-13T21:59:59.999Z');
  });

  it.each(['date:child.name', 'date:child.weight', 'date:bad.date', 'date:child.deathDate'])(
    'has no anchor for %s',
    (from) => {
      expect(resolveTermAnchor(term(15, 'calendar', from as StatutoryTerm['from']), facts)).toBeUndefined();
    },
  );
});

describe('a term that ends before its anchor', () => {
  const before = (days: number, unit: StatutoryTerm['unit']): StatutoryTerm => ({
    days,
    unit,
    kind: 'citizen-deadline',
    before: true,
    from: 'date:event.date',
    onExpiry: 'remind',
  });
  /** The start of a Brussels day, as a date anchor resolves. */
  const day = (date: string) => resolveTermAnchor(before(0, 'calendar'), { ...facts, data: { 'event.date': date } });
  const facts: TermAnchorFacts = {
    dispatchedAt: '2026-05-01T09:00:00.000Z',
    journeyStartedAt: '2026-05-01T09:00:00.000Z',
    completedAt: () => undefined,
    data: {},
  };

  it('ends N calendar days before the anchor day, at the end of that day', () => {
    // Event on Saturday 16 May 2026: 5 days before is Monday 11 May.
    expect(termDueAt(before(5, 'calendar'), day('2026-05-16') as string)).toBe('2026-05-11T21:59:59.999Z');
  });

  it('moves a calendar term ending on a weekend or public holiday to the working day before', () => {
    // Friday 22 May − 5 = Sunday 17 May → Friday 15 May.
    expect(termDueAt(before(5, 'calendar'), day('2026-05-22') as string)).toBe('2026-05-15T21:59:59.999Z');
    // Tuesday 19 May − 5 = Thursday 14 May, Ascension → Wednesday 13 May.
    expect(termDueAt(before(5, 'calendar'), day('2026-05-19') as string)).toBe('2026-05-13T21:59:59.999Z');
  });

  it('counts working days back, skipping weekends and Belgian holidays', () => {
    // Tuesday 26 May 2026: Whit Monday 25 May does not count; 22, 21, 20, 19, 18 May do.
    expect(termDueAt(before(5, 'working'), day('2026-05-26') as string)).toBe('2026-05-18T21:59:59.999Z');
    // 1 working day before Monday 2 November 2026 is Friday 30 October (All Saints falls on a Sunday).
    expect(termDueAt(before(1, 'working'), day('2026-11-02') as string)).toBe('2026-10-30T22:59:59.999Z');
  });

  it('skips 11 July only for Flemish administrations', () => {
    // Monday 14 July 2025: 1 working day before is Friday 11 July, or Thursday 10 July when Flemish.
    expect(termDueAt(before(1, 'working'), day('2025-07-14') as string)).toBe('2025-07-11T21:59:59.999Z');
    expect(termDueAt(before(1, 'working'), day('2025-07-14') as string, { flemish: true })).toBe(
      '2025-07-10T21:59:59.999Z',
    );
  });

  it('ends on the anchor day itself for 0 days, or the working day before it', () => {
    expect(termDueAt(before(0, 'calendar'), day('2026-05-15') as string)).toBe('2026-05-15T21:59:59.999Z');
    expect(termDueAt(before(0, 'calendar'), day('2026-05-16') as string)).toBe('2026-05-15T21:59:59.999Z');
  });

  it('does not move while the agency waits for the subject: the event does not wait', () => {
    const term = before(5, 'calendar');
    const dueAt = termDueAt(term, day('2026-05-16') as string);
    const suspended = suspendTerm(dueAt, term, '2026-05-04T10:00:00Z');
    expect(resumeTerm(suspended, term, '2026-05-08T10:00:00Z')).toBe(dueAt);
  });

  it('is known before the step starts, once the date is', () => {
    expect(stepDueAt(before(5, 'calendar'), { ...facts, data: { 'event.date': '2026-05-16' } })).toBe(
      '2026-05-11T21:59:59.999Z',
    );
    expect(stepDueAt(before(5, 'calendar'), facts)).toBeUndefined();
  });

  it('is not an estimate of how long the step takes', () => {
    const texts = { nl: 'x', en: 'x', fr: 'x' };
    const licence = (expectedDays?: number) =>
      step('licence', {
        agency: 'a',
        service: 's',
        mode: 'citizen',
        title: texts,
        term: before(5, 'calendar'),
        expectedDays,
      });
    expect(estimateStepDays(licence(2))).toEqual({ days: 2, unit: 'calendar', basis: 'expected-days' });
    expect(estimateStepDays(licence())).toEqual({ days: 1, unit: 'calendar', basis: 'default' });
  });
});
