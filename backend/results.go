package backend

import "context"

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
	// Records says what a CRM's fact counts: its contacts or leads, or
	// its deals or opportunities ("" for other sources). It is part of
	// the fact's key: a contacts export and a deals export of one
	// campaign and day are two facts, neither replacing the other.
	Records StageRecords `json:"records,omitempty"`

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

// Results data answers "what did it bring": facts stored per source file,
// summed per campaign, channel, team, source or period.
//
// Two facts with the same source, external campaign, channel, medium,
// days and records are the same fact. Within one import their figures add up (a file
// that splits a day by something the app does not keep, a device or an ad
// group); a later import replaces the fact, so a file imported twice
// duplicates nothing. The replaced fact is kept aside and comes back when
// the import that replaced it is undone.
//
// A fact belongs to the day it starts (From): date filters, periods and
// the months money is converted in all use From.

// ResultCounts are the whole-number metrics of results data.
type ResultCounts struct {
	Impressions   int64 `json:"impressions"`
	Clicks        int64 `json:"clicks"`
	Conversions   int64 `json:"conversions"`
	Leads         int64 `json:"leads"`
	MQLs          int64 `json:"mqls"`
	SQLs          int64 `json:"sqls"`
	Opportunities int64 `json:"opportunities"`
	Won           int64 `json:"won"`
}

// Add adds o to c.
func (c *ResultCounts) Add(o ResultCounts) {
	c.Impressions += o.Impressions
	c.Clicks += o.Clicks
	c.Conversions += o.Conversions
	c.Leads += o.Leads
	c.MQLs += o.MQLs
	c.SQLs += o.SQLs
	c.Opportunities += o.Opportunities
	c.Won += o.Won
}

// Counts returns the fact's whole-number metrics.
func (f *ResultFact) Counts() ResultCounts {
	return ResultCounts{f.Impressions, f.Clicks, f.Conversions, f.Leads, f.MQLs, f.SQLs, f.Opportunities, f.Won}
}

// ResultFilter narrows results data. Zero fields do not filter; From and
// To (YYYY-MM-DD, both included) compare with the fact's first day.
type ResultFilter struct {
	CampaignID int64        `json:"campaignId"`
	Source     ResultSource `json:"source"`
	Channel    string       `json:"channel"`
	From       string       `json:"from"`
	To         string       `json:"to"`
	// Unmatched keeps only facts not matched to a campaign yet.
	Unmatched bool `json:"unmatched"`
	Offset    int  `json:"offset"`
	// Limit is the page size; 0 means 100, at most 1000.
	Limit int `json:"limit"`
}

// ResultPage is one page of facts and how many match in all.
type ResultPage struct {
	Facts []ResultFact `json:"facts"`
	Total int          `json:"total"`
}

// ResultGroup is what a results summary groups by.
type ResultGroup string

// The groupings of a results summary. Periods are calendar months,
// quarters and ISO weeks of the facts' first day.
const (
	GroupCampaign ResultGroup = "campaign"
	GroupChannel  ResultGroup = "channel"
	GroupTeam     ResultGroup = "team"
	GroupSource   ResultGroup = "source"
	GroupDay      ResultGroup = "day"
	GroupWeek     ResultGroup = "week"
	GroupMonth    ResultGroup = "month"
	GroupQuarter  ResultGroup = "quarter"
)

// ResultGroups lists every grouping.
var ResultGroups = []ResultGroup{GroupCampaign, GroupChannel, GroupTeam, GroupSource, GroupDay, GroupWeek, GroupMonth, GroupQuarter}

// AdSources are the ad platforms: the sources whose files carry cost,
// which may be booked as actual spend (ResultBooking).
var AdSources = []ResultSource{SourceGoogleAds, SourceMicrosoftAds, SourceMetaAds, SourceLinkedInAds, SourceTikTokAds}

// CRMSources are the sources whose exports are records of people and
// deals (contacts or leads, and deals or opportunities), each counted in
// its funnel steps.
var CRMSources = []ResultSource{SourceHubSpot, SourceSalesforce}

// A CRM's contacts and its deals both reach the funnel's last steps: a
// contact at lifecycle stage Opportunity or Customer is an opportunity
// (and won), and so is the deal it opened. Added up, the funnel's
// opportunities and won would count each twice. The sums therefore take
// each step from one kind of record: in a calendar month in which a CRM
// source has deals (facts with opportunities or won and no lead), that
// source's opportunities, won, pipeline and revenue come from its deals,
// and its leads, MQLs and SQLs from its contacts (the contacts'
// opportunities and won are left out); in a month without its deals,
// its contacts give every step. A contact fact is one that counts leads:
// a CRM's deal never does. The store applies the rule whenever it adds
// facts up (ResultsService.Sums), so every summary, KPI and goal follows
// it.

// ResultSum is what the store adds up for one group in one month and one
// combination of currencies: the money is left in its own currency, so
// that it is converted with the month's rate (see SumResults).
type ResultSum struct {
	// Key identifies the group: a campaign or team id as text (""
	// unmatched / no team), a channel, a source, or a day (YYYY-MM-DD)
	// for the periods, which SumResults folds into weeks, months and
	// quarters.
	Key   string `json:"key"`
	Label string `json:"label"`
	Month string `json:"month"`
	ResultCounts
	Cost     Money `json:"cost"`
	Pipeline Money `json:"pipeline"`
	Revenue  Money `json:"revenue"`
	Facts    int64 `json:"facts"`
	// Custom are the custom metrics summed, as decimal text by name.
	Custom map[string]string `json:"custom,omitempty"`
}

