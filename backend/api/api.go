// Package api holds the thin facades that the desktop window
// (through Wails bindings) and serve mode (over HTTP) both call. A facade
// method does one user action: it checks nothing the domain does not, and
// it never knows which transport called it.
package api

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/backup"
	"mopsdesk/backend/files"
	"mopsdesk/backend/report"
	"mopsdesk/backend/sheet"
)

// Services are the stores the facades use.
type Services struct {
	Workspace    backend.WorkspaceService
	Lists        backend.ListService
	Campaigns    backend.CampaignService
	Deliverables backend.DeliverableService
	Milestones   backend.MilestoneService
	Goals        backend.GoalService
	Calendar     backend.CalendarService
	Budget       backend.BudgetService
	Spend        backend.SpendService
	Requests     backend.RequestService
	Vendors      backend.VendorService
	Contracts    backend.ContractService
	Documents    backend.DocumentService
	Assets       backend.AssetService
	Imports      ImportService
	Dashboard    backend.DashboardService
	People       backend.PeopleService
	// Team keeps a team workspace's members and sessions; its facade
	// answers only for a signed-in person (see Team).
	Team  backend.TeamService
	Audit backend.AuditService
	// Results keeps the results data imported from ad platforms, web
	// analytics and CRMs.
	Results backend.ResultsService
	// ResultRules keeps the matching rules of results imports.
	ResultRules backend.ResultRuleService
	// ResultStages keeps the steps the user gave to CRM stages.
	ResultStages backend.ResultStageService
	// ChartScript is the ECharts library the HTML report inlines (empty
	// in a build without the frontend).
	ChartScript []byte
	// ReportFonts are the fonts an HTML report embeds for Arabic script
	// and Thai.
	ReportFonts []report.Font
	// ReportWords are the report's words per language, for reports asked
	// for without them (the command line).
	ReportWords map[string]map[string]string
	// ImportDir keeps uploaded spreadsheets between preview and commit.
	ImportDir string
	// Thumbs keeps the previews of image assets.
	Thumbs *files.Thumbs
	// Backups makes and restores backups; nil where there are none.
	Backups *backup.Manager
	// Explain turns the store's errors about the disk and locks into
	// environment errors (see backend.EDISKFULL); nil: the system's only.
	Explain func(error) error
	// Unavailable, when set, is why the workspace could not be opened:
	// every call returns it, so a window that opened without its
	// workspace says why instead of failing on each action.
	Unavailable error
	// Now is the clock; tests pin it.
	Now func() time.Time
	// About describes this installation for the Settings page.
	About About
	Log   *slog.Logger
}

// About tells the user what they run and where their data lives.
type About struct {
	Version  string `json:"version"`
	DataDir  string `json:"dataDir"`
	Database string `json:"database"`
	// Mode is "desktop", "serve" or "host" (a team workspace).
	Mode string `json:"mode"`
}

// API groups the facades. Each exported field is bound as one service.
type API struct {
	Workspace    *Workspace
	Lists        *Lists
	Campaigns    *Campaigns
	Deliverables *Deliverables
	Milestones   *Milestones
	Goals        *Goals
	Calendar     *Calendar
	Budget       *Budget
	Spend        *Spend
	Requests     *Requests
	Vendors      *Vendors
	Contracts    *Contracts
	Documents    *Documents
	Assets       *Assets
	Files        *FileStore
	Imports      *Imports
	ImportFiles  *ImportFiles
	Dashboard    *Dashboard
	People       *People
	Team         *Team
	Audit        *Audit
	Results      *Results
	// Thumbs serves image previews; nil when the app has no library folder.
	Thumbs  *files.Thumbs
	Charts  *Charts
	Exports *Exports
	Backups *Backups
}

