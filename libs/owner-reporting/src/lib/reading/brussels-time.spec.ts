import { brusselsYear, isoWeek, periodOfDates, periodOfYear } from './brussels-time';
import { forecastSpending } from './budget-forecast';

describe('Brussels time', () => {
  it('names ISO weeks as PostgreSQL does, across year ends', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-06-23')).toBe('2026-W26');
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
  });

  it('starts days and years at midnight in Brussels', () => {
    expect(periodOfYear(2026)).toEqual({
      from: new Date('2025-12-31T23:00:00.000Z'),
      to: new Date('2026-12-31T23:00:00.000Z'),
    });
    expect(periodOfDates('2026-06-01', '2026-06-30')).toEqual({
      from: new Date('2026-05-31T22:00:00.000Z'),
      to: new Date('2026-06-30T22:00:00.000Z'),
    });
    expect(brusselsYear(new Date('2026-12-31T23:30:00.000Z'))).toBe(2027);
  });
});

describe('forecastSpending', () => {
  const year = 2026;
  it('extrapolates the burn rate, with what open journeys still cost as a floor', () => {
    // Half the year gone (Brussels time), 1,000 spent: another 1,000 at the same pace.
    const midYear = new Date(periodOfYear(year).from.getTime() + (365 / 2) * 86_400_000);
    expect(forecastSpending({ year, spent: 1000, committed: 10, now: midYear })).toBeCloseTo(2000, 6);
    expect(forecastSpending({ year, spent: 1000, committed: 5000, now: midYear })).toBe(6000);
  });

  it('is what was spent for a year that ended, and nothing for a year to come', () => {
    expect(forecastSpending({ year: 2025, spent: 700, committed: 100, now: new Date('2026-03-01T00:00:00Z') })).toBe(
      700,
    );
    expect(forecastSpending({ year: 2027, spent: 0, committed: 100, now: new Date('2026-03-01T00:00:00Z') })).toBe(0);
  });

  it('does not explode on the first day of the year', () => {
    const firstHour = new Date(periodOfYear(year).from.getTime() + 3_600_000);
    expect(forecastSpending({ year, spent: 10, committed: 0, now: firstHour })).toBeCloseTo(10 + 10 * 364.96, 0);
  });
});
