import { describe, expect, it } from 'vitest';
import { fromCalendar, nativeDates, numericDate, parseDateInput } from './dateinput';

describe('date fields in other calendars and digits', () => {
  it('shows a day in the calendar and digits of the language', () => {
    expect(numericDate('2026-12-01', 'fa', 'persian')).toBe('۱۴۰۵/۰۹/۱۰');
    expect(numericDate('2026-12-01', 'th', 'buddhist')).toBe('01/12/2569');
  });
  it('reads what is typed back, in any digits, or an ISO day', () => {
    expect(parseDateInput('۱۴۰۵/۰۹/۱۰', 'fa', 'persian')).toBe('2026-12-01');
    expect(parseDateInput('1405-9-10', 'fa', 'persian')).toBe('2026-12-01');
    expect(parseDateInput('١٤٠٥/٠١/٠١', 'fa', 'persian')).toBe('2026-03-21');
    expect(parseDateInput('13/04/2570', 'th', 'buddhist')).toBe('2027-04-13');
    expect(parseDateInput('2026-12-01', 'th', 'buddhist')).toBe('2026-12-01');
    expect(parseDateInput('١‏/١٢‏/٢٠٢٦', 'ar', 'gregory')).toBe('2026-12-01');
  });
  it('refuses what is not a date', () => {
    expect(parseDateInput('', 'fa', 'persian')).toBeNull();
    expect(parseDateInput('soon', 'fa', 'persian')).toBeNull();
    expect(parseDateInput('1404/12/30', 'fa', 'persian')).toBeNull(); // 1404 is a common year
    expect(parseDateInput('1403/12/30', 'fa', 'persian')).toBe('2025-03-20'); // 1403 is a leap year
    expect(parseDateInput('31/02/2569', 'th', 'buddhist')).toBeNull();
  });
  it('finds every Persian day of a year', () => {
    for (let m = 1; m <= 12; m++) for (const d of [1, 15, 29]) expect(fromCalendar(1405, m, d, 'persian')).not.toBeNull();
    expect(fromCalendar(1405, 12, 30, 'persian')).toBeNull();
  });
  it('uses the browser’s own field only for Gregorian dates in Latin digits', () => {
    expect(nativeDates('en', 'gregory', 'en-US')).toBe(true);
    expect(nativeDates('pl', 'gregory', 'pl-PL')).toBe(true);
    // The browser's input would show the browser's mm/dd/yyyy.
    expect(nativeDates('pl', 'gregory', 'en-US')).toBe(false);
    expect(nativeDates('ar', 'gregory', 'en-US')).toBe(false);
    expect(nativeDates('ar', 'gregory', 'ar-EG')).toBe(false);
    expect(nativeDates('fa', 'gregory')).toBe(false);
    expect(nativeDates('th', 'buddhist')).toBe(false);
  });
});
