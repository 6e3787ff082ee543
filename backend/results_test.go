package backend_test

import (
	"errors"
	"testing"

	"mopsdesk/backend"
)

func TestResultFact_Validate(t *testing.T) {
	ok := backend.ResultFact{External: "Q2", Source: backend.SourceGoogleAds, From: "2026-04-01", To: "2026-04-07", Clicks: 3,
		Cost: backend.Money{Amount: 100, Currency: "EUR"}}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid fact: %v", err)
	}
	bad := ok
	bad.To, bad.Clicks, bad.Cost.Currency, bad.External = "2026-03-31", -1, "XXX", ""
	var e *backend.Error
	if err := bad.Validate(); !errors.As(err, &e) || e.Fields["to"].Key != "results.to_before_from" ||
		e.Fields["clicks"].Key != "results.count_negative" || e.Fields["cost"].Key != "money.currency_unknown" || e.Fields["external"].Key != "field.required" {
		t.Fatalf("invalid fact: %+v", err)
	}
}
