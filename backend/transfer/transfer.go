// Package transfer is the spreadsheet round trip: importing a workbook
// into any area (a preview that is the import itself, rolled back; a
// commit; the history and undo of imports; saved mappings) and exporting
// the workspace or a list as a workbook that imports back. It reads and
// writes workbooks through backend/sheet and stores through the domain's
// service interfaces only.
package transfer

import (
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Services are the stores the round trip reads and writes.
type Services struct {
	Store        backend.ImportStore
	Workspace    backend.WorkspaceService
	Lists        backend.ListService
	Campaigns    backend.CampaignService
	Deliverables backend.DeliverableService
	Milestones   backend.MilestoneService
	Calendar     backend.CalendarService
	Budget       backend.BudgetService
	Spend        backend.SpendService
	Requests     backend.RequestService
	Vendors      backend.VendorService
	Contracts    backend.ContractService
	Assets       backend.AssetService
	// Results keeps the facts of results files, Rules the matching
	// rules the user saved (nil: none).
	Results backend.ResultsService
	Rules   backend.ResultRuleService
	// Stages keeps the steps the user gave to CRM stages (nil: none).
	Stages backend.ResultStageService
	// Explain turns the store's errors about the disk and locks into
	// environment errors (nil: errors pass as they are).
	Explain func(error) error
	// Now is the clock.
	Now func() time.Time
}

// Service imports and exports workbooks.
type Service struct {
	s Services
}

// New returns the round trip over s.
func New(s Services) *Service {
	if s.Explain == nil {
		s.Explain = func(err error) error { return err }
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	return &Service{s: s}
}

// ImportRow is one row of the preview: what will happen to it and its
// values as read.
type ImportRow struct {
	Row int `json:"row"`
	// Sheet is set when the rows come from several sheets.
	Sheet    string            `json:"sheet,omitempty"`
	Action   string            `json:"action"` // create, update, skip
	Reason   string            `json:"reason"` // for skip: total, hidden, excluded, unchanged, problem
	Values   map[string]string `json:"values"`
	Problems []sheet.Problem   `json:"problems"`
}

// ImportPreview is what an import of a file will do.
type ImportPreview struct {
	sheet.Layout
	FileName      string          `json:"fileName"`
	Fields        []sheet.Field   `json:"fields"`
	Create        int             `json:"create"`
	Update        int             `json:"update"`
	Skip          int             `json:"skip"`
	Problems      []sheet.Problem `json:"problems"`
	ProblemsTotal int             `json:"problemsTotal"`
	ProblemRows   int             `json:"problemRows"`
	Rows          []ImportRow     `json:"rows"`
	NewNames      []NewName       `json:"newNames"`
	Profile       *ImportProfile  `json:"profile"`
	RunID         int64           `json:"runId"` // set by a commit
	// CurrencyChoice is set when a budget's amounts are in a currency
	// other than the workspace's: one choice instead of a problem per cell.
	CurrencyChoice *CurrencyChoice `json:"currencyChoice"`
	// Results is what a results file gave (kind "results" only).
	Results *ResultsRead `json:"results,omitempty"`
}

// CurrencyChoice offers a budget sheet in another currency as spend (kept
// in its currency) or as budget converted at the workspace's rates.
type CurrencyChoice struct {
	Currency string `json:"currency"`
	Base     string `json:"base"`
	Cells    int    `json:"cells"`
	// HasRate says the workspace has a rate to convert with.
	HasRate bool `json:"hasRate"`
}

// ImportProfile is a saved mapping, offered again for files with the same
// headers.
type ImportProfile struct {
	ID        int64         `json:"id"`
	Kind      string        `json:"kind"`
	Name      string        `json:"name"`
	HeaderKey string        `json:"headerKey"`
	Options   sheet.Options `json:"options"`
	SavedAt   string        `json:"savedAt"`
}

// NewName is something an import adds besides its rows: a team, channel
// or category (Kind teams, channels, categories), a vendor, a fiscal year.
type NewName struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}
