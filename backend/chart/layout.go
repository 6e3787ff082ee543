package chart

// Charts that name one bar per team, category or channel lay the names
// down the vertical axis, where each gets a line of its own however many
// there are, rather than along the bottom, where ECharts skips or overlaps
// the names that do not fit. The frontend makes such a chart taller by a
// row per name.

// labelWidth is how wide, in CSS pixels, a name on the vertical axis may
// grow before it wraps onto another line. Names are never cut short.
const labelWidth = 120

// sideways lays raw's bars on their side with names as the categories.
// minInterval keeps a count axis to whole numbers (0 for money).
// firstOnTop puts names[0] at the top (ECharts otherwise draws it at the
// bottom).
func sideways(raw map[string]any, names []string, minInterval int, firstOnTop bool) {
	// Few ticks along the bottom, so money labels fit side by side.
	value := map[string]any{"type": "value", "splitNumber": 3, "axisLabel": map[string]any{
		// The end labels lean inwards instead of hanging past the chart's edges.
		"hideOverlap": true, "alignMinLabel": "left", "alignMaxLabel": "right",
	}}
	if minInterval > 0 {
		value["minInterval"] = minInterval
	}
	raw["xAxis"] = []map[string]any{value}
	raw["yAxis"] = []map[string]any{{
		"type":    "category",
		"data":    names,
		"inverse": firstOnTop,
		// Every name shown, wrapped at labelWidth.
		"axisLabel": map[string]any{"interval": 0, "width": labelWidth, "overflow": "break", "lineHeight": 18},
		"axisTick":  map[string]any{"alignWithLabel": true},
	}}
	raw["grid"] = []map[string]any{{"containLabel": true, "left": 8, "right": 24, "top": 40, "bottom": 36}}
}
