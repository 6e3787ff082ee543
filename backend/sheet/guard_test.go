package sheet

import (
	"errors"
	"strings"
	"testing"

	"mopsdesk/backend"
)

const crashCSV = "Name,Start,End,Budget\nSpring,2025-03-01,2025-03-31,100\nSummer,2025-06-01,2025-06-30,boom\n"

// panicOn makes checking the value text panic, the way a parser bug does.
func panicOn(t *testing.T, text string) {
	t.Helper()
	TestHookValue = func(_, v string) {
		if v == text {
			var cells []string
			_ = cells[len(v)] // index out of range
		}
	}
	t.Cleanup(func() { TestHookValue = nil })
}

func importCSV(at *Place, data string) error {
	wb, err := Open(strings.NewReader(data), int64(len(data)), "plan.csv")
	if err != nil {
		return err
	}
	if at != nil {
		wb.Track(at)
	}
	im, err := New(wb, Options{Kind: "campaigns", Currency: "USD", Year: 2025})
	if err != nil {
		return err
	}
	return im.Each(func(*Record) error { return nil })
}

func TestGuard_NamesTheCell(t *testing.T) {
	panicOn(t, "boom")
	err := Guard("plan.csv", func(at *Place) error { return importCSV(at, crashCSV) })
	var c *Crash
	if !errors.As(err, &c) {
		t.Fatalf("want a *Crash, got %v", err)
	}
	if c.Place != (Place{Sheet: "plan.csv", Row: 3, Col: 4}) || len(c.Stack) == 0 {
		t.Fatalf("place %+v, stack %d bytes", c.Place, len(c.Stack))
	}
	if backend.ErrorCode(err) != backend.EINTERNAL || !strings.Contains(backend.ErrorMessage(err), `"plan.csv" at sheet 'plan.csv', row 3, column D (runtime error: index out of range`) {
		t.Fatalf("%s: %s", backend.ErrorCode(err), backend.ErrorMessage(err))
	}
	var be *backend.Error
	if errors.As(err, &be); be.Fields["file"].Key != "import.crashed_cell" || be.Fields["file"].Params["column"] != "D" || be.Fields["file"].Params["row"] != 3 {
		t.Fatalf("fields %+v", be.Fields)
	}
}

// A panic while checking a row is a fault of ours, not a damaged file:
// the reader must let it through to Guard instead of blaming the file.
func TestEachRawRow_PanicInCallerIsNotDamage(t *testing.T) {
	panicOn(t, "boom")
	var err error
	var p any
	func() {
		defer func() { p = recover() }()
		err = importCSV(nil, crashCSV)
	}()
	if err != nil || p == nil {
		t.Fatalf("a panic while checking became %v", err)
	}
	if err := Guard("plan.csv", func(*Place) error { return importCSV(nil, crashCSV) }); backend.ErrorCode(err) != backend.EINTERNAL {
		t.Fatalf("untracked workbook: %v", err)
	}
}

func TestGuard_PassesErrorsAndNamesWhatItKnows(t *testing.T) {
	want := errors.New("plain")
	if err := Guard("x.csv", func(*Place) error { return want }); err != want {
		t.Fatalf("%v", err)
	}
	for _, c := range []struct {
		at   Place
		key  string
		text string
	}{
		{Place{}, "import.crashed", `importing "x.csv" (`},
		{Place{Sheet: "May"}, "import.crashed", `"x.csv" at sheet 'May' (`},
		{Place{Sheet: "May", Row: 7}, "import.crashed_row", `sheet 'May', row 7 (`},
		{Place{Sheet: "May", Col: 28}, "import.crashed_column", `sheet 'May', column AB (`},
	} {
		err := Guard("x.csv", func(at *Place) error { *at = c.at; panic("bug") })
		var be *backend.Error
		if !errors.As(err, &be) || be.Fields["file"].Key != c.key || !strings.Contains(be.Message, c.text) {
			t.Errorf("%+v: %v", c.at, err)
		}
	}
}