// New wires the facades to the services.
func New(s Services) *API {
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Log == nil {
		s.Log = slog.Default()
	}
	if s.Explain == nil {
		s.Explain = backend.ExplainSystem
	}
	previews := newPreviews(s.Thumbs, s.Log)
	imports := newImports(s)
	return &API{
		Workspace:    &Workspace{s: s},
		Lists:        &Lists{s: s},
		Campaigns:    &Campaigns{s: s},
		Deliverables: &Deliverables{s: s},
		Milestones:   &Milestones{s: s},
		Goals:        &Goals{s: s},
		Calendar:     &Calendar{s: s},
		Budget:       &Budget{s: s},
		Spend:        &Spend{s: s},
		Requests:     &Requests{s: s},
		Vendors:      &Vendors{s: s},
		Contracts:    &Contracts{s: s},
		Documents:    &Documents{s: s},
		Assets:       &Assets{s: s, previews: previews},
		Files:        &FileStore{s: s, previews: previews},
		Imports:      imports,
		ImportFiles:  imports.files,
		Dashboard:    &Dashboard{s: s},
		People:       &People{s: s},
		Team:         &Team{s: s},
		Audit:        &Audit{s: s},
		Results:      &Results{s: s},
		Thumbs:       s.Thumbs,
		Charts:       &Charts{s: s},
		Exports:      &Exports{s: s},
		Backups:      &Backups{s: s},
	}
}

// Bindings returns the facades whose methods the frontend may call. The
// exporter is not one of them: it writes files, which each transport does
// its own way (a Save dialog, a download).
func (a *API) Bindings() []any {
	return []any{a.Workspace, a.Lists, a.Campaigns, a.Deliverables, a.Milestones, a.Goals, a.Calendar,
		a.Budget, a.Spend, a.Requests, a.Vendors, a.Contracts, a.Documents, a.Assets, a.Charts, a.Imports, a.Dashboard, a.People, a.Backups, a.Team,
		a.Audit, a.Results}
}

// callTimeout bounds one user action; a locked database or a runaway query
// becomes an error the user sees instead of a frozen window.
const callTimeout = 30 * time.Second

// call runs one facade method under the caller's context (the window's
// job, the HTTP request): with a deadline as an upper bound, logged at
// debug level with its duration, and with internal errors logged in full
// (the user only sees a short message, see FormatError).
func call[T any](ctx context.Context, s Services, name string, fn func(ctx context.Context) (T, error)) (T, error) {
	return callWithin(ctx, s, name, callTimeout, fn)
}

// callWithin is call with its own deadline, for the few long actions (an
// import of a large workbook). A cancelled ctx (the user pressed Cancel,
// the browser tab went away) ends the work with ECANCELED.
func callWithin[T any](ctx context.Context, s Services, name string, timeout time.Duration, fn func(ctx context.Context) (T, error)) (T, error) {
	if s.Unavailable != nil {
		var zero T
		s.Log.Debug("api call", "method", name, "code", backend.ErrorCode(s.Unavailable))
		return zero, s.Unavailable
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	out, err := fn(ctx)
	if s.Explain != nil {
		err = s.Explain(err)
	}
	if err != nil && errors.Is(ctx.Err(), context.Canceled) {
		err = backend.Canceled(ctx.Err())
	}
	code := backend.ErrorCode(err)
	switch code {
	case backend.EINTERNAL:
		var crash *sheet.Crash
		if errors.As(err, &crash) {
			s.Log.Error("api call failed", "method", name, "err", err, "panic", crash.Value, "stack", string(crash.Stack))
		} else {
			s.Log.Error("api call failed", "method", name, "err", err)
		}
	case backend.EDISKFULL, backend.EREADONLY, backend.EBUSY:
		s.Log.Warn("api call failed", "method", name, "err", err)
	}
	s.Log.Debug("api call", "method", name, "ms", time.Since(start).Milliseconds(), "code", code)
	return out, err
}

// ErrorPayload is what the frontend receives for a failed call.
type ErrorPayload struct {
	Code    string                        `json:"code"`
	Message string                        `json:"message"`
	Fields  map[string]backend.FieldError `json:"fields,omitempty"`
	// Current is the record as stored now when a save was refused for a
	// stale version (code conflict).
	Current any `json:"current,omitempty"`
	// Changed says, with Current, who last changed the record and when.
	Changed *backend.LastChange `json:"changed,omitempty"`
}

// FormatError turns any error into the payload the UI branches on. It is
// Wails' ErrorFormatter and serve mode's error encoder alike.
func FormatError(err error) ErrorPayload {
	var e *backend.Error
	if errors.As(err, &e) {
		return ErrorPayload{Code: e.Code, Message: e.Message, Fields: e.Fields, Current: e.Current, Changed: e.Changed}
	}
	return ErrorPayload{Code: backend.EINTERNAL, Message: backend.ErrorMessage(err)}
}
