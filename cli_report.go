package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
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
	if err := fl.Parse(args); err != nil {
		return usageError(stderr, err)
	}
	if fl.NArg() > 0 {
		return usageError(stderr, fmt.Errorf("report takes no arguments, got %q", fl.Arg(0)))
	}
	if *from == "" || *to == "" || *out == "" {
		return usageError(stderr, fmt.Errorf("report needs --from, --to and --out"))
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return usageError(stderr, fmt.Errorf("--out %q: the report is written as an .xlsx workbook; name the file FILE.xlsx", *out))
	}
	if os.Getenv("MOPSDESK_LOG") == "" {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	app, err := openApp(*data, "cli", log)
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %v\n", err)
		return 1
	}
	defer app.close()
	err = writeFileAtomic(*out, func(f *os.File) error {
		return app.api.Exports.Report(api.ReportRequest{From: *from, To: *to}, f)
	})
	if err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", backend.ErrorMessage(err))
		return 1
	}
	fmt.Fprintf(stdout, "Wrote %s\n", *out)
	return 0
}
