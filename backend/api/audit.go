package api

import (
	"context"
	"io"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Audit is the facade for the audit log: a record's history for anyone
// who may read the record, the workspace-wide log for admins.
type Audit struct{ s Services }

// Record returns one page of the changes of one record, newest first.
func (a *Audit) Record(ctx context.Context, kind backend.AuditKind, recordID string, offset, limit int) (*backend.ChangePage, error) {
	return call(ctx, a.s, "Audit.Record", func(ctx context.Context) (*backend.ChangePage, error) {
		if kind == "" || recordID == "" {
			return nil, backend.Errorf(backend.EINVALID, "A record's history needs its kind and id.")
		}
		return a.s.Audit.FindChanges(ctx, backend.ChangeFilter{Kind: kind, RecordID: recordID, Offset: offset, Limit: limit})
	})
}

// Log returns one page of the workspace's log matching f, newest first.
func (a *Audit) Log(ctx context.Context, f backend.ChangeFilter) (*backend.ChangePage, error) {
	return call(ctx, a.s, "Audit.Log", func(ctx context.Context) (*backend.ChangePage, error) {
		return a.s.Audit.FindChanges(ctx, f)
	})
}

// Authors lists everyone who made a change, for the log's person filter.
func (a *Audit) Authors(ctx context.Context) ([]backend.ChangeAuthor, error) {
	return call(ctx, a.s, "Audit.Authors", func(ctx context.Context) ([]backend.ChangeAuthor, error) {
		return a.s.Audit.ChangeAuthors(ctx)
	})
}

// AuditRequest is what the log page sends to export it: its filter
// (paging ignored) and the words of the file in the user's language.
type AuditRequest struct {
	Filter backend.ChangeFilter `json:"filter"`
	Labels sheet.AuditLabels    `json:"labels"`
}

// AuditFileName is the suggested name of an audit log export.
func (e *Exports) AuditFileName(AuditRequest) string {
	return "activity-" + backend.Today(e.s.Now()) + ".xlsx"
}

// Audit writes every entry of the log matching the request's filter to w
// as an .xlsx workbook. Downloads bypass the dispatcher, so the rule of
// Audit.Log is checked here.
func (e *Exports) Audit(ctx context.Context, req AuditRequest, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.Audit", func(ctx context.Context) (struct{}, error) {
		if a := backend.ActorFrom(ctx); a != nil && !a.Role.Allows(Access["Audit.Log"]) {
			return struct{}{}, backend.Errorf(backend.EFORBIDDEN, "Only an admin may export the activity log.")
		}
		x, err := sheet.NewAuditExport(req.Labels)
		if err != nil {
			return struct{}{}, err
		}
		f := req.Filter
		f.Offset, f.Limit = 0, backend.MaxPageSize
		for {
			page, err := e.s.Audit.FindChanges(ctx, f)
			if err != nil {
				return struct{}{}, err
			}
			for _, c := range page.Changes {
				if err := x.Add(c); err != nil {
					return struct{}{}, err
				}
			}
			if len(page.Changes) < f.Limit {
				break
			}
			f.Offset += len(page.Changes)
		}
		_, err = x.WriteTo(w)
		return struct{}{}, err
	})
	return err
}
