package transfer_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

// platformDaily is one platform's daily campaign report as
// bench/results.py writes it: a header and how one day of one campaign
// reads.
type platformDaily struct {
	name, header string
	line         func(day, campaign string, i int) string
}

var dailyExports = []platformDaily{
	{"google_ads", "Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions", func(d, n string, i int) string {
		return fmt.Sprintf("%s,%s,Search,USD,%d,%d,%d.25,%d", d, n, 1000+i, 50+i%40, i%900+10, i%7)
	}},
	{"microsoft_ads", "Gregorian date,Campaign name,Currency code,Impr.,Clicks,Spend,Conv.", func(d, n string, i int) string {
		return fmt.Sprintf("%s,%s,USD,%d,%d,%d.50,%d", d, n, 800+i, 30+i%20, i%500+5, i%5)
	}},
	{"meta_ads", "Campaign name,Day,Amount spent (USD),Impressions,Reach,Results,Link clicks", func(d, n string, i int) string {
		return fmt.Sprintf("%s,%s,%d.10,%d,%d,%d,%d", n, d, i%700+3, 2000+i, 1500+i, i%9, 60+i%30)
	}},
	{"linkedin", "Campaign Name,Campaign ID,Start Date (in UTC),Currency,Total Spent,Impressions,Clicks,Leads", func(d, n string, i int) string {
		return fmt.Sprintf("%s,%d,%s,USD,%d.00,%d,%d,%d", n, i%500+1000, d, i%300+20, 500+i, 10+i%15, i%4)
	}},
	{"tiktok", "Campaign name,By Day,Currency,Cost,Impressions,Clicks (destination),Conversions", func(d, n string, i int) string {
		return fmt.Sprintf("%s,%s,USD,%d.75,%d,%d,%d", n, d, i%400+8, 3000+i, 70+i%50, i%6)
	}},
}

// writeDaily writes p's export of campaigns × days rows into dir.
func writeDaily(tb testing.TB, dir string, p platformDaily, campaigns, days int) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("%s-%dx%d.csv", p.name, campaigns, days))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, p.header)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	i := 0
	for d := 0; d < days; d++ {
		day := start.AddDate(0, 0, d).Format(backend.DayLayout)
		for c := 0; c < campaigns; c++ {
			fmt.Fprintln(w, p.line(day, fmt.Sprintf("Campaign %03d EU", c), i))
			i++
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkImportResults imports a Google Ads daily export of 500
// campaigns × RESULTS_BENCH_DAYS days (default 365: 182,500 rows, one of
// bench/results.py's five files) into a workspace holding the 500
// campaigns: read, match, check, store. With RESULTS_BENCH_BEFORE=1 the
// other four platforms' exports are imported first (not timed), so the
// timed file is the fifth, as in bench/results.py. Profile it with
// -cpuprofile and -memprofile; bench/results.py times the binary.
func BenchmarkImportResults(b *testing.B) {
	const campaigns = 500
	days := 365
	if v, err := strconv.Atoi(os.Getenv("RESULTS_BENCH_DAYS")); err == nil && v > 0 {
		days = v
	}
	dir := b.TempDir()
	path := writeDaily(b, dir, dailyExports[0], campaigns, days)
	var before []string
	if os.Getenv("RESULTS_BENCH_BEFORE") == "1" {
		for _, p := range dailyExports[1:] {
			before = append(before, writeDaily(b, dir, p, campaigns, days))
		}
	}
	ctx := context.Background()
	var cpu time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := mustOpen(b)
		store, err := files.New(filepath.Join(b.TempDir(), "assets"))
		if err != nil {
			b.Fatal(err)
		}
		cs := sqlite.NewCampaignService(db.DB)
		for c := 0; c < campaigns; c++ {
			cp := &backend.Campaign{Name: fmt.Sprintf("Campaign %03d EU", c), Status: backend.StatusPlanned, StartDate: "2025-01-01", EndDate: "2025-12-31", Budget: backend.Money{Currency: "USD"}}
			if err := cs.CreateCampaign(ctx, cp); err != nil {
				b.Fatal(err)
			}
		}
		s := newService(db.DB, store)
		for _, p := range before {
			if _, err := s.Commit(ctx, p, filepath.Base(p), sheet.Options{Kind: transfer.KindResults}); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		start := cpuTime()
		var p *transfer.ImportPreview
		// Labelled, for a profile of the timed import alone (-tagfocus=timed).
		pprof.Do(ctx, pprof.Labels("timed", "yes"), func(ctx context.Context) {
			p, err = s.Commit(ctx, path, filepath.Base(path), sheet.Options{Kind: transfer.KindResults})
		})
		cpu += cpuTime() - start
		if err != nil || p.Create != campaigns*days || p.Results.Matched != campaigns*days {
			b.Fatalf("import: create %d matched %d, %v", p.Create, p.Results.Matched, err)
		}
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
