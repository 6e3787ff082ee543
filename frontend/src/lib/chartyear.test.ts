import { describe, expect, it } from 'vitest';
import { chartYear } from './chartyear';

describe('a chart’s year', () => {
  it('is the Solar Hijri year, Farvardin to Esfand, in the Persian calendar', () => {
    const y = chartYear(2026, 'persian');
    expect(y.year).toBe(1405);
    expect(y.starts).toHaveLength(13);
    expect(y.starts![0]).toBe('2026-03-21');
    expect(y.starts![12]).toBe('2027-03-21');
  });
  it('stays Gregorian where the months are Gregorian', () => {
    expect(chartYear(2026, 'gregory')).toEqual({ year: 2026 });
    expect(chartYear(2026, 'buddhist')).toEqual({ year: 2026 });
  });
});
