package sheet

import (
	"strconv"
	"testing"
)

// mapped returns field → column header of an importer's layout.
func mapped(im *Importer) map[string]string {
	out := map[string]string{}
	for _, c := range im.Layout.Columns {
		if c.Field != "" {
			out[c.Field] = c.Header
		}
	}
	return out
}

// An exact header wins over a near one, whichever comes first.
func TestMapping_ExactHeaderWinsOverNear(t *testing.T) {
	wb := book(t, map[string][][]any{"Subscriptions": {
		{"Subscription Status", "Term End", "Product", "Status", "Renewal Date", "Team", "Category"},
		{"Active", "2027-01-31", "Figma", "Pending renewal", "2027-02-01", "Design", "Design"},
		{"Expired", "2025-01-31", "Slack", "Expired", "2025-02-01", "Ops", "Chat"},
	}}, nil)
	im, err := New(wb, Options{Kind: "contracts"})
	if err != nil {
		t.Fatal(err)
	}
	m := mapped(im)
	if m["status"] != "Status" || m["renewalDate"] != "Renewal Date" {
		t.Fatalf("status from %q, renewal date from %q; want the exact headers", m["status"], m["renewalDate"])
	}
	if m["termMonths"] == "Term End" {
		t.Fatalf("a column of dates was taken as the term in months")
	}
}

// Columns of IDs, e-mail addresses and phone numbers are never guessed into
// money, product, name, team or category fields.
func TestMapping_IdentifiersAreNotGuessed(t *testing.T) {
	wb := book(t, map[string][][]any{"Export": {
		{"Sub Ref", "Billing Contact", "Tel", "Account No", "Renewal Date", "Seats"},
		{"SUB-000123", "anna@example.com", "+1 (555) 123-4567", "100234", "2027-02-01", "5"},
		{"SUB-000124", "ben@example.org", "+44 20 7946 0958", "100235", "2027-03-01", "7"},
		{"SUB-000125", "cem@example.net", "555-987-6543", "100236", "2027-04-01", "9"},
	}}, nil)
	im, err := New(wb, Options{Kind: "contracts"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range im.Layout.Columns {
		switch c.Field {
		case "cost", "product", "team", "category", "vendor", "owner":
			t.Errorf("column %q (%v) was guessed into %s", c.Header, c.Sample, c.Field)
		}
	}
	wb = book(t, map[string][][]any{"People": {
		{"Ref", "E-mail", "Start", "End"},
		{"CMP-001", "x@example.com", "2026-01-01", "2026-02-01"},
		{"CMP-002", "y@example.com", "2026-01-01", "2026-02-01"},
	}}, nil)
	im, err = New(wb, Options{Kind: "campaigns"})
	if err != nil {
		t.Fatal(err)
	}
	if m := mapped(im); m["name"] != "" || m["team"] != "" || m["budget"] != "" {
		t.Fatalf("identifiers guessed into fields: %v", m)
	}
}

// Billing cycles, terms and statuses as vendors' exports write them.
func TestParse_ValuesAsExportsWriteThem(t *testing.T) {
	rows := [][]any{{"Product", "Team", "Category", "Renewal Date", "Billing Cycle", "Term", "Status", "Notice"}}
	cases := []struct{ billing, term, status, wantBilling, wantTerm, wantStatus string }{
		{"Monthly Billing", "12.0", "Active", "monthly", "12", "active"},
		{"Billed annually", "12 months", "Expired", "annual", "12", "ended"},
		{"Annual (prepaid)", "24.0 months", "Cancelled", "annual", "24", "ended"},
		{"12 months", "1 year", "Pending renewal", "annual", "12", "active"},
		{"Every 3 months", "36", "Non-renewing", "quarterly", "36", "cancelling"},
		{"1 month", "1", "Trialing", "monthly", "1", "trial"},
	}
	for i, c := range cases {
		rows = append(rows, []any{"Tool", "Ops", "Software", "2030-01-01", c.billing, c.term, c.status, "30 days"})
		_ = i
	}
	wb := book(t, map[string][][]any{"Subscriptions": rows}, nil)
	im, err := New(wb, Options{Kind: "contracts", Today: "2026-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	recs := records(t, im)
	for i, c := range cases {
		r := recs[i]
		if len(r.Problems) > 0 {
			t.Errorf("row %d (%q, %q, %q): %v", r.Row, c.billing, c.term, c.status, r.Problems[0].Message)
			continue
		}
		if r.Text("billingCycle") != c.wantBilling || r.Values["termMonths"].Int != int64(must(strconv.Atoi(c.wantTerm))) || r.Text("status") != c.wantStatus || r.Values["noticeDays"].Int != 30 {
			t.Errorf("row %d: billing %q term %d status %q notice %d; want %s %s %s 30", r.Row, r.Text("billingCycle"), r.Values["termMonths"].Int, r.Text("status"), r.Values["noticeDays"].Int, c.wantBilling, c.wantTerm, c.wantStatus)
		}
	}
}

func must(n int, err error) int {
	if err != nil {
		panic(err)
	}
	return n
}
