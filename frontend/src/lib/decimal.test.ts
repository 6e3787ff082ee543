import { describe, expect, it } from 'vitest';
import { catalogs } from '../i18n/index.svelte';
import { parseAmount, parseDecimal } from './money';

describe('parseDecimal', () => {
  it('reads a number as the language writes it', () => {
    expect(parseDecimal('2,5', 'pl')).toBe('2.5');
    expect(parseDecimal('1 250,75', 'pl')).toBe('1250.75');
    expect(parseDecimal('۲٫۵', 'fa')).toBe('2.5');
    expect(parseDecimal('2.5', 'en')).toBe('2.5');
    expect(parseDecimal('007', 'en')).toBe('7');
    expect(parseDecimal('-0,5', 'tr')).toBe('-0.5');
  });
  it('refuses what is not a number', () => {
    for (const s of ['', 'abc', '1e3', '2,5,5.1.1', '-']) expect(parseDecimal(s, 'en'), s).toBeNull();
  });
});

// A number in the Latin, Persian or Arabic-Indic digits, with separators.
const example = /[0-9\u06f0-\u06f9\u0660-\u0669]+(?:[.,\u066b\u066c\u00a0 ][0-9\u06f0-\u06f9\u0660-\u0669]+)*/g;

describe.each(Object.keys(catalogs))('the %s examples', (lang) => {
  it('of a goal value are numbers the goal field accepts', () => {
    const hint = catalogs[lang]['goal.number_invalid'] as string;
    const found = hint.match(example) ?? [];
    expect(found.length).toBeGreaterThan(0);
    for (const n of found) expect(parseDecimal(n, lang), n).toMatch(/^\d+(\.\d+)?$/);
  });
  it('of an amount are amounts a money field accepts', () => {
    const hint = catalogs[lang]['money.format'] as string;
    const found = hint.match(example) ?? [];
    expect(found.length).toBeGreaterThan(0);
    for (const n of found) expect(parseAmount(n, 2, lang).ok, n).toBe(true);
  });
});
