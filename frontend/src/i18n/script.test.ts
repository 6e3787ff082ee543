import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Message } from './en';
import { catalogs } from './index.svelte';

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

/** sources returns the frontend's code (not catalogs, not tests) as one text. */
function sources(): string {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return walk(p);
      return /\.(ts|svelte)$/.test(p) && !/i18n\/[a-z]{2}\.ts$/.test(p) && !p.endsWith('.test.ts') ? [p] : [];
    });
  return walk(join(import.meta.dirname, '..'))
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
}

describe('years in a Buddhist-calendar language', () => {
  it('fills every year placeholder through the calendar’s year', () => {
    // {year} and {next} are years people read: Thai shows them in the
    // Buddhist era like every date, so code passes them through
    // i18n.year / i18n.fiscalYear, never as a bare Gregorian number.
    const wrong = [...sources().matchAll(/\b(year|next):\s*([^,}\n]+)/g)]
      .filter((m) => /\bt\(/.test(m.input!.slice(Math.max(0, m.index! - 200), m.index!)))
      .map((m) => m[0])
      .filter((s) => !/i18n\.(year|fiscalYear|calendarYear)\(|'numeric'|'2-digit'/.test(s));
    expect(wrong).toEqual([]);
  });
});
