package api_test

import (
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/dispatch"
)

// TestAccess_EveryMethodHasARule fails when a facade method is added
// without a rule in api.Access, or a rule names a method that is gone.
func TestAccess_EveryMethodHasARule(t *testing.T) {
	a := api.New(api.Services{})
	if _, err := a.Registry(); err != nil {
		t.Fatal(err)
	}
	r, err := dispatch.New(a.Bindings())
	if err != nil {
		t.Fatal(err)
	}
	for name := range api.Access {
		if !r.Has(name) {
			t.Errorf("api.Access names %s, which is not a method", name)
		}
	}
}

// TestAccess_Roles spells out the roles: a Viewer changes
// nothing, budget plan and decisions are the Approver's, people, settings
// and backups the Admin's.
func TestAccess_Roles(t *testing.T) {
	for name, need := range api.Access {
		facade, method, _ := strings.Cut(name, ".")
		reads := strings.HasPrefix(method, "Find") || strings.HasPrefix(method, "Get") || method == "Items" ||
			method == "Facets" || method == "Range" || facade == "Charts" || facade == "Dashboard" && method == "Get"
		if reads && facade != "Backups" && need != backend.RoleViewer {
			t.Errorf("%s reads but needs %s", name, need)
		}
		if facade == "Backups" && need != backend.RoleAdmin {
			t.Errorf("%s is a backup action but needs %s", name, need)
		}
	}
	for name, want := range map[string]backend.Role{
		"Requests.Decide": backend.RoleApprover, "Budget.SetLines": backend.RoleApprover,
		"Requests.Create": backend.RolePlanner, "Campaigns.Update": backend.RolePlanner,
		"Workspace.UpdateSettings": backend.RoleAdmin, "People.Rename": backend.RoleAdmin,
		"Audit.Record": backend.RoleViewer, "Audit.Log": backend.RoleAdmin, "Audit.Authors": backend.RoleAdmin,
	} {
		if api.Access[name] != want {
			t.Errorf("%s needs %s, want %s", name, api.Access[name], want)
		}
	}
}

// TestRouteNeed: uploads are the Planner's, exports and files the
// Viewer's, and a route without a rule has none (a host refuses it).
func TestRouteNeed(t *testing.T) {
	for path, want := range map[string]backend.Role{
		"/upload/assets": backend.RolePlanner, "/upload/contract-documents": backend.RolePlanner, "/upload/import": backend.RolePlanner,
		"/export/campaigns.xlsx": backend.RoleViewer, "/files/document/3": backend.RoleViewer, "/api/events": backend.RoleViewer,
	} {
		if got, ok := api.RouteNeed(path); !ok || got != want {
			t.Errorf("%s needs %q (%v), want %s", path, got, ok, want)
		}
	}
	for _, path := range []string{"/upload/other", "/upload/", "/exports", "/files", "/api/eventsx"} {
		if got, ok := api.RouteNeed(path); ok {
			t.Errorf("%s has a rule (%s), want none", path, got)
		}
	}
}
