import {
  addBrusselsDays,
  addCalendarDays,
  addWorkingDays,
  belgianPublicHolidays,
  brusselsDate,
  brusselsOffsetMinutes,
  calendarDaysBetween,
  easterSunday,
  endOfBrusselsDay,
  instantToMs,
  isIsoDate,
  isoWeekday,
  isPublicHoliday,
  isWorkingDay,
  msToInstant,
  startOfBrusselsDay,
  workingDayOnOrAfter,
  workingDaysBetween,
  subtractWorkingDays,
  workingDayOnOrBefore,
} from './calendar';

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2049, '2049-04-18'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 3000; year += 1) {
      const easter = easterSunday(year);
      expect(isoWeekday(easter)).toBe(7);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
    }
  });

  it.each([1582, 10_000, 2026.5])('rejects year %p outside the Gregorian range', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('belgianPublicHolidays', () => {
  const holidays2026 = [
    '2026-01-01',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
    '2026-07-21',
    '2026-08-15',
    '2026-11-01',
    '2026-11-11',
    '2026-12-25',
  ];

  it('lists the ten legal holidays of 2026 in order', () => {
    expect(belgianPublicHolidays(2026)).toEqual(holidays2026);
  });

  it('adds 11 July for Flemish administrations', () => {
    expect(belgianPublicHolidays(2026, { flemish: true })).toEqual([
      ...holidays2026.slice(0, 5),
      '2026-07-11',
      ...holidays2026.slice(5),
    ]);
  });

  it('moves the Easter-based holidays with Easter (2025)', () => {
    expect(belgianPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-01',
      '2025-05-29',
      '2025-06-09',
      '2025-07-21',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
  });

  it('derives Ascension (Thursday) and Whit Monday from Easter every year', () => {
    for (let year = 2000; year <= 2100; year += 1) {
      const [, easterMonday, , ascension, whitMonday] = belgianPublicHolidays(year);
      expect(calendarDaysBetween(easterSunday(year), easterMonday as string)).toBe(1);
      expect(isoWeekday(ascension as string)).toBe(4);
      expect(calendarDaysBetween(easterSunday(year), whitMonday as string)).toBe(50);
    }
  });
});

describe('working days', () => {
  it('knows weekends, holidays and ordinary days', () => {
    expect(isWorkingDay('2026-04-03')).toBe(true); // Good Friday is not a legal holiday
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-05')).toBe(false); // Easter Sunday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isPublicHoliday('2026-11-11')).toBe(true);
    expect(isPublicHoliday('2026-11-12')).toBe(false);
  });

  it('observes 11 July only for Flemish administrations', () => {
    expect(isWorkingDay('2025-07-11')).toBe(true);
    expect(isWorkingDay('2025-07-11', { flemish: true })).toBe(false);
    expect(isPublicHoliday('2025-07-11', { flemish: true })).toBe(true);
  });

  it('numbers weekdays from Monday', () => {
    expect(isoWeekday('2026-01-05')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });

  it('finds the next working day on or after a date', () => {
    expect(workingDayOnOrAfter('2026-04-07')).toBe('2026-04-07');
    expect(workingDayOnOrAfter('2026-04-04')).toBe('2026-04-07');
    expect(workingDayOnOrAfter('2026-12-25')).toBe('2026-12-28');
  });

  it('does not count the start day: one working day after a Friday is the Monday', () => {
    expect(addWorkingDays('2026-01-09', 1)).toBe('2026-01-12');
    expect(addWorkingDays('2026-01-10', 1)).toBe('2026-01-12'); // from a Saturday
    expect(addWorkingDays('2026-01-09', 5)).toBe('2026-01-16');
    expect(addWorkingDays('2026-01-10', 0)).toBe('2026-01-10');
  });

  it('skips Christmas and New Year', () => {
    expect(addWorkingDays('2025-12-24', 3)).toBe('2025-12-30');
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(addWorkingDays('2026-12-22', 5)).toBe('2026-12-30');
    expect(workingDaysBetween('2025-12-24', '2026-01-02')).toBe(5); // 26, 29, 30, 31 Dec and 2 Jan
  });

  it('skips Easter Monday, Labour Day and Ascension', () => {
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-07');
    expect(addWorkingDays('2026-03-20', 30)).toBe('2026-05-05');
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
  });

  it('counts working days as the inverse of addWorkingDays, negative backwards', () => {
    for (let offset = 0; offset < 60; offset += 1) {
      const from = addCalendarDays('2025-12-01', offset);
      for (const n of [0, 1, 4, 17]) {
        const to = addWorkingDays(from, n, { flemish: true });
        expect(workingDaysBetween(from, to, { flemish: true })).toBe(n);
      }
    }
    expect(workingDaysBetween('2026-01-12', '2026-01-09')).toBe(-1);
    expect(workingDaysBetween('2026-01-09', '2026-01-09')).toBe(0);
  });

  it('rejects fractional or negative day counts', () => {
    expect(() => addWorkingDays('2026-01-09', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-01-09', 1.5)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-01-09', 0.5)).toThrow(RangeError);
  });
});

describe('working days counted back', () => {
  it('mirrors addWorkingDays from a working day, across weekends and holidays', () => {
    for (const date of ['2026-01-05', '2026-04-07', '2026-05-26', '2026-12-24', '2027-01-04']) {
      for (const days of [0, 1, 5, 30]) expect(subtractWorkingDays(addWorkingDays(date, days), days)).toBe(date);
    }
  });

  it('never counts the date itself, and steps back over Easter Monday', () => {
    expect(subtractWorkingDays('2026-04-07', 1)).toBe('2026-04-03'); // Tuesday after Easter Monday → Friday
    expect(() => subtractWorkingDays('2026-04-07', -1)).toThrow(RangeError);
  });

  it('finds the working day on or before a date', () => {
    expect(workingDayOnOrBefore('2026-05-15')).toBe('2026-05-15');
    expect(workingDayOnOrBefore('2026-05-17')).toBe('2026-05-15');
    expect(workingDayOnOrBefore('2026-01-01')).toBe('2025-12-31');
  });
});

describe('calendar days and dates', () => {
  it('adds across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2026-01-15', 105)).toBe('2026-04-30');
    expect(calendarDaysBetween('2026-01-15', '2026-04-30')).toBe(105);
    expect(calendarDaysBetween('2026-04-30', '2026-01-15')).toBe(-105);
  });

  it.each(['2026-02-30', '2026-2-3', '2026-13-01', '0099-01-01', '20260101', ''])('rejects %p', (date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(() => addCalendarDays(date, 1)).toThrow(RangeError);
  });

  it('accepts only strings as dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate(20240229)).toBe(false);
  });
});

