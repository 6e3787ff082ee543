package transfer

// The record of imports: history, undo as a whole, and saved mappings.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// History lists the recorded imports, newest first.
func (s *Service) History(ctx context.Context) ([]backend.ImportRun, error) {
	return s.s.Store.ImportRuns(ctx)
}

// Undo reverses an import as a whole, newest change first: what it
// created is deleted, what it updated gets its earlier values back.
func (s *Service) Undo(ctx context.Context, id int64) error {
	return s.s.Store.Batch(ctx, func(ctx context.Context) error {
		changes, err := s.s.Store.ImportChanges(ctx, id)
		if err != nil {
			return err
		}
		for _, c := range changes {
			if c.Entity == "results" {
				// A results import's facts go as a whole, the facts they
				// replaced coming back.
				if err := s.s.Results.DeleteImport(ctx, id); err != nil {
					return fmt.Errorf("undo results of import %d: %w", id, err)
				}
				continue
			}
			if err := s.revert(ctx, c); err != nil {
				return fmt.Errorf("undo %s %d: %w", c.Entity, c.EntityID, err)
			}
		}
		return s.s.Store.MarkImportUndone(ctx, id)
	})
}

func gone(err error) bool { return backend.ErrorCode(err) == backend.ENOTFOUND }

func ignoreGone(err error) error {
	if gone(err) {
		return nil
	}
	return err
}

// revert takes one change back.
func (s *Service) revert(ctx context.Context, c backend.ImportChange) error {
	if c.Entity == "fiscal_year" {
		return s.s.Store.DeleteEmptyFiscalYear(ctx, int(c.EntityID))
	}
	if strings.HasPrefix(c.Entity, "list:") {
		return ignoreGone(s.s.Lists.DeleteListItem(ctx, backend.ListKind(strings.TrimPrefix(c.Entity, "list:")), c.EntityID))
	}
	if c.Action == "create" {
		return s.uncreate(ctx, c)
	}
	return s.unupdate(ctx, c)
}

// uncreate deletes what an import created.
func (s *Service) uncreate(ctx context.Context, c backend.ImportChange) error {
	switch c.Entity {
	case "campaign":
		return ignoreGone(s.s.Campaigns.DeleteCampaign(ctx, c.EntityID, 0))
	case "deliverable":
		return ignoreGone(s.s.Deliverables.DeleteDeliverable(ctx, c.EntityID, 0))
	case "spend":
		// Entries that became a contract's or were changed since stay
		// deletable the same way: by id, through the triggers.
		return s.s.Store.DeleteSpendRange(ctx, backend.IDRange{First: c.EntityID, Count: c.Count})
	case "vendor":
		return ignoreGone(s.s.Vendors.DeleteVendor(ctx, c.EntityID, 0))
	case "contract":
		return ignoreGone(s.s.Contracts.DeleteContract(ctx, c.EntityID, 0))
	case "budget_line":
		var l budgetLineBefore
		if err := json.Unmarshal([]byte(c.Before), &l); err != nil {
			return err
		}
		_, err := s.s.Budget.SetBudgetLines(ctx, l.Year, []backend.BudgetLine{{TeamID: l.TeamID, CategoryID: l.CategoryID, Period: l.Period}})
		return ignoreGone(err)
	}
	return fmt.Errorf("unknown entity %q", c.Entity)
}

