import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../i18n/index.svelte';
import { amountProblems, compactMoney, formatMoney, parseAmount, readMoney, toDecimal } from './money';

describe('toDecimal', () => {
  it.each([
    [123456, 2, '1234.56'],
    [5, 2, '0.05'],
    [-5, 2, '-0.05'],
    [1500, 0, '1500'],
    [1234567, 3, '1234.567'],
    [-125, 3, '-0.125'],
    [0, 2, '0.00'],
  ])('%d with %d decimals is %s', (amount, units, want) => {
    expect(toDecimal(amount, units)).toBe(want);
  });

  it('refuses a non-integer', () => {
    expect(() => toDecimal(0.1, 2)).toThrow(RangeError);
  });
});

describe('parseAmount', () => {
  it.each([
    ['12,500.50', 2, 'en', 1250050],
    ['12500.5', 2, 'en', 1250050],
    ['0.1', 2, 'en', 10],
    ['0.29', 2, 'en', 29], // 0.29 * 100 is 28.999… in floats; strings are exact
    ['1.005', 3, 'en', 1005],
    ['1,500', 0, 'en', 1500],
    ['(250.00)', 2, 'en', -25000],
    ['-3', 2, 'en', -300],
    ['1 234,56', 2, 'pl', 123456],
    ['1234.56', 2, 'pl', 123456],
    ['1.234,56', 2, 'de', 123456],
    ['1.234', 2, 'de', 123400],
    ['9007199254740', 2, 'en', 900719925474000],
    // Persian and Arabic keyboards: their digits and separators.
    ['۱۲٬۵۰۰٫۵۰', 2, 'fa', 1250050],
    ['۱۲۵۰۰', 0, 'fa', 12500],
    ['١٢٬٥٠٠٫٥', 2, 'ar', 1250050],
    ['12,500.50', 2, 'fa', 1250050],
    ['1.250,50', 2, 'tr', 125050],
    ['1 250,50', 2, 'pl', 125050],
    ['12,500.50', 2, 'th', 1250050],
  ])('%s (%d decimals, %s) is %d', (text, units, locale, want) => {
    expect(parseAmount(text, units, locale)).toEqual({ ok: true, amount: want });
  });

  it.each([
    ['', 2, 'format'],
    ['abc', 2, 'format'],
    ['1.2.3', 2, 'format'],
    ['1500.5', 0, 'decimals'],
    ['1.0001', 3, 'decimals'],
    ['99999999999999999', 2, 'range'],
  ])('%s with %d decimals is refused (%s)', (text, units, reason) => {
    expect(parseAmount(text, units, 'en')).toEqual({ ok: false, reason });
  });

  // Forms show 'money.' + reason: a planned budget of 999999999999999999
  // once showed the raw key "money.range".
  it.each(Object.keys(catalogs))('has a %s message for every reason it refuses an amount', (lang) => {
    expect(parseAmount('999999999999999999', 2, 'en')).toEqual({ ok: false, reason: 'range' });
    expect(amountProblems.map((r) => 'money.' + r).filter((k) => !(k in catalogs[lang]))).toEqual([]);
  });

  it.each([
    ['€4,000', 'USD', 'en', 400000],
    ['4000 €', 'EUR', 'en', 400000],
    ['€4.000', 'EUR', 'en', 400000],
    ['4.000', 'EUR', 'en', 400000], // a euro field groups thousands with dots
    ['4.000', 'USD', 'en', 400],
    ['4.000', 'TRY', 'tr', 400000],
    ['(500)', 'USD', 'en', -50000],
    ['-500', 'USD', 'en', -50000],
    ['12$', 'USD', 'en', 1200],
    ['۴٬۰۰۰ ریال', 'IRR', 'fa', 4000],
  ])('%s in a %s field (%s)', (text, currency, locale, want) => {
    const res = parseAmount(text, currency === 'IRR' ? 0 : 2, locale, currency);
    if (currency === 'USD' && text.startsWith('€')) expect(res).toEqual({ ok: false, reason: 'currency', currency: 'EUR' });
    else expect(res).toEqual({ ok: true, amount: want });
  });
});

/** exact writes a decimal the way the table does: no needless zeros, no "-0". */
function exact(v: string): string {
  const neg = v.startsWith('-');
  let [whole, frac = ''] = v.replace(/^-/, '').split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const s = frac ? `${whole}.${frac}` : whole;
  return neg && /[1-9]/.test(s) ? '-' + s : s;
}

// The importer's Go test reads the same table (backend/sheet/value_test.go).
describe('readMoney reads amounts as the importer does', () => {
  const table = JSON.parse(readFileSync(join(import.meta.dirname, '../../../backend/sheet/testdata/amounts.json'), 'utf8')) as {
    cases: { text: string; value?: string; currency?: string; error?: boolean }[];
  };
  it.each(table.cases.map((c) => [c.text, c] as const))('%j', (_, c) => {
    const got = readMoney(c.text);
    if (c.error) expect(got).toBeNull();
    else expect(got && { value: exact(got.value), currency: got.currency }).toEqual({ value: c.value, currency: c.currency });
  });
});

describe('formatMoney', () => {
  it('formats with the currency’s own decimals', () => {
    expect(formatMoney(1250050, 'USD', 2, 'en-US')).toBe('$12,500.50');
    expect(formatMoney(1500, 'JPY', 0, 'en-US')).toBe('¥1,500');
    expect(formatMoney(1234567, 'KWD', 3, 'en-US')).toBe('KWD\u00a01,234.567');
  });

  it('keeps amounts beyond float precision exact', () => {
    // 2^53 + 1 cents cannot be a double; the decimal string path keeps it.
    expect(formatMoney(900719925474099, 'USD', 2, 'en-US')).toBe('$9,007,199,254,740.99');
  });
});

describe('compactMoney', () => {
  it('shortens axis ticks so they fit side by side', () => {
    expect(compactMoney(1234567_00, 'USD', 2, 'en-US')).toBe('$1.2M');
    expect(compactMoney(50_000, 'JPY', 0, 'en-US')).toBe('¥50K');
    expect(compactMoney(0, 'USD', 2, 'en-US')).toBe('$0');
  });
});
