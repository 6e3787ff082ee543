package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"mopsdesk/backend"
	"mopsdesk/backend/report"
	"strings"
)

// reportFonts reads the fonts the frontend build put beside the chart
// library for HTML reports (none in a build without the frontend).
func reportFonts() []report.Font {
	var out []report.Font
	for _, f := range []report.Font{
		{Family: "Vazirmatn", Weight: 400, Script: "arabic"}, {Family: "Vazirmatn", Weight: 700, Script: "arabic"},
		{Family: "Noto Sans Thai", Weight: 400, Script: "thai"}, {Family: "Noto Sans Thai", Weight: 700, Script: "thai"},
	} {
		name := fmt.Sprintf("frontend/dist/report/%s-%s-%d.woff2", strings.ReplaceAll(strings.ToLower(f.Family), " ", "-"), f.Script, f.Weight)
		if data, err := fs.ReadFile(assets, name); err == nil {
			f.Data = data
			out = append(out, f)
		}
	}
	return out
}

// reportWords reads the report's words in each language that the frontend
// build wrote from its catalogs.
func reportWords() map[string]map[string]string { return readWords("frontend/dist/report/words-") }

// readWords reads prefix+LANG+".json" of each language from the embedded
// frontend build: words the build wrote from the catalogs (none in a
// build without the frontend).
func readWords(prefix string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range backend.Languages {
		data, err := fs.ReadFile(assets, prefix+lang+".json")
		if err != nil {
			continue
		}
		words := map[string]string{}
		if json.Unmarshal(data, &words) == nil {
			out[lang] = words
		}
	}
	return out
}
