package sqlite_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
)

// versioned is one kind of record a person edits: how to make one, save a
// change of its text over a version, read that text back from a
// conflict's current record, and delete it at a version.
type versioned struct {
	name   string
	create func(t *testing.T) (id, version int64)
	edit   func(id, version int64, text string) (int64, error)
	text   func(current any) (text string, version int64)
	del    func(id, version int64) error
}

// versionedKinds returns every kind of record, stored in one workspace.
// long: one table of every kind a person edits, four small closures each.
func versionedKinds(t *testing.T) []versioned {
	ctx := context.Background()
	x := newContractFixture(t)
	camps := sqlite.NewCampaignService(x.db)
	ds, ms, gs := sqlite.NewDeliverableService(x.db), sqlite.NewMilestoneService(x.db), sqlite.NewGoalService(x.db)
	store, err := files.New(filepath.Join(t.TempDir(), "assets"))
	if err != nil {
		t.Fatal(err)
	}
	assets := sqlite.NewAssetService(x.db, store)
	campaign := newCampaign("Holder")
	if err := camps.CreateCampaign(ctx, campaign); err != nil {
		t.Fatal(err)
	}
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	return []versioned{{
		name: "campaign",
		create: func(t *testing.T) (int64, int64) {
			c := newCampaign("Spring launch")
			must(t, camps.CreateCampaign(ctx, c))
			return c.ID, c.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			c, err := camps.UpdateCampaign(ctx, id, backend.CampaignUpdate{Version: v, Notes: &text})
			return version(c, err, func() int64 { return c.Version })
		},
		text: func(cur any) (string, int64) { c := cur.(*backend.Campaign); return c.Notes, c.Version },
		del:  func(id, v int64) error { return camps.DeleteCampaign(ctx, id, v) },
	}, {
		name: "deliverable",
		create: func(t *testing.T) (int64, int64) {
			d := &backend.Deliverable{CampaignID: campaign.ID, Title: "Blog", Type: backend.TypeBlogPost, PublishDate: "2026-03-20", Status: backend.DeliverableDraft}
			must(t, ds.CreateDeliverable(ctx, d))
			return d.ID, d.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			d, err := ds.UpdateDeliverable(ctx, id, backend.DeliverableUpdate{Version: v, Notes: &text})
			return version(d, err, func() int64 { return d.Version })
		},
		text: func(cur any) (string, int64) { d := cur.(*backend.Deliverable); return d.Notes, d.Version },
		del:  func(id, v int64) error { return ds.DeleteDeliverable(ctx, id, v) },
	}, {
		name: "milestone",
		create: func(t *testing.T) (int64, int64) {
			m := &backend.Milestone{CampaignID: campaign.ID, Title: "Brief", DueDate: "2026-02-25"}
			must(t, ms.CreateMilestone(ctx, m))
			return m.ID, m.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			m, err := ms.UpdateMilestone(ctx, id, backend.MilestoneUpdate{Version: v, Title: &text})
			return version(m, err, func() int64 { return m.Version })
		},
		text: func(cur any) (string, int64) { m := cur.(*backend.Milestone); return m.Title, m.Version },
		del:  func(id, v int64) error { return ms.DeleteMilestone(ctx, id, v) },
	}, {
		name: "goal",
		create: func(t *testing.T) (int64, int64) {
			g := &backend.Goal{CampaignID: campaign.ID, Metric: backend.MetricCustom, CustomMetric: "Sign-ups", Target: "100", DueDate: "2026-03-31"}
			must(t, gs.CreateGoal(ctx, g))
			return g.ID, g.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			g, err := gs.UpdateGoal(ctx, id, backend.GoalUpdate{Version: v, CustomMetric: &text})
			return version(g, err, func() int64 { return g.Version })
		},
		text: func(cur any) (string, int64) { g := cur.(*backend.Goal); return g.CustomMetric, g.Version },
		del:  func(id, v int64) error { return gs.DeleteGoal(ctx, id, v) },
	}, {
		name: "spend",
		create: func(t *testing.T) (int64, int64) {
			sp := &backend.Spend{Date: "2026-05-02", Amount: backend.Money{Amount: 10_000, Currency: "USD"}, TeamID: x.demand, CategoryID: x.ads, Status: backend.SpendActual}
			must(t, x.spend.CreateSpend(ctx, sp))
			return sp.ID, sp.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			sp, err := x.spend.UpdateSpend(ctx, id, backend.SpendUpdate{Version: v, Note: &text})
			return version(sp, err, func() int64 { return sp.Version })
		},
		text: func(cur any) (string, int64) { sp := cur.(*backend.Spend); return sp.Note, sp.Version },
		del:  func(id, v int64) error { return x.spend.DeleteSpend(ctx, id, v) },
	}, {
		name: "vendor",
		create: func(t *testing.T) (int64, int64) {
			n++
			v := &backend.Vendor{Name: "Vendor " + string(rune('A'+n)), Category: "crm"}
			must(t, x.vendors.CreateVendor(ctx, v))
			return v.ID, v.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			cur, err := x.vendors.FindVendorByID(ctx, id)
			if err != nil {
				return 0, err
			}
			cur.Version, cur.Notes = v, text
			got, err := x.vendors.UpdateVendor(ctx, id, *cur)
			return version(got, err, func() int64 { return got.Version })
		},
		text: func(cur any) (string, int64) { v := cur.(*backend.Vendor); return v.Notes, v.Version },
		del:  func(id, v int64) error { return x.vendors.DeleteVendor(ctx, id, v) },
	}, {
		name: "contract",
		create: func(t *testing.T) (int64, int64) {
			c := x.base()
			c.Product = "Sales Hub"
			must(t, x.contracts.CreateContract(ctx, &c))
			return c.ID, c.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			cur, err := x.contracts.FindContractByID(ctx, id)
			if err != nil {
				return 0, err
			}
			cur.Version, cur.Notes = v, text
			got, err := x.contracts.UpdateContract(ctx, id, *cur)
			return version(got, err, func() int64 { return got.Version })
		},
		text: func(cur any) (string, int64) { c := cur.(*backend.Contract); return c.Notes, c.Version },
		del:  func(id, v int64) error { return x.contracts.DeleteContract(ctx, id, v) },
	}, {
		name: "asset",
		create: func(t *testing.T) (int64, int64) {
			n++
			res, err := assets.AddAssetFile(ctx, "brief.txt", bytes.NewReader([]byte{byte(n), 'x'}), backend.DuplicateKeepBoth)
			must(t, err)
			return res.Asset.ID, res.Asset.Version
		},
		edit: func(id, v int64, text string) (int64, error) {
			cur, err := assets.FindAssetByID(ctx, id)
			if err != nil {
				return 0, err
			}
			cur.Version, cur.Description = v, text
			got, err := assets.UpdateAsset(ctx, id, *cur)
			return version(got, err, func() int64 { return got.Version })
		},
		text: func(cur any) (string, int64) { a := cur.(*backend.Asset); return a.Description, a.Version },
		del:  func(id, v int64) error { return assets.DeleteAsset(ctx, id, v) },
	}}
}

