import { afterEach, describe, expect, it } from 'vitest';
import { en, type Message, type MessageKey } from './en';
import { catalogs, i18n, t } from './index.svelte';

/** texts lists a message's strings (one per plural form) with their key. */
function texts(cat: Record<string, Message>): [string, string][] {
  return Object.entries(cat).flatMap(([key, m]) =>
    typeof m === 'string' ? [[key, m] as [string, string]] : Object.entries(m).map(([form, s]) => [`${key}[${form}]`, s] as [string, string]),
  );
}

// A stretch between an isolate initiator (LRI, RLI, FSI) and PDI keeps its
// own direction; placeholders are isolated when they are filled in.
const isolated = /[\u2066-\u2068][^\u2069]*\u2069/g;
const placeholder = /\{\w+\}/g;
// A Latin token with a dot, slash, colon, dash or bracket in it (".ics",
// "(.xlsx)", "https://", "2026-03-21", "97–2003") is reordered by the
// bidi algorithm inside a right-to-left sentence.
const token = /[(.]*[A-Za-z0-9][A-Za-z0-9._/:\-–+@#%]*\)?/g;

describe.each(['fa', 'ar'])('the %s catalog, read right to left', (lang) => {
  const own = texts(catalogs[lang]);
  const bare = (s: string) => s.replace(isolated, '').replace(placeholder, '');

  it('uses the language’s own comma', () => {
    // Arabic writes numbers with Latin digits and separators (1,250.50).
    const numbers = lang === 'ar' ? /[0-9]+(,[0-9]{3})+/g : /$^/g;
    expect(own.filter(([, s]) => bare(s).replace(numbers, '').includes(',')).map(([k]) => k)).toEqual([]);
  });

  it('isolates every Latin token with punctuation or digits in it', () => {
    const wrong: string[] = [];
    for (const [key, s] of own) {
      for (const m of bare(s).matchAll(token)) {
        // A sentence's own full stop after a Latin word is not part of it.
        // Brackets around a Latin word mirror as they should.
        const tok = m[0].replace(/\.$/, '');
        if (/^\(?[A-Za-z]+(\+[A-Za-z]+)*\)?$/.test(tok)) continue;
        // A number keeps its place (Arabic shows Latin digits, so an
        // example does too), but Persian shows Persian digits.
        if (lang === 'ar' && /^[0-9]+([.,][0-9]+)*$/.test(tok)) continue;
        wrong.push(`${key}: ${tok}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('years in a Buddhist-calendar language', () => {
  afterEach(() => {
    i18n.locale = 'en';
    i18n.calendar = 'gregory';
  });
  const withYear = (Object.keys(en) as MessageKey[]).filter((k) => /\{year\}/.test(JSON.stringify((en as Record<string, Message>)[k])));

  it('shows every {year} in the Buddhist era, like every date', () => {
    expect(withYear.length).toBeGreaterThan(3);
    i18n.locale = 'th';
    i18n.calendar = 'buddhist';
    const wrong = withYear.filter((k) => {
      const s = t(k, { year: 2026, next: i18n.year(2027).slice(-2), q: 1, count: 2 });
      return !s.includes('2569') || s.includes('2026');
    });
    expect(wrong).toEqual([]);
    expect(i18n.year(2026)).toBe('2569');
    expect(new Intl.DateTimeFormat(i18n.monthLocale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-03-01'))).toContain('2569');
  });
  it('keeps Gregorian years in the Gregorian and Persian calendars', () => {
    i18n.locale = 'th';
    i18n.calendar = 'gregory';
    expect(t('budget.fy', { year: 2026 })).toContain('2026');
    i18n.locale = 'fa';
    i18n.calendar = 'persian';
    expect(t('budget.year_exists', { year: 2026 })).toContain('۲۰۲۶');
  });
  it('says a field takes a Gregorian year where dates are not Gregorian', () => {
    expect(catalogs.th['budget.fy_starts']).toContain('ค.ศ.');
    expect(catalogs.fa['budget.fy_starts']).toContain('میلادی');
    expect(catalogs.ar['budget.fy_starts']).toContain('الميلادية');
  });
});
