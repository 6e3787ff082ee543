// Types of the values the backend sends and receives. Their shapes are
// generated from the Go facades (./generated.ts, regenerated with
// `go generate ./backend/internal/tsgen`); this file names them for the
// frontend and adds what only the frontend has: the fields a form edits,
// the filters it builds, and the choices its menus offer.
import type {
  CalendarFilter as GoCalendarFilter,
  Campaign,
  CampaignFilter as GoCampaignFilter,
  CampaignStatus,
  Deliverable,
  DeliverableStatus,
  DeliverableType,
  Goal,
  GoalMetric,
  Input,
  Milestone,
  ReviewStatus,
} from './generated';

export type {
  About,
  CalendarCampaign,
  CalendarDeliverable,
  CalendarMilestone,
  CalendarShown,
  Campaign,
  CampaignFacets,
  CampaignMove,
  CampaignMoved,
  CampaignPage,
  CampaignSort,
  CampaignStatus,
  ChartLabels,
  Compliance,
  Currency,
  Deliverable,
  DeliverableStatus,
  DeliverableType,
  Goal,
  GoalMetric,
  Input,
  ListItem,
  ListKind,
  Milestone,
  Money,
  MyWeek,
  Person,
  PersonRename,
  Teammate,
  ReviewStatus,
  Settings,
  /** Words an exported workbook shows, in the user's language. */
  SheetLabels as ExportLabels,
  /** ECharts option JSON as built by the backend. */
  RawJSON as ChartOption,
} from './generated';

export const campaignStatuses = ['idea', 'planned', 'in_progress', 'live', 'completed', 'cancelled'] as const satisfies readonly CampaignStatus[];
export const reviewStatuses = ['not_needed', 'pending', 'approved', 'rejected'] as const satisfies readonly ReviewStatus[];

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

/** A campaign filter as the views build it: any field may be left out. */
export type CampaignFilter = Input<GoCampaignFilter>;

/** A calendar filter: a range of days and, optionally, the rest. */
export type CalendarFilter = Input<GoCalendarFilter> & Pick<GoCalendarFilter, 'from' | 'to'>;

export type SaveResult = { saved: false } | { saved: true; path: string };

export const deliverableTypes = ['blog_post', 'email', 'ad', 'social_post', 'video', 'event', 'landing_page', 'custom'] as const satisfies readonly DeliverableType[];
export const deliverableStatuses = ['idea', 'draft', 'review', 'scheduled', 'published'] as const satisfies readonly DeliverableStatus[];

export type DeliverableInput = Pick<
  Deliverable,
  'campaignId' | 'title' | 'type' | 'customType' | 'publishDate' | 'channelId' | 'owner' | 'status' | 'notes'
>;

export type MilestoneInput = Pick<Milestone, 'campaignId' | 'title' | 'owner' | 'dueDate' | 'done'>;

export const goalMetrics = ['leads', 'mqls', 'clicks', 'ctr', 'conversions', 'revenue', 'custom'] as const satisfies readonly GoalMetric[];

export type GoalInput = Pick<Goal, 'campaignId' | 'metric' | 'customMetric' | 'target' | 'actual' | 'unit' | 'dueDate'>;

export * from './types-assets';
export * from './types-budget';
export * from './types-contracts';
