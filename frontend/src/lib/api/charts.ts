import { call } from './client';
import type { ChartLabels, ChartOption } from './types';

/** campaignsByMonth returns the option of the campaigns-per-month chart for a year. */
export function campaignsByMonth(year: number, labels: ChartLabels): Promise<ChartOption> {
  return call<ChartOption>('Charts.CampaignsByMonth', year, labels);
}
