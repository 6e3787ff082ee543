package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sqlite"
)

// Ad-platform results with no CRM deals export: the report ranked every
// campaign by a ROAS of 0.00 (ROI −100 %) as if they had brought nothing;
// now the ROAS ranking is a sentence saying no revenue is known. The cost
// per lead ranking (no leads either) names the first ten campaigns left
// out and counts the rest, where it listed all 14.
func TestReport_ResultsWithoutRevenue(t *testing.T) {
	a, db := reportAPI(t)
	ctx := context.Background()
	for i := range 14 {
		camp, err := a.Campaigns.Create(ctx, backend.Campaign{Name: fmt.Sprintf("Campaign %02d", i), Status: backend.StatusPlanned,
			StartDate: "2026-11-01", EndDate: "2026-11-30", Budget: backend.Money{Currency: "USD"}})
		if err != nil {
			t.Fatal(err)
		}
		storeResults(t, db, fmt.Sprintf("ads-%d.csv", i), backend.ResultFact{CampaignID: camp.ID, External: camp.Name, Source: backend.SourceGoogleAds,
			From: "2026-11-04", To: "2026-11-04", Clicks: 40, Impressions: 900, Cost: backend.Money{Amount: int64(1000 + i), Currency: "USD"}})
	}
	sum, err := a.Results.Summary(ctx, api.ResultsRequest{Group: backend.GroupCampaign, Filter: backend.ResultFilter{From: "2026-11-01", To: "2026-11-30"}})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.NoRevenue || !sum.Total.KPIs.ROAS.Undefined || !sum.Rows[0].KPIs.ROI.Undefined {
		t.Fatalf("summary: NoRevenue %v, ROAS %s, ROI %s", sum.NoRevenue, sum.Total.KPIs.ROAS, sum.Rows[0].KPIs.ROI)
	}
	rows, page := reportResults(t, a, api.ReportRequest{From: "2026-11-01", To: "2026-11-30"})
	var text []string
	for _, r := range rows {
		text = append(text, strings.Join(r, "|"))
	}
	sheet := strings.Join(text, "\n")
	if !strings.Contains(sheet, "No revenue in these results") || strings.Contains(sheet, "Weakest campaigns by ROAS") {
		t.Errorf("the ROAS ranking without revenue:\n%s", sheet)
	}
	if !strings.Contains(sheet, "Campaign 09 and 4 more") || strings.Contains(sheet, "Campaign 10") {
		t.Errorf("the campaigns left out of the cost per lead ranking:\n%s", sheet)
	}
	if !strings.Contains(page, "No revenue in these results") || strings.Contains(page, "Weakest campaigns by ROAS") || !strings.Contains(page, "and 4 more") {
		t.Errorf("the page's rankings without revenue: %s", page[strings.Index(page, "Best campaigns by ROAS"):][:600])
	}
}

// reportAPI is an API whose report pages load no chart script.
func reportAPI(t *testing.T) (*api.API, *sqlite.DB) {
	t.Helper()
	return newAPIWith(t, io.Discard, func(s *api.Services) { s.ChartScript = []byte("window.echarts = null;") })
}

// reportResults exports the report for req as a workbook and returns the
// rows of its Results sheet, and the same report as a web page.
func reportResults(t *testing.T, a *api.API, req api.ReportRequest) (rows [][]string, page string) {
	t.Helper()
	ctx := context.Background()
	var buf bytes.Buffer
	if err := a.Exports.Report(ctx, req, &buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if rows, err = f.GetRows("Results"); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	req.Format = "html"
	if err := a.Exports.Report(ctx, req, &buf); err != nil {
		t.Fatal(err)
	}
	return rows, buf.String()
}
