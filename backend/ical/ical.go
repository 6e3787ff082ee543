// Package ical writes calendar ranges as iCalendar (RFC 5545) files that
// Outlook, Google Calendar and Apple Calendar import.
package ical

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"mopsdesk/backend"
)

// Options identify the file's origin: WorkspaceID makes UIDs unique to the
// workspace and stable across exports, so a re-import updates events
// instead of duplicating them.
type Options struct {
	WorkspaceID  string
	CalendarName string
	Now          time.Time
}

// Write writes data as one VCALENDAR: each campaign an all-day event over
// its whole range, each deliverable and milestone an all-day event on its
// day.
func Write(w io.Writer, data *backend.CalendarData, opt Options) error {
	bw := bufio.NewWriter(w)
	lw := &lineWriter{w: bw}
	stamp := opt.Now.UTC().Format("20060102T150405Z")
	lw.line("BEGIN:VCALENDAR")
	lw.line("VERSION:2.0")
	lw.line("PRODID:-//MOps Desk//MOps Desk " + "1.0//EN")
	lw.line("CALSCALE:GREGORIAN")
	lw.line("METHOD:PUBLISH")
	if opt.CalendarName != "" {
		lw.line("X-WR-CALNAME:" + escape(opt.CalendarName))
	}
	uid := func(kind string, id int64) string {
		return fmt.Sprintf("%s-%d@%s.mopsdesk", kind, id, opt.WorkspaceID)
	}
	for _, c := range data.Campaigns {
		desc := joinNonEmpty("\n\n", c.Objective, c.Notes)
		cats := append(append([]string{}, c.ChannelNames...), c.Tags...)
		lw.event(event{uid: uid("campaign", c.ID), stamp: stamp, modified: c.UpdatedAt, start: c.StartDate, end: c.EndDate,
			summary: c.Name, description: desc, categories: cats, status: campaignStatus(c.Status)})
	}
	for _, d := range data.Deliverables {
		summary := d.Title
		if d.CampaignName != "" {
			summary += " (" + d.CampaignName + ")"
		}
		var cats []string
		if d.ChannelName != "" {
			cats = []string{d.ChannelName}
		}
		lw.event(event{uid: uid("deliverable", d.ID), stamp: stamp, modified: d.UpdatedAt, start: d.PublishDate, end: d.PublishDate,
			summary: summary, description: d.Notes, categories: cats})
	}
	for _, m := range data.Milestones {
		summary := m.Title
		if m.CampaignName != "" {
			summary += " (" + m.CampaignName + ")"
		}
		lw.event(event{uid: uid("milestone", m.ID), stamp: stamp, modified: m.UpdatedAt, start: m.DueDate, end: m.DueDate, summary: summary})
	}
	for _, d := range data.ContractDates {
		what := "Renews"
		if d.Kind == backend.RemindCancel {
			what = "Cancel by"
		}
		// One UID per contract and kind: when the date rolls forward, a
		// re-import moves the event instead of adding another.
		lw.event(event{uid: fmt.Sprintf("contract-%d-%s@%s.mopsdesk", d.ContractID, d.Kind, opt.WorkspaceID), stamp: stamp,
			modified: d.UpdatedAt, start: d.Date, end: d.Date, summary: what + ": " + d.Vendor + " " + d.Product})
	}
	lw.line("END:VCALENDAR")
	if lw.err != nil {
		return lw.err
	}
	return bw.Flush()
}

func campaignStatus(s backend.CampaignStatus) string {
	switch s {
	case backend.StatusCancelled:
		return "CANCELLED"
	case backend.StatusIdea:
		return "TENTATIVE"
	}
	return "CONFIRMED"
}

type event struct {
	uid, stamp, modified, start, end, summary, description, status string
	categories                                                     []string
}

func (lw *lineWriter) event(e event) {
	start, ok1 := backend.ParseDay(e.start)
	end, ok2 := backend.ParseDay(e.end)
	if !ok1 || !ok2 {
		return // validation keeps such rows out of the store
	}
	lw.line("BEGIN:VEVENT")
	lw.line("UID:" + e.uid)
	lw.line("DTSTAMP:" + e.stamp)
	if t, err := time.Parse(time.RFC3339, e.modified); err == nil {
		lw.line("LAST-MODIFIED:" + t.UTC().Format("20060102T150405Z"))
		// SEQUENCE must grow with each revision; seconds since 2020 do.
		lw.line(fmt.Sprintf("SEQUENCE:%d", max(0, t.Unix()-1577836800)))
	}
	// All-day events: DTEND is the day after the last day (exclusive).
	lw.line("DTSTART;VALUE=DATE:" + start.Format("20060102"))
	lw.line("DTEND;VALUE=DATE:" + end.AddDate(0, 0, 1).Format("20060102"))
	lw.line("SUMMARY:" + escape(e.summary))
	if e.description != "" {
		lw.line("DESCRIPTION:" + escape(e.description))
	}
	if len(e.categories) > 0 {
		parts := make([]string, len(e.categories))
		for i, c := range e.categories {
			parts[i] = escape(c)
		}
		lw.line("CATEGORIES:" + strings.Join(parts, ","))
	}
	if e.status != "" {
		lw.line("STATUS:" + e.status)
	}
	lw.line("TRANSP:TRANSPARENT")
	lw.line("END:VEVENT")
}

// escape escapes TEXT values (RFC 5545 §3.3.11).
func escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\n`).Replace(s)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// lineWriter writes content lines folded at 75 octets (RFC 5545 §3.1),
// never inside a UTF-8 sequence, each ended by CRLF.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

func (lw *lineWriter) line(s string) {
	if lw.err != nil {
		return
	}
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		_, lw.err = lw.w.WriteString(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation counts
	}
	if lw.err == nil {
		_, lw.err = lw.w.WriteString(s + "\r\n")
	}
}
