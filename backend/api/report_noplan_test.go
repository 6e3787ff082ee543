package api_test

import (
	"context"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// Regression: without a budget plan for the year, the report's pacing
// showed the cost the ad platforms report as 0 although results data had
// $190 of it. The platforms' cost shows whatever the plan; planned and
// spent say there is no plan, in the workbook and the web page alike.
func TestReport_ResultsWithoutPlan(t *testing.T) {
	a, db := reportAPI(t)
	ctx := context.Background()
	camp, err := a.Campaigns.Create(ctx, backend.Campaign{Name: "Q4 webinar", Status: backend.StatusPlanned, StartDate: "2026-11-01", EndDate: "2026-11-30", Budget: backend.Money{Currency: "USD"}})
	if err != nil {
		t.Fatal(err)
	}
	usd := backend.Money{Amount: 19_000, Currency: "USD"}
	storeResults(t, db, "ads.csv", backend.ResultFact{CampaignID: camp.ID, External: "webinar", Source: backend.SourceGoogleAds,
		From: "2026-11-04", To: "2026-11-04", Clicks: 40, Cost: usd})
	rows, page := reportResults(t, a, api.ReportRequest{From: "2026-11-01", To: "2026-11-30"})
	at, said := map[string]string{}, false
	for _, r := range rows {
		if len(r) > 1 {
			at[r[0]] = r[1]
		}
		if len(r) > 0 && strings.HasPrefix(r[0], "No budget plan covers this period") {
			said = true
		}
	}
	if at["Cost reported by the ad platforms"] != "190.00 USD" || at["Planned"] != "—" || at["Spent"] != "—" || !said {
		t.Errorf("workbook pacing without a plan: %q (the sentence said: %v)", at, said)
	}

	i := strings.Index(page, "data-pacing>")
	if i < 0 {
		t.Fatal("the page has no pacing")
	}
	pacing := page[i:]
	pacing = pacing[:strings.Index(pacing, "</dl>")+len("</dl>")+300]
	if !strings.Contains(pacing, `value="19000"`) || strings.Count(pacing, "—") != 2 || !strings.Contains(pacing, "No budget plan covers this period") {
		t.Errorf("page pacing without a plan: %s", pacing)
	}
}
