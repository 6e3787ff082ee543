package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend/sheet"
)

// A column holding a Turkish season name once crashed "mopsdesk import"
// with a stack trace while guessing what the column holds.
func TestImportCommand_TurkishColumn(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "kampanyalar.csv")
	os.WriteFile(file, []byte("Name,Season,Start,End\nLaunch,İlkbahar 2025,2025-03-01,2025-03-31\nSale,İlkbahar 2025,2025-04-01,2025-04-30\n"), 0o600)
	var out, errOut bytes.Buffer
	if code := run([]string{"import", file, "--json", "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rep struct {
		Kind   string `json:"kind"`
		Create int    `json:"create"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Kind != "campaigns" || rep.Create != 2 {
		t.Fatalf("%+v %v: %s", rep, err, out.String())
	}
}

// A fault inside MOps Desk while importing ends the command with a clear
// message naming the cell, exit status 1 and no stack trace.
func TestImportCommand_FaultIsAClearError(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "plan.csv")
	os.WriteFile(file, []byte("Name,Start,End\nLaunch,2025-03-01,2025-03-31\nSale,2025-04-01,2025-04-30\n"), 0o600)
	sheet.TestHookValue = func(_, text string) {
		if text == "2025-04-30" {
			panic("injected fault")
		}
	}
	t.Cleanup(func() { sheet.TestHookValue = nil })
	for _, args := range [][]string{{"--dry-run"}, {}} {
		var out, errOut bytes.Buffer
		code := run(append([]string{"import", file, "--data", data}, args...), &out, &errOut)
		if code != 1 || !strings.Contains(errOut.String(), `MOps Desk failed while importing "plan.csv" at sheet 'plan.csv', row 3, column C (injected fault)`) ||
			strings.Contains(errOut.String(), "goroutine") || out.Len() != 0 {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errOut.String())
		}
	}
}

// --data with '?', '#' and '%' in a folder name keeps the database in that
// folder (the DSN once cut the path at the '?').
func TestImportCommand_DataFolderWithURICharacters(t *testing.T) {
	parent := t.TempDir()
	data := filepath.Join(parent, "a?b#c%20d")
	file := filepath.Join(t.TempDir(), "plan.csv")
	os.WriteFile(file, []byte("Name,Start,End\nLaunch,2025-03-01,2025-03-31\n"), 0o600)
	for i := 0; i < 2; i++ {
		var out, errOut bytes.Buffer
		if code := run([]string{"import", file, "--kind", "campaigns", "--json", "--data", data}, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		var rep struct{ Create, Update, Skip int }
		json.Unmarshal(out.Bytes(), &rep)
		if i == 1 && (rep.Create != 0 || rep.Skip != 1) {
			t.Fatalf("the second import did not find the first one's campaign: %+v", rep)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "mopsdesk.db")); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Fatalf("the parent folder holds %d entries", len(entries))
	}
}

// A file with nothing to import ends with exit 1 and a message that says
// why: empty, or no row of column names (showing what the sheet holds).
func TestImportCommand_NothingToImport(t *testing.T) {
	data := t.TempDir()
	dir := t.TempDir()
	empty := filepath.Join(dir, "export.xlsx")
	os.WriteFile(empty, nil, 0o600)
	noHeader := filepath.Join(dir, "numbers.csv")
	os.WriteFile(noHeader, []byte("1200,2025-01-01,3\n1300,2025-02-01,4\n"), 0o600)
	for file, want := range map[string]string{
		empty:    `"export.xlsx" is empty (0 bytes)`,
		noHeader: "has no row of column names with data under it: row 1, its first filled row, holds 1200 | 2025-01-01 | 3",
	} {
		var out, errOut bytes.Buffer
		code := run([]string{"import", file, "--kind", "contracts", "--data", data}, &out, &errOut)
		if code != 1 || !strings.Contains(errOut.String(), want) {
			t.Fatalf("%s: exit %d, stderr %q", filepath.Base(file), code, errOut.String())
		}
	}
}

// A calendar grid that names no year is not imported into today's year:
// the command says to choose one (and reports the file as a dry run), and
// --year does.
func TestImportCommand_CalendarYear(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "may.csv")
	os.WriteFile(file, []byte("May\nMon,Tue,Wed,Thu,Fri\n4,5,6,7,8\nLaunch post,,Webinar,,,,Best hours\n"), 0o600)
	var out, errOut bytes.Buffer
	if code := run([]string{"import", file, "--data", data}, &out, &errOut); code != 0 || !strings.Contains(errOut.String(), "names no year") || !strings.Contains(out.String(), "Would import deliverables") {
		t.Fatalf("exit %d: %s %s", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"import", file, "--year", "2027", "--json", "--data", data}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rep struct {
		Kind    string `json:"kind"`
		Create  int    `json:"create"`
		Skipped []struct {
			Sheet   string `json:"sheet"`
			Message string `json:"message"`
		} `json:"skipped"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Kind != "deliverables" || rep.Create != 2 || len(rep.Skipped) != 1 ||
		!strings.Contains(rep.Skipped[0].Message, "G4:G4: 'Best hours' is not part of the calendar grid") {
		t.Fatalf("%+v %v: %s", rep, err, out.String())
	}
}
