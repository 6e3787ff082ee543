package chart

import (
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"mopsdesk/backend"
)

// Counts draws how many items each name has as horizontal bars, the
// largest on top: campaigns by status or by channel on the dashboard.
// names turns keys into the user's words (a status's label); the item's
// own name is used otherwise. With no item the option has no series and
// the frontend shows its empty state.
func Counts(title, series string, items []backend.NamedCount, names map[string]string) (json.RawMessage, error) {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		// One series, named by the title: a legend would only take room.
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithAnimation(false),
	)
	// ECharts draws the first category at the bottom: list them reversed.
	labels := make([]string, len(items))
	data := make([]opts.BarData, len(items))
	for i, it := range items {
		j := len(items) - 1 - i
		labels[j] = it.Name
		if n, ok := names[it.Key]; ok && n != "" {
			labels[j] = n
		}
		data[j] = opts.BarData{Value: it.Count}
	}
	bar.SetXAxis(labels)
	if len(items) > 0 {
		bar.AddSeries(series, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	}
	bar.Validate()
	// Bars on their side: the names on the vertical axis. (go-echarts'
	// XYReversal moves the data but not the axis types.)
	raw := bar.JSON()
	sideways(raw, labels, 1, false)
	return json.Marshal(raw)
}
