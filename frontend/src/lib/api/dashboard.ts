import { call, exportFile } from './client';
import type { CallOptions } from './transport';
import type { DashboardData, DashboardLabels, Input, ReportRequest } from './generated';
import type { SaveResult } from './types';

export type { DashboardBudget, DashboardData, DashboardItem, DashboardLabels, DashboardResults, NamedCount, PlanningOverview } from './generated';

/** dashboard gathers everything the dashboard shows for [from, to]. */
export function dashboard(from: string, to: string, labels: DashboardLabels): Promise<DashboardData> {
  return call('Dashboard.Get', { from, to, labels });
}

/**
 * exportReport saves the executive report for [from, to] as an .xlsx
 * workbook or a self-contained .html page, in the words and language given.
 */
export function exportReport(
  from: string,
  to: string,
  words: Record<string, string>,
  format: 'xlsx' | 'html',
  lang: string,
  opts?: CallOptions,
): Promise<SaveResult> {
  const req: Input<ReportRequest> = { from, to, words, format, lang };
  return exportFile(format === 'html' ? 'report-html' : 'report', req, opts);
}
