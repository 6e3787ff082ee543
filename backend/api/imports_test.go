package api_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

const spendCSV = "Date,Amount,Team,Category,Vendor\n2025-03-01,500,Brand,Ads,Canva\n2025-03-02,İptal 500,Brand,Ads,Canva\n"

func addImport(t *testing.T, a *api.API, name, data string) string {
	t.Helper()
	p, err := a.ImportFiles.Add(context.Background(), name, strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return p.Token
}

// A Turkish word in an amount cell is a problem with that cell, not a
// damaged file (its İ once put the parser out of range).
func TestImports_TurkishWordInAnAmount(t *testing.T) {
	a, _ := newAPI(t, &bytes.Buffer{})
	tok := addImport(t, a, "spend.csv", spendCSV)
	out, err := a.Imports.Preview(context.Background(), api.ImportRequest{Token: tok, Options: sheet.Options{Kind: "spend"}})
	if err != nil {
		t.Fatal(err)
	}
	if out.Create != 1 || out.ProblemRows != 1 || out.Problems[0].Column != "B" || out.Problems[0].Key != "import.bad_amount" {
		t.Fatalf("create %d, problems %+v", out.Create, out.Problems)
	}
}

// A panic anywhere in an import becomes an internal error that names the
// cell; nothing is kept and the next import works.
func TestImports_PanicIsAnErrorNamingTheCell(t *testing.T) {
	var logs bytes.Buffer
	a, _ := newAPI(t, &logs)
	tok := addImport(t, a, "spend.csv", strings.Replace(spendCSV, "İptal 500", "700", 1))
	sheet.TestHookValue = func(field, text string) {
		if field == "amount" && text == "700" {
			panic("injected fault")
		}
	}
	t.Cleanup(func() { sheet.TestHookValue = nil })
	for _, call := range []func(context.Context, api.ImportRequest) (*transfer.ImportPreview, error){a.Imports.Preview, a.Imports.Commit} {
		_, err := call(context.Background(), api.ImportRequest{Token: tok, Options: sheet.Options{Kind: "spend"}})
		p := api.FormatError(err)
		f := p.Fields["file"]
		if p.Code != backend.EINTERNAL || f.Key != "import.crashed_cell" || f.Params["row"] != 3 || f.Params["column"] != "B" || f.Params["sheet"] != "spend.csv" ||
			!strings.Contains(p.Message, "row 3, column B (injected fault)") {
			t.Fatalf("payload %+v", p)
		}
	}
	if !strings.Contains(logs.String(), "injected fault") || !strings.Contains(logs.String(), "stack=") {
		t.Fatalf("the fault and its stack were not logged: %s", logs.String())
	}
	sheet.TestHookValue = nil
	out, err := a.Imports.Commit(context.Background(), api.ImportRequest{Token: tok, Options: sheet.Options{Kind: "spend"}})
	if err != nil || out.Create != 2 {
		t.Fatalf("after the fault: %+v %v", out, err)
	}
	if history, err := a.Imports.History(context.Background()); err != nil || len(history) != 1 {
		t.Fatalf("history %+v %v", history, err)
	}
}
