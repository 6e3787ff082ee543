package backend

// ResultSource is the kind of tool a results file came from: an ad
// platform, web analytics, or a CRM. It decides which metrics a file can
// carry and how its cost may be used (see ResultFact.Cost).
type ResultSource string

// The sources whose exports MOps Desk reads.
const (
	SourceGoogleAds    ResultSource = "google_ads"
	SourceMicrosoftAds ResultSource = "microsoft_ads"
	SourceMetaAds      ResultSource = "meta_ads"
	SourceLinkedInAds  ResultSource = "linkedin_ads"
	SourceTikTokAds    ResultSource = "tiktok_ads"
	SourceGA4          ResultSource = "ga4"
	SourceHubSpot      ResultSource = "hubspot"
	SourceSalesforce   ResultSource = "salesforce"
	// SourceOther is a file of the app's own results template.
	SourceOther ResultSource = "other"
)

// ResultFact is what one source reported for one external campaign (and
// optionally a channel and a traffic source) over one day or one
// reported period: the facts results data is made of. Counts are whole
// numbers; money is minor units in its own currency, converted only when
// figures are added up (as spend is).
type ResultFact struct {
	ID int64 `json:"id"`
	// CampaignID is the workspace campaign the fact was matched to (0:
	// not matched yet).
	CampaignID   int64  `json:"campaignId"`
	CampaignName string `json:"campaignName"`
	// External is the campaign as the source names it; UTMCampaign, when
	// the file has one, is its utm_campaign value.
	External    string       `json:"external"`
	UTMCampaign string       `json:"utmCampaign"`
	Source      ResultSource `json:"source"`
	// Channel and Medium are as the file reports them ("Paid Search",
	// "cpc"), empty when it does not.
	Channel string `json:"channel"`
	Medium  string `json:"medium"`
	// From and To are the days the fact covers, both included (equal for
	// a row per day).
	From string `json:"from"`
	To   string `json:"to"`

	Impressions   int64 `json:"impressions"`
	Clicks        int64 `json:"clicks"`
	Conversions   int64 `json:"conversions"`
	Leads         int64 `json:"leads"`
	MQLs          int64 `json:"mqls"`
	SQLs          int64 `json:"sqls"`
	Opportunities int64 `json:"opportunities"`
	Won           int64 `json:"won"`
	Cost          Money `json:"cost"`
	Pipeline      Money `json:"pipeline"`
	Revenue       Money `json:"revenue"`
	// Custom holds the metrics the user named, as decimal text
	// ("12.5"), by name.
	Custom map[string]string `json:"custom,omitempty"`

	// ImportID and SourceFile say where the fact came from; an undone
	// import takes its facts with it.
	ImportID   int64  `json:"importId"`
	SourceFile string `json:"sourceFile"`
}