describe('instants', () => {
  it('round-trips and normalises to UTC', () => {
    expect(msToInstant(instantToMs('2026-07-01T10:00:00+02:00'))).toBe('2026-07-01T08:00:00.000Z');
  });

  it.each(['2026-07-01T10:00:00', '2026-07-01', 'yesterday', '2026-07-01T25:00:00Z'])(
    'rejects %p (no offset or not an instant)',
    (instant) => {
      expect(() => instantToMs(instant)).toThrow(RangeError);
    },
  );
});

describe('Brussels time', () => {
  it('switches to summer time on the last Sunday of March at 01:00 UTC', () => {
    expect(brusselsOffsetMinutes('2026-03-29T00:59:59.999Z')).toBe(60);
    expect(brusselsOffsetMinutes('2026-03-29T01:00:00.000Z')).toBe(120);
    expect(brusselsOffsetMinutes('2024-03-31T01:00:00Z')).toBe(120);
    expect(brusselsOffsetMinutes('2024-03-30T01:00:00Z')).toBe(60);
  });

  it('switches back on the last Sunday of October at 01:00 UTC', () => {
    expect(brusselsOffsetMinutes('2026-10-25T00:59:59.999Z')).toBe(120);
    expect(brusselsOffsetMinutes('2026-10-25T01:00:00.000Z')).toBe(60);
    expect(brusselsOffsetMinutes('2025-10-26T00:30:00Z')).toBe(120);
    expect(brusselsOffsetMinutes('2025-10-26T01:30:00Z')).toBe(60);
  });

  it('gives the Brussels day of an instant', () => {
    expect(brusselsDate('2026-01-31T22:59:59.999Z')).toBe('2026-01-31');
    expect(brusselsDate('2026-01-31T23:00:00Z')).toBe('2026-02-01');
    expect(brusselsDate('2026-06-30T21:59:59.999Z')).toBe('2026-06-30');
    expect(brusselsDate('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    expect(brusselsDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(brusselsDate('2026-07-01T00:30:00+02:00')).toBe('2026-07-01');
  });

  it('ends a day at 23:59:59.999 local time, also on DST change days', () => {
    expect(endOfBrusselsDay('2026-01-15')).toBe('2026-01-15T22:59:59.999Z');
    expect(endOfBrusselsDay('2026-07-01')).toBe('2026-07-01T21:59:59.999Z');
    expect(endOfBrusselsDay('2026-03-28')).toBe('2026-03-28T22:59:59.999Z');
    expect(endOfBrusselsDay('2026-03-29')).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfBrusselsDay('2026-10-24')).toBe('2026-10-24T21:59:59.999Z');
    expect(endOfBrusselsDay('2026-10-25')).toBe('2026-10-25T22:59:59.999Z');
  });

  it('starts a day at 00:00 local time, also on DST change days', () => {
    expect(startOfBrusselsDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfBrusselsDay('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfBrusselsDay('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfBrusselsDay('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('moves whole days keeping the wall-clock time across DST', () => {
    expect(addBrusselsDays('2026-03-28T10:00:00Z', 1)).toBe('2026-03-29T09:00:00.000Z');
    expect(addBrusselsDays('2026-10-24T09:00:00Z', 1)).toBe('2026-10-25T10:00:00.000Z');
    expect(addBrusselsDays('2026-01-15T22:30:00Z', 150)).toBe('2026-06-14T21:30:00.000Z'); // 23:30 stays 23:30
    expect(addBrusselsDays('2026-06-14T21:30:00Z', -150)).toBe('2026-01-15T22:30:00.000Z');
    // 02:30 does not exist on 29 March 2026: it becomes 03:30 CEST.
    expect(addBrusselsDays('2026-03-28T01:30:00Z', 1)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('agrees with the IANA Europe/Brussels zone (test-only oracle) for 2000–2037', () => {
    const oracle = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Brussels',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const mismatches: string[] = [];
    const start = Date.UTC(2000, 0, 1);
    const end = Date.UTC(2038, 0, 1);
    // A step of 7h13m walks every hour of the day and every day of the week over the years.
    for (let ms = start; ms < end; ms += 7 * 3_600_000 + 13 * 60_000) {
      const parts = Object.fromEntries(oracle.formatToParts(ms).map((part) => [part.type, part.value]));
      const localDate = `${parts['year']}-${parts['month']}-${parts['day']}`;
      const localMinutes = Number(parts['hour']) * 60 + Number(parts['minute']);
      const utc = new Date(ms);
      const offset = (((localMinutes - utc.getUTCHours() * 60 - utc.getUTCMinutes()) % 1440) + 1440) % 1440;
      const instant = msToInstant(ms);
      if (brusselsDate(instant) !== localDate || brusselsOffsetMinutes(instant) !== offset) mismatches.push(instant);
    }
    expect(mismatches).toEqual([]);
  });
});
