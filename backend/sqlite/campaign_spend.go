package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"mopsdesk/backend"
)

// CampaignSpend sums a campaign's committed and actual spend in the base
// currency (per currency and month, converted once, as in Summary) and
// sets it against the revenue attributed to it.
func (s *BudgetService) CampaignSpend(ctx context.Context, campaignID int64) (*backend.CampaignSpend, error) {
	all, err := s.CampaignsSpend(ctx, []int64{campaignID})
	if err != nil {
		return nil, err
	}
	out, ok := all[campaignID]
	if !ok {
		return nil, backend.Errorf(backend.ENOTFOUND, "That campaign no longer exists.")
	}
	return out, nil
}

// CampaignsSpend is CampaignSpend for many campaigns at once, keyed by
// campaign ID: the settings and exchange rates are read once and the
// spend of all of them summed in one query, so a report's cost does not
// grow with its campaigns' count. A campaign that does not exist is left
// out.
func (s *BudgetService) CampaignsSpend(ctx context.Context, campaignIDs []int64) (map[int64]*backend.CampaignSpend, error) {
	out := map[int64]*backend.CampaignSpend{}
	if len(campaignIDs) == 0 {
		return out, nil
	}
	st, err := settingsOf(ctx, s.db.conn(ctx))
	if err != nil {
		return nil, err
	}
	ids, err := json.Marshal(campaignIDs)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT id, attributed_revenue FROM campaigns WHERE id IN (SELECT value FROM json_each(?))`, string(ids))
	if err != nil {
		return nil, fmt.Errorf("campaign revenue: %w", err)
	}
	for rows.Next() {
		c := &backend.CampaignSpend{Currency: st.BaseCurrency, MissingRates: []backend.FXRate{}, AssumedRates: []backend.FXRate{}}
		if err := rows.Scan(&c.CampaignID, &c.Revenue); err != nil {
			rows.Close()
			return nil, err
		}
		out[c.CampaignID] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rates, err := s.rates(ctx, st.BaseCurrency)
	if err != nil {
		return nil, err
	}
	rows, err = s.db.conn(ctx).QueryContext(ctx, `
		SELECT campaign_id, substr(date, 1, 7), currency, status, sum(amount) FROM spend
		WHERE campaign_id IN (SELECT value FROM json_each(?)) AND status IN ('committed', 'actual')
		GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`, string(ids))
	if err != nil {
		return nil, fmt.Errorf("campaign spend: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, total int64
		var month, currency, status string
		if err := rows.Scan(&id, &month, &currency, &status, &total); err != nil {
			return nil, err
		}
		if c := out[id]; c != nil {
			addCampaignSpend(c, rates, month, currency, status, total)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, c := range out {
		if spent := c.Committed + c.Actual; spent > 0 {
			roi := backend.MulDivRound(c.Revenue-spent, 10_000, spent)
			c.ROIBasisPoints = &roi
		}
	}
	return out, nil
}

// addCampaignSpend converts one month's total of one currency and status
// to the base currency and adds it to c, noting a missing or assumed rate.
func addCampaignSpend(c *backend.CampaignSpend, rates *backend.Rates, month, currency, status string, total int64) {
	v, assumed, ok := rates.ToBase(total, currency, month)
	if !ok {
		c.MissingRates = append(c.MissingRates, backend.FXRate{Currency: currency, Month: month})
		return
	}
	if rate, _, _ := rates.Rate(currency, month); assumed && !slices.Contains(c.AssumedRates, backend.FXRate{Currency: currency, Month: month, Rate: rate}) {
		c.AssumedRates = append(c.AssumedRates, backend.FXRate{Currency: currency, Month: month, Rate: rate})
	}
	if status == string(backend.SpendActual) {
		c.Actual += v
	} else {
		c.Committed += v
	}
}
