package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
)

// seedYear fills a workspace with a fiscal year of 100,000 spend entries,
// 5,000 campaigns (with a goal each) and 500 contracts.
func seedYear(b *testing.B) *api.API {
	b.Helper()
	// A stand-in for ECharts of its size (1.1 MB), for the HTML report.
	library := []byte("/*" + strings.Repeat("x", 1_100_000) + "*/")
	a, _ := newAPIWith(b, io.Discard, func(s *api.Services) { s.ChartScript = library })
	var teams, cats []int64
	for i := 0; i < 4; i++ {
		t, _ := a.Lists.Create(context.Background(), backend.ListTeams, fmt.Sprintf("Team %d", i))
		c, _ := a.Lists.Create(context.Background(), backend.ListCategories, fmt.Sprintf("Category %d", i))
		teams, cats = append(teams, t.ID), append(cats, c.ID)
	}
	if _, err := a.Budget.CreateFiscalYear(context.Background(), 2026, backend.Monthly); err != nil {
		b.Fatal(err)
	}
	var lines []backend.BudgetLine
	for _, t := range teams {
		for _, c := range cats {
			for p := 1; p <= 12; p++ {
				lines = append(lines, backend.BudgetLine{TeamID: t, CategoryID: c, Period: p, Amount: 1_000_000})
			}
		}
	}
	if _, err := a.Budget.SetLines(context.Background(), 2026, lines); err != nil {
		b.Fatal(err)
	}
	// Spend through the importer's bulk path: the quickest honest way in.
	var csv strings.Builder
	csv.WriteString("Date,Amount,Currency,Team,Category,Vendor,Reference\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&csv, "2026-%02d-%02d,%d.%02d,USD,Team %d,Category %d,Vendor %d,R%d\n", i%12+1, i%28+1, i%5000+1, i%100, i%4, (i/4)%4, i%50, i)
	}
	pending, err := a.ImportFiles.Add(context.Background(), "spend.csv", strings.NewReader(csv.String()))
	if err != nil {
		b.Fatal(err)
	}
	if out, err := a.Imports.Commit(context.Background(), api.ImportRequest{Token: pending.Token, Options: sheet.Options{Kind: "spend"}}); err != nil || out.Create != 100_000 {
		b.Fatalf("seed spend: %v %+v", err, out)
	}
	for i := 0; i < 5000; i++ {
		m := i%12 + 1
		c, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: fmt.Sprintf("Campaign %d", i), TeamID: teams[i%4], Status: backend.StatusPlanned,
			StartDate: fmt.Sprintf("2026-%02d-01", m), EndDate: fmt.Sprintf("2026-%02d-28", m), Budget: backend.Money{Currency: "USD"}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := a.Goals.Create(context.Background(), backend.Goal{CampaignID: c.ID, Metric: "leads", Target: "100", Actual: fmt.Sprint(i % 150), DueDate: fmt.Sprintf("2026-%02d-28", m)}); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 500; i++ {
		v, err := a.Vendors.Create(context.Background(), backend.Vendor{Name: fmt.Sprintf("Vendor %d", i), Category: "other"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := a.Contracts.Create(context.Background(), backend.Contract{VendorID: v.ID, Product: "Plan", TeamID: teams[i%4], CategoryID: cats[i%4], Cost: backend.Money{Amount: 10_000, Currency: "USD"},
			BillingCycle: backend.BillMonthly, StartDate: "2026-01-01", TermMonths: 12, RenewalDate: "2027-01-01", AutoRenew: true, NoticeDays: 30, Status: "active", SeatsBought: 10, SeatsUsed: 5}); err != nil {
			b.Fatal(err)
		}
	}
	return a
}

// BenchmarkDashboard is the dashboard's data for a month and for the
// fiscal year of the seeded workspace (target: 200 ms).
func BenchmarkDashboard(b *testing.B) {
	a := seedYear(b)
	for _, p := range []struct{ name, from, to string }{{"Month", "2026-11-01", "2026-11-30"}, {"FiscalYear", "2026-01-01", "2026-12-31"}} {
		b.Run(p.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := a.Dashboard.Get(context.Background(), api.DashboardRequest{From: p.from, To: p.to}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, format := range []string{"xlsx", "html"} {
		b.Run("Report/"+format, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := a.Exports.Report(context.Background(), api.ReportRequest{From: "2026-01-01", To: "2026-12-31", Format: format}, &buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
