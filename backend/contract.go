package backend

import (
	"context"
	"strings"
)

// BillingCycle is how often a contract is paid.
type BillingCycle string

// Billing cycles.
const (
	BillMonthly   BillingCycle = "monthly"
	BillQuarterly BillingCycle = "quarterly"
	BillAnnual    BillingCycle = "annual"
	BillMultiYear BillingCycle = "multi_year"
	BillOneOff    BillingCycle = "one_off"
)

// BillingCycles lists every cycle.
var BillingCycles = []BillingCycle{BillMonthly, BillQuarterly, BillAnnual, BillMultiYear, BillOneOff}

// Months returns the months one payment covers; for a multi-year contract
// that is the whole term, for a one-off payment 0.
func (b BillingCycle) Months(termMonths int) int {
	switch b {
	case BillMonthly:
		return 1
	case BillQuarterly:
		return 3
	case BillAnnual:
		return 12
	case BillMultiYear:
		return termMonths
	}
	return 0
}

// ContractStatus is where a contract stands.
type ContractStatus string

// Contract statuses.
var ContractStatuses = []ContractStatus{"trial", "active", "cancelling", "ended"}

// MaxNoticeDays bounds a notice period; real ones are a few months.
const MaxNoticeDays = 365

// Contract is a subscription or service agreement with a vendor.
type Contract struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version      int64  `json:"version"`
	VendorID     int64  `json:"vendorId"`
	VendorName   string `json:"vendorName"`
	Product      string `json:"product"`
	Owner        string `json:"owner"`
	OwnerID      int64  `json:"ownerId"` // the team member the owner is (0: a name only)
	TeamID       int64  `json:"teamId"`
	TeamName     string `json:"teamName"`
	CategoryID   int64  `json:"categoryId"`
	CategoryName string `json:"categoryName"`
	// Cost is what one payment of the billing cycle costs.
	Cost         Money          `json:"cost"`
	BillingCycle BillingCycle   `json:"billingCycle"`
	StartDate    string         `json:"startDate"`
	TermMonths   int            `json:"termMonths"`
	RenewalDate  string         `json:"renewalDate"`
	AutoRenew    bool           `json:"autoRenew"`
	NoticeDays   int            `json:"noticeDays"`
	SeatsBought  int            `json:"seatsPurchased"`
	SeatsUsed    int            `json:"seatsUsed"`
	Status       ContractStatus `json:"status"`
	DPASigned    bool           `json:"dpaSigned"`
	SecurityDone bool           `json:"securityReviewDone"`
	SecurityDate string         `json:"securityReviewDate"`
	DataLocation string         `json:"dataLocation"`
	Notes        string         `json:"notes"`
	Reminders    []Reminder     `json:"reminders"`
	// Schedule is derived as of today.
	Schedule RenewalSchedule `json:"schedule"`
	// OverSeats warns (it is allowed) that more seats are used than bought.
	OverSeats bool   `json:"overSeats"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// ReminderKind says what a reminder is about.
type ReminderKind string

// Reminder kinds: the last day to cancel, or the day it renews / is paid.
// The digest also lists asset licences that run out ("licence").
const (
	RemindCancel  ReminderKind = "cancel"
	RemindRenewal ReminderKind = "renewal"
	RemindLicence ReminderKind = "licence"
)

// Reminder asks to be reminded DaysBefore a contract's date.
type Reminder struct {
	Kind       ReminderKind `json:"kind"`
	DaysBefore int          `json:"daysBefore"`
}

// Normalize trims the text fields.
func (c *Contract) Normalize() {
	c.Product = strings.TrimSpace(c.Product)
	c.Owner = strings.TrimSpace(c.Owner)
	c.Notes = strings.TrimSpace(c.Notes)
	c.DataLocation = strings.TrimSpace(c.DataLocation)
	c.Cost.Currency = strings.ToUpper(strings.TrimSpace(c.Cost.Currency))
	if c.Reminders == nil {
		c.Reminders = []Reminder{}
	}
}

// Validate returns an EINVALID error naming each wrong field.
func (c *Contract) Validate() error {
	fe := FieldErrors{}
	if c.VendorID <= 0 {
		fe.Add("vendorId", "field.required", nil)
	}
	validateName(fe, "product", c.Product)
	validateText(fe, "owner", c.Owner, MaxOwnerLength)
	if c.TeamID <= 0 {
		fe.Add("teamId", "field.required", nil)
	}
	if c.CategoryID <= 0 {
		fe.Add("categoryId", "field.required", nil)
	}
	c.Cost.validate(fe, "cost")
	if c.Cost.Amount < 0 {
		fe.Add("cost", "contract.cost_negative", nil)
	}
	if !oneOf(c.BillingCycle, BillingCycles) {
		fe.Add("billingCycle", "contract.cycle_unknown", nil)
	}
	if !oneOf(c.Status, ContractStatuses) {
		fe.Add("status", "contract.status_unknown", nil)
	}
	validateDay(fe, "startDate", c.StartDate)
	validateDay(fe, "renewalDate", c.RenewalDate)
	if c.StartDate != "" && c.RenewalDate != "" && c.RenewalDate < c.StartDate {
		fe.Add("renewalDate", "contract.renewal_before_start", nil)
	}
	if c.TermMonths < 1 || c.TermMonths > 120 {
		fe.Add("termMonths", "contract.term_range", map[string]any{"max": 120})
	}
	if c.NoticeDays < 0 || c.NoticeDays > MaxNoticeDays {
		fe.Add("noticeDays", "contract.notice_range", map[string]any{"max": MaxNoticeDays})
	}
	if c.SeatsBought < 0 {
		fe.Add("seatsPurchased", "contract.seats_negative", nil)
	}
	if c.SeatsUsed < 0 {
		fe.Add("seatsUsed", "contract.seats_negative", nil)
	}
	if c.SecurityDate != "" {
		if _, ok := ParseDay(c.SecurityDate); !ok {
			fe.Add("securityReviewDate", "field.date_invalid", map[string]any{"value": c.SecurityDate})
		}
	}
	validateText(fe, "notes", c.Notes, MaxNotesLength)
	validateText(fe, "dataLocation", c.DataLocation, MaxNameLength)
	if len(c.Reminders) > 50 {
		fe.Add("reminders", "contract.too_many_reminders", map[string]any{"max": 50})
	}
	for _, r := range c.Reminders {
		if r.Kind != RemindCancel && r.Kind != RemindRenewal {
			fe.Add("reminders", "contract.reminder_kind", nil)
		}
		if r.DaysBefore < 0 || r.DaysBefore > 3*MaxNoticeDays {
			fe.Add("reminders", "contract.reminder_range", nil)
		}
	}
	return fe.Err("contract")
}

// Derive fills in the schedule and the seat warning as of today.
func (c *Contract) Derive(today string) {
	c.Schedule = Schedule(c.RenewalDate, c.TermMonths, c.NoticeDays, c.AutoRenew && c.Status != "cancelling", c.Status == "ended", today)
	c.OverSeats = c.SeatsBought > 0 && c.SeatsUsed > c.SeatsBought
}

// Payments returns the days a contract is paid on between from and to
// (inclusive): every billing cycle from the start date, while the contract
// runs (to its renewal date unless it renews itself).
func (c *Contract) Payments(from, to string) []string {
	start, ok := ParseDay(c.StartDate)
	if !ok || c.Status == "ended" || c.Status == "trial" {
		return nil
	}
	step := c.BillingCycle.Months(c.TermMonths)
	end := to
	if !c.AutoRenew || c.Status == "cancelling" {
		// The contract stops at its renewal date; a payment due that day
		// would be for a term that will not happen.
		if r, ok := ParseDay(c.RenewalDate); ok {
			if last := r.AddDate(0, 0, -1).Format(DayLayout); last < end {
				end = last
			}
		}
	}
	var out []string
	for k := 0; k < 10_000; k++ {
		d := AddMonths(start, k*step).Format(DayLayout)
		if d > end {
			break
		}
		if d >= from {
			out = append(out, d)
		}
		if step == 0 {
			break
		}
	}
	return out
}

// ContractChange is one recorded change of price or seats.
type ContractChange struct {
	At           string       `json:"at"`
	Cost         Money        `json:"cost"`
	BillingCycle BillingCycle `json:"billingCycle"`
	SeatsBought  int          `json:"seatsPurchased"`
	SeatsUsed    int          `json:"seatsUsed"`
}

// DigestEntry is one upcoming contract date in the digest.
type DigestEntry struct {
	ContractID int64 `json:"contractId"`
	// AssetID is set for an asset licence entry (Kind "licence").
	AssetID int64        `json:"assetId"`
	Vendor  string       `json:"vendor"`
	Product string       `json:"product"`
	Owner   string       `json:"owner"`
	Kind    ReminderKind `json:"kind"`
	Date    string       `json:"date"`
	// RemindOn is the earliest reminder day for this date; Due is set once
	// it has come.
	RemindOn string `json:"remindOn"`
	Due      bool   `json:"due"`
	Cost     Money  `json:"cost"`
}

// ContractService keeps contracts, their history and reminders.
type ContractService interface {
	FindContracts(ctx context.Context, vendorID int64) ([]*Contract, error)
	FindContractByID(ctx context.Context, id int64) (*Contract, error)
	CreateContract(ctx context.Context, c *Contract) error
	UpdateContract(ctx context.Context, id int64, c Contract) (*Contract, error)
	// DeleteContract removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteContract(ctx context.Context, id, version int64) error
	ContractHistory(ctx context.Context, id int64) ([]ContractChange, error)
	// Digest lists cancel-by and renewal dates within horizon days of
	// today, and earlier ones whose reminder has come, soonest first.
	Digest(ctx context.Context, horizonDays int) ([]DigestEntry, error)
	// SyncBudget rewrites the committed spend of upcoming contract payments.
	SyncBudget(ctx context.Context) error
	// Overview returns annualised costs, cost per used seat and
	// utilisation of the active and trial contracts.
	Overview(ctx context.Context) (*ContractOverview, error)
}

// Annualised returns what the contract costs per year in its own currency:
// monthly × 12, quarterly × 4, a multi-year payment spread over its years.
// A one-off payment counts once, as its amount.
func (c *Contract) Annualised() int64 {
	switch c.BillingCycle {
	case BillMonthly:
		return c.Cost.Amount * 12
	case BillQuarterly:
		return c.Cost.Amount * 4
	case BillMultiYear:
		return MulDivRound(c.Cost.Amount, 12, int64(max(c.TermMonths, 1)))
	}
	return c.Cost.Amount
}

// ContractFigures are a contract's money figures in the base currency.
type ContractFigures struct {
	ContractID int64 `json:"contractId"`
	// Annualised and CostPerSeat are nil when no exchange rate is set for
	// the contract's currency this month (MissingRate names it).
	Annualised  *int64 `json:"annualised"`
	CostPerSeat *int64 `json:"costPerSeat"`
	// UtilisationBasisPoints is seats used / purchased in 1/100 %.
	UtilisationBasisPoints *int64  `json:"utilisationBasisPoints"`
	Underused              bool    `json:"underused"`
	MissingRate            *FXRate `json:"missingRate"`
	// AssumedRate is the planning rate the figures used when this month
	// has no rate of its own (nil otherwise).
	AssumedRate *FXRate `json:"assumedRate"`
}

// ContractOverview is the money view of the whole martech stack.
type ContractOverview struct {
	Currency   string            `json:"currency"`
	Figures    []ContractFigures `json:"figures"`
	ByCategory []NamedAmount     `json:"byCategory"`
	ByTeam     []NamedAmount     `json:"byTeam"`
	Total      int64             `json:"total"`
}

// NamedAmount is a total for one name, in minor units of the base currency.
type NamedAmount struct {
	Name   string `json:"name"`
	Amount int64  `json:"amount"`
}