// unupdate gives what an import updated its earlier values back.
func (s *Service) unupdate(ctx context.Context, c backend.ImportChange) error {
	var err error
	switch c.Entity {
	case "campaign":
		var b backend.Campaign
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		_, err = s.s.Campaigns.UpdateCampaign(ctx, c.EntityID, backend.CampaignUpdate{Name: &b.Name, Objective: &b.Objective, TeamID: &b.TeamID, Owner: &b.Owner,
			ChannelIDs: &b.ChannelIDs, Tags: &b.Tags, Status: &b.Status, StartDate: &b.StartDate, EndDate: &b.EndDate, Budget: &b.Budget, Revenue: &b.AttributedRevenue, Notes: &b.Notes})
	case "deliverable":
		var b backend.Deliverable
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		_, err = s.s.Deliverables.UpdateDeliverable(ctx, c.EntityID, backend.DeliverableUpdate{CampaignID: &b.CampaignID, Title: &b.Title, Type: &b.Type, CustomType: &b.CustomType,
			PublishDate: &b.PublishDate, ChannelID: &b.ChannelID, Owner: &b.Owner, Status: &b.Status, Notes: &b.Notes})
	case "spend":
		var b backend.Spend
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		_, err = s.s.Spend.UpdateSpend(ctx, c.EntityID, backend.SpendUpdate{Date: &b.Date, Amount: &b.Amount, TeamID: &b.TeamID, CategoryID: &b.CategoryID, Vendor: &b.Vendor,
			CampaignID: &b.CampaignID, Status: &b.Status, Reference: &b.Reference, Note: &b.Note})
	case "vendor":
		var b backend.Vendor
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		b.Version = 0 // an undo puts the import's before back whatever came after
		_, err = s.s.Vendors.UpdateVendor(ctx, c.EntityID, b)
	case "contract":
		var b backend.Contract
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		b.Version = 0
		_, err = s.s.Contracts.UpdateContract(ctx, c.EntityID, b)
	case "asset":
		var b backend.Asset
		if err := json.Unmarshal([]byte(c.Before), &b); err != nil {
			return err
		}
		b.Version = 0
		_, err = s.s.Assets.UpdateAsset(ctx, c.EntityID, b)
	case "budget_line":
		var l budgetLineBefore
		if err := json.Unmarshal([]byte(c.Before), &l); err != nil {
			return err
		}
		_, err = s.s.Budget.SetBudgetLines(ctx, l.Year, []backend.BudgetLine{{TeamID: l.TeamID, CategoryID: l.CategoryID, Period: l.Period, Amount: l.Amount}})
	default:
		return fmt.Errorf("unknown entity %q", c.Entity)
	}
	return ignoreGone(err)
}

type budgetLineBefore struct {
	Year       int   `json:"year"`
	TeamID     int64 `json:"teamId"`
	CategoryID int64 `json:"categoryId"`
	Period     int   `json:"period"`
	Amount     int64 `json:"amount"`
}

// ---- profiles ----

// SaveProfile keeps a mapping for files with these headers; saving again
// for the same headers replaces it.
func (s *Service) SaveProfile(ctx context.Context, p ImportProfile) (*ImportProfile, error) {
	fe := backend.FieldErrors{}
	if strings.TrimSpace(p.Name) == "" {
		fe.Add("name", "field.required", nil)
	}
	if sheet.Kinds[p.Kind] == nil {
		fe.Add("kind", "import.bad_kind", map[string]any{"kind": p.Kind})
	}
	if p.HeaderKey == "" {
		fe.Add("headerKey", "field.required", nil)
	}
	if err := fe.Err("import profile"); err != nil {
		return nil, err
	}
	o := sheet.Options{Mapping: p.Options.Mapping, Constants: p.Options.Constants, Orders: p.Options.Orders, Currency: p.Options.Currency, WideRows: p.Options.WideRows}
	b, _ := json.Marshal(o)
	sp := &backend.StoredProfile{Kind: p.Kind, Name: strings.TrimSpace(p.Name), HeaderKey: p.HeaderKey, Options: string(b)}
	if err := s.s.Store.SaveImportProfile(ctx, sp); err != nil {
		return nil, err
	}
	p.ID, p.SavedAt, p.Options = sp.ID, sp.SavedAt, o
	return &p, nil
}

// Profiles lists the saved mappings.
func (s *Service) Profiles(ctx context.Context) ([]ImportProfile, error) {
	list, err := s.s.Store.ImportProfiles(ctx)
	if err != nil {
		return nil, err
	}
	out := []ImportProfile{}
	for _, sp := range list {
		p := ImportProfile{ID: sp.ID, Kind: sp.Kind, Name: sp.Name, HeaderKey: sp.HeaderKey, SavedAt: sp.SavedAt}
		json.Unmarshal([]byte(sp.Options), &p.Options)
		out = append(out, p)
	}
	return out, nil
}

// DeleteProfile removes a saved mapping.
func (s *Service) DeleteProfile(ctx context.Context, id int64) error {
	return s.s.Store.DeleteImportProfile(ctx, id)
}

// profileFor returns the mapping saved for a kind and headers, nil when
// there is none or it cannot be read.
func (s *Service) profileFor(ctx context.Context, kind, headerKey string) (*ImportProfile, error) {
	sp, err := s.s.Store.ImportProfileFor(ctx, kind, headerKey)
	if err != nil || sp == nil {
		return nil, err
	}
	p := ImportProfile{ID: sp.ID, Kind: sp.Kind, Name: sp.Name, HeaderKey: sp.HeaderKey, SavedAt: sp.SavedAt}
	if err := json.Unmarshal([]byte(sp.Options), &p.Options); err != nil {
		return nil, err
	}
	return &p, nil
}
