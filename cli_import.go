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

// pair reads a repeatable FLAG=VALUE flag into m.
func pair(flagName, example string, m map[string]string) func(string) error {
	return func(v string) error {
		k, val, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return fmt.Errorf("--%s %q: write %s", flagName, v, example)
		}
		m[strings.TrimSpace(k)] = strings.TrimSpace(val)
		return nil
	}
}

// importFlags are the choices "mopsdesk import" takes, as the Import
// page offers them.
type importFlags struct {
	kind, dates  string
	year         int
	sheets       []string
	sets, maps   map[string]string
	ignore       []string
	dryRun, json bool
}

func runImport(args []string, log *slog.Logger, stdout, stderr io.Writer) int {
	fl := newFlags("mopsdesk import", stderr)
	data := fl.String("data", "", "")
	f := importFlags{sets: map[string]string{}, maps: map[string]string{}}
	fl.StringVar(&f.kind, "kind", "", "")
	fl.Func("sheet", "", func(v string) error { f.sheets = append(f.sheets, v); return nil })
	fl.StringVar(&f.dates, "dates", "", "")
	fl.IntVar(&f.year, "year", 0, "")
	fl.BoolVar(&f.dryRun, "dry-run", false, "")
	fl.BoolVar(&f.json, "json", false, "")
	fl.Func("set", "", pair("set", "FIELD=VALUE, e.g. --set team=Brand", f.sets))
	fl.Func("map", "", pair("map", "COLUMN=FIELD, e.g. --map C=renewalDate or --map \"Term End\"=renewalDate", f.maps))
	fl.Func("ignore", "", func(v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("--ignore needs a column letter or header")
		}
		f.ignore = append(f.ignore, strings.TrimSpace(v))
		return nil
	})
	pos, err := splitArgs(fl, args)
	if err != nil {
		return usageError(stderr, err)
	}
	if len(pos) != 1 {
		return usageError(stderr, fmt.Errorf("import takes one FILE, got %d", len(pos)))
	}
	if f.kind != "" && sheet.Kinds[f.kind] == nil {
		return usageError(stderr, fmt.Errorf("--kind %q: use one of %s", f.kind, strings.Join(sheet.KindKeys, ", ")))
	}
	if f.dates != "" && f.dates != "dmy" && f.dates != "mdy" {
		return usageError(stderr, fmt.Errorf("--dates %q: use dmy or mdy", f.dates))
	}
	path := pos[0]
	name := filepath.Base(path)
	fail := func(err error) int {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", errorText(err))
		return 1
	}
	if _, err := os.Stat(path); err != nil {
		return fail(backend.Errorf(backend.EINVALID, "%s cannot be opened: %v", path, err))
	}
	log = commandLog(log)
	// A dry run only reads, so it may run while the window or serve mode
	// has the workspace open; an import takes the folder for itself.
	mode := "import"
	if f.dryRun {
		mode = "cli"
	}
	app := openForCommand(*data, mode, log, stderr)
	if app == nil {
		return 1
	}
	defer app.close()
	// The sheets to read, and what each holds: reading the file for that
	// is behind the same recover as the import.
	sheets, kinds := f.sheets, map[string]string{}
	all := len(sheets) == 1 && strings.EqualFold(sheets[0], "all")
	if len(sheets) == 0 {
		sheets = []string{""}
	}
	if f.kind == "" || all {
		// Read before the import only when there is something to learn:
		// a second read of a large workbook costs its memory twice.
		err = sheet.Guard(name, func(at *sheet.Place) error {
			file, err := os.Open(path)
			if err != nil {
				return err
			}
			defer file.Close()
			st, _ := file.Stat()
			wb, err := sheet.Open(file, st.Size(), name)
			if err != nil {
				return err
			}
			defer wb.Close()
			wb.Track(at)
			if all && !contains(wb.Sheets(), sheets[0]) {
				sheets = wb.Sheets()
			}
			for _, s := range sheets {
				if f.kind == "" {
					kinds[s] = sheet.GuessKind(wb, s, nil)
				}
			}
			return nil
		})
	}
	if err != nil {
		logCrash(log, err)
		return fail(err)
	}
	var reps []importReport
	code := 0
	for _, s := range sheets {
		kind := f.kind
		if kind == "" {
			kind = kinds[s]
		}
		rep, err, usage := importSheet(app, path, name, s, kind, f, stderr)
		if usage != nil {
			return usageError(stderr, usage)
		}
		if err != nil {
			logCrash(log, err)
			fail(err)
			code = 1
			continue
		}
		reps = append(reps, rep)
	}
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if len(sheets) == 1 && len(reps) == 1 {
			enc.Encode(reps[0])
		} else {
			enc.Encode(reps)
		}
		return code
	}
	for _, rep := range reps {
		printReport(stdout, name, rep)
	}
	return code
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// importSheet imports (or previews) one sheet of the file. usage is a
// command-line mistake (a column or field that does not exist).
func importSheet(app *App, path, name, sheetName, kind string, f importFlags, stderr io.Writer) (rep importReport, err, usage error) {
	ctx, endProgress := withTerminalProgress(context.Background(), stderr)
	defer endProgress()
	sets := map[string]string{}
	for k, v := range f.sets {
		sets[k] = v
	}
	for k := range sets {
		if sheet.Kinds[kind].Field(k) == nil {
			return rep, nil, fmt.Errorf("--set %s: %s has no field %q", k, kind, k)
		}
	}
	opts := sheet.Options{Kind: kind, Sheet: sheetName, SkipProblems: true, ProblemLimit: 1 << 30, Constants: sets, Year: f.year}
	if f.dates != "" {
		opts.DateOrder = sheet.Order(f.dates)
	}
	if len(f.maps) > 0 || len(f.ignore) > 0 || len(sets) > 0 {
		// Columns are named by letter or header: read the layout first.
		first, err := app.svc.Imports.Preview(ctx, path, name, opts)
		if err != nil {
			return rep, err, nil
		}
		mapping, usage := cliMapping(first, kind, f, sets)
		if usage != nil {
			return rep, nil, usage
		}
		opts.Mapping = mapping
	}
	dryRun := f.dryRun
	var out *sheet.ImportPreview
	if dryRun {
		out, err = app.svc.Imports.Preview(ctx, path, name, opts)
	} else {
		out, err = app.svc.Imports.Commit(ctx, path, name, opts)
	}
	if err != nil && !dryRun && backend.ErrorCode(err) == backend.EINVALID {
		// Nothing could be imported (a field no column holds, dates to
		// settle): report what the file holds, as a dry run would.
		fmt.Fprintf(stderr, "mopsdesk: %s\n", backend.ErrorMessage(err))
		if out, err = app.svc.Imports.Preview(ctx, path, name, opts); err == nil {
			out.Create, out.Update = 0, 0
			dryRun = true
		}
	}
	if err != nil {
		return rep, err, nil
	}
	rep = importReport{Kind: out.Kind, Sheet: out.Sheet, HeaderRow: out.HeaderRow, Shape: out.Shape, Mapping: map[string]string{},
		Create: out.Create, Update: out.Update, Skip: out.Skip, Problems: []cliProblem{}, DryRun: dryRun, RunID: out.RunID}
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
	return rep, nil, nil
}

