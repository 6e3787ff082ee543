package sqlite

// The audit log is written in the transaction of the change it records.
// Triggers (audit_tables.go) note every row change in audit_pending; as
// inTx commits, foldAudit turns the notes into one entry per record with
// the person from the context, and clears them. Triggers rather than code
// in each service: a write added later to any service, a cascade or a
// rename across tables is logged without anyone remembering to; the fold
// in Go adds what SQL cannot see (who is asking) and nets many row
// changes of one record (a campaign and its tags) into one entry.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"mopsdesk/backend"
)

// pendingRow is what the fold knows of one row of a record: its first
// image before the transaction and its last one after (nil: no row).
type pendingRow struct {
	old, new *string
	seen     bool
}

// pendingRecord gathers the notes about one record.
type pendingRecord struct {
	kind   backend.AuditKind
	record string
	label  string
	rows   map[string]*pendingRow
	order  []string
	// lists holds, per list field, the values added and removed.
	lists  map[string]*listDelta
	lorder []string
}

type listDelta struct{ added, removed []string }

// foldAudit turns the transaction's notes into audit_log entries.
func (db *DB) foldAudit(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT kind, record, row, label, old, new, field, added, removed FROM audit_pending ORDER BY seq`)
	if err != nil {
		return err
	}
	var recs []*pendingRecord
	byKey := map[string]*pendingRecord{}
	for rows.Next() {
		var kind, record, row string
		var label, old, new, field, added, removed sql.NullString
		if err := rows.Scan(&kind, &record, &row, &label, &old, &new, &field, &added, &removed); err != nil {
			rows.Close()
			return err
		}
		key := kind + "\x00" + record
		r := byKey[key]
		if r == nil {
			r = &pendingRecord{kind: backend.AuditKind(kind), record: record, rows: map[string]*pendingRow{}, lists: map[string]*listDelta{}}
			byKey[key] = r
			recs = append(recs, r)
		}
		if label.Valid {
			r.label = label.String
		}
		if field.Valid {
			d := r.lists[field.String]
			if d == nil {
				d = &listDelta{}
				r.lists[field.String] = d
				r.lorder = append(r.lorder, field.String)
			}
			if added.Valid {
				d.added = append(d.added, added.String)
			}
			if removed.Valid {
				d.removed = append(d.removed, removed.String)
			}
			continue
		}
		pr := r.rows[row]
		if pr == nil {
			pr = &pendingRow{}
			r.rows[row] = pr
			r.order = append(r.order, row)
		}
		if !pr.seen {
			pr.old, pr.seen = nullable(old), true
		}
		pr.new = nullable(new)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(recs) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM audit_pending`); err != nil {
		return err
	}
	for _, r := range recs {
		c, err := r.change(ctx, tx)
		if err != nil {
			return fmt.Errorf("audit %s %s: %w", r.kind, r.record, err)
		}
		if c == nil {
			continue
		}
		if err := db.logChange(ctx, tx, c); err != nil {
			return err
		}
	}
	return nil
}

func nullable(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// change nets the notes about a record into one Change; nil when the
// record ends as it began.
func (r *pendingRecord) change(ctx context.Context, tx *sql.Tx) (*backend.Change, error) {
	before, after := len(r.rows) == 0, len(r.rows) == 0 // a list alone: the record stays
	for _, pr := range r.rows {
		before = before || pr.old != nil
		after = after || pr.new != nil
	}
	c := &backend.Change{Kind: r.kind, RecordID: r.record, Label: r.label, Action: backend.AuditChanged}
	switch {
	case !before && !after:
		return nil, nil // made and removed in one transaction
	case !before:
		c.Action = backend.AuditCreated
	case !after:
		c.Action = backend.AuditDeleted
	}
	for _, row := range r.order {
		pr := r.rows[row]
		fields, err := diffImages(r.kind, pr.old, pr.new)
		if err != nil {
			return nil, err
		}
		c.Fields = append(c.Fields, fields...)
	}
	for _, field := range r.lorder {
		fc, err := r.listChange(ctx, tx, field, c.Action)
		if err != nil {
			return nil, err
		}
		if fc != nil {
			c.Fields = append(c.Fields, *fc)
		}
	}
	if c.Action == backend.AuditChanged && len(c.Fields) == 0 {
		return nil, nil
	}
	if c.Label == "" {
		if q, ok := auditLabels[r.kind]; ok {
			if err := tx.QueryRowContext(ctx, q, r.record).Scan(&c.Label); err != nil && err != sql.ErrNoRows {
				return nil, err
			}
		}
	}
	return c, nil
}

// diffImages lists the fields whose values differ between two images of
// a row, in the image's order; a created or deleted row lists its
// non-empty fields.
func diffImages(kind backend.AuditKind, old, new *string) ([]backend.FieldChange, error) {
	ok, ov, err := decodeImage(old)
	if err != nil {
		return nil, err
	}
	nk, nv, err := decodeImage(new)
	if err != nil {
		return nil, err
	}
	keys := nk
	if new == nil {
		keys = ok
	}
	var out []backend.FieldChange
	for _, k := range keys {
		b, a := ov[k], nv[k]
		if bytes.Equal(b, a) || (old == nil && empty(a)) || (new == nil && empty(b)) {
			continue
		}
		fc := backend.FieldChange{Field: k, Type: auditType(kind, k), Before: rawOrNil(b), After: rawOrNil(a)}
		out = append(out, fc)
	}
	return out, nil
}

// empty reports whether a value says nothing worth listing for a record
// created or deleted: none, blank, an empty list, no money.
func empty(v json.RawMessage) bool {
	s := string(v)
	return s == "" || s == "null" || s == `""` || s == "[]" || strings.HasPrefix(s, `{"amount":0,`)
}

func rawOrNil(v json.RawMessage) any {
	if len(v) == 0 {
		return nil
	}
	return v
}

// decodeImage reads a JSON object, keeping its keys' order.
func decodeImage(s *string) ([]string, map[string]json.RawMessage, error) {
	if s == nil {
		return nil, nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(*s)))
	if _, err := dec.Token(); err != nil { // {
		return nil, nil, err
	}
	var keys []string
	vals := map[string]json.RawMessage{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		k, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys = append(keys, k)
		vals[k] = v
	}
	return keys, vals, nil
}

