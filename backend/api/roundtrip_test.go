package api_test

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

// seedWorkspace fills every area with a little of everything, a campaign
// named like a formula among it; it returns the first campaign.
func seedWorkspace(t *testing.T, a *api.API) *backend.Campaign {
	t.Helper()
	team, err := a.Lists.Create(context.Background(), backend.ListTeams, "Brand")
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := a.Lists.Create(context.Background(), backend.ListCategories, "Paid media")
	ch, _ := a.Lists.Create(context.Background(), backend.ListChannels, "Email")
	c, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "Spring launch", TeamID: team.ID, ChannelIDs: []int64{ch.ID}, Tags: []string{"q2"}, Status: backend.StatusPlanned,
		StartDate: "2026-04-01", EndDate: "2026-04-30", Budget: backend.Money{Amount: 120050, Currency: "EUR"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Deliverables.Create(context.Background(), backend.Deliverable{CampaignID: c.ID, Title: "Launch email", Type: backend.TypeEmail, PublishDate: "2026-04-02", Status: backend.DeliverableDraft}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Budget.CreateFiscalYear(context.Background(), 2026, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Budget.SetLines(context.Background(), 2026, []backend.BudgetLine{{TeamID: team.ID, CategoryID: cat.ID, Period: 4, Amount: 500000}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Spend.Create(context.Background(), backend.Spend{Date: "2026-04-03", Amount: backend.Money{Amount: 99900, Currency: "USD"}, TeamID: team.ID, CategoryID: cat.ID, Vendor: "Mailchimp", Status: backend.SpendActual}); err != nil {
		t.Fatal(err)
	}
	v, err := a.Vendors.Create(context.Background(), backend.Vendor{Name: "Mailchimp", Category: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Contracts.Create(context.Background(), backend.Contract{VendorID: v.ID, Product: "Standard", TeamID: team.ID, CategoryID: cat.ID, Cost: backend.Money{Amount: 30000, Currency: "USD"},
		BillingCycle: backend.BillMonthly, StartDate: "2026-01-01", TermMonths: 12, RenewalDate: "2027-01-01", AutoRenew: true, NoticeDays: 30, Status: "active"}); err != nil {
		t.Fatal(err)
	}

	// A name that a spreadsheet would run as a formula stays text.
	if _, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: `=HYPERLINK("http://x","click")`, TeamID: team.ID, Status: backend.StatusIdea,
		StartDate: "2026-05-01", EndDate: "2026-05-02", Budget: backend.Money{Currency: "USD"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Files.AddAsset(context.Background(), "hero.pdf", bytes.NewReader([]byte("%PDF-1.4 hero")), backend.DuplicateAsk); err != nil {
		t.Fatal(err)
	}
	return c
}

// nameStaysText checks that the campaign named like a formula is written
// as text in the workspace workbook.
func nameStaysText(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Campaigns")
	found := false
	for i, r := range rows {
		if len(r) > 1 && r[1] == `=HYPERLINK("http://x","click")` {
			ref, _ := excelize.CoordinatesToCellName(2, i+1)
			formula, _ := f.GetCellFormula("Campaigns", ref)
			typ, _ := f.GetCellType("Campaigns", ref)
			if formula != "" || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
				t.Fatalf("%s: formula %q, type %v: a name must be written as text", ref, formula, typ)
			}
			found = true
		}
	}
	if !found {
		t.Fatal("the campaign named like a formula is missing from the export")
	}

}

// TestWorkspaceRoundTrip exports every area, re-imports the workbook (no
// change), edits it as a person would in Excel, and imports it again: the
// edited row updates, the new row is created, nothing is duplicated.
func TestWorkspaceRoundTrip(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	c := seedWorkspace(t, a)
	export := func() []byte {
		var buf bytes.Buffer
		if err := a.Exports.Workspace(context.Background(), api.WorkspaceRequest{}, &buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	preview := func(kind string, data []byte, commit bool) *transfer.ImportPreview {
		t.Helper()
		p, err := a.ImportFiles.Add(context.Background(), "workspace.xlsx", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		req := api.ImportRequest{Token: p.Token, Options: sheet.Options{Kind: kind}}
		var out *transfer.ImportPreview
		if commit {
			out, err = a.Imports.Commit(context.Background(), req)
		} else {
			out, err = a.Imports.Preview(context.Background(), req)
		}
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		return out
	}
	data := export()
	for _, kind := range []string{"campaigns", "deliverables", "budget", "spend", "vendors", "contracts", "assets"} {
		p := preview(kind, data, false)
		if p.Create != 0 || p.Update != 0 || p.ProblemsTotal != 0 {
			t.Errorf("%s: our own export re-imports with create %d update %d problems %+v (sheet %q)", kind, p.Create, p.Update, p.Problems, p.Sheet)
		}
	}

	nameStaysText(t, data)

	// Edit the workbook as a person would: rename the campaign, change the
	// spend amount, add a vendor row without an ID.
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Campaigns", "B2", "Spring launch 2026")
	f.SetCellValue("Spend", "C2", 1250.5)
	f.SetCellValue("Vendors", "B3", "Canva")
	f.SetCellValue("Vendors", "D3", "design")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	edited := buf.Bytes()
	if p := preview("campaigns", edited, true); p.Update != 1 || p.Create != 0 {
		t.Fatalf("campaigns: update %d create %d %+v", p.Update, p.Create, p.Problems)
	}
	got, _ := a.Campaigns.Get(context.Background(), c.ID)
	if got.Name != "Spring launch 2026" || got.Budget.Amount != 120050 || got.Budget.Currency != "EUR" || len(got.ChannelIDs) != 1 {
		t.Fatalf("campaign after re-import: %+v", got)
	}
	if p := preview("spend", edited, true); p.Update != 1 || p.Create != 0 {
		t.Fatalf("spend: %+v", p)
	}
	if p := preview("vendors", edited, true); p.Update != 0 || p.Create != 1 {
		t.Fatalf("vendors: update %d create %d %+v", p.Update, p.Create, p.Problems)
	}
	// And once more: nothing left to change.
	for _, kind := range []string{"campaigns", "spend", "vendors"} {
		if p := preview(kind, edited, false); p.Create != 0 || p.Update != 0 {
			t.Errorf("%s second re-import: create %d update %d", kind, p.Create, p.Update)
		}
	}
}

// listRows exports a list and reads one of its sheets back.
func listRows(t *testing.T, a *api.API, req api.ListRequest, sheet string) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := a.Exports.List(context.Background(), req, &buf); err != nil {
		t.Fatalf("%s: %v", req.Kind, err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v (sheets %v)", req.Kind, err, f.GetSheetList())
	}
	return rows
}

// seedCalendar adds deliverables and tasks in March, April and May, of
// the campaign and standalone.
func seedCalendar(t *testing.T, a *api.API, campaignID int64) {
	t.Helper()
	for _, d := range []backend.Deliverable{
		{CampaignID: campaignID, Title: "=1+1", Type: "blog_post", PublishDate: "2026-03-10", Status: "idea"},
		{CampaignID: campaignID, Title: "Launch video", Type: "ad", PublishDate: "2026-04-20", Status: "idea"},
		{Title: "Newsletter", Type: "email", PublishDate: "2026-03-12", Status: "idea"},
	} {
		if _, err := a.Deliverables.Create(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []backend.Milestone{{CampaignID: campaignID, Title: "Brief", DueDate: "2026-03-03", Owner: "Dana"}, {Title: "Board pack", DueDate: "2026-05-03"}} {
		if _, err := a.Milestones.Create(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
}

func TestListExports(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	team, _ := a.Lists.Create(context.Background(), backend.ListTeams, "Brand")
	cat, _ := a.Lists.Create(context.Background(), backend.ListCategories, "Events")
	if _, err := a.Budget.CreateFiscalYear(context.Background(), 2026, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"Hall", "Printer"} {
		if _, err := a.Spend.Create(context.Background(), backend.Spend{Date: "2026-03-02", Amount: backend.Money{Amount: 10000, Currency: "USD"}, TeamID: team.ID, CategoryID: cat.ID, Vendor: v, Status: backend.SpendActual}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := a.Exports.List(context.Background(), api.ListRequest{Kind: "spend", Spend: backend.SpendFilter{Vendor: "Hall"}}, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Spend")
	if len(rows) != 2 || rows[1][6] != "Hall" {
		t.Fatalf("the filtered list: %q", rows)
	}
	if err := a.Exports.List(context.Background(), api.ListRequest{Kind: "budgets"}, io.Discard); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("an unknown list: %v", err)
	}

	// Deliverables and tasks: the calendar's range, or one campaign's.
	cp, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "Spring", Status: backend.StatusPlanned, StartDate: "2026-03-01", EndDate: "2026-04-30", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	seedCalendar(t, a, cp.ID)
	march := &backend.CalendarFilter{From: "2026-03-01", To: "2026-03-31"}
	rows = listRows(t, a, api.ListRequest{Kind: "calendar", Calendar: march}, "Deliverables")
	if len(rows) != 3 || rows[1][1] != "=1+1" || rows[1][3] != "Spring" || rows[2][1] != "Newsletter" {
		t.Fatalf("March's deliverables: %q", rows)
	}
	if rows = listRows(t, a, api.ListRequest{Kind: "calendar", Calendar: march}, "Tasks"); len(rows) != 2 || rows[1][1] != "Brief" || rows[1][4] != "Dana" {
		t.Fatalf("March's tasks: %q", rows)
	}
	if rows = listRows(t, a, api.ListRequest{Kind: "deliverables", CampaignID: cp.ID}, "Deliverables"); len(rows) != 3 || rows[2][1] != "Launch video" {
		t.Fatalf("the campaign's deliverables: %q", rows)
	}
	if rows = listRows(t, a, api.ListRequest{Kind: "tasks"}, "Tasks"); len(rows) != 2 || rows[1][1] != "Board pack" {
		t.Fatalf("the standalone tasks: %q", rows)
	}
	// A title like a formula stays text.
	var dl bytes.Buffer
	a.Exports.List(context.Background(), api.ListRequest{Kind: "deliverables", CampaignID: cp.ID}, &dl)
	fd, _ := excelize.OpenReader(&dl)
	if formula, _ := fd.GetCellFormula("Deliverables", "B2"); formula != "" {
		t.Fatalf("a title became the formula %q", formula)
	}
	if err := a.Exports.List(context.Background(), api.ListRequest{Kind: "calendar", Calendar: &backend.CalendarFilter{From: "2026-04-01", To: "2026-03-01"}}, io.Discard); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("a backwards range: %v", err)
	}

	// Budget lines of one fiscal year; requests with their decision.
	a.Budget.CreateFiscalYear(context.Background(), 2027, backend.Monthly)
	a.Budget.SetLines(context.Background(), 2026, []backend.BudgetLine{{TeamID: team.ID, CategoryID: cat.ID, Period: 1, Amount: 500_00}})
	a.Budget.SetLines(context.Background(), 2027, []backend.BudgetLine{{TeamID: team.ID, CategoryID: cat.ID, Period: 2, Amount: 700_00}})
	if rows = listRows(t, a, api.ListRequest{Kind: "budget", FiscalYear: 2027}, "Budget"); len(rows) != 2 || rows[1][2] != "2027-02-01" {
		t.Fatalf("2027's plan: %q", rows)
	}
	r, err := a.Requests.Create(context.Background(), backend.SpendRequest{Requester: "Sam", TeamID: team.ID, CategoryID: cat.ID, Amount: backend.Money{Amount: 250_00, Currency: "USD"}, Purpose: "Booth",
		Date: "2027-05-20", Vendor: "Expo Hall", CampaignID: cp.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Requests.Decide(context.Background(), r.ID, backend.Decision{By: "Dana", Reason: "Over plan", Version: r.Version}); err != nil {
		t.Fatal(err)
	}
	rows = listRows(t, a, api.ListRequest{Kind: "requests"}, "Requests")
	if len(rows) != 2 || rows[1][2] != "Sam" || rows[1][7] != "Booth" || rows[1][8] != "rejected" || rows[1][10] != "Dana" || rows[1][11] != "Over plan" ||
		rows[1][12] != "2027-05-20" || rows[1][13] != "Expo Hall" || rows[1][14] != cp.Name {
		t.Fatalf("requests: %q", rows)
	}
}

// A list exported with Persian column names imports back when the importer
// is given the same names: the round trip works in the user's language.
func TestListExport_Labels(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	if _, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "کمپین یلدا", Status: backend.StatusPlanned, StartDate: "2026-12-01", EndDate: "2026-12-21", Budget: backend.Money{Amount: 12_500_00, Currency: "USD"}}); err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{"id": "شناسه", "title": "عنوان کار", "dueDate": "موعد", "name": "نام", "startDate": "آغاز", "endDate": "پایان کار", "budget": "بودجهٔ برنامه"}
	if _, err := a.Milestones.Create(context.Background(), backend.Milestone{Title: "بریف آژانس", DueDate: "2026-11-30"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := a.Exports.List(context.Background(), api.ListRequest{Kind: "tasks", Labels: labels}, &buf); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenReader(&buf)
	rows, _ := f.GetRows("Tasks")
	if len(rows) != 2 || rows[0][0] != "شناسه" || rows[0][1] != "عنوان کار" || rows[0][2] != "موعد" || rows[0][3] != "Campaign" || rows[1][1] != "بریف آژانس" {
		t.Fatalf("tasks with Persian headers: %q", rows)
	}
	// The importer matches those names when the UI passes them.
	csv := "شناسه,نام,آغاز,پایان کار,بودجهٔ برنامه\n,کمپین نوروز,2027-03-15,2027-04-02,5000\n"
	pending, err := a.ImportFiles.Add(context.Background(), "نوروز.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.Imports.Preview(context.Background(), api.ImportRequest{Token: pending.Token, Options: sheet.Options{Kind: "campaigns", Labels: labels}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range p.Columns {
		got[c.Key] = c.Field
		if c.By != "header" {
			t.Errorf("column %s (%s) mapped by %s, not by its name", c.Key, c.Header, c.By)
		}
	}
	if got["A"] != "id" || got["B"] != "name" || got["C"] != "startDate" || got["D"] != "endDate" || got["E"] != "budget" || p.Create != 1 {
		t.Fatalf("mapping %v, %d to create", got, p.Create)
	}

	// The workspace workbook too: Persian sheet and column names, and an
	// import told those names finds the campaigns sheet and its columns
	// without being told the kind.
	labels["sheet.campaigns"] = "کمپین‌ها"
	labels["sheet.spend"] = "هزینه‌کرد"
	buf.Reset()
	if err := a.Exports.Workspace(context.Background(), api.WorkspaceRequest{Areas: []string{"spend", "campaigns"}, Labels: labels}, &buf); err != nil {
		t.Fatal(err)
	}
	fw, _ := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if got := strings.Join(fw.GetSheetList(), ","); got != "کمپین‌ها,هزینه‌کرد" {
		t.Fatalf("sheets %s", got)
	}
	pending, err = a.ImportFiles.Add(context.Background(), "فضای کاری.xlsx", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	p, err = a.Imports.Preview(context.Background(), api.ImportRequest{Token: pending.Token, Options: sheet.Options{Labels: labels}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != "campaigns" || p.Sheet != "کمپین‌ها" || p.Skip != 1 || p.Create != 0 {
		t.Fatalf("re-import: kind %s, sheet %s, %d/%d/%d", p.Kind, p.Sheet, p.Create, p.Update, p.Skip)
	}
}
