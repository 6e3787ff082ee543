import { call } from './client';
import type {
  BudgetChartLabels,
  BudgetCheck,
  BudgetCharts,
  BudgetLine,
  BudgetPlan,
  BudgetSummary,
  CampaignSpend,
  Decision,
  FXRate,
  Granularity,
  PlanningRate,
  Spend,
  SpendFilter,
  SpendInput,
  SpendPage,
  SpendRequest,
  SpendRequestInput,
  RequestStatus,
  SummaryFilter,
} from './types';

export function fiscalYears(): Promise<number[]> {
  return call('Budget.FiscalYears');
}
export function createFiscalYear(year: number, granularity: Granularity): Promise<BudgetPlan> {
  return call('Budget.CreateFiscalYear', year, granularity);
}
export function budgetPlan(year: number): Promise<BudgetPlan> {
  return call('Budget.Plan', year);
}
/**
 * setBudgetLines stores cells with the versions the grid showed (0 for an
 * empty cell); cells someone changed meanwhile are left as stored and come
 * back in the plan's conflicts, the rest is stored.
 */
export function setBudgetLines(year: number, lines: BudgetLine[]): Promise<BudgetPlan> {
  return call('Budget.SetLines', year, lines);
}
export function fxRates(): Promise<FXRate[]> {
  return call('Budget.FXRates');
}
export function setFXRate(r: FXRate): Promise<void> {
  return call('Budget.SetFXRate', r);
}
export function deleteFXRate(currency: string, month: string): Promise<void> {
  return call('Budget.DeleteFXRate', currency, month);
}
export function planningRates(): Promise<PlanningRate[]> {
  return call('Budget.PlanningRates');
}
export function setPlanningRate(r: PlanningRate): Promise<void> {
  return call('Budget.SetPlanningRate', r);
}
export function deletePlanningRate(currency: string): Promise<void> {
  return call('Budget.DeletePlanningRate', currency);
}
export function budgetSummary(f: SummaryFilter): Promise<BudgetSummary> {
  return call('Budget.Summary', f);
}
export function budgetCharts(f: SummaryFilter, labels: BudgetChartLabels, periodLabels: string[]): Promise<BudgetCharts> {
  return call('Charts.Budget', f, labels, periodLabels);
}

export function findSpend(f: SpendFilter): Promise<SpendPage> {
  return call('Spend.Find', f);
}
export function createSpend(input: SpendInput): Promise<Spend> {
  return call('Spend.Create', input);
}
export function updateSpend(id: number, version: number, changes: Partial<SpendInput>): Promise<Spend> {
  return call('Spend.Update', id, { ...changes, version });
}
export function deleteSpend(id: number, version: number): Promise<void> {
  return call('Spend.Delete', id, version);
}

export function findRequests(status: RequestStatus | ''): Promise<SpendRequest[]> {
  return call('Requests.Find', status);
}
export function createRequest(input: SpendRequestInput): Promise<SpendRequest> {
  return call('Requests.Create', input);
}
/** requestBudgetCheck sets a request against what is left of its team and category's plan in its period. */
export function requestBudgetCheck(id: number): Promise<BudgetCheck> {
  return call('Requests.BudgetCheck', id);
}
export function decideRequest(id: number, d: Decision): Promise<SpendRequest> {
  return call('Requests.Decide', id, d);
}

/** campaignSpend returns a campaign's spend and ROI in the base currency. */
export function campaignSpend(campaignId: number): Promise<CampaignSpend> {
  return call('Budget.CampaignSpend', campaignId);
}
