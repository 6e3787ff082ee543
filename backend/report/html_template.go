package report

import (
	"html/template"
	"strconv"
	"strings"

	"mopsdesk/backend"
)

// percent writes basis points as the page's script shows them (at most
// one decimal, rounded half away from zero), for a reader without it.
func percent(bp int64) string {
	sign := ""
	if bp < 0 {
		sign, bp = "-", -bp
	}
	tenths := (bp + 5) / 10
	if tenths == 0 {
		sign = ""
	}
	s := sign + strconv.FormatInt(tenths/10, 10)
	if tenths%10 != 0 {
		s += "." + strconv.FormatInt(tenths%10, 10)
	}
	return s + "%"
}

// amount writes minor units as a plain number with grouped thousands, the
// text a reader sees before (or without) the page's script formatting it
// for their language.
func amount(v int64, minor int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.FormatInt(v, 10)
	for len(digits) <= minor {
		digits = "0" + digits
	}
	whole, frac := digits[:len(digits)-minor], digits[len(digits)-minor:]
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if minor > 0 {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

var htmlPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"money": func(value any, currency string, minor int) template.HTML {
		var v int64
		switch a := value.(type) {
		case int64:
			v = a
		case *int64:
			if a == nil {
				return ""
			}
			v = *a
		}
		// Every part is a number or a currency code, escaped anyway.
		return template.HTML(`<data class="money" value="` + strconv.FormatInt(v, 10) + `" data-currency="` +
			template.HTMLEscapeString(currency) + `" data-minor="` + strconv.Itoa(minor) + `">` +
			amount(v, minor) + " " + template.HTMLEscapeString(currency) + `</data>`)
	},
	"contractMoney": func(m backend.Money) template.HTML {
		c, _ := backend.LookupCurrency(m.Currency)
		return template.HTML(`<data class="money" value="` + strconv.FormatInt(m.Amount, 10) + `" data-currency="` +
			template.HTMLEscapeString(m.Currency) + `" data-minor="` + strconv.Itoa(c.MinorUnits) + `">` +
			amount(m.Amount, c.MinorUnits) + " " + template.HTMLEscapeString(m.Currency) + `</data>`)
	},
	"pct": func(bp *int64) template.HTML {
		if bp == nil {
			return ""
		}
		return template.HTML(`<data class="pct" value="` + strconv.FormatInt(*bp, 10) + `">` + percent(*bp) + `</data>`)
	},
	"neg":   func(v int64) bool { return v < 0 },
	"kpi":   kpiHTML,
	"share": shareHTML,
	"count": countHTML,
}).Parse(pageTemplate))