// cliMapping turns --map, --ignore and --set into the preview's mapping:
// the columns as found, those named by --map and --ignore changed, and a
// column mapped to a field --set fills left out (the value set for every
// row wins over the column, as on the Import page).
func cliMapping(p *sheet.ImportPreview, kind string, f importFlags, sets map[string]string) (map[string]string, error) {
	find := func(flagName, col string) (string, error) {
		for _, c := range p.Columns {
			if strings.EqualFold(c.Key, col) {
				return c.Key, nil
			}
		}
		for _, c := range p.Columns {
			if sheet.Norm(c.Header) == sheet.Norm(col) && sheet.Norm(col) != "" {
				return c.Key, nil
			}
		}
		var have []string
		for _, c := range p.Columns {
			have = append(have, fmt.Sprintf("%s %q", c.Key, c.Header))
		}
		return "", fmt.Errorf("--%s %q: sheet '%s' has no such column; its columns are %s", flagName, col, p.Sheet, strings.Join(have, ", "))
	}
	m := map[string]string{}
	for _, c := range p.Columns {
		if c.By != "fixed" {
			m[c.Key] = c.Field
		}
	}
	for col, field := range f.maps {
		key, err := find("map", col)
		if err != nil {
			return nil, err
		}
		if field != "" && sheet.Kinds[kind].Field(field) == nil {
			return nil, fmt.Errorf("--map %s=%s: %s has no field %q", col, field, kind, field)
		}
		for k, v := range m {
			if v == field && k != key {
				m[k] = "" // a field comes from one column
			}
		}
		m[key] = field
	}
	for _, col := range f.ignore {
		key, err := find("ignore", col)
		if err != nil {
			return nil, err
		}
		m[key] = ""
	}
	for field := range sets {
		for k, v := range m {
			if v == field {
				m[k] = ""
			}
		}
	}
	return m, nil
}

// printReport writes one sheet's report for a person.
func printReport(stdout io.Writer, name string, rep importReport) {
	verb := "Imported"
	if rep.DryRun {
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
	if !rep.DryRun && rep.RunID != 0 {
		fmt.Fprintf(stdout, "Recorded as import %d; undo it from the Import page.\n", rep.RunID)
	}
}

// logCrash logs where and how an import failed inside MOps Desk, with the
// stack, for a bug report (shown with MOPSDESK_LOG set).
func logCrash(log *slog.Logger, err error) {
	var c *sheet.Crash
	if errors.As(err, &c) {
		log.Error("import failed", "err", c.Value, "sheet", c.Place.Sheet, "row", c.Place.Row, "col", c.Place.Col, "stack", string(c.Stack))
	}
}
