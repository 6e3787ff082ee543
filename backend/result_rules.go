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
	CreatedAt  string         `json:"createdAt"`
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
	// DeleteResultRule removes a rule.
	DeleteResultRule(ctx context.Context, id int64) error
}
