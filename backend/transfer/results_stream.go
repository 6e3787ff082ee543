package transfer

// A results import reads, matches and stores its file block by block
// (importResults): the reading runs in a goroutine of its own, the facts
// of each block are matched, checked and handed to the store's bulk here.

import (
	"context"
	"errors"
	"io"
	"sort"

	"mopsdesk/backend"
	"mopsdesk/backend/results/match"
	"mopsdesk/backend/results/shapes"
	"mopsdesk/backend/sheet"
)

// resultsIn is one results import under way: what it read so far.
type resultsIn struct {
	ctx   context.Context // the Batch's
	m     *match.Matcher
	bulk  backend.ResultBulk
	out   *ImportPreview
	name  string
	tally match.Tally
	kept  []backend.ResultFact
	desc  describer
	// months are the months of matched facts of each source, for the
	// cost booked as spend (bookCost).
	months map[backend.ResultSource]map[string]bool
	read   int64
	stored int // facts the bulk held at the last sheet's end
	// readable counts the sheets read; missing is what the mapping of
	// one not read lacks.
	readable     int
	missing      []string
	missingSheet string
}

// errStopped ends the reading of a file whose import failed.
var errStopped = errors.New("results import stopped")

// pipe reads the file in a goroutine of its own (shapes.Stream) while the
// blocks read so far are matched and stored here: the parsing and
// SQLite's work overlap on two cores, and at most a few blocks are held
// at once. It returns the reading's error or the storing's.
func (in *resultsIn) pipe(r io.ReaderAt, size int64, currency string, opts shapes.Options) (readErr, err error) {
	type block struct {
		sh    *shapes.Sheet
		facts []backend.ResultFact
	}
	blocks := make(chan block, 2)
	stop := make(chan struct{})
	var read error // the reading's, set before blocks is closed
	go func() {
		defer close(blocks)
		read = shapes.StreamWith(r, size, in.name, currency, opts, resultsBlock, func(sh *shapes.Sheet, facts []backend.ResultFact) error {
			select {
			case blocks <- block{sh, facts}:
				return nil
			case <-stop:
				return errStopped
			}
		})
	}()
	// However this ends (an error, a panic on the way to the import's
	// Guard), the reading stops at its next block and ends before the
	// file is closed.
	defer func() {
		close(stop)
		for range blocks {
		}
	}()
	for b := range blocks {
		if err := in.each(b.sh, b.facts); err != nil {
			return nil, err
		}
	}
	return read, nil
}

// each takes a block of a sheet's facts (or, with none, the sheet's end).
func (in *resultsIn) each(sh *shapes.Sheet, facts []backend.ResultFact) error {
	if len(facts) == 0 {
		return in.sheetDone(sh)
	}
	ctx := in.ctx
	in.kept = in.m.ApplyTo(&in.tally, in.kept[:0], facts)
	in.out.Results.Ignored += len(facts) - len(in.kept)
	for i := range in.kept {
		f := &in.kept[i]
		if err := f.Validate(); err != nil {
			in.reject(f, err)
			continue
		}
		in.desc.add(f)
		if f.CampaignID != 0 {
			if in.months == nil {
				in.months = map[backend.ResultSource]map[string]bool{}
			}
			if in.months[f.Source] == nil {
				in.months[f.Source] = map[string]bool{}
			}
			in.months[f.Source][f.From[:7]] = true
		}
		if err := in.bulk.Add(ctx, f); err != nil {
			return err
		}
	}
	in.read += int64(len(facts))
	backend.ReportProgress(ctx, backend.Step{Unit: "rows", Done: in.read})
	return ctx.Err()
}

// reject notes a fact the store would refuse as a problem of the file.
func (in *resultsIn) reject(f *backend.ResultFact, err error) {
	out := in.out
	out.ProblemsTotal++
	out.ProblemRows++
	if len(out.Problems) < previewProblems {
		out.Problems = append(out.Problems, sheet.Problem{Sheet: in.name, Field: "external", Value: f.External, Message: backend.ErrorMessage(err), Key: "import.rejected"})
	}
}

// sheetDone notes a sheet's shape, problems and warnings, and how many
// facts it gave: those the bulk holds now less those it held before.
func (in *resultsIn) sheetDone(sh *shapes.Sheet) error {
	out := in.out
	for i, p := range append(sh.Problems, sh.Warnings...) {
		out.ProblemsTotal++
		if i < len(sh.Problems) && p.Row > 0 {
			out.ProblemRows++ // a row not read; warnings do not hold the import up
		}
		if len(out.Problems) < previewProblems {
			out.Problems = append(out.Problems, sheet.Problem{Sheet: p.Sheet, Row: p.Row, Column: p.Column, Value: p.Text, Message: p.Msg, Key: p.Key, Params: p.Params})
		}
	}
	d := sh.Detection
	if d == nil {
		return nil
	}
	if !sh.Readable() {
		in.missing, in.missingSheet = sh.Missing, sh.Detection.Sheet
		out.Results.Sheets = append(out.Results.Sheets, sheetRead(sh))
		return nil
	}
	in.readable++
	stored, err := in.bulk.Stored(in.ctx)
	if err != nil {
		return err
	}
	read := sheetRead(sh)
	read.Facts = stored - in.stored
	in.stored = stored
	if out.Sheet == "" {
		// The first sheet read names the import (its history, the command line).
		out.Sheet, out.HeaderRow, out.Shape = d.Sheet, d.HeaderRow, d.Shape.Name
	}
	out.Results.Sheets = append(out.Results.Sheets, read)
	out.Results.Stages = addStages(out.Results.Stages, d, sh.Stages)
	return nil
}

// describer gathers what the facts cover: days, sources, currencies,
// and how many a campaign matched.
type describer struct {
	from, to   string
	sources    map[backend.ResultSource]bool
	currencies map[string]bool
}

func (d *describer) add(f *backend.ResultFact) {
	if d.sources == nil {
		d.sources, d.currencies = map[backend.ResultSource]bool{}, map[string]bool{}
	}
	if d.from == "" || f.From < d.from {
		d.from = f.From
	}
	if f.To > d.to {
		d.to = f.To
	}
	d.sources[f.Source] = true
	for _, m := range []backend.Money{f.Cost, f.Pipeline, f.Revenue} {
		if m.Currency != "" {
			d.currencies[m.Currency] = true
		}
	}
}

// fill writes what the facts cover into r; the store's counts say how
// many facts there are (one handed over in two blocks and added up by the
// store counts once) and how many have a campaign.
func (d *describer) fill(r *ResultsRead, c backend.ResultBulkCounts) {
	r.Facts, r.Matched, r.From, r.To = c.Facts, c.Matched, d.from, d.to
	r.Sources = []backend.ResultSource{}
	for s := range d.sources {
		r.Sources = append(r.Sources, s)
	}
	sort.Slice(r.Sources, func(i, j int) bool { return r.Sources[i] < r.Sources[j] })
	r.Currencies = []string{}
	for c := range d.currencies {
		r.Currencies = append(r.Currencies, c)
	}
	sort.Strings(r.Currencies)
}
