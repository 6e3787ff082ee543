// Types of the budget area, mirroring the Go domain in backend/.
import type { Money, ChartOption } from './types';

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

/** PlanningRate is a currency's budget rate, used for every month without a rate of its own. */
export interface PlanningRate {
  currency: string;
  /** Base-currency units per unit of currency, as an exact decimal string. */
  rate: string;
}

/** InBase is an amount converted to the base currency, with the rate used. */
export interface InBase {
  amount: number;
  currency: string;
  rate: string;
  /** The rate is the currency's planning rate (the month has none yet). */
  assumed: boolean;
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
  /** Part of the figure was converted at a planning rate. */
  assumedCommitted: boolean;
  assumedActual: boolean;
}

export interface BudgetSummary {
  fiscalYear: number;
  from: string;
  to: string;
  currency: string;
  rows: SummaryRow[];
  totals: SummaryRow;
  missingRates: FXRate[];
  /** Currencies and months converted at a planning rate (rate = the one used). */
  assumedRates: FXRate[];
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
  /** The amount in the base currency (lists only); absent when no rate applies. */
  base?: InBase;
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
  /** date is the day the money is needed: approval books the spend on it ('' for the decision day). */
  date: string;
  vendor: string;
  campaignId: number;
  campaignName: string;
  status: RequestStatus;
  spendId: number;
  history: RequestEvent[];
  createdAt: string;
}

export type SpendRequestInput = Pick<SpendRequest, 'requester' | 'teamId' | 'categoryId' | 'amount' | 'purpose' | 'date' | 'vendor' | 'campaignId'>;

/** BudgetCheck is what is left of a team and category's plan in one budget period, in the base currency's minor units. */
export interface BudgetCheck {
  fiscalYear: number;
  period: number;
  from: string;
  to: string;
  currency: string;
  planned: number;
  committed: number;
  actual: number;
  available: number;
  /** amount is the asked amount in the base currency; null without a rate. */
  amount: number | null;
  exceeds: boolean;
  missingRates: FXRate[];
}

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
  assumedRates: FXRate[];
}
