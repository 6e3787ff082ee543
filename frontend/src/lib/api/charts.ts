import { call } from './client';
import type { ChartLabels, ChartOption } from './types';

/** campaignsByMonth returns the option of the campaigns-per-month chart for a year. */
export function campaignsByMonth(year: number, labels: ChartLabels): Promise<ChartOption> {
  return call('Charts.CampaignsByMonth', year, labels);
}

/** campaignYear returns the year the campaigns-per-month chart opens on: this year, or the one with campaigns nearest to it. */
export function campaignYear(): Promise<number> {
  return call('Charts.CampaignYear');
}
