// Types of the budget area, generated from the Go domain (see types.ts).
import type {
  Input,
  Spend,
  SpendFilter as GoSpendFilter,
  SpendRequest,
  SpendStatus,
  SummaryFilter as GoSummaryFilter,
} from './generated';

export type {
  BudgetCharts,
  BudgetCheck,
  BudgetLine,
  BudgetPlan,
  BudgetSummary,
  CampaignSpend,
  Decision,
  FXRate,
  Granularity,
  InBase,
  PlanningRate,
  RequestEvent,
  RequestStatus,
  Spend,
  SpendPage,
  SpendRequest,
  SpendStatus,
  SummaryRow,
  /** Words the budget charts show, in the user's language. */
  BudgetLabels as BudgetChartLabels,
} from './generated';

/** A summary's fiscal year and, optionally, periods, team and category. */
export type SummaryFilter = Input<GoSummaryFilter> & Pick<GoSummaryFilter, 'fiscalYear'>;

export const spendStatuses = ['planned', 'committed', 'actual'] as const satisfies readonly SpendStatus[];

/** The fields of a spend entry a user edits. */
export type SpendInput = Pick<
  Spend,
  'date' | 'amount' | 'teamId' | 'categoryId' | 'vendor' | 'campaignId' | 'status' | 'reference' | 'note'
>;

/** A spend filter as the views build it: any field may be left out. */
export type SpendFilter = Input<GoSpendFilter>;

/** The fields of a spend request its requester fills in. */
export type SpendRequestInput = Pick<SpendRequest, 'requester' | 'teamId' | 'categoryId' | 'amount' | 'purpose' | 'date' | 'vendor' | 'campaignId'>;
