package api

import (
	"context"
	"io"

	"mopsdesk/backend"
	"mopsdesk/backend/ical"
	"mopsdesk/backend/sheet"
)

// Exports writes files. The desktop saves them where a Save dialog says;
// serve mode sends them as downloads.
type Exports struct{ s Services }

// CampaignsRequest is what the UI sends to export the campaign list: the
// list's current filter (paging ignored) and the words for the file.
type CampaignsRequest struct {
	Filter backend.CampaignFilter `json:"filter"`
	Labels sheet.Labels           `json:"labels"`
}

// CampaignsFileName is the suggested name of a campaign export.
func (e *Exports) CampaignsFileName() string {
	return "campaigns-" + backend.Today(e.s.Now()) + ".xlsx"
}

// Campaigns writes every campaign matching the request's filter to w as an
// .xlsx workbook.
func (e *Exports) Campaigns(ctx context.Context, req CampaignsRequest, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.Campaigns", func(ctx context.Context) (struct{}, error) {
		if err := req.Filter.Validate(); err != nil {
			return struct{}{}, err
		}
		req.Filter.Today = backend.Today(e.s.Now())
		x, err := sheet.NewCampaignExport(req.Labels)
		if err != nil {
			return struct{}{}, err
		}
		if err := backend.EachCampaign(ctx, e.s.Campaigns, req.Filter, x.Add); err != nil {
			return struct{}{}, err
		}
		_, err = x.WriteTo(w)
		return struct{}{}, err
	})
	return err
}

// CalendarFileName is the suggested name of a calendar export.
func (e *Exports) CalendarFileName() string {
	return "mopsdesk-calendar-" + backend.Today(e.s.Now()) + ".ics"
}

// Calendar writes the filtered calendar range to w as an .ics file.
func (e *Exports) Calendar(ctx context.Context, f backend.CalendarFilter, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.Calendar", func(ctx context.Context) (struct{}, error) {
		f.Today = backend.Today(e.s.Now())
		f.PerDay = 0 // a calendar file holds every item, not what a month cell shows
		data, err := e.s.Calendar.CalendarRange(ctx, f)
		if err != nil {
			return struct{}{}, err
		}
		id, err := e.s.Workspace.WorkspaceID(ctx)
		if err != nil {
			return struct{}{}, err
		}
		st, err := e.s.Workspace.Settings(ctx)
		if err != nil {
			return struct{}{}, err
		}
		return struct{}{}, ical.Write(w, data, ical.Options{WorkspaceID: id, CalendarName: st.Name, Now: e.s.Now()})
	})
	return err
}

// AssetsFileName is the suggested name of the asset inventory.
func (e *Exports) AssetsFileName() string {
	return "assets-" + backend.Today(e.s.Now()) + ".xlsx"
}

// Assets writes the inventory of the assets matching f (metadata, not
// files) to w as an .xlsx workbook.
func (e *Exports) Assets(ctx context.Context, f backend.AssetFilter, w io.Writer) error {
	_, err := call(ctx, e.s, "Exports.Assets", func(ctx context.Context) (struct{}, error) {
		names := map[int64]string{}
		if err := backend.EachCampaign(ctx, e.s.Campaigns, backend.CampaignFilter{}, func(c *backend.Campaign) error {
			names[c.ID] = c.Name
			return nil
		}); err != nil {
			return struct{}{}, err
		}
		x, err := sheet.NewAssetExport(names)
		if err != nil {
			return struct{}{}, err
		}
		f.Offset, f.Limit = 0, backend.MaxPageSize
		for {
			page, err := e.s.Assets.FindAssets(ctx, f)
			if err != nil {
				return struct{}{}, err
			}
			for _, a := range page.Assets {
				if err := x.Add(a); err != nil {
					return struct{}{}, err
				}
			}
			if len(page.Assets) < f.Limit {
				break
			}
			f.Offset += len(page.Assets)
		}
		_, err = x.WriteTo(w)
		return struct{}{}, err
	})
	return err
}
