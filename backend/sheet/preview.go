package sheet

// ImportRow is one row of the preview: what will happen to it and its
// values as read.
type ImportRow struct {
	Row int `json:"row"`
	// Sheet is set when the rows come from several sheets.
	Sheet    string            `json:"sheet,omitempty"`
	Action   string            `json:"action"` // create, update, skip
	Reason   string            `json:"reason"` // for skip: total, hidden, excluded, unchanged, problem
	Values   map[string]string `json:"values"`
	Problems []Problem         `json:"problems"`
}

// ImportPreview is what an import of a file will do.
type ImportPreview struct {
	Layout
	FileName      string         `json:"fileName"`
	Fields        []Field        `json:"fields"`
	Create        int            `json:"create"`
	Update        int            `json:"update"`
	Skip          int            `json:"skip"`
	Problems      []Problem      `json:"problems"`
	ProblemsTotal int            `json:"problemsTotal"`
	ProblemRows   int            `json:"problemRows"`
	Rows          []ImportRow    `json:"rows"`
	NewNames      []NewName      `json:"newNames"`
	Profile       *ImportProfile `json:"profile"`
	RunID         int64          `json:"runId"` // set by a commit
	// CurrencyChoice is set when a budget's amounts are in a currency
	// other than the workspace's: one choice instead of a problem per cell.
	CurrencyChoice *CurrencyChoice `json:"currencyChoice"`
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

// ImportRun is one recorded import.
type ImportRun struct {
	ID       int64  `json:"id"`
	Kind     string `json:"kind"`
	FileName string `json:"fileName"`
	Sheet    string `json:"sheet"`
	Created  int    `json:"created"`
	Updated  int    `json:"updated"`
	Skipped  int    `json:"skipped"`
	At       string `json:"at"`
	UndoneAt string `json:"undoneAt"`
}

// ImportProfile is a saved mapping, offered again for files with the same
// headers.
type ImportProfile struct {
	ID        int64   `json:"id"`
	Kind      string  `json:"kind"`
	Name      string  `json:"name"`
	HeaderKey string  `json:"headerKey"`
	Options   Options `json:"options"`
	SavedAt   string  `json:"savedAt"`
}

// NewName is something an import adds besides its rows: a team, channel
// or category (Kind teams, channels, categories), a vendor, a fiscal year.
type NewName struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}
