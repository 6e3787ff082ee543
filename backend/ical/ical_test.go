package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"mopsdesk/backend"
)

func TestWrite(t *testing.T) {
	data := &backend.CalendarData{
		Campaigns: []*backend.Campaign{{ID: 7, Name: "Spring launch; EMEA, wave 1", StartDate: "2026-03-01", EndDate: "2026-03-31",
			Status: backend.StatusLive, Objective: "500 MQLs\nfrom mid-market", ChannelNames: []string{"Email"}, Tags: []string{"q1"},
			UpdatedAt: "2026-02-01T10:00:00Z"}},
		Deliverables:  []*backend.Deliverable{{ID: 3, Title: "Blog", CampaignName: "Spring launch; EMEA, wave 1", PublishDate: "2026-12-31"}},
		Milestones:    []*backend.Milestone{{ID: 9, Title: "Sign-off", DueDate: "2028-02-29"}},
		ContractDates: []backend.ContractDate{{ContractID: 4, Vendor: "HubSpot", Product: "Marketing Hub", Kind: backend.RemindCancel, Date: "2026-12-03"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, data, Options{WorkspaceID: "ws1", CalendarName: "Northwind", Now: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
		"UID:campaign-7@ws1.mopsdesk\r\n",
		"DTSTART;VALUE=DATE:20260301\r\nDTEND;VALUE=DATE:20260401\r\n", // 31 March inclusive
		`SUMMARY:Spring launch\; EMEA\, wave 1` + "\r\n",
		`DESCRIPTION:500 MQLs\nfrom mid-market` + "\r\n",
		"CATEGORIES:Email,q1\r\n",
		"UID:deliverable-3@ws1.mopsdesk\r\nDTSTAMP:20260314T093000Z\r\n",
		"DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n", // across the year end
		"DTSTART;VALUE=DATE:20280229\r\nDTEND;VALUE=DATE:20280301\r\n", // leap day
		"UID:contract-4-cancel@ws1.mopsdesk\r\n",
		"SUMMARY:Cancel by: HubSpot Marketing Hub\r\n",
		"END:VCALENDAR\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("a bare LF: every line must end in CRLF")
	}
}

func TestFolding(t *testing.T) {
	var buf bytes.Buffer
	long := strings.Repeat("Kampania wiosenna – żółć ", 20) // multi-byte letters
	err := Write(&buf, &backend.CalendarData{Campaigns: []*backend.Campaign{{ID: 1, Name: long, StartDate: "2026-03-01", EndDate: "2026-03-02"}}},
		Options{WorkspaceID: "w", Now: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	var unfolded strings.Builder
	for i, l := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a UTF-8 sequence: %q", i, l)
		}
		if strings.HasPrefix(l, " ") {
			unfolded.WriteString(l[1:])
		} else {
			unfolded.WriteString("\n" + l)
		}
	}
	if !strings.Contains(unfolded.String(), "\nSUMMARY:"+long+"\n") {
		t.Fatal("unfolding does not give back the summary")
	}
}
