import type { ContractDate } from './types-contracts';

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
  /** Revenue credited to the campaign, minor units of the base currency. */
  attributedRevenue: number;
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
  | 'attributedRevenue'
  | 'notes'
  | 'compliance'
>;

/** CampaignMove gives a campaign new dates; shiftPlan moves its deliverables and milestones by as many days as its start. */
export interface CampaignMove {
  startDate: string;
  endDate: string;
  shiftPlan: boolean;
}

export interface CampaignMoved {
  campaign: Campaign;
  days: number;
  deliverables: number;
  milestones: number;
}

/** Person is a name used as an owner or requester, with how many records carry it. */
export interface Person {
  name: string;
  uses: number;
  campaigns: number;
  deliverables: number;
  milestones: number;
  contracts: number;
  requests: number;
}

/** PersonRename is a rename (or merge) of a person everywhere, kept so it can be undone. */
export interface PersonRename {
  id: number;
  from: string;
  to: string;
  at: string;
  records: number;
  undoneAt: string;
}

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
  /** offTrack keeps campaigns with a goal due and below its target. */
  offTrack?: boolean;
  sort?: CampaignSort;
  desc?: boolean;
  offset?: number;
  limit?: number;
}

export interface CampaignPage {
  campaigns: Campaign[];
  total: number;
}

export type ListKind = 'teams' | 'channels' | 'categories';

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
  /** Contracts using fewer seats than this percentage are flagged. */
  underuseThreshold: number;
  /** The calendar dates show in, and the first day of the week (0 Sunday … 6 Saturday). */
  calendar: 'gregory' | 'persian' | 'buddhist';
  weekStart: number;
  /** Empty until the settings are first saved. */
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
  /** A non-Gregorian year's months: their first days (ISO) and the day after the year. */
  monthStarts?: string[];
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

export const deliverableTypes = ['blog_post', 'email', 'ad', 'social_post', 'video', 'event', 'landing_page', 'custom'] as const;
export type DeliverableType = (typeof deliverableTypes)[number];
export const deliverableStatuses = ['idea', 'draft', 'review', 'scheduled', 'published'] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];

export interface Deliverable {
  id: number;
  /** 0 for a standalone deliverable. */
  campaignId: number;
  campaignName: string;
  title: string;
  type: DeliverableType;
  customType: string;
  publishDate: string;
  channelId: number;
  channelName: string;
  owner: string;
  status: DeliverableStatus;
  notes: string;
  /** The publish day is outside the campaign's range (allowed, flagged). */
  outsideCampaign: boolean;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export type DeliverableInput = Pick<
  Deliverable,
  'campaignId' | 'title' | 'type' | 'customType' | 'publishDate' | 'channelId' | 'owner' | 'status' | 'notes'
>;

export interface Milestone {
  id: number;
  campaignId: number;
  campaignName: string;
  title: string;
  owner: string;
  dueDate: string;
  done: boolean;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export type MilestoneInput = Pick<Milestone, 'campaignId' | 'title' | 'owner' | 'dueDate' | 'done'>;

export const goalMetrics = ['leads', 'mqls', 'clicks', 'ctr', 'conversions', 'revenue', 'custom'] as const;
export type GoalMetric = (typeof goalMetrics)[number];

export interface Goal {
  id: number;
  campaignId: number;
  campaignName: string;
  metric: GoalMetric;
  customMetric: string;
  /** Exact decimal strings, e.g. "500" or "2.5". */
  target: string;
  actual: string;
  unit: string;
  dueDate: string;
  progressPercent: number;
  offTrack: boolean;
  createdAt: string;
  updatedAt: string;
}

export type GoalInput = Pick<Goal, 'campaignId' | 'metric' | 'customMetric' | 'target' | 'actual' | 'unit' | 'dueDate'>;

export interface CalendarFilter {
  from: string;
  to: string;
  search?: string;
  teamId?: number;
  channelId?: number;
  owner?: string;
  tag?: string;
  statuses?: CampaignStatus[];
  /** Add the contracts' cancel-by and renewal dates. */
  contracts?: boolean;
  /** Keep campaigns (and their items) with a goal off track. */
  offTrack?: boolean;
  /** Ignore from and to: the whole plan (the .ics export of everything). */
  all?: boolean;
}

export interface CalendarData {
  from: string;
  to: string;
  campaigns: Campaign[];
  deliverables: Deliverable[];
  milestones: Milestone[];
  contractDates: ContractDate[];
}

export interface MyWeek {
  owner: string;
  from: string;
  to: string;
  milestones: Milestone[];
  deliverables: Deliverable[];
  overdueMilestones: Milestone[];
  overdueDeliverables: Deliverable[];
}

export * from './types-assets';
export * from './types-budget';
export * from './types-contracts';
