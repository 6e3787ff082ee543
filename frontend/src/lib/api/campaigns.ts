import { call, exportFile } from './client';
import type { CampaignsRequest, Input } from './generated';
import type { Campaign, CampaignFacets, CampaignFilter, CampaignInput, CampaignMove, CampaignMoved, CampaignPage, ExportLabels, SaveResult } from './types';

/** findCampaigns returns one page of campaigns that match the filter. */
export function findCampaigns(filter: CampaignFilter): Promise<CampaignPage> {
  return call('Campaigns.Find', filter);
}

/** campaignFacets returns the owners and tags the filters offer. */
export function campaignFacets(): Promise<CampaignFacets> {
  return call('Campaigns.Facets');
}

export function getCampaign(id: number): Promise<Campaign> {
  return call('Campaigns.Get', id);
}

export function createCampaign(input: CampaignInput): Promise<Campaign> {
  return call('Campaigns.Create', input);
}

/** updateCampaign changes only the fields given, made to the version shown; a campaign changed since throws conflict. */
export function updateCampaign(id: number, version: number, changes: Partial<CampaignInput>): Promise<Campaign> {
  return call('Campaigns.Update', id, { ...changes, version });
}

/** moveCampaign gives a campaign new dates and, with shiftPlan, moves its deliverables and milestones along, in one transaction. */
export function moveCampaign(id: number, m: CampaignMove): Promise<CampaignMoved> {
  return call('Campaigns.Move', id, m);
}

/** deleteCampaign removes the campaign unless it changed since the version shown. */
export function deleteCampaign(id: number, version: number): Promise<void> {
  return call('Campaigns.Delete', id, version);
}

/** exportCampaigns saves every campaign matching the filter (not only one page) as .xlsx. */
export function exportCampaigns(filter: CampaignFilter, labels: ExportLabels): Promise<SaveResult> {
  const { offset: _o, limit: _l, ...rest } = filter;
  const req: Input<CampaignsRequest> = { filter: rest, labels };
  return exportFile('campaigns', req);
}
