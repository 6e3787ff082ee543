package api_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"testing"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/chart"
	"mopsdesk/backend/sqlite"
)

// pagedCounts is the chart's data the way it was read before the grouped
// query: every campaign of the year page by page, counted in Go.
func pagedCounts(t *testing.T, a *api.API, year int, starts *[13]time.Time) backend.MonthStatusCounts {
	t.Helper()
	f := backend.CampaignFilter{From: fmt.Sprintf("%04d-01-01", year), To: fmt.Sprintf("%04d-12-31", year), Limit: 2}
	if starts != nil {
		f.From, f.To = starts[0].Format(backend.DayLayout), starts[12].AddDate(0, 0, -1).Format(backend.DayLayout)
	}
	var all []*backend.Campaign
	for {
		page, err := a.Campaigns.Find(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Campaigns...)
		if len(page.Campaigns) < f.Limit {
			break
		}
		f.Offset += f.Limit
	}
	if starts != nil {
		return backend.CountCampaignsInMonths(all, year, *starts)
	}
	return backend.CountCampaignsByMonth(all, year)
}

// TestCampaignsByMonthGrouped: the chart read through one grouped query
// draws exactly what paging through every campaign drew, for campaigns
// spanning years, on month bounds, alike in dates and status, cancelled,
// and rows without readable dates, in the Gregorian and the Persian year.
func TestCampaignsByMonthGrouped(t *testing.T) {
	a, db := newAPI(t, io.Discard)
	add := func(status backend.CampaignStatus, start, end string) {
		t.Helper()
		if _, err := a.Campaigns.Create(context.Background(), backend.Campaign{Name: "C " + start + end, Status: status, StartDate: start, EndDate: end,
			Budget: backend.Money{Currency: "USD"}}); err != nil {
			t.Fatal(err)
		}
	}
	add(backend.StatusPlanned, "2025-11-15", "2027-02-01") // spans three years
	add(backend.StatusLive, "2025-12-31", "2026-01-01")
	add(backend.StatusCancelled, "2026-03-01", "2026-03-31")
	add(backend.StatusCancelled, "2026-03-01", "2026-03-31") // the same span twice
	add(backend.StatusCompleted, "2026-03-01", "2026-03-31")
	add(backend.StatusIdea, "2026-02-28", "2026-03-01")
	add(backend.StatusInProgress, "2026-12-31", "2026-12-31")
	add(backend.StatusPlanned, "2026-03-21", "2026-04-20") // Farvardin 1405
	add(backend.StatusPlanned, "2024-06-01", "2024-06-30") // another year
	raw, err := sql.Open("sqlite3", sqlite.DSN(db.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// Rows no form can make: no dates, and dates that are not days.
	if _, err := raw.Exec(`INSERT INTO campaigns (name, status, start_date, end_date, budget_currency, created_at, updated_at) VALUES
		('no dates', 'planned', '', '', 'USD', '2026-01-01', '2026-01-01'), ('odd dates', 'live', '2026-xx', '2026-yy', 'USD', '2026-01-01', '2026-01-01'), ('open end', 'idea', '2026-05-01', '9999', 'USD', '2026-01-01', '2026-01-01')`); err != nil {
		t.Fatal(err)
	}
	persian := [13]time.Time{}
	for m := range persian {
		persian[m] = time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC).AddDate(0, 0, min(m, 6)*31+max(m-6, 0)*30)
	}
	persian[12] = time.Date(2027, 3, 21, 0, 0, 0, 0, time.UTC)
	for _, year := range []int{2024, 2025, 2026, 2027, 2030} {
		got, err := a.Charts.CampaignsByMonth(context.Background(), year, chart.Labels{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := chart.CampaignsByMonth(pagedCounts(t, a, year, nil), chart.Labels{})
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, got, want) {
			t.Errorf("%d: grouped %s\npaged %s", year, got, want)
		}
	}
	days := make([]string, 13)
	for m, d := range persian {
		days[m] = d.Format(backend.DayLayout)
	}
	got, err := a.Charts.CampaignsByMonth(context.Background(), 1405, chart.Labels{MonthStarts: days})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := chart.CampaignsByMonth(pagedCounts(t, a, 1405, &persian), chart.Labels{MonthStarts: days})
	if !jsonEqual(t, got, want) {
		t.Errorf("1405: grouped %s\npaged %s", got, want)
	}
}

// jsonEqual compares two JSON documents by value.
func jsonEqual(t *testing.T, a, b json.RawMessage) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}
