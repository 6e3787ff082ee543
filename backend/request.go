package backend

import (
	"context"
	"strings"
)

// RequestStatus is where a spend request stands.
type RequestStatus string

// Spend request states.
const (
	RequestPending  RequestStatus = "pending"
	RequestApproved RequestStatus = "approved"
	RequestRejected RequestStatus = "rejected"
)

// SpendRequest is a team asking for money for a purpose. Approving it
// books the amount as committed spend; rejecting it needs a reason.
type SpendRequest struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version      int64  `json:"version"`
	Requester    string `json:"requester"`
	RequesterID  int64  `json:"requesterId"` // the team member who asked (0: a name only)
	TeamID       int64  `json:"teamId"`
	TeamName     string `json:"teamName"`
	CategoryID   int64  `json:"categoryId"`
	CategoryName string `json:"categoryName"`
	Amount       Money  `json:"amount"`
	Purpose      string `json:"purpose"`
	// Date is the day the money is needed: approval books the committed
	// spend on it, and it picks the budget period the request is set
	// against (empty means the day of the decision).
	Date string `json:"date"`
	// Vendor is who the money goes to, as on spend.
	Vendor string `json:"vendor"`
	// CampaignID is the campaign the money serves (0 for none), in any
	// fiscal year.
	CampaignID   int64         `json:"campaignId"`
	CampaignName string        `json:"campaignName"`
	Status       RequestStatus `json:"status"`
	// SpendID is the committed spend an approval created.
	SpendID   int64          `json:"spendId"`
	History   []RequestEvent `json:"history"`
	CreatedAt string         `json:"createdAt"`

	// DecidedBy is who approved or rejected it ("" while pending);
	// DecidedByID is the team member they are (0: a name only).
	DecidedBy   string `json:"decidedBy"`
	DecidedByID int64  `json:"decidedById"`
}

// RequestEvent is one step in a request's history: who did what, when.
type RequestEvent struct {
	At     string `json:"at"`
	Actor  string `json:"actor"`
	Action string `json:"action"` // requested, approved, rejected
	Note   string `json:"note"`
}

// Normalize trims the text fields.
func (r *SpendRequest) Normalize() {
	r.Requester = strings.TrimSpace(r.Requester)
	r.Purpose = strings.TrimSpace(r.Purpose)
	r.Vendor = strings.TrimSpace(r.Vendor)
	r.Date = strings.TrimSpace(r.Date)
	r.Amount.Currency = strings.ToUpper(strings.TrimSpace(r.Amount.Currency))
}

// Validate returns an EINVALID error naming each wrong field.
func (r *SpendRequest) Validate() error {
	fe := FieldErrors{}
	validateName(fe, "requester", r.Requester)
	validateName(fe, "purpose", r.Purpose)
	r.Amount.validate(fe, "amount")
	if r.Amount.Amount <= 0 {
		fe.Add("amount", "request.amount_positive", nil)
	}
	if r.TeamID <= 0 {
		fe.Add("teamId", "field.required", nil)
	}
	if r.CategoryID <= 0 {
		fe.Add("categoryId", "field.required", nil)
	}
	if r.Date != "" {
		validateDay(fe, "date", r.Date)
	}
	validateText(fe, "vendor", r.Vendor, MaxNameLength)
	return fe.Err("spend request")
}

// Decision approves or rejects a request.
type Decision struct {
	Approve bool   `json:"approve"`
	By      string `json:"by"`
	// Reason is required to reject, optional to approve.
	Reason string `json:"reason"`
	// Date is the day the committed spend is booked on when approving
	// (empty means the request's date, or today when it has none).
	Date string `json:"date"`
	// Version is the version of the request the decider saw; a request
	// changed since is not decided (see CheckVersion).
	Version int64 `json:"version"`
}

// Validate returns an EINVALID error naming each wrong field.
func (d *Decision) Validate() error {
	d.By = strings.TrimSpace(d.By)
	d.Reason = strings.TrimSpace(d.Reason)
	fe := FieldErrors{}
	validateName(fe, "by", d.By)
	if !d.Approve && d.Reason == "" {
		fe.Add("reason", "request.reason_required", nil)
	}
	validateText(fe, "reason", d.Reason, MaxNotesLength)
	if d.Date != "" {
		if _, ok := ParseDay(d.Date); !ok {
			fe.Add("date", "field.date_invalid", map[string]any{"value": d.Date})
		}
	}
	return fe.Err("decision")
}

// RequestService keeps spend requests.
type RequestService interface {
	FindRequests(ctx context.Context, status RequestStatus) ([]*SpendRequest, error)
	FindRequestByID(ctx context.Context, id int64) (*SpendRequest, error)
	CreateRequest(ctx context.Context, r *SpendRequest) error
	DecideRequest(ctx context.Context, id int64, d Decision) (*SpendRequest, error)
}
