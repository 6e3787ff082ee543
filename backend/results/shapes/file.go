package shapes

import (
	"io"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Sheet is what one sheet of a results file gave: its shape, its facts,
// the rows it could not read and the warnings on the whole sheet.
type Sheet struct {
	Detection *Detection
	// Facts are the sheet's facts (ReadFile); Stream hands them over in
	// blocks instead and counts them in Read.
	Facts    []backend.ResultFact
	Read     int
	Problems []*Problem
	Warnings []*Problem
	// Stages are the CRM stages of the sheet no vendor documents.
	Stages []StageCount
	// Profile says a saved profile mapped the sheet's columns; Missing
	// names what the mapping lacks ("campaign", "day", "metric"): the
	// sheet is then not read.
	Profile bool
	Missing []string
}

// Readable says whether the sheet's rows are read: its shape is known
// or mapped, and nothing it needs is missing.
func (s *Sheet) Readable() bool {
	return s.Detection != nil && (s.Detection.Shape != Generic || s.Detection.mapped) && len(s.Missing) == 0
}

// maxProblems caps the problems kept per sheet (a wrong shape would give
// one per row).
const maxProblems = 200

// ReadFile reads every sheet of an .xlsx or CSV results export with the
// app's own streaming reader: each sheet's shape is detected from its
// first rows, then its rows become facts. currency is the workspace's,
// for money nothing in the file names. A sheet of no known shape is
// left out with a problem; a damaged file is an error, never a panic.
func ReadFile(r io.ReaderAt, size int64, name, currency string) ([]Sheet, error) {
	return ReadFileStages(r, size, name, currency, nil)
}

// ReadFileStages is ReadFile with the steps the user gave to CRM stages
// no vendor documents.
func ReadFileStages(r io.ReaderAt, size int64, name, currency string, stages StageMap) ([]Sheet, error) {
	var out []Sheet
	var facts []backend.ResultFact
	err := Stream(r, size, name, currency, stages, 0, func(s *Sheet, block []backend.ResultFact) error {
		if len(block) > 0 {
			facts = append(facts, block...)
			return nil
		}
		done := *s
		done.Facts, facts = facts, nil
		out = append(out, done)
		return nil
	})
	return out, err
}

// Stream reads a results file as ReadFileStages does, but hands each sheet's
// facts to each as they are read, at most block at a time (0: all of a
// sheet at once, sorted), so that a file of any length is read in the
// same memory. Rows of one fact are added up within a block; a fact whose
// rows fall in two blocks is handed over twice, for the store to add up.
// After a sheet's last block each is called once more with no facts: the
// Sheet then holds its problems and warnings (the totals-row check needs
// the whole sheet). each's error ends the reading and is returned.
func Stream(r io.ReaderAt, size int64, name, currency string, stages StageMap, block int, each func(*Sheet, []backend.ResultFact) error) error {
	return StreamWith(r, size, name, currency, Options{Stages: stages}, block, each)
}

// Options are the user's choices a results file is read with.
type Options struct {
	// Stages are the steps the user gave to undocumented CRM stages.
	Stages StageMap
	// Mapping is how the user mapped a sheet's columns (nil: as
	// detected, or as a profile saved for its headers says).
	Mapping *Mapping
	// Profile returns the mapping saved for a header (HeaderKey), nil
	// when none is.
	Profile func(headerKey string) *Mapping
}

// StreamWith is Stream with the user's options: the column mapping takes
// effect between reading a sheet's header and its rows, so the file is
// read once.
func StreamWith(r io.ReaderAt, size int64, name, currency string, opts Options, block int, each func(*Sheet, []backend.ResultFact) error) error {
	// A fault of ours is an internal error naming the sheet and row, as
	// in every import (sheet.Guard), not a crash of the app.
	return sheet.Guard(name, func(at *sheet.Place) error {
		return stream(r, size, name, currency, opts, block, each, at)
	})
}

func stream(r io.ReaderAt, size int64, name, currency string, opts Options, block int, each func(*Sheet, []backend.ResultFact) error, at *sheet.Place) error {
	wb, err := sheet.Open(r, size, name)
	if err != nil {
		return err
	}
	defer wb.Close()
	wb.Track(at)
	mappedSheet := false
	for _, sh := range wb.Sheets() {
		var first []sheet.Row
		if err := wb.EachSheetRow(sh, func(row sheet.Row) error {
			first = append(first, row)
			if len(first) >= scanRows {
				return io.EOF
			}
			return nil
		}); err != nil {
			return err
		}
		d, s, err := detectMapped(sh, first, wb.IsCSV(), opts, &mappedSheet)
		if err != nil {
			return err
		}
		if d == nil || !s.Readable() {
			if err := each(s, nil); err != nil {
				return err
			}
			continue
		}
		rd := NewReader(d, name, currency, wb.Date1904())
		hand := func(facts []backend.ResultFact) error {
			if len(facts) == 0 {
				return nil
			}
			s.Read += len(facts)
			return each(s, facts)
		}
		rd.Stages = opts.Stages
		if err := wb.EachSheetRow(sh, func(row sheet.Row) error {
			if p := rd.Row(row); p != nil && len(s.Problems) < maxProblems {
				s.Problems = append(s.Problems, p.(*Problem))
			}
			if block > 0 && rd.Pending() >= block {
				return hand(rd.Drain())
			}
			return nil
		}); err != nil {
			return err
		}
		facts, warnings := rd.Facts()
		if err := hand(facts); err != nil {
			return err
		}
		s.Warnings = warnings
		s.Stages = rd.UnknownStages()
		if err := each(s, nil); err != nil {
			return err
		}
	}
	return nil
}

// detectMapped detects a sheet's shape and applies the user's mapping
// (to the sheet it names, else the first sheet with a header) or the
// profile saved for its headers. A sheet of no known shape and no
// mapping comes back unread with its columns, for the user to map; one
// whose mapping lacks a campaign, a day or a metric names what it lacks.
func detectMapped(name string, first []sheet.Row, csv bool, opts Options, mappedSheet *bool) (*Detection, *Sheet, error) {
	d, err := Detect(name, first, csv)
	if err != nil {
		if d = genericHeader(name, first); d == nil {
			return nil, &Sheet{Problems: []*Problem{err.(*Problem)}}, nil
		}
		d.csv = csv
	}
	s := &Sheet{Detection: d}
	m := opts.Mapping
	if m != nil && (m.Sheet != "" && m.Sheet != name || m.Sheet == "" && *mappedSheet) {
		m = nil
	}
	if m != nil {
		*mappedSheet = true
	} else if opts.Profile != nil {
		if m = opts.Profile(d.HeaderKey()); m != nil {
			s.Profile = true
		}
	}
	if m != nil {
		if err := d.apply(m, first); err != nil {
			return nil, nil, backend.Errorf(backend.EINVALID, "results mapping: %v", err)
		}
	}
	if d.Shape == Generic && !d.mapped {
		s.Problems = []*Problem{problem(name, 0, "", "results.unknown_shape",
			"No column names of a known results export were found: say which column is the campaign, the day and at least one metric", nil)}
		return d, s, nil
	}
	if !d.mapped {
		return d, s, nil // a known export read as detected: rows say what they lack
	}
	if s.Missing = d.missing(); len(s.Missing) > 0 {
		p := problem(name, 0, "", "results.mapping_needs", "Say which column is "+strings.Join(s.Missing, ", "), nil)
		p.Params["missing"] = s.Missing
		s.Problems = []*Problem{p}
	}
	return d, s, nil
}
