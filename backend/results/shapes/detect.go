package shapes

//lint:file-ignore ST1018 Persian column names are spelled with the zero-width non-joiner (U+200C), as in columns.go.

import (
	"strings"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// Kind is how a shape's rows become facts.
type Kind string

const (
	// KindAds is a row per campaign (per day or per period) with counts
	// and cost: ad platforms and web analytics.
	KindAds Kind = "ads"
	// KindContacts is a row per contact or lead, counted by stage.
	KindContacts Kind = "contacts"
	// KindDeals is a row per deal or opportunity, with stage and amount.
	KindDeals Kind = "deals"
)

// Shape is one export MOps Desk recognises.
type Shape struct {
	Name   string
	Source backend.ResultSource
	Kind   Kind
	// marks are column names (normalised) only this export uses, in the
	// languages columns.go knows them in: a name two exports share is no
	// mark, so it can never tip one over the other. clues are words of
	// its title rows.
	marks []string
	clues []string
	// needs are the roles without which a file is not this shape.
	needs []role
}

// Shapes lists the recognised exports, in the order a tie is settled.
var Shapes = []*Shape{
	{Name: "google_ads_campaigns", Source: backend.SourceGoogleAds, Kind: KindAds,
		marks: []string{"impr.", "campaign", "cost", "conversions", "currency code", "campaign type", "wyśw.", "kampania", "koszt", "kod waluty", "kampanya", "maliyet", "para birimi kodu", "gösterim",
			"کمپین", "هزینه", "تبدیل‌ها", "الحملة", "التكلفة", "الإحالات الناجحة", "แคมเปญ", "ค่าใช้จ่าย", "การแปลง"},
		clues: []string{"google ads", "campaign report", "raport kampanii", "kampanya raporu"}, needs: []role{colCampaign, colCost}},
	{Name: "microsoft_ads_campaigns", Source: backend.SourceMicrosoftAds, Kind: KindAds,
		marks: []string{"spend", "campaign name", "campaignname", "timeperiod", "gregorian date", "conv.", "currencycode", "impr."},
		clues: []string{"microsoft advertising", "bing ads", "campaign performance"}, needs: []role{colCampaign, colCost}},
	{Name: "meta_ads_campaigns", Source: backend.SourceMetaAds, Kind: KindAds,
		marks: []string{"amount spent", "reporting starts", "reporting ends", "reach", "results", "link clicks", "campaign name", "frequency",
			"wydana kwota", "początek raportowania", "zasięg", "wyniki", "nazwa kampanii", "harcanan tutar", "raporlama başlangıcı", "erişim", "sonuçlar", "kampanya adı",
			"نام کمپین", "مبلغ هزینه‌شده", "شروع گزارش", "پایان گزارش", "نتایج", "اسم الحملة", "المبلغ المنفق", "بداية التقارير", "نهاية التقارير", "النتائج",
			"نقرات الرابط", "ชื่อแคมเปญ", "จำนวนเงินที่ใช้จ่าย", "เริ่มการรายงาน", "สิ้นสุดการรายงาน", "ผลลัพธ์", "การคลิกลิงก์"},
		clues: []string{"meta", "facebook", "ads manager"}, needs: []role{colCampaign, colCost}},
	{Name: "linkedin_campaigns", Source: backend.SourceLinkedInAds, Kind: KindAds,
		marks: []string{"total spent", "campaign name", "start date (in utc)", "campaign group name", "landing page clicks", "leads", "campaign id"},
		clues: []string{"linkedin", "campaign performance report"}, needs: []role{colCampaign, colCost}},
	{Name: "tiktok_campaigns", Source: backend.SourceTikTokAds, Kind: KindAds,
		marks: []string{"clicks (destination)", "cost", "campaign name", "by day", "cost per conversion", "cpc (destination)", "ctr (destination)"},
		clues: []string{"tiktok"}, needs: []role{colCampaign, colCost}},
	{Name: "ga4_acquisition", Source: backend.SourceGA4, Kind: KindAds,
		marks: []string{"session campaign", "sessioncampaignname", "session source / medium", "sessionsourcemedium", "session default channel group",
			"sessions", "key events", "keyevents", "first user campaign", "sesje", "kluczowe zdarzenia", "źródło/medium", "źródło / medium",
			"domyślna grupa kanałów sesji", "oturumlar", "oturum sayısı", "aracı", "önemli etkinlikler", "kaynak / ortam", "oturum varsayılan kanal grubu",
			"جلسه‌ها", "منبع / رسانه", "الجلسات", "المصدر / الوسيط", "เซสชัน", "แหล่งที่มา / สื่อ"},
		clues: []string{"#", "analytics", "property"}, needs: []role{colCampaign}},
	{Name: "hubspot_contacts", Source: backend.SourceHubSpot, Kind: KindContacts,
		marks: []string{"record id", "lifecycle stage", "create date", "original source", "original source drill-down 1", "original source drill-down 2", "email", "first name", "last name"},
		needs: []role{colStage, colCreated}},
	{Name: "hubspot_deals", Source: backend.SourceHubSpot, Kind: KindDeals,
		marks: []string{"record id", "deal name", "deal stage", "amount", "close date", "create date", "pipeline", "amount in company currency"},
		needs: []role{colStage, colAmount, colCloseDate}},
	{Name: "salesforce_leads", Source: backend.SourceSalesforce, Kind: KindContacts,
		marks: []string{"lead status", "lead source", "lead owner", "company / account", "created date", "first name", "last name", "primary campaign source"},
		clues: []string{"salesforce", "confidential information"}, needs: []role{colStage, colCreated}},
	{Name: "salesforce_opportunities", Source: backend.SourceSalesforce, Kind: KindDeals,
		marks: []string{"opportunity name", "stage", "amount", "close date", "account name", "primary campaign source", "opportunity owner", "opportunity currency", "won", "closed", "probability (%)"},
		clues: []string{"salesforce", "confidential information", "grand totals"}, needs: []role{colStage, colAmount, colCloseDate}},
}

// Candidate is one shape a file could be, with a confidence from 0 to 1:
// 0.3 when only the columns the shape needs are there, up to 0.9 with
// four or more of its own column names, plus 0.2 for a title row that
// names the tool. Below 0.5 the importer should ask rather than assume.
type Candidate struct {
	Shape      *Shape
	Confidence float64
}

// Detection is what a sheet's first rows say about it: its shape, where
// its header is, and what its title rows add (the period, a currency).
type Detection struct {
	Shape      *Shape
	Confidence float64
	// Others are the other shapes that matched at all, best first.
	Others    []Candidate
	Sheet     string
	HeaderRow int // 1-based
	// From and To are the period the title rows name ("" when none).
	From, To string
	// Currency is the currency the title rows or headers name.
	Currency string
	// Order says how ambiguous numeric days are written; Decimal is the
	// decimal separator of numbers written as text ('.' or ','): all of
	// a CSV file's, and an .xlsx file's text cells (its number cells are
	// numbers).
	Order   sheet.Order
	Decimal byte
	cols    columns
	csv     bool
	mapped  bool
}

// scanRows is how many first rows Detect needs.
const scanRows = 40

// Detect says which export a sheet's first rows (up to scanRows of them)
// come from, or a *Problem when no header of a known export is there.
// csv is true for text files (numbers written in the account's locale).
func Detect(sheetName string, first []sheet.Row, csv bool) (*Detection, error) {
	var best *Detection
	var all []Candidate
	for i, r := range first {
		if isComment(r.Cells) {
			continue
		}
		cols := readHeader(r.Cells)
		if len(cols.at) < 2 {
			continue
		}
		title := strings.ToLower(titleText(first[:i]))
		for _, sh := range Shapes {
			conf := score(sh, cols, title)
			if conf == 0 {
				continue
			}
			all = append(all, Candidate{sh, conf})
			if best == nil || conf > best.Confidence {
				best = &Detection{Shape: sh, Confidence: conf, Sheet: sheetName, HeaderRow: r.Number, cols: cols}
			}
		}
		if best != nil {
			break // the first row that reads as a header is the header
		}
	}
	if best == nil {
		return nil, problem(sheetName, 0, "", "results.unknown_shape",
			"No column names of a known results export (an ad platform, GA4, HubSpot or Salesforce) were found in the first rows", nil)
	}
	for _, c := range all {
		if c.Shape != best.Shape {
			best.Others = append(best.Others, c)
		}
	}
	sortCandidates(best.Others)
	best.settle(first, csv)
	return best, nil
}

// settle works out from the rows around the header what its columns do
// not say: the title rows' period and currency, the decimal separator
// and the order of days. It runs again when the user maps the columns.
func (d *Detection) settle(first []sheet.Row, csv bool) {
	var above, below []sheet.Row
	for _, r := range first {
		if r.Number < d.HeaderRow {
			above = append(above, r)
		} else if r.Number > d.HeaderRow {
			below = append(below, r)
		}
	}
	var titleOrder sheet.Order
	d.From, d.To, d.Currency, titleOrder = periodOf(above)
	if c := d.cols.currency[colCost]; c != "" {
		d.Currency = c
	} else if c := d.cols.currency[colAmount]; c != "" {
		d.Currency = c
	}
	d.csv = csv
	d.Decimal = decimalOf(below, d.cols, csv)
	d.Order = orderOf(below, d.cols, d.Decimal, titleOrder)
}

// score is how well a header and title fit a shape: how many of the
// shape's marks are found, lifted by a title clue; 0 when a needed
// column is missing.
func score(sh *Shape, cols columns, title string) float64 {
	for _, r := range sh.needs {
		if !cols.has(r) {
			return 0
		}
	}
	names := map[string]bool{}
	for _, n := range cols.names {
		names[normHeader(n)] = true
	}
	hit := 0
	for _, m := range sh.marks {
		if names[m] {
			hit++
		}
	}
	// Four of its marks make a file surely this export; the needed
	// columns alone make it possible.
	conf := 0.3 + 0.6*float64(min(hit, 4))/4
	for _, c := range sh.clues {
		if strings.Contains(title, c) {
			conf += 0.2
			break
		}
	}
	if conf > 1 {
		conf = 1
	}
	return conf
}

func sortCandidates(cs []Candidate) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Confidence > cs[j-1].Confidence; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func isComment(cells []string) bool {
	return len(cells) > 0 && strings.HasPrefix(strings.TrimSpace(cells[0]), "#")
}

func titleText(rows []sheet.Row) string {
	var b strings.Builder
	for _, r := range rows {
		for _, c := range r.Cells {
			b.WriteString(c)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Column says how one column of the header is read, for the preview:
// Reads is its meaning ("cost", "day", …; "custom" for a custom metric
// named Custom), "" for a column left out. Key is its letter.
type Column struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Reads    string `json:"reads"`
	Currency string `json:"currency,omitempty"`
	Custom   string `json:"custom,omitempty"`
}

// Columns lists the header's columns and what each is read as.
func (d *Detection) Columns() []Column {
	out := make([]Column, len(d.cols.names))
	for i, n := range d.cols.names {
		out[i].Key, out[i].Name = Letter(i), strings.TrimSpace(n)
	}
	for rl, i := range d.cols.at {
		out[i].Reads, out[i].Currency = roleNames[rl], d.cols.currency[rl]
	}
	for i, name := range d.cols.custom {
		out[i].Reads, out[i].Custom = "custom", name
	}
	return out
}
