package backend

import (
	"context"
	"strings"
)

// SpendStatus is how far a piece of spend has gone.
type SpendStatus string

// Spend statuses: planned (expected), committed (PO signed, approved
// request), actual (invoiced or paid).
const (
	SpendPlanned   SpendStatus = "planned"
	SpendCommitted SpendStatus = "committed"
	SpendActual    SpendStatus = "actual"
)

// SpendStatuses lists every status in the order spend moves through them.
var SpendStatuses = []SpendStatus{SpendPlanned, SpendCommitted, SpendActual}

// Spend is one amount of money going out (or, negative, coming back as a
// refund or credit), booked to a team and a spend category.
type Spend struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version      int64  `json:"version"`
	Date         string `json:"date"`
	Amount       Money  `json:"amount"`
	TeamID       int64  `json:"teamId"`
	TeamName     string `json:"teamName"`
	CategoryID   int64  `json:"categoryId"`
	CategoryName string `json:"categoryName"`
	Vendor       string `json:"vendor"`
	// VendorID links the spend to a vendor record (0 for none).
	VendorID int64 `json:"vendorId"`
	// ContractID is set on the committed payments a contract books; those
	// follow the contract and are changed through it.
	ContractID   int64       `json:"contractId"`
	CampaignID   int64       `json:"campaignId"`
	CampaignName string      `json:"campaignName"`
	Status       SpendStatus `json:"status"`
	// Reference is the PO or invoice number.
	Reference string `json:"reference"`
	Note      string `json:"note"`
	// RequestID links spend created by approving a spend request.
	RequestID int64  `json:"requestId"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
	// Base is the amount in the base currency by the budget's rule (the
	// month's rate, else the planning rate); nil when neither is set. Only
	// lists fill it in.
	Base *InBase `json:"base,omitempty"`
}

// Normalize trims the text fields and upper-cases the currency.
func (s *Spend) Normalize() {
	s.Vendor = strings.TrimSpace(s.Vendor)
	s.Reference = strings.TrimSpace(s.Reference)
	s.Note = strings.TrimSpace(s.Note)
	s.Amount.Currency = strings.ToUpper(strings.TrimSpace(s.Amount.Currency))
}

// Validate returns an EINVALID error naming each wrong field. Whether the
// date falls in a fiscal year that exists is the store's to check.
func (s *Spend) Validate() error {
	fe := FieldErrors{}
	validateDay(fe, "date", s.Date)
	s.Amount.validate(fe, "amount")
	if s.Amount.Amount == 0 {
		fe.Add("amount", "spend.amount_zero", nil)
	}
	if s.TeamID <= 0 {
		fe.Add("teamId", "field.required", nil)
	}
	if s.CategoryID <= 0 {
		fe.Add("categoryId", "field.required", nil)
	}
	if !oneOf(s.Status, SpendStatuses) {
		fe.Add("status", "spend.status_unknown", map[string]any{"status": string(s.Status)})
	}
	validateText(fe, "vendor", s.Vendor, MaxNameLength)
	validateText(fe, "reference", s.Reference, MaxTagLength)
	validateText(fe, "note", s.Note, MaxNotesLength)
	return fe.Err("spend entry")
}

// SpendUpdate holds the fields to change; nil means "leave as is".
type SpendUpdate struct {
	// Version is the version of the record the changes were made to; a
	// save over a newer version is refused (see CheckVersion).
	Version    int64        `json:"version"`
	Date       *string      `json:"date"`
	Amount     *Money       `json:"amount"`
	TeamID     *int64       `json:"teamId"`
	CategoryID *int64       `json:"categoryId"`
	Vendor     *string      `json:"vendor"`
	VendorID   *int64       `json:"vendorId"`
	CampaignID *int64       `json:"campaignId"`
	Status     *SpendStatus `json:"status"`
	Reference  *string      `json:"reference"`
	Note       *string      `json:"note"`
}

// Apply copies the given fields onto s.
func (u SpendUpdate) Apply(s *Spend) {
	set(&s.Date, u.Date)
	set(&s.Amount, u.Amount)
	set(&s.TeamID, u.TeamID)
	set(&s.CategoryID, u.CategoryID)
	set(&s.Vendor, u.Vendor)
	set(&s.VendorID, u.VendorID)
	set(&s.CampaignID, u.CampaignID)
	set(&s.Status, u.Status)
	set(&s.Reference, u.Reference)
	set(&s.Note, u.Note)
}

// SpendFilter selects spend entries. Zero values mean "any".
type SpendFilter struct {
	From       string        `json:"from"`
	To         string        `json:"to"`
	TeamID     int64         `json:"teamId"`
	CategoryID int64         `json:"categoryId"`
	CampaignID int64         `json:"campaignId"`
	Vendor     string        `json:"vendor"`
	VendorID   int64         `json:"vendorId"`
	Statuses   []SpendStatus `json:"statuses"`
	Offset     int           `json:"offset"`
	Limit      int           `json:"limit"`
}

// SpendPage is one page of spend entries and how many match.
type SpendPage struct {
	Entries []*Spend `json:"entries"`
	Total   int      `json:"total"`
}

// SpendService keeps spend entries.
type SpendService interface {
	FindSpend(ctx context.Context, f SpendFilter) (*SpendPage, error)
	FindSpendByID(ctx context.Context, id int64) (*Spend, error)
	CreateSpend(ctx context.Context, s *Spend) error
	UpdateSpend(ctx context.Context, id int64, upd SpendUpdate) (*Spend, error)
	// DeleteSpend removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteSpend(ctx context.Context, id, version int64) error
}
