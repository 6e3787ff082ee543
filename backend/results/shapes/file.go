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
	Facts     []backend.ResultFact
	Problems  []*Problem
	Warnings  []*Problem
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
func ReadFile(r io.ReaderAt, size int64, name, currency string) (out []Sheet, err error) {
	return ReadFileStages(r, size, name, currency, nil)
}

// ReadFileStages is ReadFile with the steps the user gave to CRM stages
// no vendor documents.
func ReadFileStages(r io.ReaderAt, size int64, name, currency string, stages StageMap) (out []Sheet, err error) {
	// A fault of ours is an internal error naming the sheet and row, as
	// in every import (sheet.Guard), not a crash of the app.
	err = sheet.Guard(name, func(at *sheet.Place) error {
		out, err = readFile(r, size, name, currency, stages, at)
		return err
	})
	return out, err
}

func readFile(r io.ReaderAt, size int64, name, currency string, stages StageMap, at *sheet.Place) (out []Sheet, err error) {
	wb, err := sheet.Open(r, size, name)
	if err != nil {
		return nil, err
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
			return nil, err
		}
		d, err := Detect(sh, first, wb.IsCSV())
		if err != nil {
			out = append(out, Sheet{Problems: []*Problem{err.(*Problem)}})
			continue
		}
		s := Sheet{Detection: d}
		rd := NewReader(d, name, currency, wb.Date1904())
		rd.Stages = stages
		if err := wb.EachSheetRow(sh, func(row sheet.Row) error {
			if p := rd.Row(row); p != nil && len(s.Problems) < maxProblems {
				s.Problems = append(s.Problems, p.(*Problem))
			}
			return nil
		}); err != nil {
			return nil, err
		}
		s.Facts, s.Warnings = rd.Facts()
		s.Stages = rd.UnknownStages()
		out = append(out, s)
	}
	return out, nil
}
