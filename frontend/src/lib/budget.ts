import type { BudgetChartLabels, BudgetLine, Granularity } from './api';
import { parseAmount } from './money';
import { t } from '../i18n/index.svelte';

/** cellKey names a budget cell. */
export const cellKey = (team: number, category: number, period: number) => `${team}:${category}:${period}`;

/** budgetChartWords are the budget charts' titles and series names in the user's language. */
export function budgetChartWords(): BudgetChartLabels {
  return {
    planVsActual: t('chart.plan_vs_actual'),
    burnUp: t('chart.burn_up'),
    byCategory: t('chart.by_category'),
    planned: t('budget.planned'),
    committed: t('budget.committed'),
    actual: t('budget.actual'),
    spent: t('chart.spent'),
  };
}

/** periodLabels names a fiscal year's periods: month names from the start month, or Q1–Q4. */
export function periodLabels(g: Granularity, startMonth: number, locale: string, quarter: (q: number) => string): string[] {
  if (g === 'quarter') return [1, 2, 3, 4].map(quarter);
  // Fiscal periods are Gregorian months whatever calendar shows dates.
  const f = new Intl.DateTimeFormat(locale + '-u-ca-gregory', { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2024, (startMonth - 1 + i) % 12, 1))));
}

/**
 * fiscalMonths lists the twelve months ("YYYY-MM") of the fiscal year that
 * day falls in, for a year starting in startMonth (1-12).
 */
export function fiscalMonths(day: string, startMonth: number): string[] {
  const [y, m] = day.split('-').map(Number);
  const startYear = m >= startMonth ? y : y - 1;
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(startYear, startMonth - 1 + i, 1)).toISOString().slice(0, 7));
}

export interface GridRow {
  teamId: number;
  categoryId: number;
}

export type PasteResult =
  | { ok: true; lines: Omit<BudgetLine, 'version'>[] }
  | { ok: false; row: number; column: number; text: string; reason: 'format' | 'decimals' | 'range' | 'negative' | 'currency'; currency?: string };

/**
 * pasteBlock maps a block copied from a spreadsheet (rows by newline,
 * cells by tab) onto the grid from (row, col), clipped at its edges. An
 * empty cell in the block clears the cell. The first bad value stops the
 * paste and is reported by its position in the block (1-based), so the
 * user can find it in the sheet they copied from. Amounts are read as the
 * importer reads them ("€4,000", "(500)"); a plan is never negative, and a
 * value in another currency than the plan's is refused, not converted.
 */
export function pasteBlock(
  text: string,
  rows: GridRow[],
  periods: number,
  row: number,
  col: number,
  minorUnits: number,
  locale: string,
  currency = '',
): PasteResult {
  const lines: Omit<BudgetLine, 'version'>[] = [];
  const block = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
  for (let r = 0; r < block.length && row + r < rows.length; r++) {
    for (let c = 0; c < block[r].length && col + c < periods; c++) {
      const raw = block[r][c].trim();
      const parsed = raw === '' ? { ok: true as const, amount: 0 } : parseAmount(raw, minorUnits, locale, currency);
      if (!parsed.ok) return { ok: false, row: r + 1, column: c + 1, text: raw, reason: parsed.reason, currency: parsed.reason === 'currency' ? parsed.currency : undefined };
      if (parsed.amount < 0) return { ok: false, row: r + 1, column: c + 1, text: raw, reason: 'negative' };
      const target = rows[row + r];
      lines.push({ teamId: target.teamId, categoryId: target.categoryId, period: col + c + 1, amount: parsed.amount });
    }
  }
  return { ok: true, lines };
}
