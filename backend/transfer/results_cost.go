package transfer

// Cost of results files booked as actual spend (Options.BookCost): one
// spend entry per campaign, source, month and currency, whose amount is
// the cost the live facts of that month report. The entry carries the
// reference "results:SOURCE:YYYY-MM", so a later import of the same
// facts finds it and sets its amount (replaces) instead of adding one,
// and undo takes the import's entries and changes back. Cost of a source
// not booked stays in the results data only, beside the budget's actual
// spend for pacing: the same money is never in both.

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// bookRef is the reference of the spend entry booking a source's month.
func bookRef(source backend.ResultSource, month string) string {
	return "results:" + string(source) + ":" + month
}

type bookKey struct {
	campaign int64
	month    string
	currency string
}

// bookCost books the cost of the sources chosen (see bookings) into
// their categories for the months their matched facts touch (matched, by
// source), from the monthly sums (which count this import's facts once
// the bulk is closed), and returns the changes to log for undo. A commit
// remembers each source's choice, and refuses a category that no longer
// exists.
func (s *Service) bookCost(ctx context.Context, opts sheet.Options, matched map[backend.ResultSource]map[string]bool, out *ImportPreview, commit bool) ([]backend.ImportChange, error) {
	bookings, err := s.bookings(ctx, opts, out.Results.Sources)
	if err != nil {
		return nil, err
	}
	out.Results.Bookings = bookings
	category := map[backend.ResultSource]int64{}
	for _, b := range bookings {
		if commit {
			if b.Book && b.Problem != nil {
				return nil, &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("The spend category %q no longer exists; choose another for %s.", b.CategoryName, sourceVendor(b.Source)),
					Fields: map[string]backend.FieldError{"bookCategory": *b.Problem}}
			}
			if s.s.Rules == nil {
				continue
			}
			if err := s.s.Rules.SaveResultBooking(ctx, b); err != nil {
				return nil, err
			}
		}
		if b.Book && b.Problem == nil {
			category[b.Source] = b.CategoryID
		}
	}
	if len(category) == 0 {
		return nil, nil
	}
	months := map[backend.ResultSource]map[string]bool{}
	for src, ms := range matched {
		if _, book := category[src]; book {
			months[src] = ms
		}
	}
	var changes []backend.ImportChange
	bulk, err := s.s.Store.BeginSpendBulk(ctx)
	if err != nil {
		return nil, err
	}
	for _, src := range sortedSources(months) {
		for _, month := range sortedKeys(months[src]) {
			c, err := s.bookMonth(ctx, bulk, src, category[src], month, out)
			if err != nil {
				return nil, err
			}
			changes = append(changes, c...)
		}
	}
	written, err := bulk.Close(ctx)
	if err != nil {
		return nil, err
	}
	if written.Count > 0 {
		changes = append(changes, backend.ImportChange{Entity: "spend", EntityID: written.First, Count: written.Count, Action: "create"})
	}
	return changes, nil
}

