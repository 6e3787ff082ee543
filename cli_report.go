package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
)

// runReport writes the executive report for a period to a file.
func runReport(args []string, log *slog.Logger, stdout, stderr io.Writer) int {
	fl := newFlags("mopsdesk report", stderr)
	data := fl.String("data", "", "")
	from := fl.String("from", "", "")
	to := fl.String("to", "", "")
	out := fl.String("out", "", "")
	lang := fl.String("lang", "", "")
	if err := fl.Parse(args); err != nil {
		return usageError(stderr, err)
	}
	if fl.NArg() > 0 {
		return usageError(stderr, fmt.Errorf("report takes no arguments, got %q", fl.Arg(0)))
	}
	if *from == "" || *to == "" || *out == "" {
		return usageError(stderr, fmt.Errorf("report needs --from, --to and --out"))
	}
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(*out), "."))
	if !slices.Contains(api.ReportFormats, format) {
		return usageError(stderr, fmt.Errorf("--out %q: the report is written as an .xlsx workbook or an .html page; name the file FILE.xlsx or FILE.html", *out))
	}
	for _, f := range []struct{ flag, value string }{{"--from", *from}, {"--to", *to}} {
		if _, ok := backend.ParseDay(f.value); !ok {
			return usageError(stderr, fmt.Errorf("%s %q is not a date; write it as YYYY-MM-DD", f.flag, f.value))
		}
	}
	if *lang != "" && !slices.Contains(backend.Languages, *lang) {
		return usageError(stderr, fmt.Errorf("--lang %q: MOps Desk writes reports in %s", *lang, strings.Join(backend.Languages, ", ")))
	}
	if *to < *from {
		return usageError(stderr, fmt.Errorf("--to %s is before --from %s", *to, *from))
	}
	log = commandLog(log)
	app := openForCommand(*data, "cli", log, stderr)
	if app == nil {
		return 1
	}
	defer app.close()
	ctx, endProgress := withTerminalProgress(context.Background(), stderr)
	err := writeFileAtomic(*out, func(f *os.File) error {
		return app.api.Exports.Report(ctx, api.ReportRequest{From: *from, To: *to, Format: format, Lang: *lang}, f)
	})
	endProgress()
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", errorText(err))
		return 1
	}
	fmt.Fprintf(stdout, "Wrote %s\n", *out)
	return 0
}
