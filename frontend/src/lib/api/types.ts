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

export type Granularity = 'month' | 'quarter';

export interface BudgetLine {
  teamId: number;
  categoryId: number;
  /** 1-based month or quarter of the fiscal year. */
  period: number;
  /** Minor units of the base currency. */
  amount: number;
}

export interface BudgetPlan {
  fiscalYear: number;
  label: string;
  from: string;
  to: string;
  granularity: Granularity;
  currency: string;
  lines: BudgetLine[];
}

export interface FXRate {
  currency: string;
  /** YYYY-MM */
  month: string;
  /** Base-currency units per unit of currency, as an exact decimal string. */
  rate: string;
}

export interface SummaryFilter {
  fiscalYear: number;
  fromPeriod?: number;
  toPeriod?: number;
  teamId?: number;
  categoryId?: number;
}

export interface SummaryRow {
  teamId: number;
  teamName: string;
  categoryId: number;
  categoryName: string;
  planned: number;
  committed: number;
  actual: number;
  available: number;
  variance: number;
  varianceBasisPoints: number | null;
  forecast: number;
}

export interface BudgetSummary {
  fiscalYear: number;
  from: string;
  to: string;
  currency: string;
  rows: SummaryRow[];
  totals: SummaryRow;
  missingRates: FXRate[];
}

export const spendStatuses = ['planned', 'committed', 'actual'] as const;
export type SpendStatus = (typeof spendStatuses)[number];

export interface Spend {
  id: number;
  date: string;
  amount: Money;
  teamId: number;
  teamName: string;
  categoryId: number;
  categoryName: string;
  vendor: string;
  vendorId: number;
  /** Set on the payments a contract books; they change with the contract. */
  contractId: number;
  campaignId: number;
  campaignName: string;
  status: SpendStatus;
  reference: string;
  note: string;
  requestId: number;
  createdAt: string;
  updatedAt: string;
}

export type SpendInput = Pick<
  Spend,
  'date' | 'amount' | 'teamId' | 'categoryId' | 'vendor' | 'campaignId' | 'status' | 'reference' | 'note'
>;

export interface SpendFilter {
  from?: string;
  to?: string;
  teamId?: number;
  categoryId?: number;
  campaignId?: number;
  vendor?: string;
  vendorId?: number;
  statuses?: SpendStatus[];
  offset?: number;
  limit?: number;
}

export interface SpendPage {
  entries: Spend[];
  total: number;
}

export type RequestStatus = 'pending' | 'approved' | 'rejected';

export interface RequestEvent {
  at: string;
  actor: string;
  action: 'requested' | 'approved' | 'rejected';
  note: string;
}

export interface SpendRequest {
  id: number;
  requester: string;
  teamId: number;
  teamName: string;
  categoryId: number;
  categoryName: string;
  amount: Money;
  purpose: string;
  status: RequestStatus;
  spendId: number;
  history: RequestEvent[];
  createdAt: string;
}

export type SpendRequestInput = Pick<SpendRequest, 'requester' | 'teamId' | 'categoryId' | 'amount' | 'purpose'>;

export interface Decision {
  approve: boolean;
  by: string;
  reason: string;
  date: string;
}

export interface BudgetChartLabels {
  planVsActual: string;
  burnUp: string;
  byCategory: string;
  planned: string;
  committed: string;
  actual: string;
  spent: string;
}

export interface BudgetCharts {
  planVsActual: ChartOption;
  burnUp: ChartOption;
  byCategory: ChartOption;
}

export interface CampaignSpend {
  campaignId: number;
  currency: string;
  committed: number;
  actual: number;
  revenue: number;
  roiBasisPoints: number | null;
  missingRates: FXRate[];
}

export const vendorCategories = ['crm', 'email', 'marketing_automation', 'analytics', 'ads', 'design', 'social', 'data', 'other'] as const;
export type VendorCategory = (typeof vendorCategories)[number];

export interface Vendor {
  id: number;
  name: string;
  website: string;
  category: VendorCategory;
  contacts: string;
  notes: string;
  contracts: number;
  createdAt: string;
  updatedAt: string;
}

export type VendorInput = Pick<Vendor, 'name' | 'website' | 'category' | 'contacts' | 'notes'>;