// bookMonth sets one source's month: the entries it booked before take
// the amount the facts now report; new campaigns get an entry.
func (s *Service) bookMonth(ctx context.Context, bulk backend.SpendBulk, src backend.ResultSource, category int64, month string, out *ImportPreview) ([]backend.ImportChange, error) {
	first, _ := time.Parse("2006-01", month)
	from, to := first.Format(backend.DayLayout), first.AddDate(0, 1, -1).Format(backend.DayLayout)
	sums, err := s.s.Results.Sums(ctx, backend.GroupCampaign, backend.ResultFilter{Source: src, From: from, To: to})
	if err != nil {
		return nil, err
	}
	want := map[bookKey]int64{}
	for _, sm := range sums {
		id, _ := strconv.ParseInt(sm.Key, 10, 64)
		if id != 0 && sm.Cost.Currency != "" {
			want[bookKey{id, month, sm.Cost.Currency}] += sm.Cost.Amount
		}
	}
	ref := bookRef(src, month)
	var entries []*backend.Spend
	for offset := 0; ; offset += backend.MaxPageSize {
		page, err := s.s.Spend.FindSpend(ctx, backend.SpendFilter{From: from, To: to, Vendor: sourceVendor(src), Offset: offset, Limit: backend.MaxPageSize})
		if err != nil {
			return nil, err
		}
		entries = append(entries, page.Entries...)
		if len(page.Entries) < backend.MaxPageSize {
			break
		}
	}
	var changes []backend.ImportChange
	for _, e := range entries {
		if e.Reference != ref {
			continue
		}
		k := bookKey{e.CampaignID, month, e.Amount.Currency}
		amount, ok := want[k]
		delete(want, k)
		if ok && amount == e.Amount.Amount && e.CategoryID == category {
			continue // booked already: nothing doubles
		}
		m := backend.Money{Amount: amount, Currency: e.Amount.Currency}
		if _, err := s.s.Spend.UpdateSpend(ctx, e.ID, backend.SpendUpdate{Amount: &m, CategoryID: &category}); err != nil {
			return nil, err
		}
		b, _ := json.Marshal(e)
		changes = append(changes, backend.ImportChange{Entity: "spend", EntityID: e.ID, Count: 1, Action: "update", Before: string(b)})
		out.Results.Booked++
	}
	keys := make([]bookKey, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].campaign < keys[j].campaign || keys[i].campaign == keys[j].campaign && keys[i].currency < keys[j].currency
	})
	for _, k := range keys {
		if want[k] <= 0 {
			continue
		}
		sp, year, err := s.bookEntry(ctx, src, category, k, to, want[k])
		if err != nil {
			return nil, err
		}
		if year != 0 {
			changes = append(changes, backend.ImportChange{Entity: "fiscal_year", EntityID: int64(year), Count: 1, Action: "create"})
		}
		if _, err := bulk.Add(ctx, sp); err != nil {
			return nil, err
		}
		out.Results.Booked++
	}
	return changes, nil
}

// bookEntry is a new spend entry booking a campaign's month: dated the
// month's last day, in the campaign's team (else the first team) and the
// source's category, the source as vendor. year is the fiscal year it
// had to add (0: none).
func (s *Service) bookEntry(ctx context.Context, src backend.ResultSource, category int64, k bookKey, day string, amount int64) (sp *backend.Spend, year int, err error) {
	c, err := s.s.Campaigns.FindCampaignByID(ctx, k.campaign)
	if err != nil {
		return nil, 0, err
	}
	team := c.TeamID
	if team == 0 {
		if team, err = s.firstItem(ctx, backend.ListTeams); err != nil {
			return nil, 0, err
		}
	}
	if team == 0 || category == 0 {
		return nil, 0, &backend.Error{Code: backend.EINVALID, Message: "Booking cost as spend needs a team and a spend category in the workspace.",
			Fields: map[string]backend.FieldError{"bookCost": {Key: "results.book_needs_lists"}}}
	}
	settings, err := s.s.Workspace.Settings(ctx)
	if err != nil {
		return nil, 0, err
	}
	fy, _ := backend.FiscalYearOf(day, settings.FiscalYearStartMonth)
	if _, ok, err := s.s.Store.FiscalYearGranularity(ctx, fy); err != nil {
		return nil, 0, err
	} else if !ok {
		if _, err := s.s.Budget.CreateFiscalYear(ctx, fy, backend.Monthly); err != nil {
			return nil, 0, err
		}
		year = fy
	}
	sp = &backend.Spend{Date: day, Amount: backend.Money{Amount: amount, Currency: k.currency}, TeamID: team, CategoryID: category, CampaignID: k.campaign,
		Vendor: sourceVendor(src), Status: backend.SpendActual, Reference: bookRef(src, k.month)}
	sp.Normalize()
	return sp, year, sp.Validate()
}

func (s *Service) firstItem(ctx context.Context, kind backend.ListKind) (int64, error) {
	items, err := s.s.Lists.ListItems(ctx, kind)
	if err != nil || len(items) == 0 {
		return 0, err
	}
	first := items[0].ID
	for _, it := range items {
		if it.ID < first {
			first = it.ID
		}
	}
	return first, nil
}

// sourceVendor names the vendor of booked cost: the platform.
func sourceVendor(src backend.ResultSource) string {
	words := strings.Split(string(src), "_")
	for i, w := range words {
		switch w {
		case "ads":
			words[i] = "Ads"
		case "linkedin":
			words[i] = "LinkedIn"
		case "tiktok":
			words[i] = "TikTok"
		default:
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

func sortedSources(m map[backend.ResultSource]map[string]bool) []backend.ResultSource {
	out := make([]backend.ResultSource, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
