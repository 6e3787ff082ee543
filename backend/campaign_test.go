package backend_test

import (
	"strings"
	"testing"

	"mopsdesk/backend"
)

func validCampaign() backend.Campaign {
	return backend.Campaign{Name: "Launch", Status: backend.StatusPlanned, StartDate: "2026-03-01", EndDate: "2026-03-31",
		Budget: backend.Money{Amount: 100, Currency: "EUR"}, Compliance: backend.Compliance{Status: backend.ReviewNotNeeded}}
}

func TestCampaign_Validate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(c *backend.Campaign)
		field string // "" means valid
		key   string
	}{
		{"OK", func(c *backend.Campaign) {}, "", ""},
		{"OKOneDay", func(c *backend.Campaign) { c.EndDate = c.StartDate }, "", ""},
		{"OKLeapDay", func(c *backend.Campaign) { c.StartDate, c.EndDate = "2028-02-29", "2028-02-29" }, "", ""},
		{"ErrNameRequired", func(c *backend.Campaign) { c.Name = "" }, "name", "field.required"},
		{"ErrNameTooLong", func(c *backend.Campaign) { c.Name = strings.Repeat("é", backend.MaxNameLength+1) }, "name", "field.too_long"},
		{"ErrStatusUnknown", func(c *backend.Campaign) { c.Status = "paused" }, "status", "campaign.status_unknown"},
		{"ErrStartRequired", func(c *backend.Campaign) { c.StartDate = "" }, "startDate", "field.required"},
		{"ErrNotALeapDay", func(c *backend.Campaign) { c.StartDate = "2026-02-29" }, "startDate", "field.date_invalid"},
		{"ErrDayFirstDate", func(c *backend.Campaign) { c.EndDate = "31/03/2026" }, "endDate", "field.date_invalid"},
		{"ErrEndBeforeStart", func(c *backend.Campaign) { c.EndDate = "2026-02-28" }, "endDate", "campaign.end_before_start"},
		{"ErrBudgetNegative", func(c *backend.Campaign) { c.Budget.Amount = -1 }, "budget", "campaign.budget_negative"},
		{"ErrBudgetHuge", func(c *backend.Campaign) { c.Budget.Amount = backend.MaxMoneyAmount + 1 }, "budget", "money.too_large"},
		{"ErrCurrencyUnknown", func(c *backend.Campaign) { c.Budget.Currency = "EURO" }, "budget", "money.currency_unknown"},
		{"ErrNameTenThousandChars", func(c *backend.Campaign) { c.Name = strings.Repeat("n", 10_000) }, "name", "field.too_long"},
		{"OKLiveWithoutReview", func(c *backend.Campaign) { c.Status = backend.StatusLive }, "", ""},
		{"OKLiveApproved", func(c *backend.Campaign) {
			c.Status = backend.StatusLive
			c.Compliance = backend.Compliance{Status: backend.ReviewApproved, Reviewer: "Legal", Date: "2026-02-27"}
		}, "", ""},
		{"ErrLivePendingReview", func(c *backend.Campaign) {
			c.Status = backend.StatusLive
			c.Compliance.Status = backend.ReviewPending
		}, "status", "campaign.live_needs_approval"},
		{"ErrLiveRejected", func(c *backend.Campaign) {
			c.Status = backend.StatusLive
			c.Compliance = backend.Compliance{Status: backend.ReviewRejected, Reviewer: "Legal"}
		}, "status", "campaign.live_needs_approval"},
		{"OKPlannedWhilePending", func(c *backend.Campaign) { c.Compliance.Status = backend.ReviewPending }, "", ""},
		{"ErrApprovedWithoutReviewer", func(c *backend.Campaign) { c.Compliance.Status = backend.ReviewApproved }, "compliance.reviewer", "compliance.reviewer_required"},
		{"ErrReviewUnknown", func(c *backend.Campaign) { c.Compliance.Status = "maybe" }, "compliance.status", "compliance.status_unknown"},
		{"ErrReviewDate", func(c *backend.Campaign) { c.Compliance.Date = "yesterday" }, "compliance.date", "field.date_invalid"},
		{"ErrTooManyTags", func(c *backend.Campaign) {
			for i := 0; i <= backend.MaxTags; i++ {
				c.Tags = append(c.Tags, strings.Repeat("t", i+1))
			}
		}, "tags", "tags.too_many"},
		{"ErrTagTooLong", func(c *backend.Campaign) { c.Tags = []string{strings.Repeat("x", backend.MaxTagLength+1)} }, "tags", "tags.too_long"},
		{"ErrNotesTooLong", func(c *backend.Campaign) { c.Notes = strings.Repeat("x", backend.MaxNotesLength+1) }, "notes", "field.too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCampaign()
			tt.edit(&c)
			err := c.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			e, ok := err.(*backend.Error)
			if !ok || e.Code != backend.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
			if got := e.Fields[tt.field].Key; got != tt.key {
				t.Fatalf("field %s key = %q, want %q (all: %v)", tt.field, got, tt.key, e.Fields)
			}
		})
	}
}

