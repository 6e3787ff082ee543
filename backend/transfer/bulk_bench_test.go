package transfer_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend/files"
	"mopsdesk/backend/sheet"
)

// spendBook writes a spend workbook of rows rows × 12 columns the way
// bench/gen does (dates as date cells, amounts as numbers) into dir.
func spendBook(tb testing.TB, dir string, rows int) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("mopsdesk-bench-spend-%d.xlsx", rows))
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	money, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	if err := sw.SetRow("A1", []any{"Date", "Amount", "Currency", "Team", "Category", "Vendor", "Status", "Reference", "Note", "Region", "Cost centre", "Approved by"}); err != nil {
		tb.Fatal(err)
	}
	teams := []string{"Brand", "Field marketing", "Growth", "Product marketing"}
	cats := []string{"Paid media", "Events", "Software", "Agencies", "Content"}
	vendors := []string{"Google", "Meta", "LinkedIn", "Canva", "HubSpot", "Eventbrite", "Upwork", "Mailchimp"}
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{
			excelize.Cell{StyleID: dateStyle, Value: start.AddDate(0, 0, r.IntN(365))},
			excelize.Cell{StyleID: money, Value: float64(r.IntN(500_000)+100) / 100},
			"USD", teams[r.IntN(len(teams))], cats[r.IntN(len(cats))], vendors[r.IntN(len(vendors))], "actual",
			fmt.Sprintf("INV-%06d", i+1), fmt.Sprintf("Line %d of the 2025 ledger", i+1), "EMEA", fmt.Sprintf("CC-%03d", r.IntN(200)), "Finance",
		}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkImportSpend imports a spend workbook of IMPORT_BENCH_ROWS rows
// (default 100,000) into an empty workspace: read, map, check and store.
// Profile it with -cpuprofile; bench/imports.py times the binary.
func BenchmarkImportSpend(b *testing.B) {
	rows := 100_000
	if v, err := strconv.Atoi(os.Getenv("IMPORT_BENCH_ROWS")); err == nil && v > 0 {
		rows = v
	}
	// The workbook is kept between runs: writing 1M rows takes longer than
	// importing them.
	path := filepath.Join(os.TempDir(), fmt.Sprintf("mopsdesk-bench-spend-%d.xlsx", rows))
	if _, err := os.Stat(path); err != nil {
		path = spendBook(b, os.TempDir(), rows)
	}
	ctx := context.Background()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := mustOpen(b)
		store, err := files.New(filepath.Join(b.TempDir(), "assets"))
		if err != nil {
			b.Fatal(err)
		}
		s := newService(db.DB, store)
		b.StartTimer()
		start := cpuTime()
		p, err := s.Commit(ctx, path, filepath.Base(path), sheet.Options{Kind: "spend"})
		cpu += cpuTime() - start
		if err != nil || p.Create != rows {
			b.Fatalf("import: %+v %v", p, err)
		}
	}
	// CPU time is the figure to compare on a shared machine: wall time
	// counts the other processes too.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is this process's user and system time so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
