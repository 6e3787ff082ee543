package backend

import (
	"strings"
	"unicode/utf8"
)

// ReviewStatus is where a campaign's compliance review stands.
type ReviewStatus string

// Compliance review states.
const (
	ReviewNotNeeded ReviewStatus = "not_needed"
	ReviewPending   ReviewStatus = "pending"
	ReviewApproved  ReviewStatus = "approved"
	ReviewRejected  ReviewStatus = "rejected"
)

// ReviewStatuses lists every review state.
var ReviewStatuses = []ReviewStatus{ReviewNotNeeded, ReviewPending, ReviewApproved, ReviewRejected}

// Compliance is a campaign's legal/brand review: who decided what, when.
type Compliance struct {
	Status   ReviewStatus `json:"status"`
	Reviewer string       `json:"reviewer"`
	// Date is the day of the decision (YYYY-MM-DD), empty while pending.
	Date    string `json:"date"`
	Comment string `json:"comment"`
}

// Normalize trims the text fields; an empty status means no review needed.
func (c *Compliance) Normalize() {
	if c.Status == "" {
		c.Status = ReviewNotNeeded
	}
	c.Reviewer = strings.TrimSpace(c.Reviewer)
	c.Comment = strings.TrimSpace(c.Comment)
	c.Date = strings.TrimSpace(c.Date)
}

// AllowsLive reports whether a campaign under this review may go live: one
// that needs a review must have it approved first.
func (c Compliance) AllowsLive() bool {
	return c.Status == ReviewNotNeeded || c.Status == ReviewApproved
}

func (c Compliance) validate(fe FieldErrors) {
	known := false
	for _, s := range ReviewStatuses {
		known = known || s == c.Status
	}
	if !known {
		fe.Add("compliance.status", "compliance.status_unknown", map[string]any{"status": string(c.Status)})
	}
	if utf8.RuneCountInString(c.Reviewer) > MaxOwnerLength {
		fe.Add("compliance.reviewer", "field.too_long", map[string]any{"max": MaxOwnerLength})
	}
	if utf8.RuneCountInString(c.Comment) > MaxNotesLength {
		fe.Add("compliance.comment", "field.too_long", map[string]any{"max": MaxNotesLength})
	}
	if c.Date != "" {
		if _, ok := ParseDay(c.Date); !ok {
			fe.Add("compliance.date", "field.date_invalid", map[string]any{"value": c.Date})
		}
	}
	if (c.Status == ReviewApproved || c.Status == ReviewRejected) && c.Reviewer == "" {
		fe.Add("compliance.reviewer", "compliance.reviewer_required", nil)
	}
}
