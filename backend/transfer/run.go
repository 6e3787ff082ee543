package transfer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Limits of what a preview returns; counts are always complete.
const (
	previewRows     = 200
	previewProblems = 500
)

// progressEvery is how many rows pass between two progress reports (and
// checks for cancellation).
const progressEvery = 5000

var errDryRun = errors.New("dry run")

// Preview runs the import without keeping anything: a preview is the
// import itself, run in a batch that is rolled back, so what the preview
// counts is what a commit does.
func (s *Service) Preview(ctx context.Context, path, name string, opts sheet.Options) (*ImportPreview, error) {
	return s.run(ctx, path, name, opts, false)
}

// Commit imports the file in one batch and records it for undo. Rows with
// problems refuse the whole import unless opts leaves them out
// (Options.Exclude, or SkipProblems for the command line). A cancelled
// commit stores nothing and returns an ECANCELED error.
func (s *Service) Commit(ctx context.Context, path, name string, opts sheet.Options) (*ImportPreview, error) {
	return s.run(ctx, path, name, opts, true)
}

// run imports (or previews) the file behind one recover: a panic in any
// stage, from reading to storing, becomes an error naming the sheet, row
// and column, and the batch is rolled back.
func (s *Service) run(ctx context.Context, path, name string, opts sheet.Options, commit bool) (out *ImportPreview, err error) {
	err = sheet.Guard(name, func(at *sheet.Place) error {
		out, err = s.importFile(ctx, path, name, opts, commit, at)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Service) importFile(ctx context.Context, path, name string, opts sheet.Options, commit bool, at *sheet.Place) (*ImportPreview, error) {
	if opts.Kind == KindResults {
		return s.importResults(ctx, path, name, opts, commit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	wb, err := sheet.Open(f, st.Size(), name)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	wb.Track(at)
	settings, err := s.s.Workspace.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if opts, err = s.fill(ctx, opts, settings); err != nil {
		return nil, err
	}
	if opts.Kind == "" && opts.Mapping == nil && s.s.Results != nil && looksLikeResults(wb, s.profiledResults(ctx)) {
		// An ad platform's, GA4's or a CRM's export is results data.
		return s.importResults(ctx, path, name, opts, commit)
	}
	var kindWhy *sheet.Problem
	if opts.Kind == "" {
		opts.Kind, kindWhy = sheet.GuessKindWhy(wb, opts.Sheet, opts.Labels)
	}
	im, err := sheet.New(wb, opts)
	if err != nil {
		return nil, err
	}
	im, opts, profile := s.withProfile(ctx, wb, im, opts)
	out := &ImportPreview{FileName: name, Fields: sheet.Kinds[opts.Kind].Fields, Profile: profile}
	r := &importRun{s: s.s, settings: settings, kind: opts.Kind, commit: commit, skipProblems: opts.SkipProblems, convertBudget: opts.ConvertBudget,
		problemLimit: opts.ProblemLimit}
	if r.problemLimit <= 0 {
		r.problemLimit = previewProblems
	}
	if opts.Kind == "budget" {
		if r.rates, err = s.rates(ctx, settings.BaseCurrency); err != nil {
			return nil, err
		}
	}
	err = s.s.Store.Batch(ctx, func(ctx context.Context) error {
		r.ctx = ctx
		return r.pass(im, out, name, kindWhy)
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return nil, backend.Canceled(s.s.Explain(err))
	}
	return out, nil
}

// fill completes the options with what the workspace knows: its currency,
// this year (for a calendar that names none, and month headers without a
// year), its channels (for calendar cells whose second line names one)
// and today.
func (s *Service) fill(ctx context.Context, opts sheet.Options, settings *backend.Settings) (sheet.Options, error) {
	if opts.Currency == "" {
		opts.Currency = settings.BaseCurrency
	}
	opts.FallbackYear = s.s.Now().Year()
	items, err := s.s.Lists.ListItems(ctx, backend.ListChannels)
	if err != nil {
		return opts, err
	}
	opts.Channels = make([]string, len(items))
	for i, it := range items {
		opts.Channels[i] = it.Name
	}
	opts.Today = s.s.Now().Format(backend.DayLayout)
	return opts, nil
}

// withProfile maps the file as last time when a profile was saved for the
// same headers and the user has not mapped it themselves.
func (s *Service) withProfile(ctx context.Context, wb *sheet.Workbook, im *sheet.Importer, opts sheet.Options) (*sheet.Importer, sheet.Options, *ImportProfile) {
	if opts.Mapping != nil {
		return im, opts, nil
	}
	p, _ := s.profileFor(ctx, opts.Kind, im.Layout.HeaderKey)
	if p == nil {
		return im, opts, nil
	}
	o := p.Options
	o.Kind, o.Sheet, o.HeaderRow, o.Fixes, o.Exclude, o.Year = opts.Kind, im.Layout.Sheet, im.Layout.HeaderRow, opts.Fixes, opts.Exclude, opts.Year
	o.FallbackYear, o.Channels, o.Sheets = opts.FallbackYear, opts.Channels, opts.Sheets
	o.SkipProblems, o.ProblemLimit, o.Today = opts.SkipProblems, opts.ProblemLimit, opts.Today
	if o.DateOrder == "" {
		o.DateOrder = opts.DateOrder
	}
	if o.Currency == "" {
		o.Currency = opts.Currency
	}
	im2, err := sheet.New(wb, o)
	if err != nil {
		return im, opts, nil
	}
	return im2, o, p
}

// rates are the workspace's exchange rates into base.
func (s *Service) rates(ctx context.Context, base string) (*backend.Rates, error) {
	monthly, err := s.s.Budget.FXRates(ctx)
	if err != nil {
		return nil, err
	}
	planning, err := s.s.Budget.PlanningRates(ctx)
	if err != nil {
		return nil, err
	}
	return backend.NewRates(base, monthly, planning), nil
}

// pass reads every record into the batch, then fills in what the preview
// shows; a dry run ends with errDryRun so that the batch rolls back.
func (r *importRun) pass(im *sheet.Importer, out *ImportPreview, name string, kindWhy *sheet.Problem) error {
	if err := r.load(); err != nil {
		return err
	}
	if err := r.eachRecord(im, out); err != nil {
		return err
	}
	if err := r.finishSpend(); err != nil {
		return err
	}
	if err := r.finish(out); err != nil {
		return err
	}
	out.Layout = im.Layout
	out.KindWhy = kindWhy
	r.offerCurrencyChoice(out)
	noteNothingRead(out)
	if len(im.Layout.Missing) > 0 {
		var ps []sheet.Problem
		for _, f := range im.Layout.Missing {
			ps = append(ps, sheet.Problem{Sheet: im.Layout.Sheet, Field: f, Key: "import.unmapped", Params: map[string]any{"field": f},
				Message: fmt.Sprintf("No column holds %s: choose its column, or set one value for every row.", f)})
		}
		out.Problems = append(ps, out.Problems...)
		out.ProblemsTotal += len(ps)
	}
	out.NewNames = r.newNames
	if !r.commit {
		return errDryRun
	}
	if err := refusal(im.Layout, out, r.skipProblems); err != nil {
		return err
	}
	sheetName := im.Layout.Sheet
	if len(im.Layout.ImportSheets) > 1 {
		sheetName = strings.Join(im.Layout.ImportSheets, ", ") // a sheet per month, imported at once
	}
	id, err := r.record(name, sheetName, out)
	out.RunID = id
	return err
}

// eachRecord applies every record and counts what happened to it,
// reporting progress and noticing cancellation every progressEvery rows.
func (r *importRun) eachRecord(im *sheet.Importer, out *ImportPreview) error {
	var n int64
	err := im.Each(func(rec *sheet.Record) error {
		r.count(rec, out, len(im.Layout.ImportSheets) > 1)
		if r.fatal != nil {
			return r.fatal
		}
		if n++; n%progressEvery == 0 {
			backend.ReportProgress(r.ctx, backend.Step{Unit: "rows", Done: n})
			return r.ctx.Err()
		}
		return nil
	})
	if err != nil {
		return err
	}
	backend.ReportProgress(r.ctx, backend.Step{Unit: "rows", Done: n, Total: n})
	return r.ctx.Err()
}

// count applies one record (unless it is to be skipped) and adds it to the
// preview's counts, problems and first rows.
func (r *importRun) count(rec *sheet.Record, out *ImportPreview, sheets bool) {
	row := ImportRow{Row: rec.Row}
	if sheets {
		row.Sheet = rec.Sheet
	}
	switch {
	case rec.Skip == "missing" && len(rec.Problems) > 0:
		row.Action, row.Reason = "skip", "problem"
		out.ProblemRows++
	case rec.Skip != "":
		row.Action, row.Reason = "skip", rec.Skip
	default:
		if len(rec.Problems) == 0 {
			row.Action = r.apply(rec)
		}
		if len(rec.Problems) > 0 {
			row.Action, row.Reason = "skip", "problem"
			out.ProblemRows++
		} else if row.Action == "skip" {
			row.Reason = "unchanged"
		}
	}
	row.Problems = rec.Problems
	out.ProblemsTotal += len(rec.Problems)
	for _, p := range rec.Problems {
		if len(out.Problems) < r.problemLimit {
			out.Problems = append(out.Problems, p)
		}
	}
	switch row.Action {
	case "create":
		out.Create++
	case "update":
		out.Update++
	case "line":
		// Counted as budget cells once all rows are read.
	default:
		out.Skip++
	}
	if len(out.Rows) < previewRows {
		row.Values = map[string]string{}
		for k, v := range rec.Values {
			row.Values[k] = v.Text
			if v.Currency != "" {
				row.Values[k] = backend.Money{Amount: v.Int, Currency: v.Currency}.String()
			}
		}
		out.Rows = append(out.Rows, row)
	}
}

// refusal is why a commit cannot go ahead: a field no column holds, a year
// or date order to choose, or rows with problems not left out.
func refusal(l sheet.Layout, out *ImportPreview, skipProblems bool) error {
	if len(l.Missing) > 0 {
		return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("No column holds %s: choose its column, or set one value for every row, then import.", strings.Join(l.Missing, ", ")),
			Fields: map[string]backend.FieldError{"mapping": {Key: "import.unmapped", Params: map[string]any{"field": strings.Join(l.Missing, ", ")}}}}
	}
	if l.YearNeeded {
		return &backend.Error{Code: backend.EINVALID, Message: "The calendar names no year; choose its year, then import.",
			Fields: map[string]backend.FieldError{"year": {Key: "import.year_needed"}}}
	}
	if len(l.Questions) > 0 {
		q := l.Questions[0]
		return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("Column %s has dates that could be day/month or month/day (%s); choose the order before importing.", q.Column, strings.Join(q.Examples, ", ")),
			Fields: map[string]backend.FieldError{"orders": {Key: "import.order_needed", Params: map[string]any{"column": q.Column}}}}
	}
	if out.ProblemRows > 0 && !skipProblems {
		return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("%d rows have problems; fix them or leave them out, then import.", out.ProblemRows),
			Fields: map[string]backend.FieldError{"rows": {Key: "import.problems_left", Params: map[string]any{"count": out.ProblemRows}}}}
	}
	return nil
}
