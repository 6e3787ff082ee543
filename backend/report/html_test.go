package report_test

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"mopsdesk/backend/report"
)

// fakeLibrary stands in for ECharts; the browser test uses the real one.
var fakeLibrary = []byte(`window.echarts = { init: function () { return { setOption: function () {}, resize: function () {} }; } };`)

func TestWriteHTML(t *testing.T) {
	d := sample()
	d.Campaigns[1].Name = `<img src=x onerror=alert(1)>`
	d.Budget[0].TeamName = `</script><script>alert(2)</script>`
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, d, report.Library{Script: fakeLibrary}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		`<html lang="en" dir="ltr">`,
		`default-src 'none'`, // the page may fetch nothing
		`<title>Acme &amp; Co — Executive report 2026-04-01 – 2027-03-31</title>`,
		`<td class="name">&lt;img src=x onerror=alert(1)&gt;</td>`,
		`<td class="name">&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;</td>`,
		`<td class="name">&#43;1 555</td><td>@SUM(A1)</td>`,
		`<figcaption>Plan vs actual by team</figcaption>`,
		`<figcaption>Spend by category</figcaption>`,
		`<figcaption>Spend over time</figcaption>`,
		string(fakeLibrary),
		// Money is exact minor units, shown grouped before the script
		// formats it for the reader's language.
		`<data class="money" value="3000000" data-currency="USD" data-minor="2">30,000.00 USD</data>`,
		`<data class="money" value="120000" data-currency="EUR" data-minor="2">1,200.00 EUR</data>`,
		// Variance of Brand/Events (backend.VarianceBasisPoints): what is
		// left of the plan, (20,000 − 5,000 − 7,000) / 20,000, written as
		// the page's script writes it; and what variance means.
		`<data class="pct" value="4000">40%</data>`,
		`<p class="note" id="variance-note">Variance % is what is left of the plan`,
		`<time datetime="2027-01-15">2027-01-15</time>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The team name reaches the chart's JSON escaped, so it cannot close
	// the script element holding it.
	if strings.Count(page, "</script>") != 5 { // three charts, library, init
		t.Errorf("%d closing script tags", strings.Count(page, "</script>"))
	}
	if !strings.Contains(page, `\u003c/script\u003e\u003cscript\u003ealert(2)`) {
		t.Error("chart JSON does not carry the escaped team name")
	}
	// Nothing is loaded from anywhere: no src, href or url() but data.
	for _, re := range []string{`(?i)\ssrc\s*=\s*["']?[a-z]`, `(?i)<link\b`, `(?i)url\(\s*["']?http`, `(?i)@import`} {
		for _, m := range regexp.MustCompile(re).FindAllString(strings.ReplaceAll(page, string(fakeLibrary), ""), -1) {
			if !strings.Contains(m, "src=x") {
				t.Errorf("page may load something: %q", m)
			}
		}
	}
	if strings.Contains(page, `<img src`) {
		t.Error("user text became markup")
	}
}

func TestWriteHTML_EmptyAndRTL(t *testing.T) {
	d := sample()
	d.Budget, d.Months, d.Campaigns, d.Contracts, d.Licences = nil, nil, nil, nil, nil
	d.Lang = "fa"
	d.Words = map[string]string{"no_data": "داده‌ای نیست", "title": "گزارش مدیریتی"}
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, d, report.Library{Script: fakeLibrary}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, `<html lang="fa" dir="rtl">`) || !strings.Contains(page, "گزارش مدیریتی") {
		t.Error("Persian page is not right to left in Persian")
	}
	if n := strings.Count(page, `<p class="empty">داده‌ای نیست</p>`); n != 3 {
		t.Errorf("%d charts show the empty state, want 3", n)
	}
	if strings.Contains(page, `data-chart=`) {
		t.Error("an empty chart still gets a drawing area")
	}
	for _, want := range []string{"No budget covers this period.", "No campaign runs in this period.", "No active contracts.", "No licence expires in this period."} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestWriteHTML_Library(t *testing.T) {
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, sample(), report.Library{}); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Fatalf("no library: %v", err)
	}
	if err := report.WriteHTML(&buf, sample(), report.Library{Script: []byte(`var s = "</SCRIPT>";`)}); err == nil {
		t.Fatal("a library that closes its script element was inlined")
	}
}

func TestWriteHTML_Fonts(t *testing.T) {
	lib := report.Library{Script: fakeLibrary, Fonts: []report.Font{
		{Family: "Vazirmatn", Weight: 400, Script: "arabic", Data: []byte("ARABIC")},
		{Family: "Noto Sans Thai", Weight: 400, Script: "thai", Data: []byte("THAI")},
	}}
	page := func(d *report.Data) string {
		var buf bytes.Buffer
		if err := report.WriteHTML(&buf, d, lib); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	arabic, thai := "QVJBQklD", "VEhBSQ==" // base64 of the stand-in bytes
	// English text: no font is embedded.
	if p := page(sample()); strings.Contains(p, arabic) || strings.Contains(p, thai) {
		t.Error("an English report embeds fonts it does not need")
	}
	// A Persian report embeds the Arabic-script font, and the Thai one
	// for a Thai campaign name in it.
	d := sample()
	d.Lang = "fa"
	d.Campaigns[0].Name = "แคมเปญสงกรานต์"
	p := page(d)
	if !strings.Contains(p, `font-family: "Vazirmatn"`) || !strings.Contains(p, "url(data:font/woff2;base64,"+arabic+")") || !strings.Contains(p, thai) {
		t.Error("the Persian report lacks its fonts")
	}
	if !strings.Contains(p, "font-src data:") {
		t.Error("the page's policy does not allow its embedded fonts")
	}
}
