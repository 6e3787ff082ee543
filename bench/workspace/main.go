// Command workspace writes the browser and desktop benchmarks' workspace
// into a fresh data folder: 5,000 campaigns, 100,000 spend lines,
// 25,000 deliverables and 10,000 milestones (the density of the calendar
// benchmark in backend/sqlite), all dated in the current year, plus a
// fiscal-year budget and 200 contracts. The bulk rows go in with plain SQL
// in one transaction (the schema's triggers keep the running totals); the
// settings, budget and contracts go through the services.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/datadir"
	"mopsdesk/backend/sqlite"
)

func main() {
	dir := flag.String("data", "", "data folder to create (must not exist yet)")
	campaigns := flag.Int("campaigns", 5000, "campaigns")
	spend := flag.Int("spend", 100_000, "spend lines")
	flag.Parse()
	if *dir == "" {
		log.Fatal("usage: workspace --data DIR [--campaigns N] [--spend N]")
	}
	if _, err := os.Stat(*dir); err == nil {
		log.Fatalf("%s exists; the benchmark wants a fresh folder", *dir)
	}
	began := time.Now()
	layout, err := datadir.Prepare(*dir)
	if err != nil {
		log.Fatal(err)
	}
	db := sqlite.NewDB(layout.Database)
	if err := db.Open(); err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	year := time.Now().Year()
	if err := bulk(layout.Database, year, *campaigns, *spend); err != nil {
		log.Fatal(err)
	}
	if err := services(db, year); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "workspace %s written in %s\n", *dir, time.Since(began).Round(time.Millisecond))
}

const teams, channels, categories = 5, 5, 5

