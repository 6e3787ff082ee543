package api

import (
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/dispatch"
)

// Access names, for every method the frontend may call, the least role
// that may call it on a team host (see backend.Role). Reading is the
// Viewer's; changing the plan of work is the Planner's; deciding spend
// requests and changing the budget plan and its rates is the Approver's;
// people, settings, lists' renames and backups are the Admin's.
//
// The dispatcher refuses to start when a bound method has no rule here
// (TestAccess_EveryMethodHasARule), so a new method cannot slip through.
// In the local workspace (no one signed in) every call is allowed.
var Access = map[string]backend.Role{
	"Workspace.About":           backend.RoleViewer,
	"Workspace.Currencies":      backend.RoleViewer,
	"Workspace.CurrenciesInUse": backend.RoleViewer,
	"Workspace.Settings":        backend.RoleViewer,
	"Workspace.Today":           backend.RoleViewer,
	"Workspace.UpdateSettings":  backend.RoleAdmin,

	"Lists.Items":  backend.RoleViewer,
	"Lists.Create": backend.RolePlanner,
	"Lists.Rename": backend.RoleAdmin,
	"Lists.Delete": backend.RoleAdmin,

	"Campaigns.Facets": backend.RoleViewer,
	"Campaigns.Find":   backend.RoleViewer,
	"Campaigns.Get":    backend.RoleViewer,
	"Campaigns.Copy":   backend.RolePlanner,
	"Campaigns.Create": backend.RolePlanner,
	"Campaigns.Delete": backend.RolePlanner,
	"Campaigns.Move":   backend.RolePlanner,
	"Campaigns.Update": backend.RolePlanner,

	"Deliverables.Find":   backend.RoleViewer,
	"Deliverables.Create": backend.RolePlanner,
	"Deliverables.Delete": backend.RolePlanner,
	"Deliverables.Update": backend.RolePlanner,

	"Milestones.Find":   backend.RoleViewer,
	"Milestones.MyWeek": backend.RoleViewer,
	"Milestones.Create": backend.RolePlanner,
	"Milestones.Delete": backend.RolePlanner,
	"Milestones.Update": backend.RolePlanner,

	"Goals.Find":   backend.RoleViewer,
	"Goals.Create": backend.RolePlanner,
	"Goals.Delete": backend.RolePlanner,
	"Goals.Update": backend.RolePlanner,

	"Calendar.Range": backend.RoleViewer,

	"Budget.CampaignSpend":      backend.RoleViewer,
	"Budget.FXRates":            backend.RoleViewer,
	"Budget.FiscalYears":        backend.RoleViewer,
	"Budget.Plan":               backend.RoleViewer,
	"Budget.PlanningRates":      backend.RoleViewer,
	"Budget.Summary":            backend.RoleViewer,
	"Budget.CreateFiscalYear":   backend.RoleApprover,
	"Budget.SetLines":           backend.RoleApprover,
	"Budget.SetPlanningRate":    backend.RoleApprover,
	"Budget.DeletePlanningRate": backend.RoleApprover,
	"Budget.SetFXRate":          backend.RoleApprover,
	"Budget.DeleteFXRate":       backend.RoleApprover,

	"Spend.Find":   backend.RoleViewer,
	"Spend.Create": backend.RolePlanner,
	"Spend.Delete": backend.RolePlanner,
	"Spend.Update": backend.RolePlanner,

	"Requests.BudgetCheck": backend.RoleViewer,
	"Requests.Find":        backend.RoleViewer,
	"Requests.Create":      backend.RolePlanner,
	"Requests.Decide":      backend.RoleApprover,

	"Vendors.Find":   backend.RoleViewer,
	"Vendors.Get":    backend.RoleViewer,
	"Vendors.Create": backend.RolePlanner,
	"Vendors.Delete": backend.RolePlanner,
	"Vendors.Update": backend.RolePlanner,

	"Contracts.Digest":   backend.RoleViewer,
	"Contracts.Find":     backend.RoleViewer,
	"Contracts.Get":      backend.RoleViewer,
	"Contracts.History":  backend.RoleViewer,
	"Contracts.Overview": backend.RoleViewer,
	"Contracts.Create":   backend.RolePlanner,
	"Contracts.Delete":   backend.RolePlanner,
	"Contracts.Update":   backend.RolePlanner,

	"Documents.Find":   backend.RoleViewer,
	"Documents.Delete": backend.RolePlanner,

	"Assets.Find":            backend.RoleViewer,
	"Assets.Get":             backend.RoleViewer,
	"Assets.LicenceWarnings": backend.RoleViewer,
	"Assets.PreviewsPending": backend.RoleViewer,
	"Assets.BulkEdit":        backend.RolePlanner,
	"Assets.Delete":          backend.RolePlanner,
	"Assets.Update":          backend.RolePlanner,

	"Charts.Budget":           backend.RoleViewer,
	"Charts.CampaignYear":     backend.RoleViewer,
	"Charts.CampaignsByMonth": backend.RoleViewer,

	"Imports.History":       backend.RoleViewer,
	"Imports.Kinds":         backend.RolePlanner,
	"Imports.Profiles":      backend.RolePlanner,
	"Imports.Preview":       backend.RolePlanner,
	"Imports.Commit":        backend.RolePlanner,
	"Imports.Discard":       backend.RolePlanner,
	"Imports.SaveProfile":   backend.RolePlanner,
	"Imports.DeleteProfile": backend.RolePlanner,
	"Imports.Undo":          backend.RolePlanner,

	"Dashboard.Get": backend.RoleViewer,

	"People.Find":       backend.RoleViewer,
	"People.Renames":    backend.RoleViewer,
	"People.Rename":     backend.RoleAdmin,
	"People.UndoRename": backend.RoleAdmin,
	// The people pickers list the members; mapping names is the Admin's.
	"People.Members":     backend.RoleViewer,
	"People.Unmapped":    backend.RoleAdmin,
	"People.MapToMember": backend.RoleAdmin,

	"Backups.Status":         backend.RoleAdmin,
	"Backups.BackUpNow":      backend.RoleAdmin,
	"Backups.Restore":        backend.RoleAdmin,
	"Backups.CancelRestore":  backend.RoleAdmin,
	"Backups.UpdateSettings": backend.RoleAdmin,

	// One's own account: everyone's (Team checks whose sessions).
	"Team.Me":             backend.RoleViewer,
	"Team.Sessions":       backend.RoleViewer,
	"Team.RevokeSession":  backend.RoleViewer,
	"Team.ChangePassword": backend.RoleViewer,
	// People and their access: the Admin's.
	"Team.Members":       backend.RoleAdmin,
	"Team.Invite":        backend.RoleAdmin,
	"Team.Invites":       backend.RoleAdmin,
	"Team.RevokeInvite":  backend.RoleAdmin,
	"Team.SetRole":       backend.RoleAdmin,
	"Team.SetActive":     backend.RoleAdmin,
	"Team.ResetPassword": backend.RoleAdmin,
	"Audit.Record":       backend.RoleViewer,
	"Audit.Log":          backend.RoleAdmin,
	"Audit.Authors":      backend.RoleAdmin,

	// Results data only reads here (imports write it).
	"Results.Find":     backend.RoleViewer,
	"Results.Summary":  backend.RoleViewer,
	"Results.Campaign": backend.RoleViewer,
	// Matching rules of results imports: a planner saves them.
	"Results.Rules":       backend.RoleViewer,
	"Results.SaveRule":    backend.RolePlanner,
	"Results.CreateRule":  backend.RolePlanner,
	"Results.UpdateRule":  backend.RolePlanner,
	"Results.DeleteRule":  backend.RolePlanner,
	"Results.NewCampaign": backend.RolePlanner,
	// The steps of CRM stages no vendor documents: a planner says them.
	"Results.SaveStage": backend.RolePlanner,
}

