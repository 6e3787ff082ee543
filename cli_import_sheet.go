package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

// cliFile is the file being imported, kept by the facade as the Import
// page's files are: added (copied) when a call needs it, gone once a
// commit has stored it.
type cliFile struct {
	// ctx carries the command's progress line on a terminal.
	ctx        context.Context
	imports    *api.Imports
	files      *api.ImportFiles
	path, name string
	token      string
}

func (c *cliFile) request(opts sheet.Options) (api.ImportRequest, error) {
	if c.token == "" {
		p, err := c.files.AddPath(c.ctx, c.path)
		if err != nil {
			return api.ImportRequest{}, err
		}
		c.token = p.Token
	}
	return api.ImportRequest{Token: c.token, Options: opts}, nil
}

func (c *cliFile) preview(opts sheet.Options) (*transfer.ImportPreview, error) {
	req, err := c.request(opts)
	if err != nil {
		return nil, err
	}
	return c.imports.Preview(c.ctx, req)
}

func (c *cliFile) commit(opts sheet.Options) (*transfer.ImportPreview, error) {
	req, err := c.request(opts)
	if err != nil {
		return nil, err
	}
	out, err := c.imports.Commit(c.ctx, req)
	if err == nil {
		c.token = "" // the facade let the stored file go
	}
	return out, err
}

func (c *cliFile) close() {
	if c.token != "" {
		c.imports.Discard(c.ctx, c.token)
	}
}

// sheets are the sheets to import ("all": every one) and, when no kind is
// given, a preview of each as the Import page first shows it: what kind
// it holds. Without --set, --map or --ignore that preview is the sheet's
// dry run.
func (c *cliFile) sheets(f importFlags) ([]string, map[string]*transfer.ImportPreview, error) {
	sheets, read := f.sheets, map[string]*transfer.ImportPreview{}
	all := len(sheets) == 1 && strings.EqualFold(sheets[0], "all")
	if len(sheets) == 0 {
		sheets = []string{""}
	}
	if all {
		p, err := c.preview(f.options(f.kind, ""))
		if err != nil {
			return nil, nil, err
		}
		if !slices.Contains(p.Sheets, sheets[0]) {
			sheets = p.Sheets
		}
	}
	if f.kind == "" {
		for _, s := range sheets {
			p, err := c.preview(f.options("", s))
			if err != nil {
				return nil, nil, err
			}
			read[s] = p
		}
	}
	return sheets, read, nil
}

// options are the import's options for one sheet, as the flags give them;
// rows with problems are left out and every problem is reported.
func (f importFlags) options(kind, sheetName string) sheet.Options {
	opts := sheet.Options{Kind: kind, Sheet: sheetName, SkipProblems: true, ProblemLimit: 1 << 30, Year: f.year}
	if f.dates != "" {
		opts.DateOrder = sheet.Order(f.dates)
	}
	return opts
}

// importSheet imports (or previews) one sheet of the file; read, when set,
// is a preview of it already made. usage is a command-line mistake (a
// column or field that does not exist).
func importSheet(file *cliFile, sheetName string, kind *api.ImportKind, read *transfer.ImportPreview, f importFlags, stderr io.Writer) (rep importReport, err, usage error) {
	sets := map[string]string{}
	for k, v := range f.sets {
		sets[k] = v
	}
	for k := range sets {
		if !hasField(kind, k) {
			return rep, nil, fmt.Errorf("--set %s: %s has no field %q", k, kind.Key, k)
		}
	}
	opts := f.options(kind.Key, sheetName)
	opts.Constants = sets
	flagged := len(f.maps) > 0 || len(f.ignore) > 0 || len(sets) > 0
	if flagged {
		// Columns are named by letter or header: read the layout first.
		first, err := file.preview(opts)
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
	var out *transfer.ImportPreview
	switch {
	case dryRun && read != nil && !flagged:
		out = read
	case dryRun:
		out, err = file.preview(opts)
	default:
		out, err = file.commit(opts)
	}
	if err != nil && !dryRun && backend.ErrorCode(err) == backend.EINVALID {
		// Nothing could be imported (a field no column holds, dates to
		// settle): report what the file holds, as a dry run would.
		fmt.Fprintf(stderr, "mopsdesk: %s\n", backend.ErrorMessage(err))
		if out, err = file.preview(opts); err == nil {
			out.Create, out.Update = 0, 0
			dryRun = true
		}
	}
	if err != nil {
		return rep, err, nil
	}
	return reportOf(out, dryRun), nil, nil
}

// hasField reports whether the kind has a field with that key.
func hasField(kind *api.ImportKind, key string) bool {
	for _, f := range kind.Fields {
		if f.Key == key {
			return true
		}
	}
	return false
}

// reportOf is what the command prints of a preview or import.
func reportOf(out *transfer.ImportPreview, dryRun bool) importReport {
	rep := importReport{Kind: out.Kind, Sheet: out.Sheet, HeaderRow: out.HeaderRow, Shape: out.Shape, Mapping: map[string]string{},
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
	rep.Results = resultsOf(out.Results)
	return rep
}