// bulk writes the lists, campaigns, deliverables, milestones, goals and
// spend in one transaction.
func bulk(path string, year, nCampaigns, nSpend int) error {
	raw, err := sql.Open("sqlite3", sqlite.DSN(path))
	if err != nil {
		return err
	}
	defer raw.Close()
	tx, err := raw.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	first := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	days := first.AddDate(1, 0, 0).Sub(first).Hours() / 24
	day := func(i int) string { return first.AddDate(0, 0, i).Format(backend.DayLayout) }
	lastDay := int(days) - 1
	now := time.Now().UTC().Format(time.RFC3339)
	var failed error
	prepare := func(q string) *sql.Stmt {
		st, err := tx.Prepare(q)
		if err != nil && failed == nil {
			failed = err
		}
		return st
	}
	exec := func(st *sql.Stmt, args ...any) {
		if failed != nil {
			return
		}
		if _, err := st.Exec(args...); err != nil {
			failed = err
		}
	}
	team := prepare(`INSERT INTO teams (id, name) VALUES (?, ?)`)
	channel := prepare(`INSERT INTO channels (id, name) VALUES (?, ?)`)
	category := prepare(`INSERT INTO spend_categories (id, name) VALUES (?, ?)`)
	if failed != nil {
		return failed
	}
	for i := 1; i <= teams; i++ {
		exec(team, i, []string{"Brand", "Growth", "Field marketing", "Product marketing", "Partners"}[i-1])
		exec(channel, i, []string{"Email", "Paid social", "Search", "Events", "Content"}[i-1])
		exec(category, i, []string{"Paid media", "Events", "Software", "Agencies", "Content"}[i-1])
	}
	campaign := prepare(`INSERT INTO campaigns (id, name, team_id, owner, status, start_date, end_date, budget_amount, budget_currency, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?)`)
	campaignChannel := prepare(`INSERT INTO campaign_channels (campaign_id, channel_id, position) VALUES (?, ?, 0)`)
	campaignTag := prepare(`INSERT INTO campaign_tags (campaign_id, tag, position) VALUES (?, ?, 0)`)
	goal := prepare(`INSERT INTO goals (campaign_id, metric, target, actual, due_date, created_at, updated_at) VALUES (?, 'leads', '100', ?, ?, ?, ?)`)
	for i := 1; i <= nCampaigns; i++ {
		start := (i - 1) * lastDay / nCampaigns
		end := min(start+7+i%45, lastDay)
		exec(campaign, i, fmt.Sprintf("Campaign %d", i), i%teams+1, fmt.Sprintf("Owner %d", i%40), string(backend.CampaignStatuses[i%len(backend.CampaignStatuses)]),
			day(start), day(end), i*1000, now, now)
		exec(campaignChannel, i, i%channels+1)
		exec(campaignTag, i, fmt.Sprintf("tag%d", i%12))
		exec(goal, i, fmt.Sprint(i%150), day(end), now, now)
	}
	nDeliverables, nMilestones := nCampaigns*5, nCampaigns*2
	deliverable := prepare(`INSERT INTO deliverables (campaign_id, title, type, publish_date, channel_id, owner, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	for i := 1; i <= nDeliverables; i++ {
		exec(deliverable, i%nCampaigns+1, fmt.Sprintf("Deliverable %d", i), string(backend.DeliverableTypes[i%7]), day(i*lastDay/nDeliverables),
			i%channels+1, fmt.Sprintf("Owner %d", i%40), string(backend.DeliverableStatuses[i%len(backend.DeliverableStatuses)]), now, now)
	}
	milestone := prepare(`INSERT INTO milestones (campaign_id, title, owner, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
	for i := 1; i <= nMilestones; i++ {
		exec(milestone, i%nCampaigns+1, fmt.Sprintf("Milestone %d", i), fmt.Sprintf("Owner %d", i%40), day(i*lastDay/nMilestones), now, now)
	}
	line := prepare(`INSERT INTO spend (date, amount, currency, team_id, category_id, vendor, campaign_id, status, reference, note, created_at, updated_at)
		VALUES (?, ?, 'USD', ?, ?, ?, ?, ?, ?, '', ?, ?)`)
	statuses := []string{"actual", "actual", "actual", "committed", "planned"}
	for i := 0; i < nSpend; i++ {
		exec(line, day(i*lastDay/nSpend), 100+(i*7919)%500_000, i%teams+1, (i/teams)%categories+1, fmt.Sprintf("Vendor %d", i%50),
			i%nCampaigns+1, statuses[i%len(statuses)], fmt.Sprintf("INV-%06d", i+1), now, now)
	}
	if failed != nil {
		return failed
	}
	return tx.Commit()
}

// services adds what goes through the domain: the settings, the fiscal
// year's budget, vendors and contracts (whose payments become spend).
func services(db *sqlite.DB, year int) error {
	ctx := context.Background()
	st := backend.DefaultSettings()
	st.Name = "Benchmark"
	if _, err := sqlite.NewWorkspaceService(db).UpdateSettings(ctx, st); err != nil {
		return err
	}
	budget := sqlite.NewBudgetService(db)
	if _, err := budget.CreateFiscalYear(ctx, year, backend.Monthly); err != nil {
		return err
	}
	var lines []backend.BudgetLine
	for t := 1; t <= teams; t++ {
		for c := 1; c <= categories; c++ {
			for p := 1; p <= 12; p++ {
				lines = append(lines, backend.BudgetLine{TeamID: int64(t), CategoryID: int64(c), Period: p, Amount: 2_000_000_00})
			}
		}
	}
	if _, err := budget.SetBudgetLines(ctx, year, lines); err != nil {
		return err
	}
	vendors, contracts := sqlite.NewVendorService(db), sqlite.NewContractService(db)
	for i := 0; i < 200; i++ {
		v := &backend.Vendor{Name: fmt.Sprintf("Vendor %d", i), Category: "other"}
		if err := vendors.CreateVendor(ctx, v); err != nil {
			return err
		}
		c := &backend.Contract{VendorID: v.ID, Product: "Plan", TeamID: int64(i%teams + 1), CategoryID: int64(i%categories + 1),
			Cost: backend.Money{Amount: 10_000, Currency: "USD"}, BillingCycle: backend.BillMonthly, StartDate: fmt.Sprintf("%d-01-01", year),
			TermMonths: 12, RenewalDate: fmt.Sprintf("%d-01-01", year+1), AutoRenew: true, NoticeDays: 30, Status: "active", SeatsBought: 10, SeatsUsed: 5}
		if err := contracts.CreateContract(ctx, c); err != nil {
			return err
		}
	}
	return nil
}
