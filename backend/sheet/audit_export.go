package sheet

import (
	"encoding/json"
	"io"
	"strings"
	"time"

	"mopsdesk/backend"
)

// AuditLabels are the words of an audit log export in the user's
// language; a word left out is written in English (or as its key).
type AuditLabels struct {
	Sheet string `json:"sheet"`
	// Headers name the columns: at, who, kind, record, action, field,
	// before, after.
	Headers map[string]string `json:"headers"`
	// Kinds, Actions and Fields name the record kinds, the actions and the
	// fields by their keys (backend.AuditKind, AuditAction, FieldChange.Field).
	Kinds   map[string]string `json:"kinds"`
	Actions map[string]string `json:"actions"`
	Fields  map[string]string `json:"fields"`
	// Local names who made a change in the local workspace; Yes and No
	// are a true and a false value.
	Local string `json:"local"`
	Yes   string `json:"yes"`
	No    string `json:"no"`
	// Values name the choices a field holds (statuses, types), keyed
	// "kind.field=value": "campaign.status=live".
	Values map[string]string `json:"values"`
}

// AuditColumns are the columns of an audit log export, in order.
var AuditColumns = []string{"at", "who", "kind", "record", "action", "field", "before", "after"}

var englishAuditHeaders = map[string]string{"at": "When", "who": "Who", "kind": "Kind", "record": "Record",
	"action": "Action", "field": "Field", "before": "Before", "after": "After"}

// AuditExport writes the audit log to an .xlsx workbook: one row per
// field changed (one for a change without fields).
type AuditExport struct {
	t      *Table
	labels AuditLabels
}

// NewAuditExport starts a workbook with a styled, frozen header row.
func NewAuditExport(labels AuditLabels) (*AuditExport, error) {
	headers := make([]string, len(AuditColumns))
	for i, col := range AuditColumns {
		headers[i] = pick(labels.Headers, col, englishAuditHeaders[col])
	}
	t, err := NewTable(orElse(labels.Sheet, "Activity"), headers, []float64{20, 18, 16, 32, 12, 22, 28, 28})
	if err != nil {
		return nil, err
	}
	return &AuditExport{t: t, labels: labels}, nil
}

// Add writes the rows of one change.
func (e *AuditExport) Add(c *backend.Change) error {
	t, l := e.t, e.labels
	at := c.At
	if ts, err := time.Parse(time.RFC3339, c.At); err == nil {
		at = ts.UTC().Format("2006-01-02 15:04:05")
	}
	who := c.Who
	if c.MemberID == 0 && who == "" {
		who = orElse(l.Local, "Local")
	}
	head := []any{t.Text(at), t.Text(who), t.Text(pick(l.Kinds, string(c.Kind), string(c.Kind))), t.Text(c.Label),
		t.Text(pick(l.Actions, string(c.Action), string(c.Action)))}
	if len(c.Fields) == 0 {
		return t.Row(head...)
	}
	for _, f := range c.Fields {
		before, err := e.value(c.Kind, f, f.Before)
		if err != nil {
			return err
		}
		after, err := e.value(c.Kind, f, f.After)
		if err != nil {
			return err
		}
		row := append(append([]any{}, head...), t.Text(pick(l.Fields, f.Field, f.Field)), before, after)
		if err := t.Row(row...); err != nil {
			return err
		}
	}
	return nil
}

// value is the cell of one value of field f of a record of kind.
func (e *AuditExport) value(kind backend.AuditKind, f backend.FieldChange, v any) (any, error) {
	t, typ := e.t, f.Type
	if v == nil {
		return t.Text(""), nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	switch typ {
	case "money":
		var m backend.Money
		if err := json.Unmarshal(raw, &m); err == nil && m.Currency != "" {
			return t.Money(m)
		}
	case "date":
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return t.Day(s), nil
		}
	case "bool":
		var b bool
		if json.Unmarshal(raw, &b) == nil {
			if b {
				return t.Text(orElse(e.labels.Yes, "Yes")), nil
			}
			return t.Text(orElse(e.labels.No, "No")), nil
		}
	case "list":
		var l []string
		if json.Unmarshal(raw, &l) == nil {
			return t.Text(strings.Join(l, ", ")), nil
		}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return t.Text(pick(e.labels.Values, string(kind)+"."+f.Field+"="+s, s)), nil
	}
	return t.Text(string(raw)), nil
}

func orElse(s, fallback string) string {
	if strings.TrimSpace(s) != "" {
		return s
	}
	return fallback
}

// WriteTo finishes the workbook and writes it to w.
func (e *AuditExport) WriteTo(w io.Writer) (int64, error) { return e.t.WriteTo(w) }
