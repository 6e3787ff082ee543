package backend

import (
	"fmt"
	"sort"
)

// ResultTotal is results data added up for one group (or all of it):
// counts, money in the workspace's base currency, and the KPIs.
type ResultTotal struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	ResultCounts
	Cost     Money `json:"cost"`
	Pipeline Money `json:"pipeline"`
	Revenue  Money `json:"revenue"`
	Facts    int64 `json:"facts"`
	// Assumed is true when a planning rate converted some of the money;
	// Unconverted lists the currencies with no rate for a month, whose
	// money is left out (the KPIs that use money are then undefined).
	Assumed     bool     `json:"assumed"`
	Unconverted []string `json:"unconverted"`
	KPIs        KPIs     `json:"kpis"`
	// Custom are the custom metrics the user named, summed exactly, as
	// decimal text by name (a name the group has none of is absent).
	Custom map[string]string `json:"custom"`
}

// ResultSummary is a grouped summary with its grand total.
type ResultSummary struct {
	Group ResultGroup   `json:"group"`
	Rows  []ResultTotal `json:"rows"`
	Total ResultTotal   `json:"total"`
	// NoRevenue is true when no fact summed reports revenue or pipeline
	// (no CRM deals export covers these results): revenue is then not
	// known to be zero, so ROAS and ROI are undefined ("—"), never 0.00
	// and −100 %.
	NoRevenue bool `json:"noRevenue"`
	// Metrics are the names of the custom metrics the rows carry, sorted.
	Metrics []string `json:"metrics"`
}

// periodKey folds a day (YYYY-MM-DD) into the period of g: the ISO week
// ("2026-W05"), the month ("2026-03") or the calendar quarter ("2026-Q1").
func periodKey(g ResultGroup, day string) string {
	switch g {
	case GroupWeek:
		if t, ok := ParseDay(day); ok {
			y, w := t.ISOWeek()
			return fmt.Sprintf("%04d-W%02d", y, w)
		}
	case GroupMonth:
		return day[:7]
	case GroupQuarter:
		m := (int(day[5]-'0')*10 + int(day[6]-'0') + 2) / 3
		return fmt.Sprintf("%s-Q%d", day[:4], m)
	}
	return day
}

// totalAdder converts and adds sums into one total.
type totalAdder struct {
	t       ResultTotal
	missing map[string]bool
}

func (a *totalAdder) add(s ResultSum, rates *Rates) {
	a.t.ResultCounts.Add(s.ResultCounts)
	a.t.Facts += s.Facts
	if len(s.Custom) > 0 {
		a.t.Custom = AddCustom(a.t.Custom, s.Custom)
	}
	for _, p := range []struct {
		to *Money
		m  Money
	}{{&a.t.Cost, s.Cost}, {&a.t.Pipeline, s.Pipeline}, {&a.t.Revenue, s.Revenue}} {
		if p.m.Amount == 0 {
			continue
		}
		v, assumed, ok := rates.ToBase(p.m.Amount, p.m.Currency, s.Month)
		if !ok {
			if a.missing == nil {
				a.missing = map[string]bool{}
			}
			a.missing[p.m.Currency] = true
			continue
		}
		a.t.Assumed = a.t.Assumed || assumed
		p.to.Amount += v
	}
}

func (a *totalAdder) done(base string) ResultTotal {
	t := a.t
	t.Cost.Currency, t.Pipeline.Currency, t.Revenue.Currency = base, base, base
	t.Unconverted = []string{}
	if t.Custom == nil {
		t.Custom = map[string]string{}
	}
	for c := range a.missing {
		t.Unconverted = append(t.Unconverted, c)
	}
	sort.Strings(t.Unconverted)
	t.KPIs = ComputeKPIs(t.ResultCounts, t.Cost, t.Revenue, len(t.Unconverted) == 0)
	return t
}

// SumResults adds the store's sums up by group, converting money into
// base with rates (the budget's rule: the month's rate, else the planning
// rate), and works out each group's KPIs and the grand total's. Periods
// come in order; other groups by label.
func SumResults(g ResultGroup, sums []ResultSum, base string, rates *Rates) ResultSummary {
	groups := map[string]*totalAdder{}
	var all totalAdder
	for _, s := range sums {
		key := s.Key
		switch g {
		case GroupDay, GroupWeek, GroupMonth, GroupQuarter:
			key = periodKey(g, s.Key)
			s.Label = key
		}
		a := groups[key]
		if a == nil {
			a = &totalAdder{t: ResultTotal{Key: key, Label: s.Label}}
			groups[key] = a
		}
		a.add(s, rates)
		all.add(s, rates)
	}
	out := ResultSummary{Group: g, Rows: make([]ResultTotal, 0, len(groups)), Total: all.done(base), NoRevenue: true}
	for _, s := range sums {
		if s.Revenue.Currency != "" || s.Pipeline.Currency != "" {
			out.NoRevenue = false
			break
		}
	}
	for _, a := range groups {
		out.Rows = append(out.Rows, a.done(base))
	}
	if out.NoRevenue {
		for _, t := range append([]*ResultTotal{&out.Total}, rowRefs(out.Rows)...) {
			t.KPIs.ROAS = KPI{Unit: UnitRatio, Decimals: 2, Undefined: true}
			t.KPIs.ROI = KPI{Unit: UnitPercent, Decimals: 2, Undefined: true}
		}
	}
	out.Metrics = make([]string, 0, len(out.Total.Custom))
	for name := range out.Total.Custom {
		out.Metrics = append(out.Metrics, name)
	}
	sort.Strings(out.Metrics)
	sort.Slice(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		if a.Label != b.Label && g != GroupDay && g != GroupWeek && g != GroupMonth && g != GroupQuarter {
			return a.Label < b.Label
		}
		return a.Key < b.Key
	})
	return out
}

func rowRefs(rows []ResultTotal) []*ResultTotal {
	out := make([]*ResultTotal, len(rows))
	for i := range rows {
		out[i] = &rows[i]
	}
	return out
}
