package sheet

// Defaults: the values an import gives a field that no column and no
// value set for every row fills. They are listed in the preview
// (Layout.Defaults) so the user sees them and can set another value for
// every row; nothing is filled in silently.

import "time"

// Default is one field's default value, as a user would type it.
type Default struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// kindDefaults are the defaults of each kind, in the order shown. A
// contract whose renewal (end) date has passed takes endedDefaults
// instead: it comes in as ended, not active and renewing.
var (
	kindDefaults = map[string][]Default{
		"contracts": {{"status", "active"}, {"autoRenew", "yes"}, {"billingCycle", "annual"}, {"termMonths", "12"}, {"noticeDays", "30"}},
	}
	endedDefaults = map[string]string{"status": "ended", "autoRenew": "no"}
)

// layoutDefaults lists the defaults for fields no column holds and no
// value set for every row fills.
func (im *Importer) layoutDefaults() []Default {
	out := []Default{}
	for _, d := range kindDefaults[im.kind.Key] {
		if _, set := im.opts.Constants[d.Field]; set && im.opts.Constants[d.Field] != "" {
			continue
		}
		mapped := false
		for _, c := range im.Layout.Columns {
			mapped = mapped || c.Field == d.Field
		}
		if !mapped {
			out = append(out, d)
		}
	}
	return out
}

// applyDefaults fills the record's empty fields with the kind's defaults,
// marked as such (Value.Default): they fill a new entity and leave a
// stored one as it is.
func (im *Importer) applyDefaults(rec *Record) {
	ds := kindDefaults[im.kind.Key]
	if len(ds) == 0 {
		return
	}
	flagged := map[string]bool{}
	for _, p := range rec.Problems {
		flagged[p.Field] = true
	}
	ended := im.kind.Key == "contracts" && rec.Has("renewalDate") && rec.Text("renewalDate") < im.today()
	for _, d := range ds {
		if rec.Has(d.Field) || flagged[d.Field] {
			continue
		}
		text := d.Value
		if e, ok := endedDefaults[d.Field]; ok && ended {
			text = e
		}
		if f := im.kind.Field(d.Field); f != nil {
			im.parse(rec, f, Value{Text: text, Default: true}, "", "")
		}
	}
}

// today is the day the import runs (Options.Today, else the clock), for
// telling a contract that has ended.
func (im *Importer) today() string {
	if im.opts.Today != "" {
		return im.opts.Today
	}
	return time.Now().Format("2006-01-02")
}
