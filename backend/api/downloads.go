package api

import (
	"context"
	"encoding/json"
	"io"
	"strings"

	"mopsdesk/backend"
)

// Download is one kind of file the app exports. Both transports serve
// exports from this one table: the window's Save dialog (its title and
// file type from the catalogs) and serve mode's routes (/export/KIND+EXT).
type Download struct {
	// Kind is what the frontend asks for: "campaigns", "report-html", …
	Kind string
	// Ext is the file's extension with its dot: ".xlsx", ".ics", ".html".
	Ext string
	// ContentType is what serve mode sends it as.
	ContentType string
	// TitleKey and FilterKey are the catalog keys of the Save dialog's
	// title and of its file type.
	TitleKey, FilterKey string
	// Prepare decodes the frontend's request (JSON) and returns the
	// suggested file name and the function that writes the file.
	Prepare func(req []byte) (name string, write func(ctx context.Context, w io.Writer) error, err error)
}

// Path is the download's route in serve mode: the kind and extension,
// where a kind named for its format ("report-html") is served as the
// same report in that format ("/export/report.html").
func (d Download) Path() string {
	return "/export/" + strings.TrimSuffix(d.Kind, "-"+strings.TrimPrefix(d.Ext, ".")) + d.Ext
}

// The catalog keys of the desktop's Open dialogs (their titles and file
// types), shown in the workspace's language.
const (
	ImportDialogTitle    = "dialog.import_title"
	ImportDialogFilter   = "dialog.filter_spreadsheets"
	DocumentsDialogTitle = "dialog.add_documents"
	AssetsDialogTitle    = "dialog.add_assets"
)

const (
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	xlsxKey  = "dialog.filter_xlsx"
)

// Downloads lists every export, in the order serve mode documents them.
func (e *Exports) Downloads() []Download {
	report := func(format string) func(*ReportRequest) {
		return func(r *ReportRequest) { r.Format = format }
	}
	return []Download{
		download("campaigns", ".xlsx", xlsxType, "dialog.export_campaigns", xlsxKey,
			func(CampaignsRequest) string { return e.CampaignsFileName() }, e.Campaigns, nil),
		download("calendar", ".ics", "text/calendar; charset=utf-8", "dialog.export_calendar", "dialog.filter_ics",
			func(backend.CalendarFilter) string { return e.CalendarFileName() }, e.Calendar, nil),
		download("assets", ".xlsx", xlsxType, "dialog.export_assets", xlsxKey,
			func(backend.AssetFilter) string { return e.AssetsFileName() }, e.Assets, nil),
		download("workspace", ".xlsx", xlsxType, "dialog.export_workspace", xlsxKey,
			func(WorkspaceRequest) string { return e.WorkspaceFileName() }, e.Workspace, nil),
		download("list", ".xlsx", xlsxType, "dialog.export_list", xlsxKey, e.ListFileName, e.List, nil),
		download("report", ".xlsx", xlsxType, "dialog.export_report", xlsxKey, e.ReportFileName, e.Report, report("xlsx")),
		download("report-html", ".html", "text/html; charset=utf-8", "dialog.export_report", "dialog.filter_html",
			e.ReportFileName, e.Report, report("html")),
		download("audit", ".xlsx", xlsxType, "audit.export_title", xlsxKey, e.AuditFileName, e.Audit, nil),
		download("results", ".xlsx", xlsxType, "dialog.export_list", xlsxKey, e.ResultsFileName, e.Results, nil),
	}
}

// Download returns the export called kind.
func (e *Exports) Download(kind string) (Download, bool) {
	for _, d := range e.Downloads() {
		if d.Kind == kind {
			return d, true
		}
	}
	return Download{}, false
}

// download makes a table entry from an export's typed request: fix, when
// given, settles what the kind itself decides (the report's format).
func download[T any](kind, ext, contentType, title, filter string, name func(T) string,
	write func(context.Context, T, io.Writer) error, fix func(*T)) Download {
	return Download{Kind: kind, Ext: ext, ContentType: contentType, TitleKey: title, FilterKey: filter,
		Prepare: func(raw []byte) (string, func(context.Context, io.Writer) error, error) {
			var req T
			if err := json.Unmarshal(raw, &req); err != nil {
				return "", nil, backend.Errorf(backend.EINVALID, "The export request is not valid JSON: %v", err)
			}
			if fix != nil {
				fix(&req)
			}
			return name(req), func(ctx context.Context, w io.Writer) error { return write(ctx, req, w) }, nil
		}}
}
