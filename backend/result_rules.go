package backend

import (
	"context"
	"strings"
)

// ResultRuleKind is how a matching rule compares its text with an
// external campaign name.
type ResultRuleKind string

// The ways a rule compares (folded: case, spaces and "-_./" do not count).
const (
	RuleEquals     ResultRuleKind = "equals"
	RuleStartsWith ResultRuleKind = "starts_with"
	RuleContains   ResultRuleKind = "contains"
)

// ResultRule is a matching rule the user saved: external names that
// equal, start with or contain Text belong to CampaignID, or, with
// CampaignID 0, are left out of results imports. A rule with a Source
// applies to that source's files only. Rules apply at the next preview
// or commit of a results file.
type ResultRule struct {
	ID         int64          `json:"id"`
	Kind       ResultRuleKind `json:"kind"`
	Text       string         `json:"text"`
	Source     ResultSource   `json:"source"`
	CampaignID int64          `json:"campaignId"`
	// CampaignName is the campaign's name when the rules are listed
	// ("" for a rule that ignores names).
	CampaignName string `json:"campaignName"`
	CreatedAt    string `json:"createdAt"`
}

// Validate returns an EINVALID error naming each wrong field.
func (r *ResultRule) Validate() error {
	r.Text = strings.TrimSpace(r.Text)
	fe := FieldErrors{}
	switch r.Kind {
	case RuleEquals, RuleStartsWith, RuleContains:
	default:
		fe.Add("kind", "field.required", nil) // one of the three kinds
	}
	if r.Text == "" {
		fe.Add("text", "field.required", nil)
	}
	validateText(fe, "text", r.Text, MaxNameLength)
	if r.CampaignID < 0 {
		fe.Add("campaignId", "field.reference_unknown", nil)
	}
	return fe.Err("matching rule")
}

// ResultRuleService keeps the matching rules of results imports.
type ResultRuleService interface {
	// ResultRules lists the rules, oldest first.
	ResultRules(ctx context.Context) ([]ResultRule, error)
	// SaveResultRule adds r; a rule of the same kind, text and source
	// is replaced (its campaign changed).
	SaveResultRule(ctx context.Context, r *ResultRule) error
	// CreateResultRule adds r; a rule of the same kind, text and source
	// already saved is an EINVALID error on "text".
	CreateResultRule(ctx context.Context, r *ResultRule) error
	// UpdateResultRule gives a rule another campaign (0: its names are
	// ignored) and returns it.
	UpdateResultRule(ctx context.Context, id, campaignID int64) (*ResultRule, error)
	// DeleteResultRule removes a rule.
	DeleteResultRule(ctx context.Context, id int64) error

	// ResultBookings returns how the cost of each source was last
	// imported (see ResultBooking), by source.
	ResultBookings(ctx context.Context) ([]ResultBooking, error)
	// SaveResultBooking remembers a source's choice for its next import.
	SaveResultBooking(ctx context.Context, b ResultBooking) error
}

// ResultBooking is what the cost of a source's results files is used
// for: booked as actual spend in a spend category (Book), or compared
// with the budget only. The workspace remembers the choice of a
// source's last import and its next import starts from it.
type ResultBooking struct {
	Source ResultSource `json:"source"`
	Book   bool         `json:"book"`
	// CategoryID is the spend category booked cost goes to (0: the
	// workspace's first); CategoryName its name when it was chosen, to
	// name it once it is deleted.
	CategoryID   int64  `json:"categoryId"`
	CategoryName string `json:"categoryName"`
	// Problem, in an import's answer, says why the cost cannot be
	// booked as chosen (the category no longer exists).
	Problem *FieldError `json:"problem,omitempty"`
}
