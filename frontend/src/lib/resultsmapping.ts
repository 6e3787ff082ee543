import type { ResultsColumn } from './api';

/** customPrefix begins what a column reads as when it is a metric the user named (shapes.CustomPrefix). */
export const customPrefix = 'custom:';

/** readsOf is what a column is read as, as the mapping sends it: a role, "custom:Name", or "" (left out). */
export function readsOf(c: ResultsColumn): string {
  return c.reads === 'custom' ? customPrefix + c.custom : c.reads;
}

/** mappingOf is the mapping a sheet's columns show (column letter → what it reads as). */
export function mappingOf(columns: ResultsColumn[]): Record<string, string> {
  const m: Record<string, string> = {};
  for (const c of columns) m[c.key] = readsOf(c);
  return m;
}

/**
 * remap is the mapping with one column read otherwise: a role comes from
 * one column, so taking it here leaves the column that had it out; custom
 * metrics need a name (one with none is not sent until it has one), and
 * two columns cannot share one. base is the mapping sent last (its
 * preview may not have come back yet), else the one the columns show.
 */
export function remap(columns: ResultsColumn[], key: string, reads: string, base: Record<string, string> | null = null): Record<string, string> {
  // The mapping sent last, when its preview has not come back yet.
  const m = { ...(base ?? mappingOf(columns)) };
  const name = reads.startsWith(customPrefix) ? reads.slice(customPrefix.length).trim().replace(/\s+/g, ' ') : null;
  if (name === '') return m;
  const value = name === null ? reads : customPrefix + name;
  for (const k of Object.keys(m)) {
    if (k !== key && value && m[k].toLowerCase() === value.toLowerCase()) m[k] = '';
  }
  m[key] = value;
  return m;
}

/**
 * formatMetric writes a custom metric (exact decimal text, "1234.25") in
 * the language's digits and separators, with every decimal it has: Intl
 * reads the text as an exact decimal, never through a float.
 */
export function formatMetric(text: string | undefined, locale: string): string {
  if (!text) return '';
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 12 });
  return nf.format(text as unknown as number);
}

/** shownReads is what a column's choice shows: the mapping sent last, else the preview's; "custom" for a custom metric. */
export function shownReads(c: ResultsColumn, base: Record<string, string> | null): { reads: string; custom: string } {
  const r = base?.[c.key] ?? readsOf(c);
  return r.startsWith(customPrefix) ? { reads: 'custom', custom: r.slice(customPrefix.length) } : { reads: r, custom: '' };
}
