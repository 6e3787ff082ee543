package backend

import "context"

// EachCampaign pages through every campaign matching filter, so exports and
// charts never hold one giant query result.
func EachCampaign(ctx context.Context, svc CampaignService, filter CampaignFilter, fn func(*Campaign) error) error {
	filter.Offset, filter.Limit = 0, MaxPageSize
	for {
		page, _, err := svc.FindCampaigns(ctx, filter)
		if err != nil {
			return err
		}
		for _, cp := range page {
			if err := fn(cp); err != nil {
				return err
			}
		}
		if len(page) < filter.Limit {
			return nil
		}
		filter.Offset += len(page)
	}
}
