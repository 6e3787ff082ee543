import { describe, expect, it } from 'vitest';
import type { ResultsColumn } from './api';
import { formatMetric, mappingOf, remap, shownReads } from './resultsmapping';

const col = (key: string, name: string, reads = '', custom = ''): ResultsColumn => ({ key, name, reads, currency: '', custom });
const cols = [col('A', 'Pin promotion', 'campaign'), col('B', 'Date', 'day'), col('C', 'Spend'), col('D', 'Video views', 'custom', 'Video views')];

describe('mappingOf', () => {
  it('sends every column, custom metrics with their name', () => {
    expect(mappingOf(cols)).toEqual({ A: 'campaign', B: 'day', C: '', D: 'custom:Video views' });
  });
});

describe('remap', () => {
  it('reads a column as a role', () => {
    expect(remap(cols, 'C', 'cost')).toEqual({ A: 'campaign', B: 'day', C: 'cost', D: 'custom:Video views' });
  });
  it('takes a role from the column that had it', () => {
    expect(remap(cols, 'C', 'campaign')).toEqual({ A: '', B: 'day', C: 'campaign', D: 'custom:Video views' });
  });
  it('leaves a column out', () => {
    expect(remap(cols, 'B', '')).toEqual({ A: 'campaign', B: '', C: '', D: 'custom:Video views' });
  });
  it('names a custom metric, tidied, and no two columns share one', () => {
    expect(remap(cols, 'C', 'custom:  video   views ')).toEqual({ A: 'campaign', B: 'day', C: 'custom:video views', D: '' });
  });
  it('builds on the mapping sent last, before its preview is back', () => {
    const sent = remap(cols, 'C', 'cost');
    expect(remap(cols, 'B', 'week', sent)).toEqual({ A: 'campaign', B: 'week', C: 'cost', D: 'custom:Video views' });
    expect(shownReads(cols[2], sent)).toEqual({ reads: 'cost', custom: '' });
    expect(shownReads(cols[3], null)).toEqual({ reads: 'custom', custom: 'Video views' });
  });
  it('sends no custom metric without a name', () => {
    expect(remap(cols, 'C', 'custom:  ')).toEqual(mappingOf(cols));
  });
});

describe('formatMetric', () => {
  it('writes every decimal, exactly, in the language', () => {
    expect(formatMetric('9007199254740993.7', 'en')).toBe('9,007,199,254,740,993.7');
    expect(formatMetric('-0.000000000001', 'en')).toBe('-0.000000000001');
    expect(formatMetric('1234.25', 'fa')).toBe('۱٬۲۳۴٫۲۵');
    expect(formatMetric(undefined, 'en')).toBe('');
  });
});
