package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"mopsdesk/backend"
)

// factChannel is the channel a fact of "f" counts under: the first
// channel of the campaign it is matched to — the workspace's own list,
// as the budget and plans use it — else the channel the file names. The
// files name channels each in their own words (Google Ads "Search",
// HubSpot "Paid Search"): grouped by those, one campaign's cost and its
// leads would land on different rows and cost per lead by channel would
// be "—" everywhere. Sums by channel applies the same rule to its rows
// (campaignChannels); the two must agree.
const factChannel = `coalesce((SELECT ch.name FROM campaign_channels cc JOIN channels ch ON ch.id = cc.channel_id
	WHERE cc.campaign_id = f.campaign_id ORDER BY cc.position, cc.channel_id LIMIT 1), f.channel)`

// campaignChannels returns each campaign's first channel (factChannel's),
// by campaign id as text (a sum's key by campaign).
func (s *ResultsService) campaignChannels(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT cc.campaign_id, ch.name FROM campaign_channels cc
		JOIN channels ch ON ch.id = cc.channel_id ORDER BY cc.campaign_id, cc.position DESC, cc.channel_id DESC`)
	if err != nil {
		return nil, fmt.Errorf("campaign channels: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name // the last written is the first by position
	}
	return out, rows.Err()
}

// crmSources is backend.CRMSources as an SQL list.
var crmSources = func() string {
	q := make([]string, len(backend.CRMSources))
	for i, src := range backend.CRMSources {
		q[i] = "'" + string(src) + "'"
	}
	return "(" + strings.Join(q, ", ") + ")"
}()

// contactsBehindDeals is true of a row of "f" (a fact, or a monthly sum)
// of a CRM's contacts in a month in which the same source has deals: its
// opportunities and won are the deals' to count (see backend.CRMSources).
// The months with deals are read from the monthly sums whatever the
// filter, so a campaign's page and the dashboard apply the rule alike;
// deals and contacts never share a monthly sum, which a deal's money
// currencies keep apart.
var contactsBehindDeals = `(f.leads > 0 AND f.opportunities + f.won > 0 AND f.source IN ` + crmSources + `
	AND (f.source, substr(f.date_from, 1, 7)) IN (SELECT source, month FROM result_monthly
	WHERE source IN ` + crmSources + ` AND leads = 0 AND opportunities + won > 0))`

// resultWhere turns a filter into SQL over the facts "f".
func resultWhere(f backend.ResultFilter) (string, []any) {
	where := []string{"f.superseded_by IS NULL", "f.import_id <> 0"}
	var args []any
	if f.CampaignID > 0 {
		where, args = append(where, "f.campaign_id = ?"), append(args, f.CampaignID)
	}
	if f.Unmatched {
		where = append(where, "f.campaign_id IS NULL")
	}
	if f.Source != "" {
		where, args = append(where, "f.source = ?"), append(args, f.Source)
	}
	if f.Channel != "" {
		where, args = append(where, factChannel+" = ?"), append(args, f.Channel)
	}
	if f.From != "" {
		where, args = append(where, "f.date_from >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "f.date_from <= ?"), append(args, f.To)
	}
	return strings.Join(where, " AND "), args
}

// Find returns a page of facts, newest day first.
func (s *ResultsService) Find(ctx context.Context, f backend.ResultFilter) (*backend.ResultPage, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	where, args := resultWhere(f)
	q := s.db.conn(ctx)
	page := &backend.ResultPage{Facts: []backend.ResultFact{}}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM result_facts f WHERE `+where, args...).Scan(&page.Total); err != nil {
		return nil, fmt.Errorf("count results: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT f.id, coalesce(f.campaign_id, 0), coalesce(c.name, ''), f.external, f.utm_campaign,
		f.source, f.channel, f.medium, f.date_from, f.date_to, f.impressions, f.clicks, f.conversions, f.leads, f.mqls, f.sqls,
		f.opportunities, f.won, f.cost_amount, f.cost_currency, f.pipeline_amount, f.pipeline_currency, f.revenue_amount,
		f.revenue_currency, f.custom, f.import_id, f.source_file, f.records
		FROM result_facts f LEFT JOIN campaigns c ON c.id = f.campaign_id
		WHERE `+where+` ORDER BY f.date_from DESC, f.id DESC LIMIT ? OFFSET ?`, append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("find results: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var x backend.ResultFact
		var custom string
		if err := rows.Scan(&x.ID, &x.CampaignID, &x.CampaignName, &x.External, &x.UTMCampaign, &x.Source, &x.Channel,
			&x.Medium, &x.From, &x.To, &x.Impressions, &x.Clicks, &x.Conversions, &x.Leads, &x.MQLs, &x.SQLs,
			&x.Opportunities, &x.Won, &x.Cost.Amount, &x.Cost.Currency, &x.Pipeline.Amount, &x.Pipeline.Currency,
			&x.Revenue.Amount, &x.Revenue.Currency, &custom, &x.ImportID, &x.SourceFile, &x.Records); err != nil {
			return nil, err
		}
		if custom != "" {
			if err := json.Unmarshal([]byte(custom), &x.Custom); err != nil {
				return nil, fmt.Errorf("result %d custom metrics: %w", x.ID, err)
			}
		}
		page.Facts = append(page.Facts, x)
	}
	return page, rows.Err()
}

// monthAligned reports whether f can be answered from the monthly sums:
// no filter finer than a month.
func monthAligned(f backend.ResultFilter) bool {
	return (f.From == "" || strings.HasSuffix(f.From, "-01")) && (f.To == "" || isMonthEnd(f.To)) && !f.Unmatched
}

func isMonthEnd(day string) bool {
	if len(day) != 10 {
		return false
	}
	t, ok := backend.ParseDay(day)
	return ok && t.AddDate(0, 0, 1).Day() == 1
}

// resultGroupKey is the SQL of a grouping's key and label over the facts
// "f", with the joins they need.
func resultGroupKey(g backend.ResultGroup) (key, label, joins string, err error) {
	joins = ` LEFT JOIN campaigns c ON c.id = f.campaign_id`
	switch g {
	case backend.GroupCampaign:
		key, label = "coalesce(f.campaign_id, '')", "coalesce(c.name, '')"
	case backend.GroupChannel:
		// By campaign and the file's channel; the rows then take the
		// campaign's channel (factChannel's rule, applied below to a few
		// thousand sums instead of a lookup per fact).
		key, label = "coalesce(f.campaign_id, '')", "f.channel"
	case backend.GroupTeam:
		joins += ` LEFT JOIN teams t ON t.id = c.team_id`
		key, label = "coalesce(c.team_id, '')", "coalesce(t.name, '')"
	case backend.GroupSource:
		key, label = "f.source", "f.source"
	case backend.GroupDay, backend.GroupWeek, backend.GroupMonth, backend.GroupQuarter:
		key, label = "f.date_from", "''"
	default:
		return "", "", "", backend.Errorf(backend.EINVALID, "unknown grouping %q", g)
	}
	return key, label, joins, nil
}

// monthlyWhere is a filter of the facts (resultWhere) over the monthly
// sums, which carry no import and no superseded fact.
func monthlyWhere(where string) string {
	return strings.NewReplacer("f.superseded_by IS NULL AND f.import_id <> 0", "1",
		"f.date_from >= ?", "f.month >= substr(?, 1, 7)", "f.date_from <= ?", "f.month <= substr(?, 1, 7)").Replace(where)
}

// Sums adds up the facts of f by group, month and currencies: from the
// monthly sums when the filter allows, else from the facts. The custom
// metrics come with them, summed by group (customSums).
func (s *ResultsService) Sums(ctx context.Context, g backend.ResultGroup, f backend.ResultFilter) ([]backend.ResultSum, error) {
	key, label, joins, err := resultGroupKey(g)
	if err != nil {
		return nil, err
	}
	where, args := resultWhere(f)
	table, month := "result_facts", "substr(f.date_from, 1, 7)"
	cost, pipeline, revenue, facts := "f.cost_amount", "f.pipeline_amount", "f.revenue_amount", "1"
	counts := "sum(f.impressions), sum(f.clicks), sum(f.conversions), sum(f.leads), sum(f.mqls), sum(f.sqls), " +
		"sum(CASE WHEN " + contactsBehindDeals + " THEN 0 ELSE f.opportunities END), " +
		"sum(CASE WHEN " + contactsBehindDeals + " THEN 0 ELSE f.won END)"
	if monthAligned(f) && g != backend.GroupDay && g != backend.GroupWeek {
		// The monthly sums carry no import and no superseded fact.
		table, month = "result_monthly", "f.month"
		cost, pipeline, revenue, facts = "f.cost", "f.pipeline", "f.revenue", "f.facts"
		counts = strings.ReplaceAll(counts, "substr(f.date_from, 1, 7)", "f.month")
		where = monthlyWhere(where)
		if key == "f.date_from" {
			key = "f.month || '-01'"
		}
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT `+key+`, `+label+`, `+month+`, `+counts+`,
		sum(`+cost+`), f.cost_currency, sum(`+pipeline+`), f.pipeline_currency, sum(`+revenue+`), f.revenue_currency, sum(`+facts+`)
		FROM `+table+` f`+joins+` WHERE `+where+`
		GROUP BY 1, 2, 3, f.cost_currency, f.pipeline_currency, f.revenue_currency`, args...)
	if err != nil {
		return nil, fmt.Errorf("sum results: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultSum{}
	for rows.Next() {
		var x backend.ResultSum
		if err := rows.Scan(&x.Key, &x.Label, &x.Month, &x.Impressions, &x.Clicks, &x.Conversions, &x.Leads, &x.MQLs,
			&x.SQLs, &x.Opportunities, &x.Won, &x.Cost.Amount, &x.Cost.Currency, &x.Pipeline.Amount, &x.Pipeline.Currency,
			&x.Revenue.Amount, &x.Revenue.Currency, &x.Facts); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	custom, err := s.customSums(ctx, g, f)
	if err != nil {
		return nil, err
	}
	out = append(out, custom...)
	if g != backend.GroupChannel {
		return out, nil
	}
	channels, err := s.campaignChannels(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if name, ok := channels[out[i].Key]; ok {
			out[i].Label = name
		}
		out[i].Key = out[i].Label
	}
	return out, nil
}

// resultMetricColumns says which column shows that a fact carries a
// metric.
var resultMetricColumns = map[string]string{
	"impressions": "impressions", "clicks": "clicks", "conversions": "conversions", "leads": "leads", "mqls": "mqls",
	"sqls": "sqls", "opportunities": "opportunities", "won": "won", "cost": "cost_amount", "pipeline": "pipeline_amount",
	"revenue": "revenue_amount",
}

// LastImports returns when each source was last imported.
func (s *ResultsService) LastImports(ctx context.Context, metric string) ([]backend.ResultLastImport, error) {
	cond, args := "", []any{}
	if name, ok := strings.CutPrefix(metric, backend.ResultCustomPrefix); ok {
		cond, args = " AND f.custom <> '' AND EXISTS (SELECT 1 FROM json_each(f.custom) j WHERE lower(j.key) = lower(?))", append(args, name)
	} else if metric != "" {
		col, ok := resultMetricColumns[metric]
		if !ok {
			return nil, backend.Errorf(backend.EINVALID, "unknown metric %q", metric)
		}
		cond = " AND f." + col + " <> 0"
	}
	rows, err := s.db.conn(ctx).QueryContext(ctx, `SELECT f.source, max(r.at), max(f.date_to)
		FROM result_facts f JOIN import_runs r ON r.id = f.import_id
		WHERE f.superseded_by IS NULL AND r.undone_at IS NULL`+cond+`
		GROUP BY f.source ORDER BY f.source`, args...)
	if err != nil {
		return nil, fmt.Errorf("last result imports: %w", err)
	}
	defer rows.Close()
	out := []backend.ResultLastImport{}
	for rows.Next() {
		var x backend.ResultLastImport
		if err := rows.Scan(&x.Source, &x.At, &x.Through); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
