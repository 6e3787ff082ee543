import { describe, expect, it } from 'vitest';
import { pasteBlock, periodLabels } from './budget';

const rows = [
  { teamId: 1, categoryId: 10 },
  { teamId: 1, categoryId: 11 },
  { teamId: 2, categoryId: 10 },
];

describe('pasteBlock', () => {
  it('maps a block from Excel onto the grid from the focused cell', () => {
    const res = pasteBlock('1,000.50\t2000\r\n300\t\r\n', rows, 12, 1, 10, 2, 'en');
    expect(res).toEqual({
      ok: true,
      lines: [
        { teamId: 1, categoryId: 11, period: 11, amount: 100050 },
        { teamId: 1, categoryId: 11, period: 12, amount: 200000 },
        { teamId: 2, categoryId: 10, period: 11, amount: 30000 },
        { teamId: 2, categoryId: 10, period: 12, amount: 0 },
      ],
    });
  });

  it('clips what falls outside the grid', () => {
    const res = pasteBlock('1\t2\t3\n4\t5\t6\n7\t8\t9\n10\t11\t12', rows, 2, 2, 1, 0, 'en');
    expect(res.ok && res.lines).toEqual([{ teamId: 2, categoryId: 10, period: 2, amount: 1 }]);
  });

  it('names the first bad cell by its place in the copied block', () => {
    expect(pasteBlock('10\t20\n30\tabc', rows, 12, 0, 0, 2, 'en')).toEqual({ ok: false, row: 2, column: 2, text: 'abc', reason: 'format' });
    expect(pasteBlock('1500.5', rows, 12, 0, 0, 0, 'en')).toMatchObject({ ok: false, reason: 'decimals' });
    expect(pasteBlock('(250)', rows, 12, 0, 0, 2, 'en')).toMatchObject({ ok: false, reason: 'negative' });
  });

  it('reads amounts as the importer does, and refuses what a plan cannot hold', () => {
    const res = pasteBlock('€4,000\t4000 €\t4.000\t1 250,50 €', rows, 12, 0, 0, 2, 'en', 'EUR');
    expect(res.ok && res.lines.map((l) => l.amount)).toEqual([400000, 400000, 400000, 125050]);
    expect(pasteBlock('10\t(500)', rows, 12, 0, 0, 2, 'en', 'EUR')).toEqual({ ok: false, row: 1, column: 2, text: '(500)', reason: 'negative' });
    expect(pasteBlock('-500', rows, 12, 0, 0, 2, 'en', 'EUR')).toMatchObject({ ok: false, reason: 'negative' });
    expect(pasteBlock('$100', rows, 12, 0, 0, 2, 'en', 'EUR')).toMatchObject({ ok: false, reason: 'currency', currency: 'USD' });
  });

  it('reads the separators of the user’s locale', () => {
    const res = pasteBlock('1 234,56', rows, 12, 0, 0, 2, 'pl');
    expect(res.ok && res.lines[0].amount).toBe(123456);
  });
});

describe('periodLabels', () => {
  it('starts at the fiscal year’s first month', () => {
    expect(periodLabels('month', 4, 'en', (q) => `Q${q}`).slice(0, 3)).toEqual(['Apr', 'May', 'Jun']);
    expect(periodLabels('month', 4, 'en', (q) => `Q${q}`)[11]).toBe('Mar');
    expect(periodLabels('quarter', 7, 'en', (q) => `Q${q}`)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });
});
