// Package workspace wires one workspace's stores into the services the
// facades use: the desktop window, serve mode and the tests all get the
// same set from here, so a new area is added in one place.
package workspace

import (
	"path/filepath"
	"time"

	"mopsdesk/backend/api"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
	"mopsdesk/backend/transfer"
)

// Services returns every store of db, with file bytes and previews kept in
// store and spreadsheets waiting to be imported next to the database. The
// caller sets Now, Log and About.
func Services(db *sqlite.DB, store *files.Store) (api.Services, error) {
	thumbs, err := files.NewThumbs(store)
	if err != nil {
		return api.Services{}, err
	}
	lists, campaigns, deliverables := sqlite.NewListService(db), sqlite.NewCampaignService(db), sqlite.NewDeliverableService(db)
	budget, spend, vendors := sqlite.NewBudgetService(db), sqlite.NewSpendService(db), sqlite.NewVendorService(db)
	contracts, assets := sqlite.NewContractService(db), sqlite.NewAssetService(db, store)
	ws, milestones, calendar, requests := sqlite.NewWorkspaceService(db), sqlite.NewMilestoneService(db), sqlite.NewCalendarService(db), sqlite.NewRequestService(db)
	results, rules, stages := sqlite.NewResultsService(db), sqlite.NewResultRuleService(db), sqlite.NewResultStageService(db)
	roundTrip := transfer.New(transfer.Services{Store: sqlite.NewImportStore(db), Workspace: ws, Lists: lists, Campaigns: campaigns, Deliverables: deliverables,
		Milestones: milestones, Calendar: calendar, Budget: budget, Spend: spend, Requests: requests, Vendors: vendors, Contracts: contracts, Assets: assets,
		Results: results, Rules: rules, Stages: stages, Explain: sqlite.Explain, Now: func() time.Time { return db.Now() }})
	// Owners must be the team's members on a host (see backend.ResolveOwner).
	team := sqlite.NewTeamService(db)
	db.Members = team
	return api.Services{
		Workspace:    ws,
		Lists:        lists,
		Campaigns:    campaigns,
		Deliverables: deliverables,
		Milestones:   milestones,
		Goals:        sqlite.NewGoalService(db),
		Calendar:     calendar,
		Budget:       budget,
		Spend:        spend,
		Requests:     requests,
		Vendors:      vendors,
		Contracts:    contracts,
		Documents:    sqlite.NewDocumentService(db, store),
		Assets:       assets,
		Imports:      roundTrip,
		Dashboard:    sqlite.NewDashboardService(db),
		People:       sqlite.NewPeopleService(db),
		Team:         team,
		Audit:        sqlite.NewAuditService(db),
		Results:      results,
		ResultRules:  rules,
		ResultStages: stages,
		ImportDir:    filepath.Join(filepath.Dir(db.Path()), "imports"),
		Thumbs:       thumbs,
		Explain:      sqlite.Explain,
		Now:          db.Now,
	}, nil
}
