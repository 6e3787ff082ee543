package sheet

import (
	"fmt"
	"runtime/debug"
	"strconv"

	"mopsdesk/backend"
)

// Place is where an import has got to: the sheet, row and column being
// read, checked or stored (0 when not known). A workbook keeps it up to
// date once Track gives it one.
type Place struct {
	Sheet string
	Row   int
	Col   int
}

// Track makes the workbook note in p the sheet and row it is reading; the
// importer adds the column of the value it checks.
func (w *Workbook) Track(p *Place) { w.at = p }

// TestHookValue, when set, is called with every value before it is
// checked. Tests set it to make one cell fail the way a bug would and
// prove that Guard names it; it is nil otherwise.
var TestHookValue func(field, text string)

// Crash is a panic met while importing a file, as an error: an internal
// one (our fault, not the file's) whose message names the file and where
// the import had got to. Stack is for the log.
type Crash struct {
	Err   *backend.Error
	Place Place
	Value any
	Stack []byte
}

func (c *Crash) Error() string { return c.Err.Error() }

// Unwrap lets errors.As find the *backend.Error.
func (c *Crash) Unwrap() error { return c.Err }

// Guard runs fn — every stage of importing the file name: reading,
// guessing its kind, mapping, checking and storing its rows — and turns a
// panic anywhere in it into a *Crash naming the sheet, row and column fn
// had reached in at, as far as known. A transaction fn opened is rolled
// back as the panic unwinds, so nothing of the file is kept.
func Guard(name string, fn func(at *Place) error) (err error) {
	var at Place
	defer func() {
		if p := recover(); p != nil {
			err = crashed(name, at, p, debug.Stack())
		}
	}()
	return fn(&at)
}

func crashed(name string, at Place, p any, stack []byte) *Crash {
	where, key := "", "import.crashed"
	params := map[string]any{"name": name}
	if at.Sheet != "" {
		where = fmt.Sprintf(" at sheet '%s'", at.Sheet)
		params["sheet"] = at.Sheet
		switch {
		case at.Row > 0 && at.Col > 0:
			key = "import.crashed_cell"
		case at.Row > 0:
			key = "import.crashed_row"
		case at.Col > 0:
			key = "import.crashed_column"
		}
		if at.Row > 0 {
			where += ", row " + strconv.Itoa(at.Row)
			params["row"] = at.Row
		}
		if at.Col > 0 {
			where += ", column " + colName(at.Col)
			params["column"] = colName(at.Col)
		}
	}
	msg := fmt.Sprintf("MOps Desk failed while importing %q%s (%v). This is a fault in MOps Desk, not in your file; nothing was imported. Change or leave out that row and try again, and please report the problem.", name, where, p)
	return &Crash{
		Err:   &backend.Error{Code: backend.EINTERNAL, Message: msg, Fields: map[string]backend.FieldError{"file": {Key: key, Params: params}}},
		Place: at, Value: p, Stack: stack,
	}
}
