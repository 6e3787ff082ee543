// Package sheet reads and writes spreadsheets: .xlsx through excelize.
// Exports stream rows, so a long list costs no more memory than a short one.
package sheet

import (
	"fmt"
	"io"
	"strings"

	"mopsdesk/backend"
)

// CampaignColumns lists the exported campaign columns in order, by the
// key the frontend's catalog translates.
var CampaignColumns = []string{"name", "team", "owner", "channels", "tags", "status", "startDate", "endDate", "budget", "currency", "notes"}

var englishCampaignHeaders = map[string]string{
	"name": "Campaign", "team": "Team", "owner": "Owner", "channels": "Channels", "tags": "Tags", "status": "Status",
	"startDate": "Start date", "endDate": "End date", "budget": "Planned budget", "currency": "Currency", "notes": "Notes",
}

var englishStatuses = map[backend.CampaignStatus]string{
	backend.StatusIdea: "Idea", backend.StatusPlanned: "Planned", backend.StatusInProgress: "In progress",
	backend.StatusLive: "Live", backend.StatusCompleted: "Completed", backend.StatusCancelled: "Cancelled",
}

// Labels are the words an export shows, in the user's language; missing
// ones fall back to English.
type Labels struct {
	Sheet    string                            `json:"sheet"`
	Headers  map[string]string                 `json:"headers"`
	Statuses map[backend.CampaignStatus]string `json:"statuses"`
}

func pick(m map[string]string, key, fallback string) string {
	if v := strings.TrimSpace(m[key]); v != "" {
		return v
	}
	return fallback
}

// CampaignExport writes campaigns to an .xlsx workbook, one row each.
type CampaignExport struct {
	t      *Table
	labels Labels
}

// sheetName cleans a sheet name the way Excel requires: at most 31
// characters and none of : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(strings.TrimSpace(s)); len(r) > 31 {
		s = string(r[:31])
	} else {
		s = string(r)
	}
	if strings.Trim(s, "' ") == "" {
		return "Sheet1"
	}
	return s
}

// NewCampaignExport starts a workbook with a styled, frozen header row.
func NewCampaignExport(labels Labels) (*CampaignExport, error) {
	headers := make([]string, len(CampaignColumns))
	for i, col := range CampaignColumns {
		headers[i] = pick(labels.Headers, col, englishCampaignHeaders[col])
	}
	sheet := labels.Sheet
	if strings.TrimSpace(sheet) == "" {
		sheet = "Campaigns"
	}
	t, err := NewTable(sheet, headers, []float64{36, 18, 18, 24, 20, 14, 12, 12, 16, 10, 48})
	if err != nil {
		return nil, err
	}
	return &CampaignExport{t: t, labels: labels}, nil
}

// Add writes one campaign row.
func (e *CampaignExport) Add(c *backend.Campaign) error {
	t := e.t
	budget, err := t.Money(c.Budget)
	if err != nil {
		return fmt.Errorf("budget of %q: %w", c.Name, err)
	}
	status := e.labels.Statuses[c.Status]
	if status == "" {
		status = englishStatuses[c.Status]
	}
	return t.Row(t.Text(c.Name), t.Text(c.TeamName), t.Text(c.Owner), t.Text(strings.Join(c.ChannelNames, ", ")),
		t.Text(strings.Join(c.Tags, ", ")), t.Text(status), t.Day(c.StartDate), t.Day(c.EndDate), budget,
		t.Text(c.Budget.Currency), t.Text(c.Notes))
}

// WriteTo finishes the workbook and writes it to w.
func (e *CampaignExport) WriteTo(w io.Writer) (int64, error) { return e.t.WriteTo(w) }
