package transfer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// ledger writes a spend CSV of n rows, over several teams and months.
func ledger(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Date,Amount,Currency,Team,Category,Vendor,Reference\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "2026-%02d-%02d,%d.%02d,USD,Team %d,Events,Hall,R%d\n", i%12+1, i%28+1, 10+i%900, i%100, i%7, i)
	}
	path := filepath.Join(t.TempDir(), "ledger.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImport_ReportsRowsRead: a preview and a commit report how many rows
// they have read, in blocks, ending with the whole count.
func TestImport_ReportsRowsRead(t *testing.T) {
	_, s := newImports(t)
	path := ledger(t, 12000)
	for _, commit := range []bool{false, true} {
		var steps []backend.Step
		ctx := backend.WithProgress(context.Background(), func(st backend.Step) { steps = append(steps, st) })
		run := s.Preview
		if commit {
			run = s.Commit
		}
		out, err := run(ctx, path, "ledger.csv", sheet.Options{Kind: "spend"})
		if err != nil || out.Create != 12000 {
			t.Fatalf("commit %v: %+v %v", commit, out, err)
		}
		if len(steps) < 3 || steps[0].Unit != "rows" || steps[0].Done <= 0 || steps[0].Done >= 12000 {
			t.Fatalf("commit %v: steps %+v, want blocks of rows before the end", commit, steps)
		}
		if last := steps[len(steps)-1]; last.Done != 12000 || last.Total != 12000 {
			t.Fatalf("commit %v: last step %+v, want 12000 of 12000", commit, last)
		}
	}
}

// TestImport_CancelledCommitStoresNothing: a commit cancelled part way
// through a large file stores no row, no new team and no history entry,
// and says it was cancelled.
func TestImport_CancelledCommitStoresNothing(t *testing.T) {
	db, s := newImports(t)
	path := ledger(t, 30000)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen int64
	ctx = backend.WithProgress(ctx, func(st backend.Step) {
		seen = st.Done
		cancel() // the user presses Cancel once the first rows are in
	})
	out, err := s.Commit(ctx, path, "ledger.csv", sheet.Options{Kind: "spend"})
	if backend.ErrorCode(err) != backend.ECANCELED || out != nil {
		t.Fatalf("cancelled commit: %+v, %v (code %s), want %s", out, err, backend.ErrorCode(err), backend.ECANCELED)
	}
	if seen == 0 || seen >= 30000 {
		t.Fatalf("cancelled after %d rows, want part way", seen)
	}
	for _, table := range []string{"spend", "teams", "import_runs", "import_changes", "fiscal_years"} {
		if n := count(t, db, table); n != 0 {
			t.Errorf("%d rows in %s after a cancelled import", n, table)
		}
	}
	runs, err := s.History(context.Background())
	if err != nil || len(runs) != 0 {
		t.Fatalf("history after a cancelled import: %+v %v", runs, err)
	}
}
