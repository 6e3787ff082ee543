// Package workspace wires one workspace's stores into the services the
// facades use: the desktop window, serve mode and the tests all get the
// same set from here, so a new area is added in one place.
package workspace

import (
	"mopsdesk/backend/api"
	"mopsdesk/backend/files"
	"mopsdesk/backend/sqlite"
)

// Services returns every store of db, with file bytes and previews kept in
// store. The caller sets Now, Log and About.
func Services(db *sqlite.DB, store *files.Store) (api.Services, error) {
	thumbs, err := files.NewThumbs(store)
	if err != nil {
		return api.Services{}, err
	}
	return api.Services{
		Workspace:    sqlite.NewWorkspaceService(db),
		Lists:        sqlite.NewListService(db),
		Campaigns:    sqlite.NewCampaignService(db),
		Deliverables: sqlite.NewDeliverableService(db),
		Milestones:   sqlite.NewMilestoneService(db),
		Goals:        sqlite.NewGoalService(db),
		Calendar:     sqlite.NewCalendarService(db),
		Budget:       sqlite.NewBudgetService(db),
		Spend:        sqlite.NewSpendService(db),
		Requests:     sqlite.NewRequestService(db),
		Vendors:      sqlite.NewVendorService(db),
		Contracts:    sqlite.NewContractService(db),
		Documents:    sqlite.NewDocumentService(db, store),
		Assets:       sqlite.NewAssetService(db, store),
		Thumbs:       thumbs,
		Now:          db.Now,
	}, nil
}
