package chart

import (
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"mopsdesk/backend"
)

// ResultLabels are the words the results charts show: the titles and the
// funnel's stages (keys "leads", "mqls", "sqls", "opportunities", "won",
// as backend.Funnel names them). Missing words are English.
type ResultLabels struct {
	Funnel string            `json:"funnel"`
	Trend  string            `json:"trend"`
	Stages map[string]string `json:"stages"`
}

var englishStages = map[string]string{"leads": "Leads", "mqls": "MQLs", "sqls": "SQLs", "opportunities": "Opportunities", "won": "Won"}

func (l ResultLabels) stage(key string) string {
	if v := l.Stages[key]; v != "" {
		return v
	}
	return englishStages[key]
}

// funnelColors run from the first stage's blue to won's green.
var funnelColors = []string{"#4e79a7", "#5b8fb9", "#3e8e89", "#59a14f", "#3f8a36"}

// Funnel draws the stages lead → MQL → SQL → opportunity → won in their
// order (not sorted by size: a later stage may hold more when a CRM file
// reports deals whose leads came earlier), each labelled with its count.
// When every stage is empty the option has no series and the frontend
// shows its empty state, never a funnel of zeros.
func Funnel(stages []backend.FunnelStage, labels ResultLabels) (json.RawMessage, error) {
	f := charts.NewFunnel()
	f.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: or(labels.Funnel, "Funnel")}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithAnimation(false),
	)
	var some bool
	data := make([]opts.FunnelData, len(stages))
	for i, s := range stages {
		some = some || s.Count > 0
		data[i] = opts.FunnelData{Name: labels.stage(s.Stage), Value: s.Count}
	}
	if some {
		f.AddSeries(or(labels.Funnel, "Funnel"), data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "inside", Formatter: "{b}: {c}"}))
	}
	f.Validate()
	// go-echarts has no field for the funnel's order: set it on the JSON.
	b, err := json.Marshal(f.JSON())
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	if series, ok := raw["series"].([]any); ok && len(series) == 1 {
		s := series[0].(map[string]any)
		s["sort"], s["minSize"], s["gap"] = "none", "8%", 2
	}
	raw["color"] = funnelColors
	return json.Marshal(raw)
}

// ResultsTrend draws the funnel's counts per period (week, month…) of
// rows, in their order: one line per stage that has any count. With no
// period, or nothing counted, the option has no series.
func ResultsTrend(rows []backend.ResultTotal, labels ResultLabels) (json.RawMessage, error) {
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(or(labels.Trend, "Results over time"), "axis"),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1, SplitNumber: 4}))...)
	periods := make([]string, len(rows))
	for i, r := range rows {
		periods[i] = r.Label
		if periods[i] == "" {
			periods[i] = r.Key
		}
	}
	line.SetXAxis(periods)
	for i, key := range []string{"leads", "mqls", "sqls", "opportunities", "won"} {
		data := make([]opts.LineData, len(rows))
		var some bool
		for j, r := range rows {
			n := []int64{r.Leads, r.MQLs, r.SQLs, r.Opportunities, r.Won}[i]
			some = some || n > 0
			data[j] = opts.LineData{Value: n}
		}
		if some {
			line.AddSeries(labels.stage(key), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: funnelColors[i]}))
		}
	}
	line.Validate()
	return json.Marshal(line.JSON())
}

func or(v, fallback string) string {
	if v != "" {
		return v
	}
	return fallback
}
