package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sqlite"
)

// seedLargeWorkspace fills a database with 5,000 campaigns over two years,
// 50,000 deliverables and 20,000 milestones, in one transaction.
func seedLargeWorkspace(b *testing.B, path string) {
	b.Helper()
	raw, err := sql.Open("sqlite3", sqlite.DSN(path))
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	tx, err := raw.Begin()
	if err != nil {
		b.Fatal(err)
	}
	day := func(i int) string {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(backend.DayLayout)
	}
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatal(err)
		}
	}
	for i := 1; i <= 5; i++ {
		exec(`INSERT INTO teams (id, name) VALUES (?, ?)`, i, fmt.Sprintf("Team %d", i))
		exec(`INSERT INTO channels (id, name) VALUES (?, ?)`, i, fmt.Sprintf("Channel %d", i))
	}
	for i := 1; i <= 5000; i++ {
		start := i * 730 / 5000
		exec(`INSERT INTO campaigns (id, name, team_id, owner, status, start_date, end_date, budget_amount, budget_currency, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'USD', 'x', 'x')`,
			i, fmt.Sprintf("Campaign %d", i), i%5+1, fmt.Sprintf("Owner %d", i%40), string(backend.CampaignStatuses[i%6]),
			day(start), day(start+7+i%45), i*1000)
		exec(`INSERT INTO campaign_channels (campaign_id, channel_id, position) VALUES (?, ?, 0)`, i, i%5+1)
		exec(`INSERT INTO campaign_tags (campaign_id, tag, position) VALUES (?, ?, 0)`, i, fmt.Sprintf("tag%d", i%12))
	}
	for i := 1; i <= 50_000; i++ {
		exec(`INSERT INTO deliverables (campaign_id, title, type, publish_date, channel_id, owner, status, created_at, updated_at)
			VALUES (?, ?, 'email', ?, ?, ?, 'draft', 'x', 'x')`, i%5000+1, fmt.Sprintf("Deliverable %d", i), day(i*730/50_000), i%5+1, fmt.Sprintf("Owner %d", i%40))
	}
	for i := 1; i <= 20_000; i++ {
		exec(`INSERT INTO milestones (campaign_id, title, owner, due_date, created_at, updated_at)
			VALUES (?, ?, ?, ?, 'x', 'x')`, i%5000+1, fmt.Sprintf("Milestone %d", i), fmt.Sprintf("Owner %d", i%40), day(i*730/20_000))
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCalendarMonth reads one month (a 6-week grid) of a large
// workspace: about 500 campaigns, 2,900 deliverables and 1,150 milestones.
// The target is under 50 ms per call.
func BenchmarkCalendarMonth(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	seedLargeWorkspace(b, path)
	cal := sqlite.NewCalendarService(db)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		f    backend.CalendarFilter
	}{
		{"All", backend.CalendarFilter{From: "2026-06-29", To: "2026-08-09"}},
		{"ByChannel", backend.CalendarFilter{From: "2026-06-29", To: "2026-08-09", ChannelID: 2}},
		{"ByTeamAndTag", backend.CalendarFilter{From: "2026-06-29", To: "2026-08-09", TeamID: 3, Tag: "tag4"}},
		// What the month view asks for: three items a day, the rest counted.
		{"ThreeADay", backend.CalendarFilter{From: "2026-06-29", To: "2026-08-09", PerDay: 3}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			for i := 0; i < b.N; i++ {
				d, err := cal.CalendarRange(ctx, bc.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(d.Campaigns) + len(d.Deliverables) + len(d.Milestones)
			}
			b.ReportMetric(float64(n), "items")
		})
	}
}