export const billingCycles = ['monthly', 'quarterly', 'annual', 'multi_year', 'one_off'] as const;
export type BillingCycle = (typeof billingCycles)[number];
export const contractStatuses = ['trial', 'active', 'cancelling', 'ended'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export interface Reminder {
  kind: 'cancel' | 'renewal';
  daysBefore: number;
}

export interface RenewalSchedule {
  nextRenewal: string;
  cancelBy: string;
  cancelFor: string;
  late: boolean;
}

export interface Contract {
  id: number;
  vendorId: number;
  vendorName: string;
  product: string;
  owner: string;
  teamId: number;
  teamName: string;
  categoryId: number;
  categoryName: string;
  cost: Money;
  billingCycle: BillingCycle;
  startDate: string;
  termMonths: number;
  renewalDate: string;
  autoRenew: boolean;
  noticeDays: number;
  seatsPurchased: number;
  seatsUsed: number;
  status: ContractStatus;
  dpaSigned: boolean;
  securityReviewDone: boolean;
  securityReviewDate: string;
  dataLocation: string;
  notes: string;
  reminders: Reminder[];
  schedule: RenewalSchedule;
  overSeats: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ContractInput = Omit<
  Contract,
  'id' | 'vendorName' | 'teamName' | 'categoryName' | 'schedule' | 'overSeats' | 'createdAt' | 'updatedAt'
>;

export interface ContractChange {
  at: string;
  cost: Money;
  billingCycle: BillingCycle;
  seatsPurchased: number;
  seatsUsed: number;
}

export interface DigestEntry {
  contractId: number;
  /** Set for an asset licence that runs out (kind "licence"). */
  assetId: number;
  vendor: string;
  product: string;
  owner: string;
  kind: 'cancel' | 'renewal' | 'licence';
  date: string;
  remindOn: string;
  due: boolean;
  cost: Money;
}

export interface ContractFigures {
  contractId: number;
  annualised: number | null;
  costPerSeat: number | null;
  utilisationBasisPoints: number | null;
  underused: boolean;
  missingRate: FXRate | null;
}

export interface NamedAmount {
  name: string;
  amount: number;
}

export interface ContractOverview {
  currency: string;
  figures: ContractFigures[];
  byCategory: NamedAmount[];
  byTeam: NamedAmount[];
  total: number;
}

export interface ContractDate {
  contractId: number;
  vendor: string;
  product: string;
  kind: 'cancel' | 'renewal';
  date: string;
}

export interface ContractDocument {
  id: number;
  contractId: number;
  name: string;
  sha256: string;
  size: number;
  contentType: string;
  addedAt: string;
}

export const assetTypes = ['logo', 'image', 'video', 'audio', 'document', 'copy', 'template', 'other'] as const;
export type AssetType = (typeof assetTypes)[number];
export type LicenceState = 'none' | 'valid' | 'expiring' | 'expired';
export type DuplicateChoice = '' | 'new_version' | 'keep_both' | 'skip';

export interface Licence {
  type: string;
  holder: string;
  usageRights: string;
  start: string;
  expiry: string;
}

export interface AssetVersion {
  version: number;
  sha256: string;
  fileName: string;
  size: number;
  contentType: string;
  width: number;
  height: number;
  note: string;
  addedAt: string;
}

export interface Asset {
  id: number;
  title: string;
  type: AssetType;
  tags: string[];
  description: string;
  source: string;
  licence: Licence;
  campaignIds: number[];
  versions: AssetVersion[];
  licenceState: LicenceState;
  createdAt: string;
  updatedAt: string;
}

export interface AssetFilter {
  search?: string;
  type?: AssetType | '';
  tag?: string;
  licence?: LicenceState | '';
  campaignId?: number;
  horizon?: number;
  offset?: number;
  limit?: number;
}

export interface AssetPage {
  assets: Asset[];
  total: number;
}

export interface AddResult {
  fileName: string;
  asset: Asset | null;
  duplicateOf: Asset | null;
  skipped: boolean;
}

export interface LicenceWarning {
  assetId: number;
  assetTitle: string;
  expiry: string;
  campaignId: number;
  campaign: string;
  endDate: string;
}
