package backend

import "strings"

// A goal on a metric that results data covers fills itself: its actual is
// the campaign's results from its first day up to the goal's due day,
// from the sources whose imports carry the metric. Other goals keep the
// number typed in.

// ResultMetric returns the results metric that fills a goal on m (a
// custom metric named like one: "SQLs", "won", "pipeline", ...), and
// false when no results data can.
func (g *Goal) ResultMetric() (string, bool) {
	switch g.Metric {
	case MetricLeads, MetricMQLs, MetricClicks, MetricConversions, MetricRevenue:
		return string(g.Metric), true
	case MetricCTR:
		// A rate of clicks to impressions: both must be reported.
		return "impressions", true
	case MetricCustom:
		switch m := strings.ToLower(strings.TrimSpace(g.CustomMetric)); m {
		case "impressions", "sqls", "opportunities", "won", "pipeline", "cost":
			return m, true
		case "won deals":
			return "won", true
		case "":
			return "", false
		}
		// A custom metric results files carry by this name ("Video
		// views"), when one does.
		return ResultCustomPrefix + strings.TrimSpace(g.CustomMetric), true
	}
	return "", false
}

// ResultCustomPrefix begins the result metric of a goal on a custom
// metric of results files (ResultMetric): "custom:Video views".
const ResultCustomPrefix = "custom:"

// customValue is t's custom metric of this name, its case aside.
func customValue(t ResultTotal, name string) (string, bool) {
	for k, v := range t.Custom {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}

// FillFromResults sets g's actual from t, the campaign's results up to
// the due day from the sources that report the metric, imported last at
// importedAt, and evaluates g again as of today. Money is in major units
// of t's currency (its minor units as decimals); CTR is a percentage with
// two decimals (the KPI's).
func (g *Goal) FillFromResults(t ResultTotal, importedAt, today string) {
	metric, ok := g.ResultMetric()
	if !ok || t.Facts == 0 {
		return
	}
	money := func(m Money) string {
		c, _ := LookupCurrency(m.Currency)
		return decimalText(m.Amount, c.MinorUnits)
	}
	var v string
	switch metric {
	case "leads":
		v = decimalText(t.Leads, 0)
	case "mqls":
		v = decimalText(t.MQLs, 0)
	case "sqls":
		v = decimalText(t.SQLs, 0)
	case "opportunities":
		v = decimalText(t.Opportunities, 0)
	case "won":
		v = decimalText(t.Won, 0)
	case "clicks":
		v = decimalText(t.Clicks, 0)
	case "conversions":
		v = decimalText(t.Conversions, 0)
	case "revenue":
		v = money(t.Revenue)
	case "pipeline":
		v = money(t.Pipeline)
	case "cost":
		v = money(t.Cost)
	case "impressions":
		if g.Metric != MetricCTR {
			v = decimalText(t.Impressions, 0)
			break
		}
		ctr := t.KPIs.CTR
		if ctr.Undefined {
			return
		}
		v = decimalText(ctr.Value, ctr.Decimals)
	default:
		name, _ := strings.CutPrefix(metric, ResultCustomPrefix)
		if v, ok = customValue(t, name); !ok {
			return
		}
	}
	if (metric == "revenue" || metric == "pipeline" || metric == "cost") && len(t.Unconverted) > 0 {
		return // part of the money has no rate: the typed figure stays
	}
	g.TypedActual, g.Actual = g.Actual, v
	g.FromResults, g.ResultsImportedAt = true, importedAt
	g.ProgressPercent, g.OffTrack = 0, false
	g.Evaluate(today)
}
