package transfer_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"mopsdesk/backend"
)

// adGroups writes a Google Ads report per ad group: every campaign and
// day twice, the second ad group's rows after all the first's, so that a
// fact's two rows lie far more than a block of facts apart. Campaign 0 is
// "Spring launch", which resultsSetup's workspace has.
func adGroups(t *testing.T, campaigns, days int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Day,Campaign,Ad group,Currency code,Impr.,Clicks,Cost,Conversions\n")
	for g := 1; g <= 2; g++ {
		for d := 0; d < days; d++ {
			for c := 0; c < campaigns; c++ {
				name := fmt.Sprintf("Campaign %d", c)
				if c == 0 {
					name = "Spring launch"
				}
				fmt.Fprintf(&b, "2026-%02d-%02d,%s,Group %d,USD,100,%d,1.50,1\n", 1+d/28, 1+d%28, name, g, g)
			}
		}
	}
	return writeResults(t, "adgroups.csv", b.String())
}

// A file larger than the blocks it is read in: the two rows of each fact
// are added up although they come in different blocks, and the preview
// counts each fact once, and the matched ones once (it counted the
// matched facts less the facts added up, 0 here), in the sheet's count
// and each unmatched name's too (they counted a split fact twice).
func TestResultsImport_FactsSplitOverBlocksAddUp(t *testing.T) {
	db, svc, _, _ := resultsSetup(t)
	ctx := context.Background()
	const campaigns, days = 100, 100 // 10,000 facts, 20,000 rows
	path := adGroups(t, campaigns, days)
	for _, commit := range []bool{false, true} {
		run := svc.Preview
		if commit {
			run = svc.Commit
		}
		p, err := run(ctx, path, "adgroups.csv", resultsOpts())
		if err != nil {
			t.Fatal(err)
		}
		if p.Results.Facts != campaigns*days || p.Create != campaigns*days || p.Results.Matched != days || len(p.Results.Unmatched) != campaigns-1 {
			t.Fatalf("commit %v: facts %d created %d matched %d unmatched names %d", commit, p.Results.Facts, p.Create, p.Results.Matched, len(p.Results.Unmatched))
		}
		if u := p.Results.Unmatched[0]; p.Results.Sheets[0].Facts != campaigns*days || u.Facts != days || u.From != "2026-01-01" {
			t.Fatalf("commit %v: sheet facts %d, first unmatched name %+v", commit, p.Results.Sheets[0].Facts, u)
		}
	}
	var facts, clicks, cost int64
	if err := db.QueryRowForTest(ctx, `SELECT count(*), sum(clicks), sum(cost_amount) FROM result_facts WHERE superseded_by IS NULL`).Scan(&facts, &clicks, &cost); err != nil {
		t.Fatal(err)
	}
	if facts != campaigns*days || clicks != 3*campaigns*days || cost != 300*campaigns*days {
		t.Fatalf("stored %d facts, %d clicks, %d cost", facts, clicks, cost)
	}
}

// A results import cancelled part way stores nothing, says it was
// cancelled, and stops reading the file.
func TestResultsImport_CancelledStoresNothing(t *testing.T) {
	db, svc, _, _ := resultsSetup(t)
	path := adGroups(t, 100, 100)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	steps := 0
	ctx = backend.WithProgress(ctx, func(backend.Step) {
		if steps++; steps == 1 {
			cancel()
		}
	})
	_, err := svc.Commit(ctx, path, "adgroups.csv", resultsOpts())
	if !errors.Is(err, context.Canceled) && backend.ErrorCode(err) != backend.ECANCELED {
		t.Fatalf("err = %v, want cancelled", err)
	}
	if n := count(t, db, "result_facts"); n != 0 {
		t.Fatalf("%d facts stored after a cancel", n)
	}
	if n := count(t, db, "import_runs"); n != 0 {
		t.Fatalf("%d imports recorded after a cancel", n)
	}
}
