package api_test

import (
	"context"
	"io"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// members stands in for the team store's list of members.
type members []*backend.Member

func (m members) FindMembers(context.Context) ([]*backend.Member, error) { return m, nil }

// The pickers get the members only on a team workspace; an admin maps a
// free-text name to a member through the dispatcher, a planner may not.
func TestPeople_MembersAndMapping(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	db.Members = members{{ID: 3, Name: "Zoë", Active: true, Login: "zoe"}, {ID: 2, Name: "ana", Active: false, Login: "ana"}}
	ctx := context.Background()
	admin := backend.WithActor(ctx, &backend.Actor{PersonID: 3, Name: "Zoë", Role: backend.RoleAdmin})
	planner := backend.WithActor(ctx, &backend.Actor{PersonID: 4, Name: "Pat", Role: backend.RolePlanner})

	if local, err := a.People.Members(ctx); err != nil || len(local) != 0 {
		t.Fatalf("local members: %v %v", local, err)
	}
	team, err := a.People.Members(planner)
	if err != nil || len(team) != 2 || team[0].Name != "ana" || team[0].Active || team[1].ID != 3 {
		t.Fatalf("team members: %+v %v", team, err)
	}

	c, err := a.Campaigns.Create(ctx, backend.Campaign{Name: "Launch", Owner: "Zoe K", Status: backend.StatusPlanned,
		StartDate: "2026-03-01", EndDate: "2026-03-31", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	unmapped, err := a.People.Unmapped(admin)
	if err != nil || len(unmapped) != 1 || unmapped[0].Name != "Zoe K" || unmapped[0].Campaigns != 1 {
		t.Fatalf("unmapped: %+v %v", unmapped, err)
	}

	r, err := a.Registry()
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Call(planner, "People.MapToMember", []byte(`["Zoe K", 3]`))
	if backend.ErrorCode(err) != backend.EFORBIDDEN {
		t.Fatalf("a planner mapped: %v", err)
	}
	out, err := r.Call(admin, "People.MapToMember", []byte(`["Zoe K", 3]`))
	if err != nil {
		t.Fatal(err)
	}
	if m := out.(*backend.PersonRename); m.To != "Zoë" || m.MemberID != 3 || m.Records != 1 {
		t.Fatalf("mapping %+v", m)
	}
	got, _ := a.Campaigns.Get(ctx, c.ID)
	if got.Owner != "Zoë" || got.OwnerID != 3 {
		t.Fatalf("campaign owner %q %d", got.Owner, got.OwnerID)
	}
	if left, _ := a.People.Unmapped(admin); len(left) != 0 {
		t.Fatalf("still unmapped: %+v", left)
	}
	if api.Access["People.Unmapped"] != backend.RoleAdmin || api.Access["People.Members"] != backend.RoleViewer {
		t.Fatal("mapping is the admin's, the members list everyone's")
	}
}
