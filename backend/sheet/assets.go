package sheet

import (
	"io"
	"strings"

	"mopsdesk/backend"
)

// AssetExport writes the asset inventory (metadata, not files), one row
// per asset.
type AssetExport struct {
	t         *Table
	campaigns map[int64]string
}

// NewAssetExport starts the inventory; campaigns names the campaigns by ID.
func NewAssetExport(campaigns map[int64]string) (*AssetExport, error) {
	t, err := NewTable("Assets", []string{"Title", "Type", "Tags", "Description", "Source", "File name", "Size (bytes)",
		"Versions", "Licence type", "Licence holder", "Usage rights", "Licence start", "Licence expiry", "Licence state", "Campaigns", "Added"},
		[]float64{32, 12, 24, 40, 18, 28, 12, 9, 16, 20, 30, 12, 12, 14, 30, 12})
	if err != nil {
		return nil, err
	}
	return &AssetExport{t: t, campaigns: campaigns}, nil
}

// Add writes one asset row; its newest version gives the file columns.
func (e *AssetExport) Add(a *backend.Asset) error {
	t := e.t
	var v backend.AssetVersion
	if len(a.Versions) > 0 {
		v = a.Versions[0]
	}
	names := make([]string, 0, len(a.CampaignIDs))
	for _, id := range a.CampaignIDs {
		names = append(names, e.campaigns[id])
	}
	added := a.CreatedAt
	if len(added) >= 10 {
		added = added[:10]
	}
	l := a.Licence
	return t.Row(t.Text(a.Title), t.Text(string(a.Type)), t.Text(strings.Join(a.Tags, ", ")), t.Text(a.Description),
		t.Text(a.Source), t.Text(v.FileName), t.Number(v.Size), t.Number(int64(len(a.Versions))), t.Text(l.Type),
		t.Text(l.Holder), t.Text(l.UsageRights), t.Day(l.Start), t.Day(l.Expiry), t.Text(string(a.LicenceState)),
		t.Text(strings.Join(names, ", ")), t.Day(added))
}

// WriteTo finishes the workbook and writes it to w.
func (e *AssetExport) WriteTo(w io.Writer) (int64, error) { return e.t.WriteTo(w) }
