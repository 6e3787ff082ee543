package api_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"mopsdesk/backend"
	"mopsdesk/backend/api"
	"mopsdesk/backend/sheet"
)

// An import cancelled half-way (the user pressed Cancel, the tab went
// away) ends with ECANCELED and stores nothing: no spend, no history
// entry. The same file then imports in full.
func TestImports_CancelledCommitStoresNothing(t *testing.T) {
	a, _ := newAPI(t, &bytes.Buffer{})
	var csv strings.Builder
	csv.WriteString("Date,Amount,Team,Category,Vendor\n")
	for i := range 40 {
		fmt.Fprintf(&csv, "2025-03-%02d,%d,Brand,Ads,Canva\n", i%28+1, 100+i)
	}
	tok := addImport(t, a, "spend.csv", csv.String())
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	// Row 21's amount is read after twenty rows went into the batch.
	sheet.TestHookValue = func(field, text string) {
		if field == "amount" && text == "120" {
			cancel()
		}
	}
	t.Cleanup(func() { sheet.TestHookValue = nil })
	req := api.ImportRequest{Token: tok, Options: sheet.Options{Kind: "spend"}}
	_, err := a.Imports.Commit(ctx, req)
	if code := backend.ErrorCode(err); code != backend.ECANCELED {
		t.Fatalf("commit: code %q (%v), want %q", code, err, backend.ECANCELED)
	}
	sheet.TestHookValue = nil
	if page, err := a.Spend.Find(t.Context(), backend.SpendFilter{}); err != nil || page.Total != 0 {
		t.Fatalf("spend after a cancelled import: %+v, %v", page, err)
	}
	if runs, err := a.Imports.History(t.Context()); err != nil || len(runs) != 0 {
		t.Fatalf("history after a cancelled import: %+v, %v", runs, err)
	}
	out, err := a.Imports.Commit(t.Context(), req)
	if err != nil || out.Create != 40 {
		t.Fatalf("import after the cancel: %+v, %v", out, err)
	}
}

// Cancelling before the work starts is ECANCELED too, not an internal
// error, so the UI says "Cancelled" and nothing else.
func TestCall_CancelledContextIsCanceled(t *testing.T) {
	a, _ := newAPI(t, &bytes.Buffer{})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := a.Campaigns.Find(ctx, backend.CampaignFilter{})
	if p := api.FormatError(err); p.Code != backend.ECANCELED {
		t.Fatalf("payload %+v", p)
	}
}
