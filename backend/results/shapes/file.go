package shapes

import (
	"io"

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
	// A fault of ours is an internal error naming the sheet and row, as
	// in every import (sheet.Guard), not a crash of the app.
	return sheet.Guard(name, func(at *sheet.Place) error {
		return stream(r, size, name, currency, stages, block, each, at)
	})
}

func stream(r io.ReaderAt, size int64, name, currency string, stages StageMap, block int, each func(*Sheet, []backend.ResultFact) error, at *sheet.Place) error {
	wb, err := sheet.Open(r, size, name)
	if err != nil {
		return err
	}
	defer wb.Close()
	wb.Track(at)
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
		d, err := Detect(sh, first, wb.IsCSV())
		if err != nil {
			if err := each(&Sheet{Problems: []*Problem{err.(*Problem)}}, nil); err != nil {
				return err
			}
			continue
		}
		s := &Sheet{Detection: d}
		rd := NewReader(d, name, currency, wb.Date1904())
		hand := func(facts []backend.ResultFact) error {
			if len(facts) == 0 {
				return nil
			}
			s.Read += len(facts)
			return each(s, facts)
		}
		rd.Stages = stages
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
