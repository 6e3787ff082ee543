package backend

import (
	"context"
	"io"
	"path"
	"strings"
)

// AssetType is what kind of asset a file is.
type AssetType string

// AssetTypes lists every type in the order the UI offers them.
var AssetTypes = []AssetType{"logo", "image", "video", "audio", "document", "copy", "template", "other"}

// GuessAssetType guesses the type from the content's sniffed MIME type
// first, and only then from the file name (office files are zip archives
// inside, so their extension decides).
func GuessAssetType(contentType, name string) AssetType {
	switch {
	case strings.HasPrefix(contentType, "image/"):
		if strings.Contains(strings.ToLower(name), "logo") {
			return "logo"
		}
		return "image"
	case strings.HasPrefix(contentType, "video/"):
		return "video"
	case strings.HasPrefix(contentType, "audio/"):
		return "audio"
	case contentType == "application/pdf":
		return "document"
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".docx", ".doc", ".odt", ".pptx", ".ppt", ".xlsx", ".pdf", ".key":
		return "document"
	case ".psd", ".ai", ".indd", ".fig", ".sketch", ".xd", ".potx", ".dotx":
		return "template"
	case ".txt", ".md", ".rtf":
		return "copy"
	case ".svg", ".eps":
		return "logo"
	}
	if strings.HasPrefix(contentType, "text/plain") {
		return "copy"
	}
	return "other"
}

// Licence is how an asset may be used and until when.
type Licence struct {
	Type        string `json:"type"`
	Holder      string `json:"holder"`
	UsageRights string `json:"usageRights"`
	Start       string `json:"start"`
	// Expiry is the last day the asset may be used; empty means no end.
	Expiry string `json:"expiry"`
}

// LicenceState is where a licence stands today.
type LicenceState string

// Licence states.
const (
	LicenceNone     LicenceState = "none"
	LicenceValid    LicenceState = "valid"
	LicenceExpiring LicenceState = "expiring"
	LicenceExpired  LicenceState = "expired"
)

// State returns the licence's state on today, with expiring meaning the
// expiry is within horizonDays.
func (l Licence) State(today string, horizonDays int) LicenceState {
	if l.Expiry == "" {
		if l.Type == "" && l.Holder == "" {
			return LicenceNone
		}
		return LicenceValid
	}
	if l.Expiry < today {
		return LicenceExpired
	}
	t, ok := ParseDay(today)
	if ok && l.Expiry <= t.AddDate(0, 0, horizonDays).Format(DayLayout) {
		return LicenceExpiring
	}
	return LicenceValid
}

