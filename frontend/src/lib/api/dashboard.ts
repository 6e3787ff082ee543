import { call, exportFile } from './client';
import type { CallOptions } from './transport';
import type { ChartOption, Goal, SaveResult } from './types';
import type { BudgetChartLabels, FXRate, SummaryRow } from './types-budget';
import type { DigestEntry } from './types-contracts';

export interface NamedCount {
  key: string;
  name: string;
  count: number;
}
export interface DashboardItem {
  id: number;
  title: string;
  date: string;
  campaignId: number;
  campaignName: string;
  owner: string;
}
export interface PlanningOverview {
  byStatus: NamedCount[];
  byChannel: NamedCount[];
  goalsOnTrack: number;
  goalsOffTrack: number;
  offTrack: Goal[];
  launches: DashboardItem[];
  deliverables: DashboardItem[];
  overdueTasks: DashboardItem[];
  overdueTaskCount: number;
  deliverablesCount: number;
  launchesCount: number;
}
export interface DashboardBudget {
  fiscalYear: number;
  fromPeriod: number;
  toPeriod: number;
  from: string;
  to: string;
  currency: string;
  totals: SummaryRow;
  missingRates: FXRate[] | null;
  assumedRates: FXRate[] | null;
  planVsActual: ChartOption | null;
  burnUp: ChartOption | null;
}
export interface DashboardData {
  from: string;
  to: string;
  today: string;
  budget: DashboardBudget | null;
  planning: PlanningOverview;
  byStatus: ChartOption;
  byChannel: ChartOption;
  renewals: DigestEntry[];
  within: [number, number, number];
  licences: DigestEntry[];
}
export interface DashboardLabels {
  budget: BudgetChartLabels;
  byStatus: string;
  byChannel: string;
  campaigns: string;
  statuses: Record<string, string>;
  months: string[];
  quarters: string[];
}

/** dashboard gathers everything the dashboard shows for [from, to]. */
export function dashboard(from: string, to: string, labels: DashboardLabels): Promise<DashboardData> {
  return call<DashboardData>('Dashboard.Get', { from, to, labels });
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
  return exportFile(format === 'html' ? 'report-html' : 'report', { from, to, words, format, lang }, opts);
}
