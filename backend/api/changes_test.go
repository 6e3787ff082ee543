package api_test

import (
	"context"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/live"
)

// TestChanges_EveryMethodIsClassified fails when a facade method is
// neither a change (api.Changes, with its area) nor a read (Viewer, or
// one of the few quiet ones): a new writing method must say which views
// it changes, or other people's windows would not refresh.
func TestChanges_EveryMethodIsClassified(t *testing.T) {
	for name, need := range api.Access {
		area, writes := api.Writes(name)
		switch {
		case writes && api.Reads(name):
			t.Errorf("%s is both a change (%s) and a read", name, area)
		case writes && area == "":
			t.Errorf("%s changes no area", name)
		case !writes && !api.Reads(name):
			t.Errorf("%s needs %s but is not classified: add it to api.Changes (or to quiet when it changes nothing)", name, need)
		}
	}
	for name := range api.Changes {
		if _, ok := api.Access[name]; !ok {
			t.Errorf("api.Changes names %s, which is not a method", name)
		}
		if need := api.Access[name]; need == backend.RoleViewer {
			t.Errorf("%s changes the workspace but a Viewer may call it", name)
		}
	}
}

// TestNotice names the record from the result, or from the id argument
// of a deletion, with the signed-in person and the tab it came from.
func TestNotice(t *testing.T) {
	ctx := live.WithOrigin(backend.WithActor(context.Background(), &backend.Actor{Name: "Dana", Role: backend.RolePlanner}), "tab-1")
	c := api.Notice(ctx, "Campaigns.Update", []byte(`[12,{}]`), &backend.Campaign{ID: 12, Name: "Spring launch"})
	want := live.Change{Type: "change", By: "Dana", Area: "campaigns", Method: "Campaigns.Update", ID: 12, Label: "Spring launch", Origin: "tab-1"}
	if c == nil || *c != want {
		t.Fatalf("notice = %+v, want %+v", c, want)
	}
	moved := api.Notice(context.Background(), "Campaigns.Move", []byte(`[7,{}]`), &backend.CampaignMoved{Campaign: &backend.Campaign{ID: 7, Name: "Fall"}})
	if moved.ID != 7 || moved.Label != "Fall" || moved.By != "" {
		t.Errorf("moved: %+v", moved)
	}
	del := api.Notice(context.Background(), "Lists.Delete", []byte(`["channel",31]`), nil)
	if del.ID != 31 || del.Area != "lists" {
		t.Errorf("delete: %+v", del)
	}
	if n := api.Notice(ctx, "Campaigns.Find", []byte(`[{}]`), nil); n != nil {
		t.Errorf("a read made a notice: %+v", n)
	}
	if n := api.Notice(ctx, api.UploadAssets, nil, []*backend.AddResult{{Asset: &backend.Asset{ID: 3, Title: "Logo"}}}); n == nil || n.Area != "assets" || n.Label != "Logo" {
		t.Errorf("upload: %+v", n)
	}
	invite := struct {
		ID   int64
		Name string
		Code string
	}{7, "Dana", "secret-code"}
	if n := api.Notice(ctx, "Team.Invite", []byte(`["planner","x"]`), &invite); n == nil || n.Area != "team" || n.ID != 0 || n.Label != "" {
		t.Errorf("a team notice names the invite: %+v", n)
	}
}
