// Package sheet reads and writes spreadsheets: .xlsx through excelize.
// Exports stream rows, so a long list costs no more memory than a short one.
package sheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

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
	f      *excelize.File
	sw     *excelize.StreamWriter
	labels Labels
	row    int
	text   int
	date   int
	money  map[string]int // style per currency, by ISO code
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
		return "Campaigns"
	}
	return s
}

// NewCampaignExport starts a workbook with a styled, frozen header row.
func NewCampaignExport(labels Labels) (*CampaignExport, error) {
	f := excelize.NewFile()
	name := sheetName(labels.Sheet)
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return nil, err
	}
	e := &CampaignExport{f: f, labels: labels, row: 1, money: map[string]int{}}
	var err error
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return nil, err
	}
	if e.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil { // "@": text
		return nil, err
	}
	dateFmt := "yyyy-mm-dd"
	if e.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return nil, err
	}
	if e.sw, err = f.NewStreamWriter(name); err != nil {
		return nil, err
	}
	widths := []float64{36, 18, 18, 24, 20, 14, 12, 12, 16, 10, 48}
	for i, w := range widths {
		if err := e.sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := e.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	cells := make([]any, len(CampaignColumns))
	for i, col := range CampaignColumns {
		cells[i] = excelize.Cell{StyleID: header, Value: pick(labels.Headers, col, englishCampaignHeaders[col])}
	}
	return e, e.next(cells)
}

func (e *CampaignExport) next(cells []any) error {
	cell, _ := excelize.CoordinatesToCellName(1, e.row)
	e.row++
	return e.sw.SetRow(cell, cells)
}

// moneyStyle returns the number style for a currency: thousands separators,
// the currency's own decimals and its code, so Excel sums real numbers.
func (e *CampaignExport) moneyStyle(code string) (int, error) {
	if id, ok := e.money[code]; ok {
		return id, nil
	}
	c, _ := backend.LookupCurrency(code)
	format := "#,##0"
	if c.MinorUnits > 0 {
		format += "." + strings.Repeat("0", c.MinorUnits)
	}
	format += ` "` + code + `"`
	id, err := e.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err == nil {
		e.money[code] = id
	}
	return id, err
}

// Add writes one campaign row. Every user text is a string cell with the
// text format, so "=HYPERLINK(...)" stays the text the user typed and no
// formula ever runs.
func (e *CampaignExport) Add(c *backend.Campaign) error {
	text := func(s string) excelize.Cell { return excelize.Cell{StyleID: e.text, Value: s} }
	day := func(s string) excelize.Cell {
		t, ok := backend.ParseDay(s)
		if !ok {
			return text(s)
		}
		return excelize.Cell{StyleID: e.date, Value: t}
	}
	style, err := e.moneyStyle(c.Budget.Currency)
	if err != nil {
		return err
	}
	amount, err := strconv.ParseFloat(strings.Fields(c.Budget.String())[0], 64)
	if err != nil {
		return fmt.Errorf("budget of %q: %w", c.Name, err)
	}
	status := e.labels.Statuses[c.Status]
	if status == "" {
		status = englishStatuses[c.Status]
	}
	return e.next([]any{
		text(c.Name), text(c.TeamName), text(c.Owner), text(strings.Join(c.ChannelNames, ", ")),
		text(strings.Join(c.Tags, ", ")), text(status),
		day(c.StartDate), day(c.EndDate), excelize.Cell{StyleID: style, Value: amount},
		text(c.Budget.Currency), text(c.Notes),
	})
}

// WriteTo finishes the workbook, with an auto-filter on the header row,
// and writes it to w. The export cannot be used afterwards.
func (e *CampaignExport) WriteTo(w io.Writer) (int64, error) {
	defer e.f.Close()
	if err := e.sw.Flush(); err != nil {
		return 0, err
	}
	last, _ := excelize.CoordinatesToCellName(len(CampaignColumns), max(e.row-1, 1))
	if err := e.f.AutoFilter(sheetName(e.labels.Sheet), "A1:"+last, nil); err != nil {
		return 0, err
	}
	return e.f.WriteTo(w)
}
