package api_test

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
)

func TestAudit_HistoryLogAndExport(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	reg, err := a.Registry()
	if err != nil {
		t.Fatal(err)
	}
	admin := backend.WithActor(context.Background(), &backend.Actor{PersonID: 1, Name: "Ana", Role: backend.RoleAdmin})
	viewer := backend.WithActor(context.Background(), &backend.Actor{PersonID: 2, Name: "Vic", Role: backend.RoleViewer})
	c, err := a.Campaigns.Create(admin, backend.Campaign{Name: "Spring", Status: backend.StatusPlanned,
		StartDate: "2026-01-01", EndDate: "2026-01-31", Budget: backend.Money{Amount: 100_000, Currency: "EUR"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Campaigns.Update(admin, c.ID, backend.CampaignUpdate{Version: c.Version, Budget: &backend.Money{Amount: 150_050, Currency: "EUR"}}); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(c.ID, 10)

	t.Run("ViewerReadsARecordsHistory", func(t *testing.T) {
		out, err := reg.Call(viewer, "Audit.Record", []byte(`["campaign","`+id+`",0,0]`))
		if err != nil {
			t.Fatal(err)
		}
		page := out.(*backend.ChangePage)
		if page.Total != 2 || page.Changes[0].Action != backend.AuditChanged || page.Changes[0].Who != "Ana" {
			t.Fatalf("history = %+v", page)
		}
		if _, err := a.Audit.Record(viewer, "", "", 0, 0); backend.ErrorCode(err) != backend.EINVALID {
			t.Fatalf("history without a record: %v", err)
		}
	})
	t.Run("OnlyAnAdminReadsTheLog", func(t *testing.T) {
		if _, err := reg.Call(viewer, "Audit.Log", []byte(`[{}]`)); backend.ErrorCode(err) != backend.EFORBIDDEN {
			t.Fatalf("viewer reading the log: %v", err)
		}
		out, err := reg.Call(admin, "Audit.Log", []byte(`[{"memberId":1}]`))
		if err != nil || out.(*backend.ChangePage).Total != 2 {
			t.Fatalf("admin's log = %+v, %v", out, err)
		}
		authors, err := a.Audit.Authors(context.Background())
		if err != nil || len(authors) != 1 || authors[0].Name != "Ana" {
			t.Fatalf("authors = %+v, %v", authors, err)
		}
	})
	t.Run("ExportInTheUsersWords", func(t *testing.T) { wantAuditExport(t, a, admin, viewer) })
}

// wantAuditExport exports the log of TestAudit_HistoryLogAndExport in
// Polish words: refused to a viewer, the change's row first for an admin.
func wantAuditExport(t *testing.T, a *api.API, admin, viewer context.Context) {
	req := api.AuditRequest{Labels: sheet.AuditLabels{Sheet: "Aktywność", Headers: map[string]string{"who": "Kto"},
		Kinds: map[string]string{"campaign": "Kampania"}, Actions: map[string]string{"changed": "zmieniono"},
		Fields: map[string]string{"budget": "Budżet", "status": "Status"}, Values: map[string]string{"campaign.status=planned": "Zaplanowana"}}}
	if err := a.Exports.Audit(viewer, req, io.Discard); backend.ErrorCode(err) != backend.EFORBIDDEN {
		t.Fatalf("viewer exporting the log: %v", err)
	}
	var buf bytes.Buffer
	if err := a.Exports.Audit(admin, req, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Aktywność")
	if err != nil {
		t.Fatal(err)
	}
	// Header, the change's one field, then the creation's fields.
	if len(rows) < 3 || rows[0][1] != "Kto" || rows[0][5] != "Field" {
		t.Fatalf("rows = %v", rows)
	}
	got := rows[1]
	if got[1] != "Ana" || got[2] != "Kampania" || got[3] != "Spring" || got[4] != "zmieniono" || got[5] != "Budżet" ||
		got[6] != `1,000.00 "EUR"` && got[6] != "1,000.00 EUR" {
		t.Fatalf("change row = %q", got)
	}
	if v, _ := f.GetCellValue("Aktywność", "H2", excelize.Options{RawCellValue: true}); v != "1500.5" {
		t.Fatalf("after = %q, want the number 1500.5", v)
	}
	status := false
	for _, r := range rows {
		status = status || len(r) == 8 && r[5] == "Status" && r[7] == "Zaplanowana"
	}
	if !status {
		t.Fatalf("no status row in the user's words: %q", rows)
	}
	d, ok := a.Exports.Download("audit")
	if !ok || d.Path() != "/export/audit.xlsx" || d.TitleKey != "audit.export_title" {
		t.Fatalf("download = %+v", d)
	}
}
