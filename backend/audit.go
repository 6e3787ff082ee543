package backend

import (
	"context"
	"strconv"
)

// AuditKind names the kind of record a change was made to.
type AuditKind string

// The kinds of records the audit log follows.
const (
	AuditCampaign     AuditKind = "campaign"
	AuditDeliverable  AuditKind = "deliverable"
	AuditMilestone    AuditKind = "milestone"
	AuditGoal         AuditKind = "goal"
	AuditBudgetLine   AuditKind = "budget_line"
	AuditFiscalYear   AuditKind = "fiscal_year"
	AuditFXRate       AuditKind = "fx_rate"
	AuditPlanningRate AuditKind = "planning_rate"
	AuditSpend        AuditKind = "spend"
	AuditRequest      AuditKind = "request"
	AuditVendor       AuditKind = "vendor"
	AuditContract     AuditKind = "contract"
	AuditAsset        AuditKind = "asset"
	AuditTeam         AuditKind = "team"
	AuditChannel      AuditKind = "channel"
	AuditCategory     AuditKind = "category"
	AuditSettings     AuditKind = "settings"
	// AuditImport is one import (or its undo) as a whole: its rows are
	// not logged one by one (see Change).
	AuditImport AuditKind = "import"
)

// AuditKinds lists every kind the log may hold, for filters.
func AuditKinds() []AuditKind {
	return []AuditKind{AuditCampaign, AuditDeliverable, AuditMilestone, AuditGoal, AuditBudgetLine, AuditFiscalYear,
		AuditFXRate, AuditPlanningRate, AuditSpend, AuditRequest, AuditVendor, AuditContract, AuditAsset,
		AuditTeam, AuditChannel, AuditCategory, AuditSettings, AuditImport}
}

// AuditAction is what a change did to its record.
type AuditAction string

// The actions of a change.
const (
	AuditCreated AuditAction = "created"
	AuditChanged AuditAction = "changed"
	AuditDeleted AuditAction = "deleted"
)

// Change is one entry of the audit log: what one committed transaction
// did to one record. A transaction that touches a record several times
// (a campaign and its tags) leaves one Change with the net difference; a
// rolled-back one, or one that leaves every field as it was, leaves none.
// An import is logged as one Change of kind AuditImport, not one per row,
// so that a ledger of a million lines imports as fast as without a log.
type Change struct {
	ID int64 `json:"id"`
	// At is when the change was committed, UTC RFC 3339.
	At string `json:"at"`
	// MemberID and Who name the signed-in person who made it; both are
	// empty (0, "") in the local workspace, where one person works.
	MemberID int64     `json:"memberId"`
	Who      string    `json:"who"`
	Kind     AuditKind `json:"kind"`
	// RecordID is the record's id in decimal, or its natural key where it
	// has no id of its own: "2026:3:5" (fiscal year, team, category) for a
	// budget line, "EUR:2026-03" for an exchange rate.
	RecordID string `json:"recordId"`
	// Label is how the record was named when it changed.
	Label  string        `json:"label"`
	Action AuditAction   `json:"action"`
	Fields []FieldChange `json:"fields"`
}

// FieldChange is one field's value before and after a change; Before is
// null for a created record, After for a deleted one.
type FieldChange struct {
	// Field is the field's key (the keys imports and exports use: name,
	// startDate, budget…; "period.3" for a budget line's third period).
	Field string `json:"field"`
	// Type says how to show the values: text, date, money ({amount,
	// currency} in minor units), number, bool or list (of text).
	Type   string `json:"type"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

// ChangeFilter selects entries of the audit log. Zero values mean "any".
type ChangeFilter struct {
	Kind AuditKind `json:"kind"`
	// RecordID, with Kind, selects one record's history.
	RecordID string `json:"recordId"`
	// MemberID selects one person's changes; LocalMember (-1) selects
	// those made in the local workspace, where no one signs in.
	MemberID int64 `json:"memberId"`
	// From and To bound the day of the change (UTC), both included.
	From string `json:"from"`
	To   string `json:"to"`
	// Text matches the record's name, the person's and the values.
	Text string `json:"text"`
	// Offset and Limit page the result, newest first; Limit 0 means 100.
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

// LocalMember is the MemberID that selects the local workspace's changes.
const LocalMember = -1

// Validate checks the filter's kind, days and paging.
func (f ChangeFilter) Validate() error {
	fe := FieldErrors{}
	if f.Kind != "" && !oneOf(f.Kind, AuditKinds()) {
		fe.Add("kind", "audit.kind_unknown", nil)
	}
	for field, v := range map[string]string{"from": f.From, "to": f.To} {
		if _, ok := ParseDay(v); v != "" && !ok {
			fe.Add(field, "field.date_invalid", map[string]any{"value": v})
		}
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		fe.Add("to", "audit.to_before_from", nil)
	}
	validateText(fe, "text", f.Text, MaxNameLength)
	if f.Offset < 0 {
		fe.Add("offset", "filter.offset_negative", nil)
	}
	if f.Limit < 0 || f.Limit > MaxPageSize {
		fe.Add("limit", "filter.limit_range", map[string]any{"max": MaxPageSize})
	}
	return fe.Err("change filter")
}

// ChangePage is one page of the audit log and how many entries match.
type ChangePage struct {
	Changes []*Change `json:"changes"`
	Total   int       `json:"total"`
}

// ChangeAuthor is someone who made changes, for the log's person filter.
type ChangeAuthor struct {
	// MemberID is LocalMember for the local workspace.
	MemberID int64  `json:"memberId"`
	Name     string `json:"name"`
}

// BudgetLineRecord is a budget line's RecordID: its fiscal year, team and
// category.
func BudgetLineRecord(year int, teamID, categoryID int64) string {
	return strconv.Itoa(year) + ":" + strconv.FormatInt(teamID, 10) + ":" + strconv.FormatInt(categoryID, 10)
}

// AuditService reads the audit log. The log is written by the store
// itself, in the same transaction as each change, with the person from
// ActorFrom of the change's context.
type AuditService interface {
	// FindChanges returns one page of the entries matching f, newest first.
	FindChanges(ctx context.Context, f ChangeFilter) (*ChangePage, error)
	// ChangeAuthors lists everyone who made a change, by name.
	ChangeAuthors(ctx context.Context) ([]ChangeAuthor, error)
}
