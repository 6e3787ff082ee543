package api

import (
	"context"
	"encoding/json"
	"fmt"

	"mopsdesk/backend"
	"mopsdesk/backend/chart"
)

// Charts is the facade for charts: each method returns an ECharts option.
type Charts struct{ s Services }

// CampaignsByMonth returns, for a calendar year, the campaigns running in
// each month stacked by status. labels carries the words in the user's
// language.
func (c *Charts) CampaignsByMonth(year int, labels chart.Labels) (json.RawMessage, error) {
	return call(c.s, "Charts.CampaignsByMonth", func(ctx context.Context) (json.RawMessage, error) {
		if year < 1900 || year > 9999 {
			return nil, &backend.Error{Code: backend.EINVALID, Message: "The year is out of range.",
				Fields: map[string]backend.FieldError{"year": {Key: "chart.year_range"}}}
		}
		var all []*backend.Campaign
		filter := backend.CampaignFilter{From: fmt.Sprintf("%04d-01-01", year), To: fmt.Sprintf("%04d-12-31", year)}
		err := eachCampaign(ctx, c.s.Campaigns, filter, func(cp *backend.Campaign) error {
			all = append(all, cp)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return chart.CampaignsByMonth(backend.CountCampaignsByMonth(all, year), labels)
	})
}
