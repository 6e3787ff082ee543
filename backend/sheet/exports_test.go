package sheet

import "testing"

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
