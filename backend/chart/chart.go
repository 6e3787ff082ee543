// Package chart builds ECharts options with go-echarts. The backend decides
// what a chart shows; the frontend's one EChart component only draws the
// option JSON it is given.
package chart

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"mopsdesk/backend"
)

// statusColors gives every campaign status one colour across all charts,
// the same as the status badges in the UI (frontend/src/app.css).
var statusColors = map[backend.CampaignStatus]string{
	backend.StatusIdea:       "#7b8794",
	backend.StatusPlanned:    "#4e79a7",
	backend.StatusInProgress: "#c46a16",
	backend.StatusLive:       "#3f8a36",
	backend.StatusCompleted:  "#3e8e89",
	backend.StatusCancelled:  "#c0392b",
}

// Labels are the words a chart shows, in the user's language. The frontend
// owns the message catalog, so it sends them; missing ones fall back to
// English.
type Labels struct {
	Title    string                            `json:"title"`
	Months   []string                          `json:"months"`
	Statuses map[backend.CampaignStatus]string `json:"statuses"`

	// MonthStarts, when the year is not Gregorian, are the first days
	// (ISO) of its twelve months and, last, the day after it.
	MonthStarts []string `json:"monthStarts,omitempty"`
}

var englishMonths = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func (l Labels) month(i int) string {
	if i < len(l.Months) && l.Months[i] != "" {
		return l.Months[i]
	}
	return englishMonths[i]
}

func (l Labels) status(s backend.CampaignStatus) string {
	if v := l.Statuses[s]; v != "" {
		return v
	}
	return englishStatuses[s]
}

var englishStatuses = map[backend.CampaignStatus]string{
	backend.StatusIdea: "Idea", backend.StatusPlanned: "Planned", backend.StatusInProgress: "In progress",
	backend.StatusLive: "Live", backend.StatusCompleted: "Completed", backend.StatusCancelled: "Cancelled",
}

// CampaignsByMonth returns the option JSON of a stacked bar chart: for each
// month, the campaigns running in it, one stack segment per status. A
// status with no campaign in the year gets no series, so the legend lists
// only what is there. With no campaign at all the option has no series and
// the frontend shows its empty state.
func CampaignsByMonth(counts backend.MonthStatusCounts, labels Labels) (json.RawMessage, error) {
	bar := charts.NewBar()
	title := labels.Title
	if title == "" {
		title = fmt.Sprintf("Campaigns per month, %d", counts.Year)
	}
	bar.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1, SplitNumber: 4}),
		charts.WithAnimation(false),
	)
	months := make([]string, 12)
	for i := range months {
		months[i] = labels.month(i)
	}
	bar.SetXAxis(months)
	for _, status := range backend.CampaignStatuses {
		data := make([]opts.BarData, 12)
		any := false
		for m := 0; m < 12; m++ {
			n := counts.Counts[m][status]
			any = any || n > 0
			data[m] = opts.BarData{Value: n}
		}
		if !any {
			continue
		}
		bar.AddSeries(labels.status(status), data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "campaigns"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: statusColors[status]}),
		)
	}
	bar.Validate()
	return json.Marshal(bar.JSON())
}