// AssetVersion is one file of an asset; the newest is the current one.
type AssetVersion struct {
	Version     int    `json:"version"`
	SHA256      string `json:"sha256"`
	FileName    string `json:"fileName"`
	Size        int64  `json:"size"`
	ContentType string `json:"contentType"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	// Note says why there is no preview (a corrupt or too large image), as
	// a message key (older versions kept an English sentence).
	Note    string `json:"note"`
	AddedAt string `json:"addedAt"`
}

// Asset is a brand or campaign file with its metadata.
type Asset struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version     int64          `json:"version"`
	Title       string         `json:"title"`
	Type        AssetType      `json:"type"`
	Tags        []string       `json:"tags"`
	Description string         `json:"description"`
	Source      string         `json:"source"`
	Licence     Licence        `json:"licence"`
	CampaignIDs []int64        `json:"campaignIds"`
	Versions    []AssetVersion `json:"versions"`
	// LicenceState is derived as of today.
	LicenceState LicenceState `json:"licenceState"`
	CreatedAt    string       `json:"createdAt"`
	UpdatedAt    string       `json:"updatedAt"`
}

// Normalize trims the text fields and tidies the tags.
func (a *Asset) Normalize() {
	a.Title = strings.TrimSpace(a.Title)
	a.Description = strings.TrimSpace(a.Description)
	a.Source = strings.TrimSpace(a.Source)
	a.Tags = NormalizeTags(a.Tags)
	a.CampaignIDs = uniqueIDs(a.CampaignIDs)
	l := &a.Licence
	l.Type, l.Holder, l.UsageRights = strings.TrimSpace(l.Type), strings.TrimSpace(l.Holder), strings.TrimSpace(l.UsageRights)
	l.Start, l.Expiry = strings.TrimSpace(l.Start), strings.TrimSpace(l.Expiry)
}

// Validate returns an EINVALID error naming each wrong field.
func (a *Asset) Validate() error {
	fe := FieldErrors{}
	validateName(fe, "title", a.Title)
	if !oneOf(a.Type, AssetTypes) {
		fe.Add("type", "asset.type_unknown", nil)
	}
	validateTags(fe, a.Tags)
	validateText(fe, "description", a.Description, MaxNotesLength)
	validateText(fe, "source", a.Source, MaxNameLength)
	validateText(fe, "licence.type", a.Licence.Type, MaxNameLength)
	validateText(fe, "licence.holder", a.Licence.Holder, MaxNameLength)
	validateText(fe, "licence.usageRights", a.Licence.UsageRights, MaxNotesLength)
	for _, d := range []struct{ field, v string }{{"licence.start", a.Licence.Start}, {"licence.expiry", a.Licence.Expiry}} {
		if _, ok := ParseDay(d.v); d.v != "" && !ok {
			fe.Add(d.field, "field.date_invalid", map[string]any{"value": d.v})
		}
	}
	if a.Licence.Start != "" && a.Licence.Expiry != "" && a.Licence.Expiry < a.Licence.Start {
		fe.Add("licence.expiry", "asset.expiry_before_start", nil)
	}
	return fe.Err("asset")
}

// DuplicateChoice says what to do with bytes already in the library.
type DuplicateChoice string

// Duplicate choices.
const (
	DuplicateAsk        DuplicateChoice = ""            // report it, add nothing
	DuplicateNewVersion DuplicateChoice = "new_version" // add as a new version of the asset that has them
	DuplicateKeepBoth   DuplicateChoice = "keep_both"   // add as a separate asset
	DuplicateSkip       DuplicateChoice = "skip"        // add nothing
)

// AddResult says what adding one file did.
type AddResult struct {
	FileName string `json:"fileName"`
	// Asset is the asset added or given a new version; nil when skipped.
	Asset *Asset `json:"asset"`
	// DuplicateOf names the asset that already has these bytes when the
	// choice was to ask.
	DuplicateOf *Asset `json:"duplicateOf"`
	Skipped     bool   `json:"skipped"`
}

// AssetFilter selects assets. Search matches title, tags, description,
// file names and licence holder, by word prefix.
type AssetFilter struct {
	Search     string       `json:"search"`
	Type       AssetType    `json:"type"`
	Tag        string       `json:"tag"`
	Licence    LicenceState `json:"licence"`
	CampaignID int64        `json:"campaignId"`
	// Horizon is how many days ahead "expiring" looks (default 30).
	Horizon int `json:"horizon"`
	Offset  int `json:"offset"`
	Limit   int `json:"limit"`
}

// AssetBulkResult is what a bulk edit did: the assets edited, and the ones
// left alone because someone changed them after the list showed them, as
// they are stored now.
type AssetBulkResult struct {
	Assets    []*Asset `json:"assets"`
	Conflicts []*Asset `json:"conflicts"`
}

// AssetPage is one page of assets and how many match.
type AssetPage struct {
	Assets []*Asset `json:"assets"`
	Total  int      `json:"total"`
}

// LicenceWarning says that a campaign uses an asset whose licence ends
// before the campaign does.
type LicenceWarning struct {
	AssetID    int64  `json:"assetId"`
	AssetTitle string `json:"assetTitle"`
	Expiry     string `json:"expiry"`
	CampaignID int64  `json:"campaignId"`
	Campaign   string `json:"campaign"`
	EndDate    string `json:"endDate"`
}

// AssetService keeps the asset library.
type AssetService interface {
	AddAssetFile(ctx context.Context, name string, r io.Reader, choice DuplicateChoice) (*AddResult, error)
	FindAssets(ctx context.Context, f AssetFilter) (*AssetPage, error)
	FindAssetByID(ctx context.Context, id int64) (*Asset, error)
	UpdateAsset(ctx context.Context, id int64, a Asset) (*Asset, error)
	// DeleteAsset removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteAsset(ctx context.Context, id, version int64) error
	// LicenceWarnings lists the campaigns using assets whose licence ends
	// before the campaign does (campaignID 0 for all campaigns).
	LicenceWarnings(ctx context.Context, campaignID int64) ([]LicenceWarning, error)
}
