// Types of the values the backend sends and receives, mirroring the Go
// domain in backend/ (JSON names are the Go json tags).

export interface Money {
  /** Minor units of the currency (cents, yen, fils). Always an integer. */
  amount: number;
  currency: string;
}

export interface Currency {
  code: string;
  minorUnits: number;
}

export const campaignStatuses = ['idea', 'planned', 'in_progress', 'live', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const reviewStatuses = ['not_needed', 'pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export interface Compliance {
  status: ReviewStatus;
  reviewer: string;
  /** Day of the decision, YYYY-MM-DD, or empty. */
  date: string;
  comment: string;
}

export interface Campaign {
  id: number;
  name: string;
  objective: string;
  teamId: number;
  teamName: string;
  owner: string;
  channelIds: number[];
  channelNames: string[];
  tags: string[];
  status: CampaignStatus;
  /** Calendar day YYYY-MM-DD, inclusive. */
  startDate: string;
  endDate: string;
  budget: Money;
  notes: string;
  compliance: Compliance;
  createdAt: string;
  updatedAt: string;
}

/** The fields a user edits; the rest is the backend's. */
export type CampaignInput = Pick<
  Campaign,
  | 'name'
  | 'objective'
  | 'teamId'
  | 'owner'
  | 'channelIds'
  | 'tags'
  | 'status'
  | 'startDate'
  | 'endDate'
  | 'budget'
  | 'notes'
  | 'compliance'
>;

export interface CampaignFacets {
  owners: string[];
  tags: string[];
}

export type CampaignSort = 'startDate' | 'endDate' | 'name' | 'status' | 'budget' | 'team' | 'owner';

export interface CampaignFilter {
  search?: string;
  teamId?: number;
  channelId?: number;
  owner?: string;
  tag?: string;
  statuses?: CampaignStatus[];
  from?: string;
  to?: string;
  sort?: CampaignSort;
  desc?: boolean;
  offset?: number;
  limit?: number;
}

export interface CampaignPage {
  campaigns: Campaign[];
  total: number;
}

export type ListKind = 'teams' | 'channels';

export interface ListItem {
  id: number;
  name: string;
  uses: number;
}

export interface Settings {
  name: string;
  baseCurrency: string;
  fiscalYearStartMonth: number;
  language: string;
  updatedAt: string;
}

export interface About {
  version: string;
  dataDir: string;
  database: string;
  mode: 'desktop' | 'serve';
}

/** Words a chart shows, in the user's language. */
export interface ChartLabels {
  title: string;
  months: string[];
  statuses: Partial<Record<CampaignStatus, string>>;
}

/** Words an exported workbook shows, in the user's language. */
export interface ExportLabels {
  sheet: string;
  headers: Record<string, string>;
  statuses: Partial<Record<CampaignStatus, string>>;
}

/** ECharts option JSON as built by the backend. */
export type ChartOption = Record<string, unknown>;

export type SaveResult = { saved: false } | { saved: true; path: string };