const pageTemplate = `<!doctype html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="MOps Desk">
<title>{{.Workspace}} — {{call .Words "title"}} {{.From}} – {{.To}}</title>
<style>
{{.Fonts}}
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9dee4; --head: #2f5597; --bad: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Vazirmatn", "Noto Sans Thai", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; color: var(--ink); background: #fff; }
main { max-inline-size: 72rem; margin-inline: auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; border-block-end: 2px solid var(--head); padding-block-end: .2rem; break-after: avoid; }
.period { color: var(--muted); margin: 0; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem; margin-block-start: 1.25rem; }
.headline div { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
.headline dt { color: var(--muted); font-size: .85rem; }
.headline dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
.note { border-inline-start: 4px solid #b54708; background: #fffaeb; padding: .5rem .8rem; margin-block: 1rem; break-inside: avoid; }
.note p { margin: 0; }
.note ul { margin: .25rem 0 0; padding-inline-start: 1.25rem; }
.neg { color: var(--bad); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: .5rem; break-inside: avoid; }
figcaption { font-weight: 600; }
.chart { inline-size: 100%; block-size: 300px; direction: ltr; } /* ECharts lays out; options are mirrored for RTL */
.empty { color: var(--muted); text-align: center; padding-block: 3rem; margin: 0; }
.note { color: var(--muted); font-size: .85rem; margin-block: .4rem 0; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; inline-size: 100%; font-size: .9rem; }
th, td { padding: .35rem .5rem; border-block-end: 1px solid var(--line); text-align: start; vertical-align: top; }
th { background: var(--head); color: #fff; font-weight: 600; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
td.n, th.n { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; border-block-start: 2px solid var(--ink); }
data, time { unicode-bidi: isolate; }
h1, td.name { overflow-wrap: anywhere; } /* a long unbroken name wraps instead of widening the page */
:root:lang(fa) body, :root:lang(ar) body { font-family: "Vazirmatn", system-ui, "Segoe UI", "Noto Sans Thai", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; }
:root:lang(th) body { font-family: "Noto Sans Thai", system-ui, "Segoe UI", "Vazirmatn", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; }
@media (max-width: 600px) { main { padding: .75rem; } h1 { font-size: 1.3rem; } .chart { block-size: 260px; } }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-inline-size: none; padding: 0; }
  .charts { grid-template-columns: repeat(3, 1fr); }
  .chart { block-size: 230px; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .scroll { overflow: visible; }
}
</style>
</head>
<body>
<main>
<header>
<h1>{{.Workspace}} — {{call .Words "title"}}</h1>
<p class="period">{{call .Words "period"}}: <time datetime="{{.From}}">{{.From}}</time> – <time datetime="{{.To}}">{{.To}}</time></p>
</header>
<dl class="headline">
{{- range .Headline}}
<div><dt>{{call $.Words .Key}}</dt><dd{{if neg .Amount}} class="neg"{{end}}>{{money .Amount $.Currency $.Minor}}</dd></div>
{{- end}}
</dl>
{{- range .Notes}}
<div class="note" role="note" data-rates="{{.Key}}"><p>{{.Text}}</p><ul>
{{- range .Items}}<li>{{.Currency}} — <time datetime="{{.Month}}" data-month>{{.Label}}</time>{{with .Rate}} (<data class="rate" value="{{.}}">{{.}}</data>){{end}}</li>{{end}}
</ul></div>
{{- end}}
<section class="charts" aria-label="{{call .Words "summary"}}">
{{- range .Charts}}
<figure>
<figcaption>{{.Title}}</figcaption>
{{- if .Empty}}
<p class="empty">{{call $.Words "no_data"}}</p>
{{- else}}
<div class="chart" data-chart="{{.ID}}" role="img" aria-label="{{.Title}}"></div>
<script type="application/json" id="{{.ID}}">{{.Option}}</script>
{{- end}}
</figure>
{{- end}}
</section>

<h2>{{call .Words "budget"}}</h2>
{{- if .Budget}}
<div class="scroll"><table>
<thead><tr><th>{{call .Words "team"}}</th><th>{{call .Words "category"}}</th><th class="n">{{call .Words "planned"}}</th><th class="n">{{call .Words "committed"}}</th><th class="n">{{call .Words "actual"}}</th><th class="n">{{call .Words "available"}}</th><th class="n" aria-describedby="variance-note">{{call .Words "variance_pct"}}</th></tr></thead>
<tbody>
{{- range .Budget}}
<tr><td class="name">{{.Team}}</td><td class="name">{{.Category}}</td><td class="n">{{money .Planned $.Currency $.Minor}}</td><td class="n">{{money .Committed $.Currency $.Minor}}</td><td class="n">{{money .Actual $.Currency $.Minor}}</td><td class="n{{if neg .Available}} neg{{end}}">{{money .Available $.Currency $.Minor}}</td><td class="n">{{pct .Variance}}</td></tr>
{{- end}}
</tbody>
<tfoot><tr><td colspan="2">{{call .Words "total"}}</td><td class="n">{{money .Total.Planned .Currency .Minor}}</td><td class="n">{{money .Total.Committed .Currency .Minor}}</td><td class="n">{{money .Total.Actual .Currency .Minor}}</td><td class="n{{if neg .Total.Available}} neg{{end}}">{{money .Total.Available .Currency .Minor}}</td><td class="n">{{pct .Total.Variance}}</td></tr></tfoot>
</table></div>
<p class="note" id="variance-note">{{call .Words "variance_note"}}</p>
{{- else}}
<p class="empty">{{call .Words "no_budget"}}</p>
{{- end}}

<h2>{{call .Words "campaigns"}}</h2>
{{- if .Campaigns}}
<div class="scroll"><table>
<thead><tr><th>{{call .Words "name"}}</th><th>{{call .Words "team"}}</th><th>{{call .Words "status"}}</th><th>{{call .Words "start"}}</th><th>{{call .Words "end"}}</th><th>{{call .Words "goals"}}</th><th class="n">{{call .Words "spent"}}</th><th class="n">{{call .Words "revenue"}}</th><th class="n">{{call .Words "roi"}}</th></tr></thead>
<tbody>
{{- range .Campaigns}}
<tr><td class="name">{{.Name}}</td><td class="name">{{.Team}}</td><td>{{.Status}}</td><td><time datetime="{{.Start}}">{{.Start}}</time></td><td><time datetime="{{.End}}">{{.End}}</time></td><td>{{.Goals}}</td><td class="n">{{money .Spent $.Currency $.Minor}}</td><td class="n">{{money .Revenue $.Currency $.Minor}}</td><td class="n">{{pct .ROIBasisPoints}}</td></tr>
{{- end}}
</tbody>
<tfoot><tr><td colspan="6">{{call .Words "total"}}</td><td class="n">{{money .Spent .Currency .Minor}}</td><td class="n">{{money .Revenue .Currency .Minor}}</td><td></td></tr></tfoot>
</table></div>
{{- else}}
<p class="empty">{{call .Words "no_campaigns"}}</p>
{{- end}}

{{template "results" .}}

<h2>{{call .Words "contracts"}}</h2>
{{- if .Contracts}}
<div class="scroll"><table>
<thead><tr><th>{{call .Words "vendor"}}</th><th>{{call .Words "product"}}</th><th>{{call .Words "owner"}}</th><th class="n">{{call .Words "cost"}}</th><th class="n">{{call .Words "annualised"}}</th><th class="n">{{call .Words "per_seat"}}</th><th>{{call .Words "renewal"}}</th><th>{{call .Words "cancel_by"}}</th><th class="n">{{call .Words "seats"}}</th><th class="n">{{call .Words "seats_used"}}</th></tr></thead>
<tbody>
{{- range .Contracts}}
<tr><td class="name">{{.Vendor}}</td><td class="name">{{.Product}}</td><td class="name">{{.Owner}}</td><td class="n">{{contractMoney .Cost}}</td><td class="n">{{money .Annualised $.Currency $.Minor}}</td><td class="n">{{money .CostPerSeat $.Currency $.Minor}}</td><td>{{with .NextRenewal}}<time datetime="{{.}}">{{.}}</time>{{end}}</td><td>{{with .CancelBy}}<time datetime="{{.}}">{{.}}</time>{{end}}</td><td class="n">{{.SeatsBought}}</td><td class="n">{{.SeatsUsed}}</td></tr>
{{- end}}
</tbody>
</table></div>
{{- else}}
<p class="empty">{{call .Words "no_contracts"}}</p>
{{- end}}

<h2>{{call .Words "licences"}}</h2>
{{- if .Licences}}
<div class="scroll"><table>
<thead><tr><th>{{call .Words "asset"}}</th><th>{{call .Words "licence"}}</th><th>{{call .Words "holder"}}</th><th>{{call .Words "expiry"}}</th></tr></thead>
<tbody>
{{- range .Licences}}
<tr><td class="name">{{.Asset}}</td><td>{{.Type}}</td><td class="name">{{.Holder}}</td><td><time datetime="{{.Expiry}}">{{.Expiry}}</time></td></tr>
{{- end}}
</tbody>
</table></div>
{{- else}}
<p class="empty">{{call .Words "no_licences"}}</p>
{{- end}}
</main>
<script>{{.Library}}</script>
<script>
(function () {
  "use strict";
  var lang = document.documentElement.lang;
  function money(minor, currency, digits) {
    try {
      return new Intl.NumberFormat(lang, { style: "currency", currency: currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / Math.pow(10, digits));
    } catch (e) {
      return null;
    }
  }
  document.querySelectorAll("data.money").forEach(function (el) {
    var s = money(Number(el.value), el.dataset.currency, Number(el.dataset.minor));
    if (s) el.textContent = s;
  });
  // Results: KPIs with the decimals backend/kpi.go rounds to, counts in the reader's digits.
  document.querySelectorAll("data.kpi[value]").forEach(function (el) {
    var d = Number(el.dataset.decimals), v = Number(el.value) / Math.pow(10, d), o = { minimumFractionDigits: d, maximumFractionDigits: d };
    el.textContent = el.dataset.unit === "percent" ? new Intl.NumberFormat(lang, Object.assign({ style: "percent" }, o)).format(v / 100) : new Intl.NumberFormat(lang, o).format(v);
  });
  document.querySelectorAll("data.count").forEach(function (el) {
    el.textContent = new Intl.NumberFormat(lang).format(Number(el.value));
  });
  document.querySelectorAll("data.rate").forEach(function (el) {
    el.textContent = new Intl.NumberFormat(lang, { maximumFractionDigits: 10 }).format(Number(el.value));
  });
  document.querySelectorAll("data.pct").forEach(function (el) {
    el.textContent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(Number(el.value) / 10000);
  });
  // Months named as the Budget summary names them ("December 2026").
  var months = new Intl.DateTimeFormat(lang + "-u-ca-gregory", { month: "long", year: "numeric", timeZone: "UTC" });
  document.querySelectorAll("time[data-month]").forEach(function (el) {
    var d = new Date(el.getAttribute("datetime") + "-01T00:00:00Z");
    if (!isNaN(d)) el.textContent = months.format(d);
  });
  var dates = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  document.querySelectorAll("time[datetime]:not([data-month])").forEach(function (el) {
    var d = new Date(el.getAttribute("datetime") + "T00:00:00Z");
    if (!isNaN(d)) el.textContent = dates.format(d);
  });
  if (typeof echarts === "undefined") return;
  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var option = JSON.parse(document.getElementById(el.dataset.chart).textContent);
    var f = option.moneyFormat;
    delete option.moneyFormat;
    // The figure's caption is the title; the plot takes the room.
    delete option.title;
    option.grid = Object.assign({ top: 24, left: 8, right: 16, containLabel: true }, option.grid);
    [].concat(option.xAxis || []).forEach(function (a) {
      // A few names (teams) are all shown, wrapped; a year of months keeps ECharts' spacing.
      if (a && a.type !== "value" && (a.data || []).length <= 6) a.axisLabel = Object.assign({ interval: 0, width: 96, overflow: "break" }, a.axisLabel);
    });
    // Names down the side (teams, categories) each get a row tall enough for
    // the lines they wrap onto, so a long list grows the chart instead of
    // crowding it.
    [].concat(option.yAxis || []).forEach(function (a) {
      if (!a || a.type !== "category") return;
      var names = a.data || [];
      var longest = names.reduce(function (m, n) { return Math.max(m, String(n).length); }, 0);
      var lines = Math.max(1, Math.ceil(longest * 7 / ((a.axisLabel && a.axisLabel.width) || 120)));
      var row = Math.max(10 * [].concat(option.series || []).length + 14, lines * 18 + 14);
      el.style.minBlockSize = (96 + names.length * row) + "px";
    });
    // Tooltips are rich text drawn by ECharts, never HTML.
    option.tooltip = Object.assign({}, option.tooltip, { renderMode: "richText" });
    if (f) {
      var fmt = function (v) { return typeof v === "number" ? (money(Math.round(v), f.currency, f.minorUnits) || String(v)) : String(v == null ? "" : v); };
      option.tooltip.valueFormatter = fmt;
      // Bars on their side carry their amounts along the bottom.
      [].concat(option.xAxis || [], option.yAxis || []).forEach(function (a) { if (a && a.type === "value") a.axisLabel = Object.assign({}, a.axisLabel, { formatter: fmt }); });
    }
    // On a narrow screen slice labels would run off the edge: the legend names them.
    [].concat(option.series || []).forEach(function (s) {
      if (s && s.type === "pie" && el.clientWidth < 480) s.label = Object.assign({}, s.label, { show: false });
    });
    if (document.documentElement.dir === "rtl") {
      [].concat(option.xAxis || []).forEach(function (a) { if (a) a.inverse = !a.inverse; });
      [].concat(option.yAxis || []).forEach(function (a) { if (a) a.position = "right"; });
      [].concat(option.legend || []).forEach(function (l) { if (l) l.align = "right"; });
    }
    option.textStyle = Object.assign({ fontFamily: getComputedStyle(document.body).fontFamily }, option.textStyle);
    var c = echarts.init(el, null, { renderer: "svg" });
    c.setOption(option);
    charts.push(c);
  });
  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);
  if (window.matchMedia) window.matchMedia("print").addEventListener("change", resize);
})();
</script>
</body>
</html>
`
