package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// The test clock (newAPI) is 2026-11-23.
func TestDashboard(t *testing.T) {
	a, _ := newAPI(t, io.Discard)
	empty, err := a.Dashboard.Get(context.Background(), api.DashboardRequest{From: "2026-11-01", To: "2026-11-30"})
	if err != nil {
		t.Fatal(err)
	}
	if empty.Budget != nil || len(empty.Planning.ByStatus) != 0 || strings.Contains(string(empty.ByStatus), `"series":[{`) {
		t.Fatalf("an empty workspace: %+v", empty)
	}
	if _, err := a.Dashboard.Get(context.Background(), api.DashboardRequest{From: "2026-11-30", To: "2026-11-01"}); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("a period that ends before it starts: %v", err)
	}

	fillDashboard(t, a)

	d, err := a.Dashboard.Get(context.Background(), api.DashboardRequest{From: "2026-11-01", To: "2026-11-30", Labels: api.DashboardLabels{Statuses: map[string]string{"planned": "Planned"}}})
	if err != nil {
		t.Fatal(err)
	}
	b := d.Budget
	if b == nil || b.FromPeriod != 11 || b.ToPeriod != 11 || b.Totals.Planned != 1_000_000 || b.Totals.Actual != 250_000 || b.Totals.Available != 750_000 {
		t.Fatalf("budget %+v", b)
	}
	p := d.Planning
	if len(p.ByStatus) != 1 || p.ByStatus[0].Count != 1 || len(p.ByChannel) != 1 || p.ByChannel[0].Name != "Email" {
		t.Fatalf("campaigns in November: %+v %+v", p.ByStatus, p.ByChannel)
	}
	if p.GoalsOffTrack != 1 || p.GoalsOnTrack != 0 || p.OverdueTaskCount != 1 || p.OverdueTasks[0].Title != "Brief the agency" {
		t.Fatalf("goals and tasks: %+v", p)
	}
	if p.LaunchesCount != 1 || p.Launches[0].Title != "Spring launch" || p.DeliverablesCount != 1 || p.Deliverables[0].CampaignName != "Winter sale" {
		t.Fatalf("launches and deliverables: %+v", p)
	}
	// Cancel by 2026-12-16 (30 days' notice), renews 2027-01-15.
	if d.Within != [3]int{1, 2, 2} || d.Renewals[0].Date != "2026-12-16" {
		t.Fatalf("renewals within 30/60/90: %v %+v", d.Within, d.Renewals)
	}
	// The goals tile's list: campaigns with a goal off track, here and
	// not for a goal that is met or not yet due (Spring launch's).
	spring, _ := a.Campaigns.Find(context.Background(), backend.CampaignFilter{Search: "Spring"})
	for _, g := range []backend.Goal{
		{CampaignID: spring.Campaigns[0].ID, Metric: "leads", Target: "10.5", Actual: "10.50", DueDate: "2026-11-01"},
		{CampaignID: spring.Campaigns[0].ID, Metric: "mqls", Target: "10", Actual: "2", DueDate: "2026-12-20"},
	} {
		if _, err := a.Goals.Create(context.Background(), g); err != nil {
			t.Fatal(err)
		}
	}
	off, err := a.Campaigns.Find(context.Background(), backend.CampaignFilter{OffTrack: true})
	if err != nil || off.Total != 1 || off.Campaigns[0].Name != "Winter sale" {
		t.Fatalf("campaigns off track: %+v %v", off, err)
	}
	var byStatus map[string]any
	if err := json.Unmarshal(d.ByStatus, &byStatus); err != nil || !strings.Contains(string(d.ByStatus), `"Planned"`) {
		t.Fatalf("status chart: %s %v", d.ByStatus, err)
	}
}

