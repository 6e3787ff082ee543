import { call, exportFile } from './client';
export type { CampaignResults, KPI, KPIs, ResultFilter, ResultGroup, ResultSummary, ResultTotal } from './generated';
import type { Campaign, CampaignResults, Input, NewCampaignRequest, ResultFilter, ResultGroup, ResultLabels, ResultRule, ResultsExportRequest, ResultsLabels, ResultStage, ResultSummary } from './generated';
export type { ResultBooking, ResultRule, ResultRuleKind, ResultsColumn, ResultsRead, ResultsSheet, Unmatched } from './generated';
export type { FunnelStep, ResultsStage, ResultStage } from './generated';
import type { SaveResult } from './types';

/** resultsSummary adds results up by group, with each group's KPIs and the grand total. */
export function resultsSummary(group: ResultGroup, filter: Input<ResultFilter>): Promise<ResultSummary> {
  return call('Results.Summary', { group, filter });
}

/** exportResults saves every fact matching the filter, then the summary by group, as .xlsx. */
export function exportResults(
  group: ResultGroup,
  filter: Input<ResultFilter>,
  labels: Input<ResultsLabels>,
  groupHeader: string,
  total: string,
): Promise<SaveResult> {
  const req: Input<ResultsExportRequest> = { group, filter, labels, groupHeader, total };
  return exportFile('results', req);
}

/** saveResultRule saves a matching rule of results imports (campaignId 0 ignores the names); it applies at the next preview. */
export function saveResultRule(rule: Omit<Input<ResultRule>, 'id' | 'createdAt'>): Promise<ResultRule> {
  return call('Results.SaveRule', rule);
}

/** resultRules lists the matching rules of results imports, oldest first, with their campaigns' names. */
export function resultRules(): Promise<ResultRule[]> {
  return call('Results.Rules');
}

/** createResultRule adds a matching rule; the same kind, text and source again is a field error on the text. */
export function createResultRule(rule: Omit<Input<ResultRule>, 'id' | 'createdAt' | 'campaignName'>): Promise<ResultRule> {
  return call('Results.CreateRule', rule);
}

/** updateResultRule gives a rule another campaign (0: its names are ignored). */
export function updateResultRule(id: number, campaignId: number): Promise<ResultRule> {
  return call('Results.UpdateRule', id, campaignId);
}

/** deleteResultRule removes a matching rule; names it matched are unmatched again at the next import. */
export function deleteResultRule(id: number): Promise<void> {
  return call('Results.DeleteRule', id);
}

/** saveResultStage says which funnel step a CRM stage no vendor documents is; it applies at the next preview. */
export function saveResultStage(stage: Omit<Input<ResultStage>, 'id' | 'createdAt'>): Promise<ResultStage> {
  return call('Results.SaveStage', stage);
}

/** newCampaignForName makes a campaign of an unmatched name (named as in the file, over its facts' days) and saves the rule sending the name to it. */
export function newCampaignForName(req: NewCampaignRequest): Promise<Campaign> {
  return call('Results.NewCampaign', req);
}

/** campaignResults returns one campaign's results: totals, KPIs, the trend by period and the funnel, with their charts. */
export function campaignResults(id: number, period: ResultGroup, labels: ResultLabels): Promise<CampaignResults> {
  return call('Results.Campaign', id, period, labels);
}
