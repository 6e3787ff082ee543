package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
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
	// Results is what a results file gave besides its facts (kind
	// "results" only).
	Results *cliResults `json:"results,omitempty"`
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
	if f.dates != "" && f.dates != "dmy" && f.dates != "mdy" {
		return usageError(stderr, fmt.Errorf("--dates %q: use dmy or mdy", f.dates))
	}
	path := pos[0]
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", errorText(backend.Errorf(backend.EINVALID, "%s cannot be opened: %v", path, err)))
		return 1
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
	return importFile(app, path, f, stdout, stderr)
}

// importFile imports (or previews) the sheets the flags name, through the
// same facade calls as the Import page, and prints what each did.
func importFile(app *App, path string, f importFlags, stdout, stderr io.Writer) int {
	ctx, endProgress := withTerminalProgress(context.Background(), stderr)
	defer endProgress()
	file := &cliFile{ctx: ctx, imports: app.api.Imports, files: app.api.ImportFiles, path: path, name: filepath.Base(path)}
	defer file.close()
	fail := func(err error) int {
		fmt.Fprintf(stderr, "mopsdesk: %s\n", errorText(err))
		return 1
	}
	kinds := map[string]*api.ImportKind{}
	for _, k := range app.api.Imports.Kinds(ctx) {
		kinds[k.Key] = &k
	}
	if f.kind != "" && kinds[f.kind] == nil {
		keys := make([]string, 0, len(kinds))
		for _, k := range app.api.Imports.Kinds(ctx) {
			keys = append(keys, k.Key)
		}
		return usageError(stderr, fmt.Errorf("--kind %q: use one of %s", f.kind, strings.Join(keys, ", ")))
	}
	sheets, read, err := file.sheets(f)
	if err != nil {
		return fail(err)
	}
	var reps []importReport
	code := 0
	for _, s := range sheets {
		kind := f.kind
		if kind == "" {
			kind = read[s].Kind
		}
		rep, err, usage := importSheet(file, s, kinds[kind], read[s], f, stderr)
		if usage != nil {
			return usageError(stderr, usage)
		}
		if err != nil {
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
		printReport(stdout, file.name, rep)
	}
	return code
}

// cliMapping turns --map, --ignore and --set into the preview's mapping:
// the columns as found, those named by --map and --ignore changed, and a
// column mapped to a field --set fills left out (the value set for every
// row wins over the column, as on the Import page).
func cliMapping(p *transfer.ImportPreview, kind *api.ImportKind, f importFlags, sets map[string]string) (map[string]string, error) {
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
		if field != "" && !hasField(kind, field) {
			return nil, fmt.Errorf("--map %s=%s: %s has no field %q", col, field, kind.Key, field)
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
	printResults(stdout, rep.Results)
	if !rep.DryRun && rep.RunID != 0 {
		fmt.Fprintf(stdout, "Recorded as import %d; undo it from the Import page.\n", rep.RunID)
	}
}
