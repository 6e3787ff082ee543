package api

import (
	"context"

	"mopsdesk/backend"
)

// Campaigns is the facade for campaigns.
type Campaigns struct{ s Services }

// Find returns one page of campaigns matching the filter.
func (c *Campaigns) Find(ctx context.Context, filter backend.CampaignFilter) (*backend.CampaignPage, error) {
	return call(ctx, c.s, "Campaigns.Find", func(ctx context.Context) (*backend.CampaignPage, error) {
		filter.Today = backend.Today(c.s.Now())
		list, total, err := c.s.Campaigns.FindCampaigns(ctx, filter)
		if err != nil {
			return nil, err
		}
		return &backend.CampaignPage{Campaigns: list, Total: total}, nil
	})
}

// Facets returns the owners and tags that filters offer.
func (c *Campaigns) Facets(ctx context.Context) (*backend.CampaignFacets, error) {
	return call(ctx, c.s, "Campaigns.Facets", func(ctx context.Context) (*backend.CampaignFacets, error) { return c.s.Campaigns.CampaignFacets(ctx) })
}

// Get returns one campaign.
func (c *Campaigns) Get(ctx context.Context, id int64) (*backend.Campaign, error) {
	return call(ctx, c.s, "Campaigns.Get", func(ctx context.Context) (*backend.Campaign, error) {
		return c.s.Campaigns.FindCampaignByID(ctx, id)
	})
}

// Create validates and stores a new campaign and returns it as stored.
func (c *Campaigns) Create(ctx context.Context, in backend.Campaign) (*backend.Campaign, error) {
	return call(ctx, c.s, "Campaigns.Create", func(ctx context.Context) (*backend.Campaign, error) {
		in.ID = 0
		if err := c.s.Campaigns.CreateCampaign(ctx, &in); err != nil {
			return nil, err
		}
		return &in, nil
	})
}

// Update changes the given fields of a campaign.
func (c *Campaigns) Update(ctx context.Context, id int64, upd backend.CampaignUpdate) (*backend.Campaign, error) {
	return call(ctx, c.s, "Campaigns.Update", func(ctx context.Context) (*backend.Campaign, error) {
		if err := backend.RequireVersion("campaign", upd.Version); err != nil {
			return nil, err
		}
		return c.s.Campaigns.UpdateCampaign(ctx, id, upd)
	})
}

// Delete removes a campaign.
func (c *Campaigns) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, c.s, "Campaigns.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("campaign", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, c.s.Campaigns.DeleteCampaign(ctx, id, version)
	})
	return err
}

// Copy copies a campaign as a template to a new start day, with its
// deliverables, milestones and goals.
func (c *Campaigns) Copy(ctx context.Context, id int64, cp backend.CampaignCopy) (*backend.Campaign, error) {
	return call(ctx, c.s, "Campaigns.Copy", func(ctx context.Context) (*backend.Campaign, error) {
		return c.s.Campaigns.CopyCampaign(ctx, id, cp)
	})
}

// Move gives a campaign new dates and, when asked, moves its deliverables
// and milestones by as many days as its start moved, in one transaction.
func (c *Campaigns) Move(ctx context.Context, id int64, m backend.CampaignMove) (*backend.CampaignMoved, error) {
	return call(ctx, c.s, "Campaigns.Move", func(ctx context.Context) (*backend.CampaignMoved, error) {
		if err := backend.RequireVersion("campaign", m.Version); err != nil {
			return nil, err
		}
		return c.s.Campaigns.MoveCampaign(ctx, id, m)
	})
}
