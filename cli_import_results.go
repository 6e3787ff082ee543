package main

import (
	"fmt"
	"io"
	"slices"

	"mopsdesk/backend"
	"mopsdesk/backend/results/match"
	"mopsdesk/backend/transfer"
)

// cliResults is what "mopsdesk import --kind results" reports of a
// results file besides its facts, as the Import page shows it: the names
// no campaign matched, the CRM stages no vendor documents (held out until
// mapped), the earlier imports whose days overlap, and what became of
// each source's cost.
type cliResults struct {
	Unmatched []match.Unmatched       `json:"unmatched"`
	Stages    []transfer.ResultsStage `json:"stages"`
	Overlaps  []backend.ResultOverlap `json:"overlaps"`
	// Bookings say, per source, whether its cost is booked as actual
	// spend (the choice remembered from the source's last import on the
	// Import page) and in which category; Booked counts the spend
	// entries a commit added or changed.
	Bookings []backend.ResultBooking `json:"bookings"`
	Booked   int                     `json:"booked"`
}

// resultsOf is the report's part of a results import; nil for another
// kind.
func resultsOf(r *transfer.ResultsRead) *cliResults {
	if r == nil {
		return nil
	}
	out := &cliResults{Unmatched: r.Unmatched, Stages: r.Stages, Overlaps: r.Overlaps, Bookings: r.Bookings, Booked: r.Booked}
	if out.Unmatched == nil {
		out.Unmatched = []match.Unmatched{}
	}
	if out.Stages == nil {
		out.Stages = []transfer.ResultsStage{}
	}
	if out.Overlaps == nil {
		out.Overlaps = []backend.ResultOverlap{}
	}
	if out.Bookings == nil {
		out.Bookings = []backend.ResultBooking{}
	}
	return out
}

// sourceNames are the sources as their vendors name them (the Import
// page's names).
var sourceNames = map[backend.ResultSource]string{
	backend.SourceGoogleAds: "Google Ads", backend.SourceMicrosoftAds: "Microsoft Ads", backend.SourceMetaAds: "Meta Ads",
	backend.SourceLinkedInAds: "LinkedIn Ads", backend.SourceTikTokAds: "TikTok Ads", backend.SourceGA4: "Google Analytics 4",
	backend.SourceHubSpot: "HubSpot", backend.SourceSalesforce: "Salesforce", backend.SourceOther: "Results template",
}

func sourceName(src backend.ResultSource) string {
	if n, ok := sourceNames[src]; ok {
		return n
	}
	return string(src)
}

// plural is n and the word, with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// printResults writes a section for each of unmatched names, CRM stages,
// overlaps and the ad platforms' cost that has something to say.
func printResults(w io.Writer, r *cliResults) {
	if r == nil {
		return
	}
	if len(r.Unmatched) > 0 {
		fmt.Fprintln(w, "Not matched to a campaign (map each on the Import page, or save a rule):")
		for _, u := range r.Unmatched {
			note := ""
			if u.Ambiguous {
				note = " (two campaigns have this name)"
			}
			fmt.Fprintf(w, "  %s %q: %s, %s to %s%s\n", sourceName(u.Source), u.External, plural(u.Facts, "fact"), u.From, u.To, note)
		}
	}
	if len(r.Stages) > 0 {
		fmt.Fprintln(w, "CRM stages no vendor documents (held out until mapped on the Import page):")
		for _, s := range r.Stages {
			step := "held out"
			if s.Step != "" {
				step = "counted as " + string(s.Step)
			}
			fmt.Fprintf(w, "  %s %s %q: %s, %s\n", sourceName(s.Source), s.Records, s.Stage, plural(s.Rows, "row"), step)
		}
	}
	if len(r.Overlaps) > 0 {
		fmt.Fprintln(w, "Days that overlap earlier imports (counted in both):")
		for _, o := range r.Overlaps {
			fmt.Fprintf(w, "  %s %q: import %d (%s), %s to %s\n", sourceName(o.Source), o.External, o.ImportID, o.SourceFile, o.From, o.To)
		}
	}
	var ads []backend.ResultBooking
	for _, b := range r.Bookings {
		if slices.Contains(backend.AdSources, b.Source) {
			ads = append(ads, b)
		}
	}
	if len(ads) == 0 {
		return
	}
	fmt.Fprintln(w, "Ad platforms' cost:")
	for _, b := range ads {
		switch {
		case b.Book && b.Problem != nil:
			fmt.Fprintf(w, "  %s: cannot be booked as actual spend: the spend category %q no longer exists; choose another on the Import page\n", sourceName(b.Source), b.CategoryName)
		case b.Book:
			fmt.Fprintf(w, "  %s: booked as actual spend in %q\n", sourceName(b.Source), b.CategoryName)
		default:
			fmt.Fprintf(w, "  %s: compared with the budget, not booked as spend\n", sourceName(b.Source))
		}
	}
	switch {
	case r.Booked == 1:
		fmt.Fprintln(w, "  1 spend entry added or changed.")
	case r.Booked > 1:
		fmt.Fprintf(w, "  %d spend entries added or changed.\n", r.Booked)
	}
}