func TestReport(t *testing.T) {
	a, _ := newAPIWith(t, io.Discard, func(s *api.Services) { s.ChartScript = []byte("window.echarts = null;") })
	team, _ := a.Lists.Create(context.Background(), backend.ListTeams, "Brand")
	cat, _ := a.Lists.Create(context.Background(), backend.ListCategories, "Events")
	cp, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "Winter sale", TeamID: team.ID, Status: backend.StatusPlanned,
		StartDate: "2026-11-01", EndDate: "2026-12-31", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	a.Goals.Create(context.Background(), backend.Goal{CampaignID: cp.ID, Metric: "leads", Target: "100", Actual: "20", DueDate: "2026-11-20"})
	a.Budget.CreateFiscalYear(context.Background(), 2026, backend.Monthly)
	a.Budget.SetLines(context.Background(), 2026, []backend.BudgetLine{{TeamID: team.ID, CategoryID: cat.ID, Period: 11, Amount: 1_000_000}})
	a.Spend.Create(context.Background(), backend.Spend{Date: "2026-11-05", Amount: backend.Money{Amount: 250_000, Currency: "USD"}, TeamID: team.ID, CategoryID: cat.ID, Status: backend.SpendActual, CampaignID: cp.ID})

	var buf bytes.Buffer
	if err := a.Exports.Report(context.Background(), api.ReportRequest{From: "2026-11-01", To: "2026-11-30", Words: map[string]string{"status.planned": "Planned", "goal.leads": "Leads"}}, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Campaigns")
	if len(rows) < 2 || rows[1][0] != "Winter sale" || !strings.Contains(rows[1][5], "Leads 20/100 (20%) ⚠") {
		t.Fatalf("campaign rows %q", rows)
	}
	budget, _ := f.GetRows("Budget")
	// A line, the total, then what variance means.
	if len(budget) != 5 || budget[1][0] != "Brand" || budget[1][2] != "10,000.00 USD" || budget[2][0] != "Total" || !strings.HasPrefix(budget[4][0], "Variance % is") {
		t.Fatalf("budget rows %q", budget)
	}
	if err := a.Exports.Report(context.Background(), api.ReportRequest{From: "2026-11-30", To: "2026-11-01"}, io.Discard); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("a backwards period: %v", err)
	}

	// The same report as a web page, in the user's language.
	req := api.ReportRequest{From: "2026-11-01", To: "2026-11-30", Format: "html", Lang: "pl", Words: map[string]string{"title": "Raport dla zarządu"}}
	if got := a.Exports.ReportFileName(req); got != "executive-report-2026-11-01-to-2026-11-30.html" {
		t.Fatalf("file name %q", got)
	}
	buf.Reset()
	if err := a.Exports.Report(context.Background(), req, &buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{`<html lang="pl" dir="ltr">`, "Raport dla zarządu", `<td class="name">Winter sale</td>`, "window.echarts = null;",
		`<data class="money" value="1000000" data-currency="USD" data-minor="2">10,000.00 USD</data>`} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	req.Format = "pdf"
	if err := a.Exports.Report(context.Background(), req, io.Discard); backend.ErrorCode(err) != backend.EINVALID {
		t.Fatalf("a report as PDF: %v", err)
	}
}

// fillDashboard gives a workspace what each dashboard tile shows in
// November 2026: Brand's Winter sale (Email) running with a goal off
// track, an overdue task and a deliverable due, Spring launch starting in
// December, a budget with actual spend, and a contract to renew.
func fillDashboard(t *testing.T, a *api.API) {
	t.Helper()
	team, _ := a.Lists.Create(context.Background(), backend.ListTeams, "Brand")
	cat, _ := a.Lists.Create(context.Background(), backend.ListCategories, "Events")
	ch, _ := a.Lists.Create(context.Background(), backend.ListChannels, "Email")
	live, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "Winter sale", TeamID: team.ID, ChannelIDs: []int64{ch.ID}, Status: backend.StatusPlanned,
		StartDate: "2026-11-01", EndDate: "2026-12-31", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "Spring launch", TeamID: team.ID, Status: backend.StatusPlanned,
		StartDate: "2026-12-10", EndDate: "2027-01-31", Budget: backend.Money{Currency: "USD"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Goals.Create(context.Background(), backend.Goal{CampaignID: live.ID, Metric: "leads", Target: "100", Actual: "20", DueDate: "2026-11-20"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Milestones.Create(context.Background(), backend.Milestone{CampaignID: live.ID, Title: "Brief the agency", DueDate: "2026-11-10"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Deliverables.Create(context.Background(), backend.Deliverable{CampaignID: live.ID, Title: "Sale email", Type: backend.TypeEmail, PublishDate: "2026-11-28", Status: backend.DeliverableDraft}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Budget.CreateFiscalYear(context.Background(), 2026, backend.Monthly); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Budget.SetLines(context.Background(), 2026, []backend.BudgetLine{{TeamID: team.ID, CategoryID: cat.ID, Period: 11, Amount: 1_000_000}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Spend.Create(context.Background(), backend.Spend{Date: "2026-11-05", Amount: backend.Money{Amount: 250_000, Currency: "USD"}, TeamID: team.ID, CategoryID: cat.ID, Status: backend.SpendActual}); err != nil {
		t.Fatal(err)
	}
	v, _ := a.Vendors.Create(context.Background(), backend.Vendor{Name: "Canva", Category: "design"})
	if _, err := a.Contracts.Create(context.Background(), backend.Contract{VendorID: v.ID, Product: "Teams", TeamID: team.ID, CategoryID: cat.ID, Cost: backend.Money{Amount: 12000, Currency: "USD"},
		BillingCycle: backend.BillAnnual, StartDate: "2026-01-15", TermMonths: 12, RenewalDate: "2027-01-15", AutoRenew: true, NoticeDays: 30, Status: "active"}); err != nil {
		t.Fatal(err)
	}
}
