package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
)

// importCSV imports a CSV file of a kind through the API, wanting every
// row created.
func importCSV(tb testing.TB, a *api.API, kind, body string, rows int) {
	tb.Helper()
	pending, err := a.ImportFiles.Add(context.Background(), kind+".csv", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	if out, err := a.Imports.Commit(context.Background(), api.ImportRequest{Token: pending.Token, Options: sheet.Options{Kind: kind}}); err != nil || out.Create != rows {
		tb.Fatalf("import %s: %v %+v", kind, err, out)
	}
}

// seedReport fills a workspace for the executive report: a fiscal year,
// campaigns campaigns (a goal each, revenue on some) and 100,000 spend
// lines spread over them in four currencies: USD (the base), EUR with
// monthly rates, GBP at a planning rate only (assumed) and JPY with no
// rate at all (missing).
func seedReport(tb testing.TB, campaigns int) *api.API {
	tb.Helper()
	a, _ := newAPIWith(tb, io.Discard, func(*api.Services) {})
	if _, err := a.Budget.CreateFiscalYear(context.Background(), 2026, backend.Monthly); err != nil {
		tb.Fatal(err)
	}
	for m := 1; m <= 12; m += 2 {
		if err := a.Budget.SetFXRate(context.Background(), backend.FXRate{Currency: "EUR", Month: fmt.Sprintf("2026-%02d", m), Rate: "1.08"}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := a.Budget.SetPlanningRate(context.Background(), backend.PlanningRate{Currency: "GBP", Rate: "1.25"}); err != nil {
		tb.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("Name,Team,Status,Start,End,Revenue\n")
	for i := 0; i < campaigns; i++ {
		m := i%12 + 1
		fmt.Fprintf(&csv, "Campaign %d,Team %d,planned,2026-%02d-01,2026-%02d-28,%d\n", i, i%4, m, m, (i%7)*1000)
	}
	importCSV(tb, a, "campaigns", csv.String(), campaigns)
	for off := 0; off < campaigns; off += backend.MaxPageSize {
		list, err := a.Campaigns.Find(context.Background(), backend.CampaignFilter{Offset: off, Limit: backend.MaxPageSize})
		if err != nil {
			tb.Fatal(err)
		}
		for i, c := range list.Campaigns {
			if _, err := a.Goals.Create(context.Background(), backend.Goal{CampaignID: c.ID, Metric: "leads", Target: "100", Actual: fmt.Sprint((off + i) % 150), DueDate: c.EndDate}); err != nil {
				tb.Fatal(err)
			}
		}
	}
	csv.Reset()
	csv.WriteString("Date,Amount,Currency,Team,Category,Vendor,Campaign,Status,Reference\n")
	currencies := []string{"USD", "USD", "EUR", "GBP", "USD", "JPY"}
	statuses := []string{"actual", "committed", "planned"}
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&csv, "2026-%02d-%02d,%d.%02d,%s,Team %d,Category %d,Vendor %d,Campaign %d,%s,R%d\n", i%12+1, i%28+1, i%5000+1, i%100,
			currencies[i%len(currencies)], i%4, (i/4)%4, i%50, i%campaigns, statuses[i%len(statuses)], i)
	}
	importCSV(tb, a, "spend", csv.String(), 100_000)
	return a
}

// BenchmarkReport is the executive report (xlsx) for the seeded year at
// 1,000 and 5,000 campaigns and 100,000 spend lines (target: < 500 ms,
// the same at both sizes).
func BenchmarkReport(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprintf("campaigns=%d", n), func(b *testing.B) {
			a := seedReport(b, n)
			b.ResetTimer()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := a.Exports.Report(context.Background(), api.ReportRequest{From: "2026-01-01", To: "2026-12-31"}, &buf); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time is the figure to compare on a shared machine.
			b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is this process's user and system time so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
