package transfer_test

import (
	"context"
	"errors"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
	"mopsdesk/backend/transfer"
)

// pins is a hand-made export of no known shape (as a Pinterest report).
const pins = "Pin promotion,Date,Spend in account currency,Paid impressions,Video views\n" +
	"Spring launch,2026-03-01,12.50,1000,300.5\n" +
	"Spring launch,2026-03-02,7.50,500,0.25\n"

func pinsOpts() sheet.Options {
	return sheet.Options{Kind: transfer.KindResults, Mapping: map[string]string{"A": "campaign", "B": "day", "C": "cost", "D": "impressions",
		"E": "custom:Video views"}, Constants: map[string]string{"source": "other"}}
}

// A file of no known shape is offered for mapping; it imports once its
// campaign, day and a metric are mapped; the mapping is saved as a
// profile and the next file with the same headers is read by it, even
// with no kind chosen.
func TestResultsImport_MappedFileAndProfile(t *testing.T) {
	db, svc, _, _ := resultsSetup(t)
	ctx := context.Background()
	path := writeResults(t, "pins.csv", pins)

	p, err := svc.Preview(ctx, path, "pins.csv", resultsOpts())
	if err != nil {
		t.Fatal(err)
	}
	sh := p.Results.Sheets
	if len(sh) != 1 || sh[0].Shape != "generic" || sh[0].Mapped || len(sh[0].Columns) != 5 || sh[0].Columns[4].Key != "E" || len(sh[0].Roles) == 0 {
		t.Fatalf("sheets = %+v", sh)
	}
	if p.Results.Facts != 0 || len(p.Problems) != 1 || p.Problems[0].Key != "results.unknown_shape" {
		t.Fatalf("facts %d problems %+v", p.Results.Facts, p.Problems)
	}

	t.Run("ErrMissing", func(t *testing.T) {
		o := pinsOpts()
		o.Mapping["A"] = ""
		_, err := svc.Commit(ctx, path, "pins.csv", o)
		if backend.ErrorCode(err) != backend.EINVALID || fieldsOf(err)["mapping"].Key != "results.mapping_needs" {
			t.Fatalf("err = %v %+v", err, fieldsOf(err))
		}
		if got := fieldsOf(err)["mapping"].Params["missing"]; len(got.([]string)) != 1 || got.([]string)[0] != "campaign" || fieldsOf(err)["mapping"].Params["sheet"] != "pins.csv" {
			t.Errorf("missing = %v", got)
		}
	})
	t.Run("ErrBadSource", func(t *testing.T) {
		o := pinsOpts()
		o.Constants["source"] = "myspace"
		if _, err := svc.Preview(ctx, path, "pins.csv", o); fieldsOf(err)["source"].Key != "results.bad_source" {
			t.Fatalf("err = %v", err)
		}
	})

	c, err := svc.Commit(ctx, path, "pins.csv", pinsOpts())
	if err != nil {
		t.Fatal(err)
	}
	if c.Results.Facts != 2 || c.Results.Matched != 2 || count(t, db, "result_facts WHERE custom <> ''") != 2 {
		t.Fatalf("commit = %+v", c.Results)
	}
	profiles, err := svc.Profiles(ctx)
	if err != nil || len(profiles) != 1 || profiles[0].Kind != transfer.KindResults || profiles[0].Options.Mapping["E"] != "custom:Video views" {
		t.Fatalf("profiles = %+v, %v", profiles, err)
	}

	next := writeResults(t, "pins-april.csv", "Pin promotion,Date,Spend in account currency,Paid impressions,Video views\n"+
		"Spring launch,2026-04-01,1.00,10,2\n")
	p2, err := svc.Preview(ctx, next, "pins-april.csv", sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p2.Kind != transfer.KindResults || p2.Profile == nil || !p2.Results.Sheets[0].Profile || p2.Results.Facts != 1 || p2.ProblemsTotal != 0 {
		t.Fatalf("second file: kind %s profile %+v read %+v problems %+v", p2.Kind, p2.Profile, p2.Results, p2.Problems)
	}
	if cols := p2.Results.Sheets[0].Columns; cols[4].Reads != "custom" || cols[4].Custom != "Video views" {
		t.Errorf("columns = %+v", cols)
	}
}

func fieldsOf(err error) map[string]backend.FieldError {
	var e *backend.Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
