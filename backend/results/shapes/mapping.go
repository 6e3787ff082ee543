package shapes

import (
	"fmt"
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// CustomPrefix begins what a column is read as when it is a custom metric
// the user named: "custom:Video views".
const CustomPrefix = "custom:"

// Mapping is what the user said about a sheet's columns, or what a saved
// profile remembers of it for files with the same headers.
type Mapping struct {
	// Columns maps a column letter ("A") to what it is read as: a role
	// name ("campaign", "day", "cost", … as Roles lists), CustomPrefix and
	// a name, or "" to leave it out. A column not named keeps what its
	// header says.
	Columns map[string]string
	// Source is the source of a file of no known shape ("": other).
	Source backend.ResultSource
	// Sheet names the sheet mapped ("": the first one with a header).
	Sheet string
}

// Generic is the shape of a results sheet no export of Shapes matches:
// its columns are what the user maps them to.
var Generic = &Shape{Name: "generic", Source: backend.SourceOther, Kind: KindAds}

// adsRoles are what a column of an ads-like sheet can be read as, in the
// order the preview offers them.
var adsRoles = []role{colCampaign, colUTMCampaign, colChannel, colMedium, colSourceMedium, colDay, colWeek, colMonth, colFrom, colTo,
	colCurrency, colImpressions, colClicks, colCost, colConversions, colLeads, colMQLs, colSQLs, colOpportunities, colWins,
	colPipeline, colRevenue, colSessions, colConvValue}

// crmRoles are those of a CRM list.
var crmRoles = []role{colCampaign, colUTMCampaign, colSource, colStage, colAmount, colCurrency, colCloseDate, colCreated, colWon, colClosed}

// Roles lists what a column of a sheet of this kind can be read as (role
// names), besides a custom metric and nothing.
func Roles(k Kind) []string {
	list := adsRoles
	if k != KindAds {
		list = crmRoles
	}
	out := make([]string, len(list))
	for i, r := range list {
		out[i] = roleNames[r]
	}
	return out
}

func roleNamed(name string) role {
	for r, n := range roleNames {
		if n == name {
			return r
		}
	}
	return colNone
}

// Letter is a column's letter ("A", "AB") from its 0-based index.
func Letter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func letterIndex(l string) (int, bool) {
	l = strings.ToUpper(strings.TrimSpace(l))
	if l == "" || len(l) > 3 {
		return 0, false
	}
	n := 0
	for _, c := range l {
		if c < 'A' || c > 'Z' {
			return 0, false
		}
		n = n*26 + int(c-'A'+1)
	}
	return n - 1, true
}

// remap reads the columns as the mapping says: a column mapped takes its
// role from any other column ("a role comes from one column"), and what
// it held before is dropped.
func (c *columns) remap(m map[string]string) error {
	if c.custom == nil {
		c.custom = map[int]string{}
	}
	type choice struct {
		at    int
		reads string
	}
	var choices []choice
	for l, reads := range m {
		i, ok := letterIndex(l)
		if !ok || i >= len(c.names) {
			return fmt.Errorf("column %q: no such column", l)
		}
		choices = append(choices, choice{i, strings.TrimSpace(reads)})
		for r, at := range c.at {
			if at == i {
				delete(c.at, r)
				delete(c.currency, r)
			}
		}
		delete(c.custom, i)
	}
	for _, ch := range choices {
		if name, ok := strings.CutPrefix(ch.reads, CustomPrefix); ok {
			name = strings.Join(strings.Fields(name), " ")
			if name == "" {
				return fmt.Errorf("column %s: a custom metric needs a name", Letter(ch.at))
			}
			c.custom[ch.at] = name
			continue
		}
		if ch.reads == "" {
			continue
		}
		r := roleNamed(ch.reads)
		if r == colNone {
			return fmt.Errorf("column %s: %q is not something a column can be read as", Letter(ch.at), ch.reads)
		}
		c.at[r] = ch.at
		delete(c.currency, r)
		if _, cur := splitHeaderCurrency(c.names[ch.at]); cur != "" {
			c.currency[r] = cur
		}
	}
	return nil
}

// missing names what an ads-like sheet needs and is not mapped: a
// campaign, a day or period (unless its title rows name one), and at
// least one metric. Nothing for a CRM list, whose shape says its needs.
func (d *Detection) missing() []string {
	if d.Shape.Kind != KindAds {
		return nil
	}
	c := d.cols
	var out []string
	if !c.has(colCampaign) && !c.has(colUTMCampaign) {
		out = append(out, "campaign")
	}
	if !c.has(colDay) && !c.has(colWeek) && !c.has(colMonth) && !c.has(colFrom) && (d.From == "" || d.To == "") {
		out = append(out, "day")
	}
	metric := len(c.custom) > 0
	for _, r := range []role{colImpressions, colClicks, colCost, colConversions, colLeads, colMQLs, colSQLs, colOpportunities, colWins,
		colPipeline, colRevenue, colSessions, colConvValue} {
		metric = metric || c.has(r)
	}
	if !metric {
		out = append(out, "metric")
	}
	return out
}

// genericHeader is the header of a sheet of no known shape: the first
// row (after "#" comments) with two or more filled cells. Nil when there
// is none.
func genericHeader(sheetName string, first []sheet.Row) *Detection {
	for _, r := range first {
		if isComment(r.Cells) {
			continue
		}
		filled := 0
		for _, c := range r.Cells {
			if strings.TrimSpace(c) != "" {
				filled++
			}
		}
		if filled < 2 {
			continue
		}
		return &Detection{Shape: Generic, Sheet: sheetName, HeaderRow: r.Number, cols: readHeader(r.Cells)}
	}
	return nil
}

// HeaderKey identifies the sheet's header for a saved mapping profile.
func (d *Detection) HeaderKey() string { return sheet.HeaderKey(d.cols.names) }

// Mapped says whether the user's mapping (or a profile) read the columns.
func (d *Detection) Mapped() bool { return d.mapped }

// apply reads the columns as m says and settles the rest again; a sheet
// of no known shape takes m's source.
func (d *Detection) apply(m *Mapping, first []sheet.Row) error {
	if err := d.cols.remap(m.Columns); err != nil {
		return err
	}
	if d.Shape == Generic || d.Shape.Name == Generic.Name {
		sh := *Generic
		if m.Source != "" {
			sh.Source = m.Source
		}
		d.Shape = &sh
	}
	d.mapped = true
	d.settle(first, d.csv)
	return nil
}

// GenericHeaderKey is the HeaderKey of the header a sheet of no known
// shape would be read from ("" when it has none): a file whose headers
// have a saved results profile is results data.
func GenericHeaderKey(first []sheet.Row) string {
	if d := genericHeader("", first); d != nil {
		return d.HeaderKey()
	}
	return ""
}