// ResultOverlap is two imports of one source that report the same
// external campaign over days that overlap: the figures of the common
// days are then counted twice.
type ResultOverlap struct {
	Source   ResultSource `json:"source"`
	External string       `json:"external"`
	// ImportID is the earlier import, From and To its days that overlap
	// the new facts.
	ImportID   int64  `json:"importId"`
	SourceFile string `json:"sourceFile"`
	From       string `json:"from"`
	To         string `json:"to"`
}

// ResultLastImport is when results of a source (and, when Metric is
// set, a metric) were last imported.
type ResultLastImport struct {
	Source ResultSource `json:"source"`
	// At is the time of the import (RFC 3339); Through the last day its
	// facts cover.
	At      string `json:"at"`
	Through string `json:"through"`
}

// ResultBulkCounts says what a bulk of facts did.
type ResultBulkCounts struct {
	// Added facts are new; Merged rows were added to a fact of the same
	// import; Replaced facts took the place of one an earlier import
	// stored.
	Added    int `json:"added"`
	Merged   int `json:"merged"`
	Replaced int `json:"replaced"`
	// Facts is how many facts the bulk stored (added or replacing), of
	// which Matched have a campaign.
	Facts   int `json:"facts"`
	Matched int `json:"matched"`
}

// ResultBulk adds many facts inside one Batch (see Batcher).
type ResultBulk interface {
	// Add queues f, checked already (Validate).
	Add(ctx context.Context, f *ResultFact) error
	// Stored writes what is queued and says how many facts the bulk
	// holds (a sheet's facts are the difference at its two ends).
	Stored(ctx context.Context) (int, error)
	// Close writes what is queued and returns what the bulk did. The
	// facts stay pending until AttachImport names their import, in the
	// same Batch.
	Close(ctx context.Context) (ResultBulkCounts, error)
	// Unmatched lists the facts the bulk stored with no campaign, by
	// source and external name (after Close).
	Unmatched(ctx context.Context) ([]ResultNameFacts, error)
}

// ResultNameFacts is how many facts of one external name a bulk stored,
// and the days they cover.
type ResultNameFacts struct {
	Source   ResultSource
	External string
	Facts    int
	From, To string
}

// ResultsService keeps results data.
type ResultsService interface {
	// BeginBulk starts adding facts in the Batch of ctx.
	BeginBulk(ctx context.Context) (ResultBulk, error)
	// AttachImport gives the pending facts of this Batch (and the facts
	// they replaced) their recorded import.
	AttachImport(ctx context.Context, importID int64) error
	// Overlaps reports, for the pending facts of this Batch, the facts of
	// other imports of the same source and external campaign whose days
	// overlap without being the same days (those would be replaced).
	Overlaps(ctx context.Context) ([]ResultOverlap, error)
	// DeleteImport removes an import's facts and brings back those they
	// replaced (an import's undo).
	DeleteImport(ctx context.Context, importID int64) error
	// Match gives every fact of a source's external campaign to a
	// workspace campaign (0: unmatched again).
	Match(ctx context.Context, source ResultSource, external string, campaignID int64) error
	// Find returns a page of facts, newest day first.
	Find(ctx context.Context, f ResultFilter) (*ResultPage, error)
	// Sums adds up the facts of f (paging ignored) by group, month and
	// currencies.
	Sums(ctx context.Context, g ResultGroup, f ResultFilter) ([]ResultSum, error)
	// LastImports returns when each source was last imported; with
	// metric set ("leads", "cost", ...) only imports whose facts carry
	// that metric count.
	LastImports(ctx context.Context, metric string) ([]ResultLastImport, error)
}

// Validate returns an EINVALID error naming each wrong field.
func (f *ResultFact) Validate() error {
	fe := FieldErrors{}
	if f.External == "" && f.UTMCampaign == "" {
		fe.Add("external", "field.required", nil)
	}
	validateText(fe, "external", f.External, MaxNameLength)
	if f.Source == "" {
		fe.Add("source", "field.required", nil)
	}
	validateDay(fe, "from", f.From)
	validateDay(fe, "to", f.To)
	if f.From != "" && f.To != "" && f.To < f.From {
		fe.Add("to", "results.to_before_from", nil)
	}
	for k, v := range f.Counts().fields() {
		if v < 0 {
			fe.Add(k, "results.count_negative", nil)
		}
	}
	for k, m := range map[string]Money{"cost": f.Cost, "pipeline": f.Pipeline, "revenue": f.Revenue} {
		if m.Amount != 0 || m.Currency != "" {
			m.validate(fe, k)
		}
	}
	return fe.Err("result")
}

func (c ResultCounts) fields() map[string]int64 {
	return map[string]int64{"impressions": c.Impressions, "clicks": c.Clicks, "conversions": c.Conversions,
		"leads": c.Leads, "mqls": c.MQLs, "sqls": c.SQLs, "opportunities": c.Opportunities, "won": c.Won}
}
