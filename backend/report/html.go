package report

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// Font is a web font (WOFF2) an HTML report can embed.
type Font struct {
	Family string
	Weight int
	// Script is "arabic" or "thai": the font is embedded when the report's
	// language or text is in that script.
	Script string
	Data   []byte
}

// Library is what an HTML report inlines: the ECharts script and fonts.
type Library struct {
	Script []byte
	Fonts  []Font
}

// unicodeRanges are the characters each embeddable script's font covers.
var unicodeRanges = map[string]string{
	"arabic": "U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0898-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC",
	"thai":   "U+0E01-0E5B, U+200C-200D, U+25CC",
}

// WriteHTML writes the report as one self-contained HTML page: the same
// figures and tables as the workbook, and its three charts drawn by the
// ECharts library given in lib, which is inlined so the page works
// offline, with fonts for Arabic script and Thai when its text needs them.
// A Content-Security-Policy forbids every request the page could make;
// user text is escaped by html/template and chart options are JSON.
func WriteHTML(w io.Writer, d *Data, lib Library) error {
	script := lib.Script
	if len(script) == 0 {
		return errors.New("this build of MOps Desk has no chart library for HTML reports; build it with 'make build'")
	}
	if bytes.Contains(bytes.ToLower(script), []byte("</script")) {
		return errors.New("the chart library cannot be inlined: it contains a closing script tag")
	}
	page, err := d.page()
	if err != nil {
		return err
	}
	page.Library = template.JS(script)
	need := d.scripts()
	var faces strings.Builder
	for _, f := range lib.Fonts {
		if need[f.Script] {
			fmt.Fprintf(&faces, "@font-face { font-family: %q; font-weight: %d; font-style: normal; font-display: swap; src: url(data:font/woff2;base64,%s) format(\"woff2\"); unicode-range: %s; }\n",
				f.Family, f.Weight, base64.StdEncoding.EncodeToString(f.Data), unicodeRanges[f.Script])
		}
	}
	page.Fonts = template.CSS(faces.String())
	return htmlPage.Execute(w, page)
}

// scripts reports which embeddable scripts the report needs: its
// language's, and any its text is written in.
func (d *Data) scripts() map[string]bool {
	need := map[string]bool{}
	switch strings.SplitN(d.Lang, "-", 2)[0] {
	case "fa", "ar", "ur":
		need["arabic"] = true
	case "th":
		need["thai"] = true
	}
	scan := func(s string) {
		for _, r := range s {
			switch {
			case r >= 0x0600 && r <= 0x06FF, r >= 0xFB50 && r <= 0xFEFC:
				need["arabic"] = true
			case r >= 0x0E00 && r <= 0x0E7F:
				need["thai"] = true
			}
		}
	}
	scan(d.Workspace)
	for _, w := range d.Words {
		scan(w)
	}
	for _, r := range d.Budget {
		scan(r.TeamName + r.CategoryName)
	}
	for _, c := range d.Campaigns {
		scan(c.Name + c.Team + c.Status + c.Goals)
	}
	for _, c := range d.Contracts {
		scan(c.Vendor + c.Product + c.Owner)
	}
	for _, l := range d.Licences {
		scan(l.Asset + l.Holder + l.Type)
	}
	return need
}
