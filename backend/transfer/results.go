package transfer

// Results files (kind "results"): ad-platform, web-analytics and CRM
// exports read by their shape (backend/results/shapes), matched to
// campaigns (backend/results/match) with the rules the user saved, and
// stored as facts in one Batch. A preview is the import rolled back, as
// for every kind.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"mopsdesk/backend"
	"mopsdesk/backend/results/match"
	"mopsdesk/backend/results/shapes"
	"mopsdesk/backend/sheet"
)

// KindResults is the import kind of results files.
const KindResults = "results"

// ResultsRead is what a results file gave, for the preview and the
// commit's answer.
type ResultsRead struct {
	Sheets []ResultsSheet `json:"sheets"`
	// Facts are the facts read (after rules that ignore names); Matched
	// those given to a campaign; Ignored those a rule left out.
	Facts   int `json:"facts"`
	Matched int `json:"matched"`
	Ignored int `json:"ignored"`
	// From and To are the first and last day the facts cover.
	From       string                 `json:"from"`
	To         string                 `json:"to"`
	Sources    []backend.ResultSource `json:"sources"`
	Currencies []string               `json:"currencies"`
	// Unmatched lists each external name no campaign matched, once.
	Unmatched []match.Unmatched `json:"unmatched"`
	// Stages lists each CRM stage of the file no vendor documents, once,
	// with its rows and the step the user gave it ("" when none: its
	// rows are held out of the facts).
	Stages []ResultsStage `json:"stages"`
	// Overlaps are earlier imports whose days overlap these facts'.
	Overlaps []backend.ResultOverlap  `json:"overlaps"`
	Counts   backend.ResultBulkCounts `json:"counts"`
	// Booked counts the spend entries the cost booked as actual spend
	// added or changed (Options.BookCost).
	Booked int `json:"booked"`
	// Bookings say, for each source of the file, whether its cost is
	// booked as actual spend and in which category: the choice given, or
	// the one remembered from the source's last import.
	Bookings []backend.ResultBooking `json:"bookings"`
}

// ResultsSheet is one sheet's shape: the export it was recognised as and
// how each column is read.
type ResultsSheet struct {
	Sheet      string               `json:"sheet"`
	Shape      string               `json:"shape"`
	Source     backend.ResultSource `json:"source"`
	Confidence float64              `json:"confidence"`
	HeaderRow  int                  `json:"headerRow"`
	Columns    []ResultsColumn      `json:"columns"`
	Facts      int                  `json:"facts"`
	// Roles are what a column of this sheet can be read as (besides a
	// custom metric, "custom", and nothing).
	Roles []string `json:"roles"`
	// Mapped says the user's mapping or a saved profile (Profile) read
	// the columns; Missing names what the mapping still lacks
	// ("campaign", "day", "metric"): the sheet is not read until then.
	Mapped  bool     `json:"mapped"`
	Profile bool     `json:"profile"`
	Missing []string `json:"missing"`
	// HeaderKey identifies the header, for the profile saved with the
	// mapping.
	HeaderKey string `json:"headerKey"`
}

// ResultsColumn is one column of a results file's header and what it is
// read as ("cost", "day", …; "custom" for a custom metric named Custom;
// "" for a column left out). Key is the column's letter.
type ResultsColumn struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Reads    string `json:"reads"`
	Currency string `json:"currency"`
	Custom   string `json:"custom"`
}

// sheetRead is a sheet as the preview shows it.
func sheetRead(sh *shapes.Sheet) ResultsSheet {
	d := sh.Detection
	missing := sh.Missing
	if missing == nil {
		missing = []string{}
	}
	return ResultsSheet{Sheet: d.Sheet, Shape: d.Shape.Name, Source: d.Shape.Source, Confidence: d.Confidence, HeaderRow: d.HeaderRow,
		Columns: columnsOf(d), Facts: sh.Read, Roles: shapes.Roles(d.Shape.Kind), Mapped: d.Mapped(), Profile: sh.Profile,
		Missing: missing, HeaderKey: d.HeaderKey()}
}

func columnsOf(d *shapes.Detection) []ResultsColumn {
	cs := d.Columns()
	out := make([]ResultsColumn, len(cs))
	for i, c := range cs {
		out[i] = ResultsColumn(c)
	}
	return out
}

// resultsBlock is how many facts a results import reads before it
// matches and stores them: a file of any length is imported in the same
// memory. Measured on 182,500-row files (three runs each, load ~1):
// 8,192 peaked at 125 MB for an ad platform's and 143–151 MB for GA4's
// (a custom metric on every fact), 4,096 at 101–115 MB and 128 MB, in
// the same CPU time.
const resultsBlock = 4096

