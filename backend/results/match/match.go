// Package match finds the workspace campaign a results fact belongs to:
// external campaign names rarely equal ours, so a name is matched by the
// rules the user saved ("starts with Q2-Launch", "contains webinar-eu"),
// then by the campaign's name, then by the UTM campaign value, each
// compared folded (case, spaces, "-", "_", "." and "/" do not count).
// Names nothing matches are listed once, for the preview to map, create
// or ignore. Storing rules is the caller's; this package only applies
// them.
package match

import (
	"sort"
	"strings"
	"unicode"

	"mopsdesk/backend"
)

// How says how a name was matched.
type How string

const (
	None      How = ""
	ByRule    How = "rule"
	ByName    How = "name"
	ByUTM     How = "utm"
	Ignored   How = "ignored"   // a rule says to leave these facts out
	Ambiguous How = "ambiguous" // two campaigns have the name
)

// Kind is how a rule compares its text with a name.
type Kind string

const (
	Equals     Kind = "equals"
	StartsWith Kind = "starts_with"
	Contains   Kind = "contains"
)

// Rule is a saved way to match external names: names that equal, start
// with or contain Text (folded) belong to CampaignID; CampaignID 0
// ignores them. A rule with a Source applies to that source's files only.
type Rule struct {
	ID         int64                `json:"id"`
	Kind       Kind                 `json:"kind"`
	Text       string               `json:"text"`
	CampaignID int64                `json:"campaignId"`
	Source     backend.ResultSource `json:"source,omitempty"`
}

// Campaign is what matching needs of a workspace campaign.
type Campaign struct {
	ID   int64
	Name string
}

// Matcher matches names against a workspace's campaigns and rules.
type Matcher struct {
	byName map[string]int64 // -1: two campaigns share the folded name
	rules  []Rule
}

// New prepares matching: rules are tried equals first, then starts
// with, then contains; within a kind the longest text first, then the
// source-specific rule, then the oldest.
func New(campaigns []Campaign, rules []Rule) *Matcher {
	m := &Matcher{byName: map[string]int64{}}
	for _, c := range campaigns {
		k := Fold(c.Name)
		if k == "" {
			continue
		}
		if id, ok := m.byName[k]; ok && id != c.ID {
			m.byName[k] = -1
			continue
		}
		m.byName[k] = c.ID
	}
	rank := map[Kind]int{Equals: 0, StartsWith: 1, Contains: 2}
	for _, r := range rules {
		if _, ok := rank[r.Kind]; ok && Fold(r.Text) != "" {
			m.rules = append(m.rules, r)
		}
	}
	sort.SliceStable(m.rules, func(i, j int) bool {
		a, b := m.rules[i], m.rules[j]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		if la, lb := len(Fold(a.Text)), len(Fold(b.Text)); la != lb {
			return la > lb
		}
		if (a.Source != "") != (b.Source != "") {
			return a.Source != ""
		}
		return a.ID < b.ID
	})
	return m
}

// Match finds the campaign for a fact's external name and UTM campaign
// from a source: its id and how (Ignored with id 0 when a rule leaves
// it out), or None.
func (m *Matcher) Match(source backend.ResultSource, external, utm string) (int64, How) {
	for _, k := range []string{Fold(external), Fold(utm)} {
		if k == "" {
			continue
		}
		for _, r := range m.rules {
			if r.Source != "" && r.Source != source || !r.applies(k) {
				continue
			}
			if r.CampaignID == 0 {
				return 0, Ignored
			}
			return r.CampaignID, ByRule
		}
	}
	how := ByName
	for _, k := range []string{Fold(external), Fold(utm)} {
		if id, ok := m.byName[k]; ok && k != "" {
			if id < 0 {
				return 0, Ambiguous
			}
			return id, how
		}
		how = ByUTM
	}
	return 0, None
}

func (r Rule) applies(name string) bool {
	t := Fold(r.Text)
	switch r.Kind {
	case Equals:
		return name == t
	case StartsWith:
		return strings.HasPrefix(name, t)
	case Contains:
		return strings.Contains(name, t)
	}
	return false
}