// Registry indexes the facades' methods for both transports, each
// guarded by its rule in Access.
func (a *API) Registry() (*dispatch.Registry, error) {
	r, err := dispatch.New(a.Bindings())
	if err != nil {
		return nil, err
	}
	if err := r.Guard(Access); err != nil {
		return nil, err
	}
	return r, nil
}

// RouteAccess is Access for what serve mode and a host answer outside the
// facade calls: uploads (documents, asset files, spreadsheets to import)
// change the workspace and are the Planner's; exports, stored files and
// the event stream only read and are the Viewer's. A key ending in "/"
// covers every path under it. A route with no rule is refused on a host
// (see RouteNeed), so a new one cannot slip through either.
var RouteAccess = map[string]backend.Role{
	"/upload/contract-documents": backend.RolePlanner,
	"/upload/assets":             backend.RolePlanner,
	"/upload/import":             backend.RolePlanner,
	"/export/":                   backend.RoleViewer,
	"/export/audit.xlsx":         backend.RoleAdmin,
	"/files/":                    backend.RoleViewer,
	"/api/events":                backend.RoleViewer,
}

// RouteNeed returns the least role the route at path needs, and false
// when RouteAccess has no rule for it.
func RouteNeed(path string) (backend.Role, bool) {
	if need, ok := RouteAccess[path]; ok {
		return need, true
	}
	best, found := "", false
	for prefix := range RouteAccess {
		if strings.HasSuffix(prefix, "/") && strings.HasPrefix(path, prefix) && len(prefix) > len(best) {
			best, found = prefix, true
		}
	}
	return RouteAccess[best], found
}