// importResults previews or commits a results file. The file is read,
// matched and stored block by block inside one Batch, so a year of
// daily rows never sits in memory whole; a preview is the same work
// rolled back.
func (s *Service) importResults(ctx context.Context, path, name string, opts sheet.Options, commit bool) (*ImportPreview, error) {
	if s.s.Results == nil {
		return nil, errors.New("results import: no results store")
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
	settings, err := s.s.Workspace.Settings(ctx)
	if err != nil {
		return nil, err
	}
	reading, err := s.resultsReading(ctx, opts)
	if err != nil {
		return nil, err
	}
	m, err := s.matcher(ctx)
	if err != nil {
		return nil, err
	}
	out := &ImportPreview{FileName: name, Fields: []sheet.Field{}, Results: &ResultsRead{Stages: []ResultsStage{}}}
	out.Kind, out.Sheets, out.Columns = KindResults, []string{}, []sheet.Column{}
	var readErr error
	err = s.s.Store.Batch(ctx, func(ctx context.Context) error {
		bulk, err := s.s.Results.BeginBulk(ctx)
		if err != nil {
			return err
		}
		in := &resultsIn{ctx: ctx, m: m, bulk: bulk, out: out, name: name}
		if readErr, err = in.pipe(f, st.Size(), settings.BaseCurrency, reading.opts); readErr != nil {
			return readErr // the file, not the store: said as it is
		}
		if err != nil {
			return err
		}
		return s.storeResults(ctx, bulk, in, commit, opts)
	})
	if readErr != nil {
		return nil, readErr
	}
	if err != nil && !errors.Is(err, errDryRun) {
		return nil, backend.Canceled(s.s.Explain(err))
	}
	out.Profile = reading.used
	return out, nil
}

// resultsConfidence is how sure shape detection must be before a file
// of no chosen kind is read as results: several of the export's own
// column names, not just a campaign and a cost column.
const resultsConfidence = 0.7

// looksLikeResults reports whether the first sheet's first rows are the
// header of a known results export, or one a results profile was saved
// for (profiled says whether one was, by HeaderKey).
func looksLikeResults(wb *sheet.Workbook, profiled func(headerKey string) bool) bool {
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return false
	}
	var first []sheet.Row
	err := wb.EachSheetRow(sheets[0], func(row sheet.Row) error {
		first = append(first, row)
		if len(first) >= 40 {
			return io.EOF
		}
		return nil
	})
	if err != nil && !errors.Is(err, io.EOF) {
		return false
	}
	d, err := shapes.Detect(sheets[0], first, wb.IsCSV())
	if err == nil && d.Confidence >= resultsConfidence {
		return true
	}
	return profiled != nil && profiled(shapes.GenericHeaderKey(first))
}

// profiledResults says whether a results profile was saved for a header.
func (s *Service) profiledResults(ctx context.Context) func(string) bool {
	return func(key string) bool {
		p, err := s.profileFor(ctx, KindResults, key)
		return err == nil && p != nil
	}
}

// matcher prepares matching with the workspace's campaigns and rules.
func (s *Service) matcher(ctx context.Context) (*match.Matcher, error) {
	names, err := s.s.Store.CampaignNames(ctx)
	if err != nil {
		return nil, err
	}
	cs := make([]match.Campaign, len(names))
	for i, n := range names {
		cs[i] = match.Campaign{ID: n.ID, Name: n.Name}
	}
	var rules []match.Rule
	if s.s.Rules != nil {
		saved, err := s.s.Rules.ResultRules(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range saved {
			rules = append(rules, match.Rule{ID: r.ID, Kind: match.Kind(r.Kind), Text: r.Text, CampaignID: r.CampaignID, Source: r.Source})
		}
	}
	return match.New(cs, rules), nil
}

// storeResults ends the bulk of facts the reading added in the Batch of
// ctx and reports overlaps; a commit records the import and gives the
// facts its id, a preview ends with errDryRun so that nothing is kept.
func (s *Service) storeResults(ctx context.Context, bulk backend.ResultBulk, in *resultsIn, commit bool, opts sheet.Options) error {
	out, name := in.out, in.name
	counts, err := bulk.Close(ctx)
	if err != nil {
		return err
	}
	stored, err := bulk.Unmatched(ctx)
	if err != nil {
		return err
	}
	in.tally.Recount(stored)
	out.Results.Unmatched = in.tally.Unmatched()
	in.desc.fill(out.Results, counts)
	out.Results.Counts = counts
	out.Create, out.Update = counts.Added, counts.Replaced
	if out.Results.Overlaps, err = s.s.Results.Overlaps(ctx); err != nil {
		return err
	}
	if out.Results.Overlaps == nil {
		out.Results.Overlaps = []backend.ResultOverlap{}
	}
	// The monthly sums count the pending facts already: book from them.
	booked, err := s.bookCost(ctx, opts, in.months, out, commit)
	if err != nil {
		return err
	}
	if !commit {
		return errDryRun
	}
	if in.readable == 0 && len(in.missing) > 0 {
		return missingError(in.missingSheet, in.missing)
	}
	if in.readable == 0 {
		return &backend.Error{Code: backend.EINVALID, Message: "No sheet of this file is an export MOps Desk recognises.",
			Fields: map[string]backend.FieldError{"file": {Key: "results.no_shape"}}}
	}
	if out.ProblemRows > 0 && !opts.SkipProblems {
		return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("%d rows have problems; fix them or leave them out, then import.", out.ProblemRows),
			Fields: map[string]backend.FieldError{"rows": {Key: "import.problems_left", Params: map[string]any{"count": out.ProblemRows}}}}
	}
	run := &backend.ImportRun{Kind: KindResults, FileName: name, Sheet: out.Sheet, Created: counts.Added, Updated: counts.Replaced, Skipped: out.Results.Ignored}
	id, err := s.s.Store.RecordImport(ctx, run, append([]backend.ImportChange{{Entity: "results", Action: "create", Count: counts.Added + counts.Replaced}}, booked...))
	if err != nil {
		return err
	}
	out.RunID = id
	if err := s.saveResultsProfiles(ctx, out, opts); err != nil {
		return err
	}
	return s.s.Results.AttachImport(ctx, id)
}
