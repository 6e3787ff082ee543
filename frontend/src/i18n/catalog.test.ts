import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, type Message } from './en';
import { catalogs, i18n, keyFrom, keyOf, messageKey, t } from './index.svelte';

/** goFiles lists the backend's non-test Go files. */
function goFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return goFiles(p);
    return name.endsWith('.go') && !name.endsWith('_test.go') ? [p] : [];
  });
}

describe('message catalog', () => {
  it('has every message key the backend can send', () => {
    // The Go test TestMessageKeys walks the backend's sources and keeps
    // this list of the keys it can put in errors and import problems.
    const list = readFileSync(join(import.meta.dirname, '../../../backend/testdata/messagekeys.txt'), 'utf8');
    const keys = list.split('\n').filter(Boolean);
    expect(keys.length).toBeGreaterThan(50);
    for (const [lang, cat] of Object.entries(catalogs)) {
      expect(keys.filter((k) => !(k in cat)), lang).toEqual([]);
    }
  });

  it('fills placeholders and picks plural forms', () => {
    i18n.locale = 'en';
    expect(t('field.too_long', { max: 200 })).toBe('Use at most 200 characters.');
    expect(t('assets.added', { count: 1 })).toBe('Added 1 file.');
    expect(t('assets.added', { count: 1200 })).toBe('Added 1,200 files.');
    expect(t('settings.uses', { count: 0 })).toBe('unused');
    expect(t('list.in_use', { name: 'Email', count: 2 })).toContain('still used 2 times');
  });

  it('builds keys from a prefix, checked by the compiler where it can be', () => {
    i18n.locale = 'en';
    expect(t(keyOf('status.', 'live'))).toBe(en['status.live']);
    expect(t(keyFrom('import.kind.', 'budget'))).toBe(en['import.kind.budget']);
    // These must not type-check: t() takes only keys of the English
    // catalog (npm run check fails on an expected error that is not one).
    const rejected = [
      // @ts-expect-error: no such key
      () => t('status.archived'),
      // @ts-expect-error: no status.archived key
      () => keyOf('status.', 'archived'),
      // @ts-expect-error: not a prefix of any key
      () => keyFrom('stauts.', 'live'),
    ];
    expect(rejected).toHaveLength(3);
  });

  it('shows the key itself for a key it does not know, so a gap is visible', () => {
    expect(t(messageKey('no.such.key'))).toBe('no.such.key');
  });
});

/** placeholders lists the {names} a message uses, sorted. */
function placeholders(m: Message): string[] {
  const text = typeof m === 'string' ? m : Object.values(m).join(' ');
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();
}

describe.each(Object.keys(catalogs).filter((l) => l !== 'en'))('the %s catalog', (lang) => {
  const cat = catalogs[lang];
  it('has every English key and no other', () => {
    expect(Object.keys(cat).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in cat))).toEqual([]);
  });
  it('keeps each message’s placeholders and the language’s plural forms', () => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
    const wrong: string[] = [];
    for (const [key, msg] of Object.entries(en) as [string, Message][]) {
      const own = cat[key];
      if (own === undefined) continue;
      const want = placeholders(msg).filter((p) => typeof msg === 'string' || p !== 'count');
      const got = placeholders(own);
      for (const p of want) if (!got.includes(p)) wrong.push(`${key}: lacks {${p}}`);
      for (const p of got) if (!placeholders(msg).includes(p)) wrong.push(`${key}: has unknown {${p}}`);
      if ((typeof msg === 'string') !== (typeof own === 'string')) wrong.push(`${key}: plural shape differs from English`);
      if (typeof own !== 'string') {
        for (const c of Object.keys(own)) if (c !== 'zero' && !categories.includes(c)) wrong.push(`${key}: ${lang} has no plural form "${c}"`);
        for (const c of categories) if (!(c in own)) wrong.push(`${key}: lacks the "${c}" form`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the English catalog', () => {
  it('has no key that nothing uses', () => {
    const walk = (dir: string, ok: (p: string) => boolean): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p, ok) : ok(p) ? [p] : [];
      });
    const here = import.meta.dirname;
    const sources = [
      ...walk(join(here, '..'), (p) => /\.(ts|svelte)$/.test(p) && !/i18n\/[a-z]{2}\.ts$/.test(p) && !p.endsWith('.test.ts')),
      ...goFiles(join(here, '../../../backend')),
    ]
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    // A key is used when it is written out, or when code builds it from a
    // prefix ('status.' + s, `metric.${m}`, keyOf('status.', s)).
    const built = new Set(
      [...sources.matchAll(/(['"])([\w.-]+\.)\1 ?\+|`([\w.-]+\.)\$\{|key(?:Of|From)\('([\w.-]+\.)',/g)].map((m) => m[2] ?? m[3] ?? m[4]),
    );
    const used = (key: string) => {
      if (sources.includes(`'${key}'`) || sources.includes(`"${key}"`)) return true;
      const parts = key.split('.');
      for (let i = parts.length - 1; i >= 1; i--) if (built.has(parts.slice(0, i).join('.') + '.')) return true;
      return false;
    };
    expect(Object.keys(en).filter((k) => !used(k))).toEqual([]);
  });
});

describe('right to left', () => {
  it('isolates a name inside a Persian or Arabic sentence, and only there', () => {
    i18n.locale = 'fa';
    expect(i18n.dir).toBe('rtl');
    expect(t('list.exported', { path: 'C:\\Reports\\Q1.xlsx' })).toContain('\u2068C:\\Reports\\Q1.xlsx\u2069');
    // Counts are numbers in the language's digits, not isolated text.
    expect(t('assets.added', { count: 3 })).toContain('۳');
    i18n.locale = 'ar';
    expect(i18n.dir).toBe('rtl');
    i18n.locale = 'pl';
    expect(i18n.dir).toBe('ltr');
    expect(t('list.exported', { path: 'a.xlsx' })).not.toContain('\u2068');
    i18n.locale = 'en';
  });
  it('formats dates in the chosen calendar', () => {
    i18n.locale = 'fa';
    i18n.calendar = 'persian';
    expect(i18n.dateLocale).toBe('fa-u-ca-persian');
    expect(new Intl.DateTimeFormat(i18n.dateLocale, { year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-03-21T00:00:00Z'))).toContain('۱۴۰۵');
    i18n.locale = 'th';
    i18n.calendar = 'buddhist';
    expect(new Intl.DateTimeFormat(i18n.dateLocale, { year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-03-21T00:00:00Z'))).toContain('2569');
    i18n.locale = 'en';
    i18n.calendar = 'gregory';
  });
});
