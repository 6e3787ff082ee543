import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { i18n, t } from './index.svelte';

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
    const keys = new Set<string>();
    for (const file of goFiles(join(import.meta.dirname, '../../../backend'))) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:Key:\s*|\.Add\("[A-Za-z]+",\s*)"([a-z_]+\.[a-z_.]+)"/g)) keys.add(m[1]);
      // Keys picked from a table: Format: "import.format_xls".
      for (const m of src.matchAll(/Format\w*:\s*"([a-z_]+\.[a-z_.]+)"/g)) keys.add(m[1]);
    }
    expect(keys.size).toBeGreaterThan(10);
    const missing = [...keys].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it('fills placeholders and picks plural forms', () => {
    i18n.locale = 'en';
    expect(t('field.too_long', { max: 200 })).toBe('Use at most 200 characters.');
    expect(t('campaigns.count', { count: 1 })).toBe('1 campaign');
    expect(t('campaigns.count', { count: 1200 })).toBe('1,200 campaigns');
    expect(t('settings.uses', { count: 0 })).toBe('unused');
    expect(t('list.in_use', { name: 'Email', count: 2 })).toContain('still used 2 times');
  });

  it('shows the key itself for a key it does not know, so a gap is visible', () => {
    expect(t('no.such.key')).toBe('no.such.key');
  });
});
