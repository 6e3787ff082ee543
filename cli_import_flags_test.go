package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// subscriptionsBook writes a workbook with the given sheets (name → rows).
func subscriptionsBook(t *testing.T, sheets [][2]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, s := range sheets {
		name := s[0].(string)
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		for r, row := range s[1].([][]any) {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			f.SetSheetRow(name, cell, &row)
		}
	}
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

type cliRep struct {
	Sheet    string            `json:"sheet"`
	Mapping  map[string]string `json:"mapping"`
	Create   int               `json:"create"`
	Problems []struct {
		Message string `json:"message"`
	} `json:"problems"`
}

// --map and --ignore name columns by letter or header, as the preview's
// mapping does; --set wins over a mapped column.
func TestImportCommand_MapIgnoreAndSet(t *testing.T) {
	data := t.TempDir()
	file := subscriptionsBook(t, [][2]any{{"Export", [][]any{
		{"Product", "Team", "Category", "Term End", "Internal Code"},
		{"Figma", "n/a", "Design", "2030-02-01", "X-1"},
		{"Slack", "", "Chat", "2030-03-01", "X-2"},
	}}})
	var out, errOut bytes.Buffer
	code := run([]string{"import", file, "--kind", "contracts", "--map", "Term End=renewalDate", "--ignore", "e", "--set", "team=Brand",
		"--dry-run", "--json", "--data", data}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rep cliRep
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err, out.String())
	}
	if rep.Mapping["D"] != "renewalDate" || rep.Mapping["E"] != "" || rep.Mapping["B"] != "" || rep.Create != 2 || len(rep.Problems) != 0 {
		t.Fatalf("%+v (stderr %s)", rep, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"import", file, "--kind", "contracts", "--map", "Nope=renewalDate", "--dry-run", "--data", data}, &out, &errOut); code != 2 ||
		!strings.Contains(errOut.String(), `D "Term End"`) {
		t.Fatalf("an unknown column: exit %d: %s", code, errOut.String())
	}
}

// --sheet takes several sheets, or all of them.
func TestImportCommand_SeveralSheets(t *testing.T) {
	data := t.TempDir()
	rows := func(p string) [][]any {
		return [][]any{{"Product", "Team", "Category", "Renewal date"}, {p + " A", "Ops", "Tools", "2030-01-01"}, {p + " B", "Ops", "Tools", "2030-02-01"}}
	}
	file := subscriptionsBook(t, [][2]any{{"EMEA", rows("Emea")}, {"APAC", rows("Apac")}, {"US", rows("Us")}})
	for _, args := range [][]string{{"--sheet", "all"}, {"--sheet", "EMEA", "--sheet", "APAC", "--sheet", "US"}} {
		var out, errOut bytes.Buffer
		code := run(append([]string{"import", file, "--kind", "contracts", "--dry-run", "--json", "--data", data}, args...), &out, &errOut)
		var reps []cliRep
		if err := json.Unmarshal(out.Bytes(), &reps); code != 0 || err != nil {
			t.Fatalf("%v: exit %d %v: %s %s", args, code, err, out.String(), errOut.String())
		}
		if len(reps) != 3 || reps[0].Sheet != "EMEA" || reps[2].Sheet != "US" || reps[1].Create != 2 {
			t.Fatalf("%v: %+v", args, reps)
		}
	}
}