// listChange shows a list before and after: the list now, without what
// was added and with what was removed, against the list now.
func (r *pendingRecord) listChange(ctx context.Context, tx *sql.Tx, field string, action backend.AuditAction) (*backend.FieldChange, error) {
	var now []string
	if action != backend.AuditDeleted {
		var q string
		for _, l := range auditLists {
			if l.kind == r.kind && l.field == field {
				q = l.current
			}
		}
		rows, err := tx.QueryContext(ctx, q, r.record)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var v sql.NullString
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return nil, err
			}
			now = append(now, v.String)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	d := r.lists[field]
	net := map[string]int{}
	for _, v := range d.added {
		net[v]++
	}
	for _, v := range d.removed {
		net[v]--
	}
	var before []string
	for _, v := range now {
		if net[v] <= 0 {
			before = append(before, v)
		}
	}
	for _, v := range d.removed {
		if net[v] < 0 {
			before = append(before, v)
			net[v]++ // once per removal
		}
	}
	if equalLists(before, now) {
		return nil, nil
	}
	fc := &backend.FieldChange{Field: field, Type: "list", Before: listOrNil(before), After: listOrNil(now)}
	if action == backend.AuditCreated {
		fc.Before = nil
	}
	return fc, nil
}

func listOrNil(l []string) any {
	if len(l) == 0 {
		return nil
	}
	return l
}

func equalLists(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// logChange writes c, made now by the person of ctx, to the log.
func (db *DB) logChange(ctx context.Context, tx *sql.Tx, c *backend.Change) error {
	c.At = db.timestamp()
	if a := backend.ActorFrom(ctx); a != nil {
		c.MemberID, c.Who = a.PersonID, a.Name
	}
	if c.Fields == nil {
		c.Fields = []backend.FieldChange{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // the log is searched for what people typed
	if err := enc.Encode(c.Fields); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, member_id, who, kind, record, label, action, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		c.At, c.MemberID, c.Who, c.Kind, c.RecordID, c.Label, c.Action, bytes.TrimSpace(buf.Bytes()))
	if err != nil {
		return fmt.Errorf("write audit log: %w", err)
	}
	c.ID, err = res.LastInsertId()
	return err
}

// logImport writes one entry for an import run (created) or its undo
// (deleted) in the transaction of ctx.
func (db *DB) logImport(ctx context.Context, tx *sql.Tx, run *backend.ImportRun, action backend.AuditAction) error {
	num := func(key string, n int) backend.FieldChange {
		return backend.FieldChange{Field: key, Type: "number", After: n}
	}
	c := &backend.Change{Kind: backend.AuditImport, RecordID: strconv.FormatInt(run.ID, 10), Label: run.FileName, Action: action,
		Fields: []backend.FieldChange{{Field: "importKind", Type: "text", After: run.Kind},
			num("created", run.Created), num("updated", run.Updated), num("skipped", run.Skipped)}}
	if action == backend.AuditDeleted {
		for i := range c.Fields {
			c.Fields[i].Before, c.Fields[i].After = c.Fields[i].After, nil
		}
	}
	return db.logChange(ctx, tx, c)
}
