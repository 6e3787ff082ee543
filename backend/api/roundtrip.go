package api

import (
	"context"
	"io"

	"mopsdesk/backend"
	"mopsdesk/backend/transfer"
)

// The workspace workbook and list exports; what they write is the round
// trip's (backend/transfer): workbooks that import back.

// WorkspaceFileName is the suggested name of the workspace workbook.
func (e *Exports) WorkspaceFileName() string {
	return "mopsdesk-workspace-" + backend.Today(e.s.Now()) + ".xlsx"
}

// WorkspaceRequest names the areas to export (all when empty: campaigns,
// deliverables, budget, spend, vendors, contracts, assets) and, as for
// lists, the column and sheet names in the user's language.
type WorkspaceRequest struct {
	Areas  []string          `json:"areas"`
	Labels map[string]string `json:"labels"`
}

// Workspace writes the areas to w as one .xlsx workbook.
func (e *Exports) Workspace(ctx context.Context, req WorkspaceRequest, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.Workspace", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, e.s.Imports.WriteWorkspace(ctx, req.Areas, req.Labels, w)
	})
	return err
}

// ListRequest is a list view's export: which list, with the filter on
// screen. The columns are the workspace workbook's, so the file imports
// back (see transfer.ListRequest).
type ListRequest = transfer.ListRequest

// ListFileName is the suggested name of a list export.
func (e *Exports) ListFileName(req ListRequest) string {
	return req.Kind + "-" + backend.Today(e.s.Now()) + ".xlsx"
}

// List writes what a list view shows, filters applied, as .xlsx.
func (e *Exports) List(ctx context.Context, req ListRequest, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.List", func(ctx context.Context) (struct{}, error) {
		if req.Calendar != nil {
			cf := *req.Calendar
			cf.Today = backend.Today(e.s.Now())
			req.Calendar = &cf
		}
		return struct{}{}, e.s.Imports.WriteList(ctx, req, w)
	})
	return err
}
