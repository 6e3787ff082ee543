import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDayLocal } from './days';
import { dateFormat, numberFormat } from './intl';
import { i18n } from '../i18n/index.svelte';

afterEach(() => vi.restoreAllMocks());

describe('shared Intl formatters', () => {
  it('formats a calendar month of days with one formatter per language, calendar and options', () => {
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    const days = Array.from({ length: 42 }, (_, i) => `2031-07-${String((i % 28) + 1).padStart(2, '0')}`);
    const out = days.map((d) => formatDayLocal(d, 'fa-u-ca-persian', { dateStyle: 'full' }));
    days.forEach((d) => formatDayLocal(d, 'fa-u-ca-persian', { dateStyle: 'full' }));
    expect(built.mock.calls.length).toBeLessThanOrEqual(1);
    // Still the right words: the first of July 2031 in the Persian calendar.
    expect(out[0]).toBe(new Intl.DateTimeFormat('fa-u-ca-persian', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(2031, 6, 1))));
  });

  it('keeps formatters apart by language, calendar and options, whatever their order', () => {
    expect(dateFormat('en', { month: 'long', year: 'numeric' })).toBe(dateFormat('en', { year: 'numeric', month: 'long' }));
    expect(dateFormat('en', { month: 'long' })).not.toBe(dateFormat('en', { month: 'short' }));
    expect(dateFormat('th-u-ca-buddhist', { year: 'numeric' }).format(new Date(Date.UTC(2026, 0, 1)))).toContain('2569');
    expect(numberFormat('fa').format(12)).not.toBe(numberFormat('en').format(12));
  });

  it('counts and plurals in messages reuse their formatters', () => {
    // Counting subclasses: PluralRules cannot be called without new, so a plain spy would not do.
    const made = { numbers: 0, rules: 0 };
    const { NumberFormat, PluralRules } = Intl;
    Object.assign(Intl, {
      NumberFormat: class extends NumberFormat {
        constructor(...a: ConstructorParameters<typeof NumberFormat>) {
          super(...a);
          made.numbers++;
        }
      },
      PluralRules: class extends PluralRules {
        constructor(...a: ConstructorParameters<typeof PluralRules>) {
          super(...a);
          made.rules++;
        }
      },
    });
    try {
      for (let i = 0; i < 50; i++) i18n.t('calendar.more', { count: i });
    } finally {
      Object.assign(Intl, { NumberFormat, PluralRules });
    }
    expect(made.numbers).toBeLessThanOrEqual(1);
    expect(made.rules).toBeLessThanOrEqual(1);
  });
});
