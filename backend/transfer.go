package backend

import "context"

// What the spreadsheet round trip (backend/transfer) needs of the store
// beyond the area services: one transaction around many service calls,
// a fast way to add many spend entries, and the record of imports.

// Batcher runs many service calls as one transaction.
type Batcher interface {
	// Batch runs fn in one transaction that every service call made with
	// the context fn is given joins: stored whole when fn returns nil,
	// rolled back when it returns an error. A Batch inside a Batch is a
	// savepoint: its error undoes only what it did.
	Batch(ctx context.Context, fn func(ctx context.Context) error) error
}

// IDRange is a run of consecutive ids: First … First+Count-1.
type IDRange struct {
	First int64
	Count int
}

// SpendBulk adds many new spend entries inside one Batch: a statement per
// block of entries instead of a service call per entry, with the running
// monthly totals rebuilt once at the end.
type SpendBulk interface {
	// Stored reports whether an entry equal to sp (date, amount, currency,
	// vendor ignoring case, reference, team, category) was stored before
	// the bulk began; entries added by the bulk itself do not count.
	Stored(ctx context.Context, sp *Spend) (bool, error)
	// Add queues sp, checked already (Spend.Validate) and with team and
	// category ids set. When the queue was written it returns the ids
	// the written entries got (Count 0 otherwise).
	Add(ctx context.Context, sp *Spend) (IDRange, error)
	// Close writes what is queued, rebuilds the monthly totals of the
	// months written to and returns the ids of the last entries written.
	Close(ctx context.Context) (IDRange, error)
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

// ImportChange is one thing an import did, kept so that undo can reverse
// it: Entity ("campaign", "spend", "list:teams", "fiscal_year", ...) with
// EntityID (Count ids from it for spend created in bulk), Action create or
// update, and Before, the entity's earlier state as JSON.
type ImportChange struct {
	Entity   string
	EntityID int64
	Count    int
	Action   string
	Before   string
}

// StoredProfile is a saved import mapping as the store keeps it: its
// options are the importer's, as JSON.
type StoredProfile struct {
	ID        int64
	Kind      string
	Name      string
	HeaderKey string
	Options   string
	SavedAt   string
}

// ImportStore keeps the record of imports (for history and undo), the
// saved mappings, and answers the lookups an import makes by natural key.
// Lookups return 0 when nothing matches.
type ImportStore interface {
	Batcher
	// BeginSpendBulk starts adding spend entries in the Batch of ctx.
	BeginSpendBulk(ctx context.Context) (SpendBulk, error)
	// DeleteSpendRange deletes the entries of r that no contract has
	// taken over (an import's undo).
	DeleteSpendRange(ctx context.Context, r IDRange) error

	// RecordImport stores a finished import and its changes in order;
	// the store sets run.At.
	RecordImport(ctx context.Context, run *ImportRun, changes []ImportChange) (int64, error)
	// ImportRuns lists the recorded imports, newest first.
	ImportRuns(ctx context.Context) ([]ImportRun, error)
	// ImportChanges returns an import's changes, newest first; ENOTFOUND
	// when there is no such import, ECONFLICT when it was undone.
	ImportChanges(ctx context.Context, id int64) ([]ImportChange, error)
	// MarkImportUndone records that an import was undone.
	MarkImportUndone(ctx context.Context, id int64) error

	// SaveImportProfile stores a mapping, replacing the one for the same
	// kind and headers; the store sets ID and SavedAt.
	SaveImportProfile(ctx context.Context, p *StoredProfile) error
	// ImportProfiles lists the saved mappings by kind and name.
	ImportProfiles(ctx context.Context) ([]StoredProfile, error)
	// ImportProfileFor returns the mapping saved for a kind and headers,
	// nil when there is none.
	ImportProfileFor(ctx context.Context, kind, headerKey string) (*StoredProfile, error)
	// DeleteImportProfile removes a saved mapping.
	DeleteImportProfile(ctx context.Context, id int64) error

	// CampaignNames lists every campaign's id and name, oldest first.
	CampaignNames(ctx context.Context) ([]ListItem, error)
	// DeliverableByKey finds a deliverable by title (ignoring case),
	// publish date and campaign (0: standalone).
	DeliverableByKey(ctx context.Context, title, publishDate string, campaignID int64) (int64, error)
	// ContractByRef finds the contract a file's subscription or line ID
	// was given to.
	ContractByRef(ctx context.Context, ref string) (int64, error)
	// ContractByProduct finds a vendor's contract for a product (ignoring
	// case) that carries no line ID.
	ContractByProduct(ctx context.Context, vendorID int64, product string) (int64, error)
	// SetContractRef gives a contract the line ID a file knows it by.
	SetContractRef(ctx context.Context, contractID int64, ref string) error
	// AssetByFileName finds the asset whose newest version has this file
	// name (ignoring case).
	AssetByFileName(ctx context.Context, name string) (int64, error)
	// FiscalYearGranularity returns how a fiscal year is planned; ok is
	// false when the workspace has no such year.
	FiscalYearGranularity(ctx context.Context, year int) (g Granularity, ok bool, err error)
	// DeleteEmptyFiscalYear removes a fiscal year unless something has
	// been planned or spent in it.
	DeleteEmptyFiscalYear(ctx context.Context, year int) error
	// BudgetLineAmount returns one plan cell's amount; ok is false when
	// the cell is not stored.
	BudgetLineAmount(ctx context.Context, year int, teamID, categoryID int64, period int) (amount int64, ok bool, err error)
}
