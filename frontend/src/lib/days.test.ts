import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDayLocal, monthGrid, parseDay } from './days';

describe('parseDay', () => {
  it('accepts real days only', () => {
    expect(parseDay('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseDay('01/03/2026')).toBeNull();
  });
});

describe('day arithmetic', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    // Across a daylight-saving change in most zones: still whole days.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('monthGrid', () => {
  it('starts on the chosen weekday and covers the whole month', () => {
    const sunday = monthGrid(2027, 3, 0);
    expect(sunday[0][0]).toBe('2027-02-28'); // 1 March 2027 is a Monday
    expect(sunday.flat()).toContain('2027-03-31');
    const monday = monthGrid(2027, 3, 1);
    expect(monday[0][0]).toBe('2027-03-01');
    expect(monday.every((w) => w.length === 7)).toBe(true);
    expect(monday.at(-1)!.at(-1)! >= '2027-03-31').toBe(true);
  });

  it('February of a leap year starting on the first weekday has four weeks', () => {
    // 1 February 2032 is a Sunday, and 2032 is a leap year: 29 days, 5 rows.
    expect(monthGrid(2032, 2, 0)).toHaveLength(5);
    // 1 February 2026 is a Sunday, 28 days: exactly four rows.
    expect(monthGrid(2026, 2, 0)).toHaveLength(4);
  });
});

describe('formatDayLocal', () => {
  it('shows the stored day whatever the time zone', () => {
    // The test runs under several TZ values in CI (see Makefile); the day never moves.
    expect(formatDayLocal('2026-03-01', 'en-US')).toBe('Mar 1, 2026');
    expect(formatDayLocal('2026-03-31', 'en-US', { month: 'long', day: 'numeric' })).toBe('March 31');
  });
});