// version returns the version of a saved record, or the error.
func version[T any](rec *T, err error, v func() int64) (int64, error) {
	if err != nil {
		return 0, err
	}
	return v(), nil
}

// conflictOf returns the conflict error err holds, or fails.
func conflictOf(t *testing.T, err error) *backend.Error {
	t.Helper()
	var e *backend.Error
	if !errors.As(err, &e) || e.Code != backend.ECONFLICT || e.Current == nil {
		t.Fatalf("want a conflict with the current record, got %v", err)
	}
	return e
}

// Two people open the same record; the first saves. The second's save,
// made to the version they opened, is refused with the record as the
// first left it, and stores nothing; saved again over the new version it
// goes through and changes the version. Deleting at an older version is
// refused the same way.
func TestVersions_StaleSaveIsAConflict(t *testing.T) {
	for _, k := range versionedKinds(t) {
		t.Run(k.name, func(t *testing.T) {
			id, v1 := k.create(t)
			if v1 == 0 {
				t.Fatalf("a new %s has no version", k.name)
			}
			v2, err := k.edit(id, v1, "Dana's change")
			if err != nil {
				t.Fatal(err)
			}
			if v2 == v1 {
				t.Fatalf("a save kept version %d", v1)
			}
			_, err = k.edit(id, v1, "Sam's change")
			text, cur := k.text(conflictOf(t, err).Current)
			if text != "Dana's change" || cur != v2 {
				t.Fatalf("current = %q at %d, want Dana's change at %d", text, cur, v2)
			}
			wantCode(t, k.del(id, v1), backend.ECONFLICT)
			v3, err := k.edit(id, v2, "Sam's change")
			if err != nil {
				t.Fatalf("saving over the version now stored: %v", err)
			}
			if v3 == v2 {
				t.Fatalf("a save kept version %d", v2)
			}
			wantCode(t, k.del(id, v2), backend.ECONFLICT)
			if err := k.del(id, v3); err != nil {
				t.Fatalf("deleting the version now stored: %v", err)
			}
			wantCode(t, k.del(id, v3), backend.ENOTFOUND)
		})
	}
}