// Fold is a name as matching compares it: lower case, with runs of
// spaces, "-", "_", ".", "/" and "|" as one space, trimmed.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsSpace(r) || strings.ContainsRune("-_./|–—", r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Unmatched is one external name no campaign matched, with how many
// facts carry it, for the preview to map, create or ignore once.
type Unmatched struct {
	Source   backend.ResultSource `json:"source"`
	External string               `json:"external"`
	UTM      string               `json:"utmCampaign"`
	Facts    int                  `json:"facts"`
	// From and To are the first and last day the name's facts cover.
	From string `json:"from"`
	To   string `json:"to"`
	// Ambiguous is true when two campaigns have the name.
	Ambiguous bool `json:"ambiguous"`
}

// Apply sets CampaignID on every fact a campaign matches, drops the
// facts a rule ignores, and lists the names left unmatched, each once
// (by source and folded name), most facts first.
func (m *Matcher) Apply(facts []backend.ResultFact) ([]backend.ResultFact, []Unmatched) {
	var t Tally
	kept := m.ApplyTo(&t, facts[:0:0], facts)
	return kept, t.Unmatched()
}

// Tally gathers the unmatched names of facts matched block by block
// (ApplyTo), and remembers each name's match, so that a file of a year
// of days matches each campaign name once.
type Tally struct {
	seen  map[[2]string]int
	out   []Unmatched
	cache map[nameKey]matched
}

type nameKey struct {
	source        backend.ResultSource
	external, utm string
}

type matched struct {
	id  int64
	how How
}

// ApplyTo matches facts as Apply does, appends the kept ones to kept and
// returns it; the unmatched names add up in t.
func (m *Matcher) ApplyTo(t *Tally, kept, facts []backend.ResultFact) []backend.ResultFact {
	if t.seen == nil {
		t.seen, t.cache = map[[2]string]int{}, map[nameKey]matched{}
	}
	for _, f := range facts {
		nk := nameKey{f.Source, f.External, f.UTMCampaign}
		r, ok := t.cache[nk]
		if !ok {
			r.id, r.how = m.Match(f.Source, f.External, f.UTMCampaign)
			t.cache[nk] = r
		}
		switch r.how {
		case Ignored:
			continue
		case None, Ambiguous:
			t.note(f, r.how == Ambiguous)
		}
		f.CampaignID = r.id
		kept = append(kept, f)
	}
	return kept
}

// note counts an unmatched fact under its name.
func (t *Tally) note(f backend.ResultFact, ambiguous bool) {
	k := [2]string{string(f.Source), Fold(f.External)}
	i, ok := t.seen[k]
	if !ok {
		i = len(t.out)
		t.seen[k] = i
		t.out = append(t.out, Unmatched{Source: f.Source, External: f.External, UTM: f.UTMCampaign, Ambiguous: ambiguous})
	}
	u := &t.out[i]
	u.Facts++
	if u.From == "" || f.From < u.From {
		u.From = f.From
	}
	if f.To > u.To {
		u.To = f.To
	}
}

// Recount sets each unmatched name's facts and days from what the store
// holds (facts of a name handed over in two blocks count once there).
func (t *Tally) Recount(stored []backend.ResultNameFacts) {
	for i := range t.out {
		t.out[i].Facts, t.out[i].From, t.out[i].To = 0, "", ""
	}
	for _, x := range stored {
		i, ok := t.seen[[2]string{string(x.Source), Fold(x.External)}]
		if !ok {
			continue
		}
		u := &t.out[i]
		u.Facts += x.Facts
		if u.From == "" || x.From < u.From {
			u.From = x.From
		}
		if x.To > u.To {
			u.To = x.To
		}
	}
}

// Unmatched lists the names no campaign matched, each once, most facts
// first (never nil).
func (t *Tally) Unmatched() []Unmatched {
	out := append([]Unmatched{}, t.out...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Facts != out[j].Facts {
			return out[i].Facts > out[j].Facts
		}
		return out[i].External < out[j].External
	})
	return out
}
