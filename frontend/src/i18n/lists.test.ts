import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, t } from './index.svelte';

afterEach(() => {
  i18n.locale = 'en';
});

describe('lists and quotations in a sentence', () => {
  it('joins a list the way the language writes one', () => {
    i18n.locale = 'fa';
    const fa = t('import.no_sheet', { sheet: 'X', sheets: ['Data', 'Budget'] });
    expect(fa).not.toContain(',');
    expect(fa).toContain('«Data»');
    expect(fa).toContain(' و ');
    i18n.locale = 'ar';
    expect(t('import.bad_choice', { choices: ['planned', 'live'] })).toContain('أو');
    expect(t('import.excluded', { rows: [3, 12] })).not.toContain(',');
    i18n.locale = 'en';
    expect(t('import.excluded', { rows: [3, 1200, 1201] })).toBe('Left out: rows 3, 1,200, and 1,201.');
    expect(t('import.no_sheet', { sheet: 'X', sheets: ['Data', 'Budget'] })).toContain('“Data” and “Budget”');
    i18n.locale = 'pl';
    expect(i18n.quote('Arkusz')).toBe('„Arkusz”');
    expect(i18n.list(['a', 'b', 'c'])).toBe('a, b i c');
    expect(i18n.names(['a', 'b', 'c'])).toBe('a, b, c');
    i18n.locale = 'fa';
    expect(i18n.names(['a', 'b', 'c']).replace(/\u200f/g, '')).toBe('a، b، c');
    i18n.locale = 'en';
    expect(i18n.names(['Email', 'Social'])).toBe('Email, Social');
  });
  it('separates typed tags with the comma the language types', () => {
    i18n.locale = 'fa';
    expect(i18n.comma).toBe('، ');
    i18n.locale = 'tr';
    expect(i18n.comma).toBe(', ');
  });
});

describe('the views', () => {
  it('join no list with a Latin comma and quote nothing with fixed marks', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : p.endsWith('.svelte') ? [p] : [];
      });
    const wrong: string[] = [];
    for (const p of walk(join(import.meta.dirname, '..'))) {
      readFileSync(p, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.join\(['"], ['"]\)|[“”]/.test(line)) wrong.push(`${p.slice(p.indexOf('src/'))}:${i + 1}`);
        });
    }
    expect(wrong).toEqual([]);
  });
});
