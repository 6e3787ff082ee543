package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// importReport is what "mopsdesk import --json" prints.
type importReport struct {
	Kind      string            `json:"kind"`
	Sheet     string            `json:"sheet"`
	HeaderRow int               `json:"headerRow"`
	Shape     string            `json:"shape"`
	Mapping   map[string]string `json:"mapping"`
	Create    int               `json:"create"`
	Update    int               `json:"update"`
	Skip      int               `json:"skip"`
	Problems  []cliProblem      `json:"problems"`
	// Skipped is text left out on purpose (a legend beside a calendar
	// grid), with where it is.
	Skipped []cliProblem `json:"skipped"`
	DryRun  bool         `json:"dryRun"`
	RunID   int64        `json:"runId,omitempty"`
}

type cliProblem struct {
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

// splitArgs separates flags from the positional arguments, so that flags
// may come before or after FILE.
func splitArgs(fl interface {
	Parse([]string) error
	Args() []string
}, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func runImport(args []string, log *slog.Logger, stdout, stderr io.Writer) int {
	fl := newFlags("mopsdesk import", stderr)
	data := fl.String("data", "", "")
	kind := fl.String("kind", "", "")
	sheetName := fl.String("sheet", "", "")
	dates := fl.String("dates", "", "")
	year := fl.Int("year", 0, "")
	dryRun := fl.Bool("dry-run", false, "")
	asJSON := fl.Bool("json", false, "")
	sets := map[string]string{}
	fl.Func("set", "", func(v string) error {
		k, val, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return fmt.Errorf("--set %q: write FIELD=VALUE, e.g. --set team=Brand", v)
		}
		sets[strings.TrimSpace(k)] = val
		return nil
	})
	pos, err := splitArgs(fl, args)
	if err != nil {
		return usageError(stderr, err)
	}
	if len(pos) != 1 {
		return usageError(stderr, fmt.Errorf("import takes one FILE, got %d", len(pos)))
	}
	if *kind != "" && sheet.Kinds[*kind] == nil {
		return usageError(stderr, fmt.Errorf("--kind %q: use one of %s", *kind, strings.Join(sheet.KindKeys, ", ")))
	}
	if *dates != "" && *dates != "dmy" && *dates != "mdy" {
		return usageError(stderr, fmt.Errorf("--dates %q: use dmy or mdy", *dates))
	}
	path := pos[0]
	name := filepath.Base(path)
	fail := func(err error) int {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", backend.ErrorMessage(err))
		return 1
	}
	if _, err := os.Stat(path); err != nil {
		return fail(backend.Errorf(backend.EINVALID, "%s cannot be opened: %v", path, err))
	}
	// Logs go to stderr only when asked: the report is the output.
	if os.Getenv("MOPSDESK_LOG") == "" {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	app, err := openApp(*data, "cli", log)
	if err != nil {
		return fail(err)
	}
	defer app.close()
	ctx := context.Background()
	if *kind == "" {
		// Guessing reads the file too: behind the same recover as the import.
		err := sheet.Guard(name, func(at *sheet.Place) error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			st, _ := f.Stat()
			wb, err := sheet.Open(f, st.Size(), name)
			if err != nil {
				return err
			}
			defer wb.Close()
			wb.Track(at)
			*kind = sheet.GuessKind(wb, *sheetName, nil)
			return nil
		})
		if err != nil {
			logCrash(log, err)
			return fail(err)
		}
	}
	for k := range sets {
		if sheet.Kinds[*kind].Field(k) == nil {
			return usageError(stderr, fmt.Errorf("--set %s: %s has no field %q", k, *kind, k))
		}
	}
	opts := sheet.Options{Kind: *kind, Sheet: *sheetName, SkipProblems: true, ProblemLimit: 1 << 30, Constants: sets, Year: *year}
	if *dates != "" {
		opts.DateOrder = sheet.Order(*dates)
	}
	var out *sheet.ImportPreview
	if *dryRun {
		out, err = app.svc.Imports.Preview(ctx, path, name, opts)
	} else {
		out, err = app.svc.Imports.Commit(ctx, path, name, opts)
	}
	if err != nil && !*dryRun && backend.ErrorCode(err) == backend.EINVALID {
		// Nothing could be imported (a field no column holds, dates to
		// settle): report what the file holds, as a dry run would.
		fmt.Fprintf(stderr, "mopsdesk: %s\n", backend.ErrorMessage(err))
		if out, err = app.svc.Imports.Preview(ctx, path, name, opts); err == nil {
			out.Create, out.Update = 0, 0
			*dryRun = true
		}
	}
	if err != nil {
		logCrash(log, err)
		return fail(err)
	}
	rep := importReport{Kind: out.Kind, Sheet: out.Sheet, HeaderRow: out.HeaderRow, Shape: out.Shape, Mapping: map[string]string{},
		Create: out.Create, Update: out.Update, Skip: out.Skip, Problems: []cliProblem{}, DryRun: *dryRun, RunID: out.RunID}
	for _, c := range out.Columns {
		if c.Field != "" {
			rep.Mapping[c.Key] = c.Field
		}
	}
	for _, p := range out.Problems {
		rep.Problems = append(rep.Problems, cliProblem{Sheet: p.Sheet, Row: p.Row, Column: p.Column, Value: p.Value, Message: p.Message})
	}
	rep.Skipped = []cliProblem{}
	for _, p := range out.Skipped {
		rep.Skipped = append(rep.Skipped, cliProblem{Sheet: p.Sheet, Row: p.Row, Column: p.Column, Value: p.Value, Message: p.Message})
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.Encode(rep)
		return 0
	}
	verb := "Imported"
	if *dryRun {
		verb = "Would import"
	}
	fmt.Fprintf(stdout, "%s %s from sheet '%s' of %s (headers on row %d, %s layout)\n", verb, rep.Kind, rep.Sheet, name, rep.HeaderRow, rep.Shape)
	cols := make([]string, 0, len(rep.Mapping))
	for c := range rep.Mapping {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	for _, c := range cols {
		fmt.Fprintf(stdout, "  column %-6s → %s\n", c, rep.Mapping[c])
	}
	fmt.Fprintf(stdout, "%d to create, %d to update, %d skipped, %d problems\n", rep.Create, rep.Update, rep.Skip, len(rep.Problems))
	for _, p := range rep.Problems {
		fmt.Fprintf(stdout, "  %s\n", p.Message)
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(stdout, "Left out, not part of the data:\n")
		for _, p := range rep.Skipped {
			fmt.Fprintf(stdout, "  %s\n", p.Message)
		}
	}
	if !*dryRun && rep.RunID != 0 {
		fmt.Fprintf(stdout, "Recorded as import %d; undo it from the Import page.\n", rep.RunID)
	}
	return 0
}

// logCrash logs where and how an import failed inside MOps Desk, with the
// stack, for a bug report (shown with MOPSDESK_LOG set).
func logCrash(log *slog.Logger, err error) {
	var c *sheet.Crash
	if errors.As(err, &c) {
		log.Error("import failed", "err", c.Value, "sheet", c.Place.Sheet, "row", c.Place.Row, "col", c.Place.Col, "stack", string(c.Stack))
	}
}
