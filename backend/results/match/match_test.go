package match

import (
	"fmt"
	"strings"
	"testing"

	"mopsdesk/backend"
)

var campaigns = []Campaign{{1, "Spring Launch"}, {2, "Webinar EU Q1"}, {3, "Brand"}, {4, "Brand"}, {5, "Q2 Launch"}}

func TestMatch_Order(t *testing.T) {
	m := New(campaigns, []Rule{
		{ID: 1, Kind: Contains, Text: "webinar-eu", CampaignID: 2},
		{ID: 2, Kind: StartsWith, Text: "Q2-Launch", CampaignID: 5},
		{ID: 3, Kind: StartsWith, Text: "Q2-Launch-DE", CampaignID: 1}, // longer: wins over rule 2
		{ID: 4, Kind: Equals, Text: "test campaign", CampaignID: 0},    // ignore
		{ID: 5, Kind: Contains, Text: "retarget", CampaignID: 3, Source: backend.SourceMetaAds},
		{ID: 6, Kind: Contains, Text: "", CampaignID: 3}, // empty: never applies
	})
	cases := []struct {
		src           backend.ResultSource
		external, utm string
		id            int64
		how           How
	}{
		{backend.SourceGoogleAds, "spring_launch", "", 1, ByName},
		{backend.SourceGoogleAds, "SPRING-LAUNCH ", "", 1, ByName},
		{backend.SourceGA4, "Spring Promo", "spring-launch", 1, ByUTM},
		{backend.SourceMetaAds, "2025 webinar-eu retarget", "", 2, ByRule},
		{backend.SourceGoogleAds, "Q2-Launch | Search", "", 5, ByRule},
		{backend.SourceGoogleAds, "q2 launch de brand", "", 1, ByRule},
		{backend.SourceGoogleAds, "Test Campaign", "", 0, Ignored},
		{backend.SourceMetaAds, "Summer retarget", "", 3, ByRule},
		{backend.SourceGoogleAds, "Summer retarget", "", 0, None}, // rule 5 is Meta's only
		{backend.SourceGoogleAds, "brand", "", 0, Ambiguous},
		{backend.SourceGoogleAds, "", "", 0, None},
	}
	for _, c := range cases {
		if id, how := m.Match(c.src, c.external, c.utm); id != c.id || how != c.how {
			t.Errorf("Match(%s, %q, %q) = %d %q, want %d %q", c.src, c.external, c.utm, id, how, c.id, c.how)
		}
	}
}

func TestApply_ListsUnmatchedOnce(t *testing.T) {
	m := New(campaigns, []Rule{{ID: 1, Kind: Equals, Text: "internal test", CampaignID: 0}})
	facts := []backend.ResultFact{
		{Source: backend.SourceGoogleAds, External: "Spring Launch", From: "2025-03-01"},
		{Source: backend.SourceGoogleAds, External: "Autumn", From: "2025-03-01"},
		{Source: backend.SourceGoogleAds, External: "autumn", From: "2025-03-02"},
		{Source: backend.SourceMetaAds, External: "Autumn", From: "2025-03-01"},
		{Source: backend.SourceGoogleAds, External: "Internal_Test", From: "2025-03-01"},
		{Source: backend.SourceGoogleAds, External: "Brand", From: "2025-03-01"},
	}
	kept, un := m.Apply(facts)
	var got []string
	for _, f := range kept {
		got = append(got, fmt.Sprintf("%s:%d", f.External, f.CampaignID))
	}
	if g := strings.Join(got, " "); g != "Spring Launch:1 Autumn:0 autumn:0 Autumn:0 Brand:0" {
		t.Errorf("kept = %s", g)
	}
	var list []string
	for _, u := range un {
		list = append(list, fmt.Sprintf("%s/%s×%d%v", u.Source, u.External, u.Facts, u.Ambiguous))
	}
	if g := strings.Join(list, " "); g != "google_ads/Autumn×2false meta_ads/Autumn×1false google_ads/Brand×1true" {
		t.Errorf("unmatched = %s", g)
	}
	if facts[1].CampaignID != 0 || facts[0].CampaignID != 0 {
		t.Error("Apply changed its input")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"  Spring__Launch-2025 ": "spring launch 2025", "Q2.Launch/DE": "q2 launch de", "": "", "—": "", "Bahar Lansmanı": "bahar lansmanı"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
