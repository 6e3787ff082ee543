// Who may do what on a team host: the frontend's copy of the backend's
// table of method → least role (backend/api/access.go; access.test.ts
// checks the two agree). The UI shows a control only to people whose role
// may call the method behind it; the backend refuses the call anyway.
import type { Role } from './api/team';
import { roles } from './api/team';

/** access is, for every facade method, the least role that may call it. */
export const access = {
  'Workspace.About': 'viewer',
  'Workspace.Currencies': 'viewer',
  'Workspace.CurrenciesInUse': 'viewer',
  'Workspace.Settings': 'viewer',
  'Workspace.Today': 'viewer',
  'Workspace.UpdateSettings': 'admin',

  'Lists.Items': 'viewer',
  'Lists.Create': 'planner',
  'Lists.Rename': 'admin',
  'Lists.Delete': 'admin',

  'Campaigns.Facets': 'viewer',
  'Campaigns.Find': 'viewer',
  'Campaigns.Get': 'viewer',
  'Campaigns.Copy': 'planner',
  'Campaigns.Create': 'planner',
  'Campaigns.Delete': 'planner',
  'Campaigns.Move': 'planner',
  'Campaigns.Update': 'planner',

  'Deliverables.Find': 'viewer',
  'Deliverables.Create': 'planner',
  'Deliverables.Delete': 'planner',
  'Deliverables.Update': 'planner',

  'Milestones.Find': 'viewer',
  'Milestones.MyWeek': 'viewer',
  'Milestones.Create': 'planner',
  'Milestones.Delete': 'planner',
  'Milestones.Update': 'planner',

  'Goals.Find': 'viewer',
  'Goals.Create': 'planner',
  'Goals.Delete': 'planner',
  'Goals.Update': 'planner',

  'Calendar.Range': 'viewer',

  'Budget.CampaignSpend': 'viewer',
  'Budget.FXRates': 'viewer',
  'Budget.FiscalYears': 'viewer',
  'Budget.Plan': 'viewer',
  'Budget.PlanningRates': 'viewer',
  'Budget.Summary': 'viewer',
  'Budget.CreateFiscalYear': 'approver',
  'Budget.SetLines': 'approver',
  'Budget.SetPlanningRate': 'approver',
  'Budget.DeletePlanningRate': 'approver',
  'Budget.SetFXRate': 'approver',
  'Budget.DeleteFXRate': 'approver',

  'Spend.Find': 'viewer',
  'Spend.Create': 'planner',
  'Spend.Delete': 'planner',
  'Spend.Update': 'planner',

  'Requests.BudgetCheck': 'viewer',
  'Requests.Find': 'viewer',
  'Requests.Create': 'planner',
  'Requests.Decide': 'approver',

  'Vendors.Find': 'viewer',
  'Vendors.Get': 'viewer',
  'Vendors.Create': 'planner',
  'Vendors.Delete': 'planner',
  'Vendors.Update': 'planner',

  'Contracts.Digest': 'viewer',
  'Contracts.Find': 'viewer',
  'Contracts.Get': 'viewer',
  'Contracts.History': 'viewer',
  'Contracts.Overview': 'viewer',
  'Contracts.Create': 'planner',
  'Contracts.Delete': 'planner',
  'Contracts.Update': 'planner',

  'Documents.Find': 'viewer',
  'Documents.Delete': 'planner',

  'Assets.Find': 'viewer',
  'Assets.Get': 'viewer',
  'Assets.LicenceWarnings': 'viewer',
  'Assets.PreviewsPending': 'viewer',
  'Assets.BulkEdit': 'planner',
  'Assets.Delete': 'planner',
  'Assets.Update': 'planner',

  'Charts.Budget': 'viewer',
  'Charts.CampaignYear': 'viewer',
  'Charts.CampaignsByMonth': 'viewer',

  'Imports.History': 'viewer',
  'Imports.Kinds': 'planner',
  'Imports.Profiles': 'planner',
  'Imports.Preview': 'planner',
  'Imports.Commit': 'planner',
  'Imports.Discard': 'planner',
  'Imports.SaveProfile': 'planner',
  'Imports.DeleteProfile': 'planner',
  'Imports.Undo': 'planner',

  'Dashboard.Get': 'viewer',

  'People.Find': 'viewer',
  'People.Renames': 'viewer',
  'People.Rename': 'admin',
  'People.UndoRename': 'admin',
  // The people pickers list the members; mapping names is the Admin's.
  'People.Members': 'viewer',
  'People.Unmapped': 'admin',
  'People.MapToMember': 'admin',

  'Backups.Status': 'admin',
  'Backups.BackUpNow': 'admin',
  'Backups.Restore': 'admin',
  'Backups.CancelRestore': 'admin',
  'Backups.UpdateSettings': 'admin',

  // One's own account: everyone's (Team checks whose sessions).
  'Team.Me': 'viewer',
  'Team.Sessions': 'viewer',
  'Team.RevokeSession': 'viewer',
  'Team.ChangePassword': 'viewer',
  // People and their access: the Admin's.
  'Team.Members': 'admin',
  'Team.Invite': 'admin',
  'Team.Invites': 'admin',
  'Team.RevokeInvite': 'admin',
  'Team.SetRole': 'admin',
  'Team.SetActive': 'admin',
  'Team.ResetPassword': 'admin',
  'Audit.Record': 'viewer',
  'Audit.Log': 'admin',
  'Audit.Authors': 'admin',
  'Results.Find': 'viewer',
  'Results.Summary': 'viewer',
  'Results.Campaign': 'viewer',
  'Results.Rules': 'viewer',
  'Results.SaveRule': 'planner',
  'Results.DeleteRule': 'planner',
  'Results.NewCampaign': 'planner',
  'Results.SaveStage': 'planner',
} as const satisfies Record<string, Role>;

/** Method is a facade method named in the access table, e.g. "Campaigns.Update". */
export type Method = keyof typeof access;

/** allows reports whether a person with role may do what needs role need (backend.Role.Allows). */
export function allows(role: Role, need: Role): boolean {
  const have = roles.indexOf(role);
  const want = roles.indexOf(need);
  return have >= 0 && want >= 0 && have >= want;
}

/**
 * may reports whether role may call method. A method without a rule is
 * refused, as the backend refuses it.
 */
export function may(role: Role, method: string): boolean {
  const need = (access as Record<string, Role | undefined>)[method];
  return need !== undefined && allows(role, need);
}
