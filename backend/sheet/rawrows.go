package sheet

// EachSheetRow streams every row of a sheet as stored, the rows above its
// header included (the title and date-range rows of a report export);
// fn returning io.EOF stops early. Like EachRow, a panic in the reader is
// an error naming the file, never a crash.
func (w *Workbook) EachSheetRow(sheet string, fn func(Row) error) error {
	return w.eachRawRow(sheet, fn)
}

// Date1904 reports whether the workbook counts serial days from 1904.
func (w *Workbook) Date1904() bool { return w.date1904() }

// IsCSV reports whether the workbook is a text file, whose numbers are
// written in the exporting account's locale; an .xlsx file stores numbers
// as numbers.
func (w *Workbook) IsCSV() bool { return w.xlsx == nil }