func TestMoney_String(t *testing.T) {
	tests := []struct {
		m    backend.Money
		want string
	}{
		{backend.Money{Amount: 123450, Currency: "USD"}, "1234.50 USD"},
		{backend.Money{Amount: 5, Currency: "EUR"}, "0.05 EUR"},
		{backend.Money{Amount: -5, Currency: "EUR"}, "-0.05 EUR"},
		{backend.Money{Amount: 1200, Currency: "JPY"}, "1200 JPY"},
		{backend.Money{Amount: -125, Currency: "KWD"}, "-0.125 KWD"},
		{backend.Money{Amount: 1000, Currency: "BHD"}, "1.000 BHD"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.m, got, tt.want)
		}
	}
}

func TestCurrencies(t *testing.T) {
	for code, units := range map[string]int{"USD": 2, "JPY": 0, "KWD": 3, "BHD": 3, "IRR": 2, "THB": 2, "PLN": 2, "TRY": 2, "CLF": 4} {
		c, ok := backend.LookupCurrency(code)
		if !ok || c.MinorUnits != units {
			t.Errorf("%s = %+v, %v; want %d minor units", code, c, ok, units)
		}
	}
	if _, ok := backend.LookupCurrency("usd"); ok {
		t.Error("lower-case codes must be normalised by the caller, not matched")
	}
	all := backend.Currencies()
	for i := 1; i < len(all); i++ {
		if all[i-1].Code >= all[i].Code {
			t.Fatalf("currencies not sorted and unique at %s, %s", all[i-1].Code, all[i].Code)
		}
	}
}

func TestCountCampaignsByMonth(t *testing.T) {
	cs := []*backend.Campaign{
		{Status: backend.StatusLive, StartDate: "2025-12-15", EndDate: "2026-02-01"},    // Jan, Feb
		{Status: backend.StatusLive, StartDate: "2026-03-31", EndDate: "2026-03-31"},    // Mar
		{Status: backend.StatusPlanned, StartDate: "2026-11-30", EndDate: "2027-01-10"}, // Nov, Dec
		{Status: backend.StatusIdea, StartDate: "2027-01-01", EndDate: "2027-01-02"},    // not in 2026
	}
	got := backend.CountCampaignsByMonth(cs, 2026)
	want := map[int]map[backend.CampaignStatus]int{
		0: {backend.StatusLive: 1}, 1: {backend.StatusLive: 1}, 2: {backend.StatusLive: 1},
		10: {backend.StatusPlanned: 1}, 11: {backend.StatusPlanned: 1},
	}
	for m := 0; m < 12; m++ {
		if len(got.Counts[m]) != len(want[m]) {
			t.Fatalf("month %d = %v, want %v", m+1, got.Counts[m], want[m])
		}
		for s, n := range want[m] {
			if got.Counts[m][s] != n {
				t.Fatalf("month %d %s = %d, want %d", m+1, s, got.Counts[m][s], n)
			}
		}
	}
}

func TestCampaign_Normalize(t *testing.T) {
	c := backend.Campaign{Tags: []string{" Q1 ", "launch", "q1", "", "  brand   refresh "}, ChannelIDs: []int64{3, 1, 3}}
	c.Normalize()
	if strings.Join(c.Tags, "|") != "Q1|launch|brand refresh" {
		t.Errorf("tags = %q", c.Tags)
	}
	if len(c.ChannelIDs) != 2 || c.ChannelIDs[0] != 3 || c.ChannelIDs[1] != 1 {
		t.Errorf("channels = %v", c.ChannelIDs)
	}
	if c.Compliance.Status != backend.ReviewNotNeeded {
		t.Errorf("an empty review status means no review needed, got %q", c.Compliance.Status)
	}
}
