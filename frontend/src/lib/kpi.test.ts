import { describe, expect, it } from 'vitest';
import { formatKPI, KPI_DASH } from './kpi';

describe('formatKPI', () => {
  it('shows an undefined KPI as a dash, never Infinity or NaN', () => {
    expect(formatKPI({ value: 0, unit: 'percent', decimals: 2, undefined: true }, 'en')).toBe(KPI_DASH);
  });
  it('shows the value with its decimals', () => {
    expect(formatKPI({ value: 235, unit: 'percent', decimals: 2, undefined: false }, 'en')).toBe('2.35%');
    expect(formatKPI({ value: 405, unit: 'ratio', decimals: 2, undefined: false }, 'en')).toBe('4.05');
    expect(formatKPI({ value: 3086, unit: 'money', decimals: 2, currency: 'USD', undefined: false }, 'en')).toBe('$30.86');
    expect(formatKPI({ value: -10000, unit: 'percent', decimals: 2, undefined: false }, 'en')).toBe('-100.00%');
  });
  it('writes the locale digits', () => {
    expect(formatKPI({ value: 235, unit: 'ratio', decimals: 2, undefined: false }, 'fa')).toBe('۲٫۳۵');
  });
});
