import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.svelte';
import { fiscalMonths } from './budget';

afterEach(() => {
  i18n.locale = 'en';
  i18n.calendar = 'gregory';
});

describe('fiscal periods on a chart axis', () => {
  it('are the months of the fiscal year a day falls in', () => {
    expect(fiscalMonths('2026-03-15', 1)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const april = fiscalMonths('2026-03-15', 4);
    expect([april[0], april[11]]).toEqual(['2025-04', '2026-03']);
  });
  it('read in the calendar the dates are shown in', () => {
    i18n.locale = 'fa';
    i18n.calendar = 'persian';
    // Gregorian March 2026 begins on 10 Esfand 1404.
    expect(i18n.periodName('2026-03')).toBe('۱۰ اسفند ۱۴۰۴');
    expect(i18n.periodName('2026-03', false)).toBe('۱۰ اسفند');
    i18n.calendar = 'gregory';
    expect(i18n.periodName('2026-03', false)).toBe('مارس');
    i18n.locale = 'th';
    i18n.calendar = 'buddhist';
    expect(i18n.periodName('2026-03')).toBe('มี.ค. 2569');
    i18n.locale = 'en';
    i18n.calendar = 'gregory';
    expect(i18n.periodName('2026-03')).toBe('Mar 2026');
  });
});
