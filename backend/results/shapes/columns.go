package shapes

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"strings"

	"mopsdesk/backend"
)

// role is what a column holds.
type role int

const (
	colNone role = iota
	colCampaign
	colUTMCampaign
	colSource
	colMedium
	colSourceMedium // "google / cpc"
	colChannel
	colDay
	colWeek  // the week's first day
	colMonth // "March 2025"
	colFrom
	colTo
	colImpressions
	colClicks
	colCost
	colConversions
	colLeads
	colSessions
	colConvValue // platform-attributed conversion value, in the cost's currency
	colCurrency
	colStage     // CRM lifecycle, lead status or deal stage
	colAmount    // CRM deal amount
	colCloseDate // CRM deal close date
	colCreated   // CRM record create date
	colWon       // Salesforce "Won" (yes/no)
	colClosed    // Salesforce "Closed" (yes/no)
	// The funnel's counts and money, read only when the user maps a
	// column to them (no export names them alike).
	colMQLs
	colSQLs
	colOpportunities
	colWins
	colPipeline
	colRevenue
)

// roleNames name the roles in problems and tests.
var roleNames = map[role]string{colCampaign: "campaign", colUTMCampaign: "utm_campaign", colSource: "source",
	colMedium: "medium", colSourceMedium: "source_medium", colChannel: "channel", colDay: "day", colWeek: "week", colMonth: "month", colFrom: "from",
	colTo: "to", colImpressions: "impressions", colClicks: "clicks", colCost: "cost", colConversions: "conversions",
	colLeads: "leads", colSessions: "sessions", colConvValue: "conversion_value", colCurrency: "currency", colStage: "stage", colAmount: "amount",
	colCloseDate: "close_date", colCreated: "created", colWon: "won", colClosed: "closed",
	colMQLs: "mqls", colSQLs: "sqls", colOpportunities: "opportunities", colWins: "wins", colPipeline: "pipeline", colRevenue: "revenue"}

// headerRoles maps a normalised column name (see normHeader) to its role:
// the vendors' English names first, then the API field names some exports
// use, then the localised names in Polish, Turkish, Persian, Arabic and
// Thai. Few localised names are in a vendor's documentation: README
// "Results files" has the table of which are (and where), which are only
// recognised, and which exports no platform localises. Add a name only
// with its source there.
var headerRoles = map[string]role{}

func init() {
	add := func(r role, names ...string) {
		for _, n := range names {
			headerRoles[normHeader(n)] = r
		}
	}
	add(colCampaign, "Campaign", "Campaign name", "CampaignName", "Campaign Name", "Primary Campaign Source",
		"Primary Campaign", "Campaign Source", "Associated campaign", "Session campaign", "sessionCampaignName",
		"First user campaign", "firstUserCampaignName", "Campaign Group Name",
		"Kampania", "Nazwa kampanii", "Kampanya", "Kampanya adı",
		"کمپین", "نام کمپین", "الحملة", "اسم الحملة", "แคมเปญ", "ชื่อแคมเปญ")
	add(colUTMCampaign, "UTM Campaign", "utm_campaign", "UTM campaign", "Session manual campaign name",
		"sessionManualCampaignName", "Original Source Drill-Down 2", "Kampania UTM", "UTM kampanyası")
	add(colSource, "Source", "Session source", "sessionSource", "Lead Source", "Original Source", "UTM Source",
		"utm_source", "Źródło", "Kaynak", "منبع", "المصدر", "แหล่งที่มา")
	add(colMedium, "Medium", "Session medium", "sessionMedium", "UTM Medium", "utm_medium", "Medium (UTM)",
		"Medium", "Ortam", "Aracı", "رسانه", "الوسيط", "สื่อ")
	add(colSourceMedium, "Session source / medium", "sessionSourceMedium", "Source / medium", "Source / Medium",
		"Źródło/medium", "Źródło / medium", "Kaynak / ortam", "منبع / رسانه", "المصدر / الوسيط", "แหล่งที่มา / สื่อ")
	add(colChannel, "Channel", "Session default channel group", "sessionDefaultChannelGroup",
		"Default channel group", "Campaign type", "Advertising Channel", "Network", "Kanał", "Domyślna grupa kanałów sesji",
		"Typ kampanii", "Kanal", "Oturum varsayılan kanal grubu", "Kampanya türü", "کانال", "القناة", "ช่องทาง")
	add(colDay, "Day", "Date", "By Day", "Gregorian date", "TimePeriod", "Time period", "Stat time day",
		"Dzień", "Data", "Gün", "Tarih", "روز", "تاریخ", "اليوم", "التاريخ", "วัน", "วันที่")
	add(colWeek, "Week", "Week (Mon - Sun)", "Week (Sun - Sat)", "Tydzień", "Hafta", "هفته", "الأسبوع", "สัปดาห์")
	add(colMonth, "Month", "Miesiąc", "Ay", "ماه", "الشهر", "เดือน")
	add(colFrom, "Reporting starts", "Start Date (in UTC)", "Start date", "Reporting start",
		"Początek raportowania", "Raporlama başlangıcı", "Raporlama başlangıç tarihi", "شروع گزارش", "بداية التقارير", "เริ่มการรายงาน")
	add(colTo, "Reporting ends", "End Date (in UTC)", "End date", "Reporting end",
		"Koniec raportowania", "Raporlama bitişi", "Raporlama bitiş tarihi", "پایان گزارش", "نهاية التقارير", "สิ้นสุดการรายงาน")
	add(colImpressions, "Impr.", "Impressions", "Impression", "Wyśw.", "Wyświetlenia", "Gösterim", "Gösterimler",
		"نمایش", "تعداد نمایش", "مرات الظهور", "الانطباعات", "การแสดงผล")
	add(colClicks, "Clicks", "Link clicks", "Clicks (destination)", "Clicks (all)", "Landing Page Clicks",
		"Kliknięcia", "Kliknięcia linku", "Tıklama", "Tıklamalar", "Bağlantı tıklamaları",
		"کلیک", "کلیک‌ها", "النقرات", "نقرات الرابط", "คลิก", "การคลิก", "การคลิกลิงก์")
	add(colCost, "Cost", "Spend", "Amount spent", "Total spent", "Total Spent", "Total cost", "Koszt", "Wydana kwota",
		"Maliyet", "Harcanan tutar", "هزینه", "مبلغ هزینه‌شده", "التكلفة", "المبلغ المنفق", "ค่าใช้จ่าย", "จำนวนเงินที่ใช้จ่าย")
	add(colConversions, "Conversions", "Conv.", "Conversion", "Key events", "keyEvents", "Results", "Purchases",
		"Konwersje", "Kluczowe zdarzenia", "Wyniki", "Dönüşümler", "Dönüşüm", "Önemli etkinlikler", "Sonuçlar",
		"تبدیل‌ها", "نتایج", "الإحالات الناجحة", "التحويلات", "النتائج", "Conversions (all)", "Conversion ", "การแปลง", "ผลลัพธ์")
	add(colLeads, "Leads", "Lead", "Leady", "Potencjalni klienci", "Potansiyel müşteriler", "سرنخ‌ها", "العملاء المحتملون", "ลีด")
	add(colConvValue, "Conv. value", "Conversion value", "Total conversion value", "Purchases conversion value",
		"Website purchases conversion value", "Revenue", "Total revenue", "totalRevenue", "purchaseRevenue",
		"Wartość konw.", "Wartość konwersji", "Przychody", "Dönüşüm değeri", "Gelir", "Toplam gelir")
	add(colSessions, "Sessions", "Sesje", "Oturumlar", "Oturum sayısı", "جلسه‌ها", "الجلسات", "เซสชัน")
	add(colCurrency, "Currency", "Currency code", "CurrencyCode", "Opportunity Currency", "Amount Currency", "Deal currency code",
		"Kod waluty", "Waluta", "Para birimi", "Para birimi kodu", "واحد پول", "العملة", "สกุลเงิน")
	add(colStage, "Lifecycle Stage", "Lifecycle stage", "Deal Stage", "Stage", "Lead Status", "Status", "Opportunity Stage")
	add(colAmount, "Amount", "Amount in company currency", "Deal amount", "Total Price", "Expected Revenue")
	add(colCloseDate, "Close Date", "Closed Date", "Close date")
	add(colCreated, "Create Date", "Created Date", "Create date", "Created", "Became a Lead Date")
	add(colWon, "Won")
	add(colClosed, "Closed")
}

// normHeader lower-cases a column name and takes out a currency in
// brackets ("Cost (EUR)"), doubled spaces and a trailing colon.
func normHeader(s string) string {
	s, _ = splitHeaderCurrency(s)
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimSuffix(s, ":")
}

// splitHeaderCurrency cuts "Amount spent (USD)" into "Amount spent" and
// "USD"; the currency is "" when the brackets hold no ISO code.
func splitHeaderCurrency(s string) (string, string) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	for _, br := range [][2]string{{"(", ")"}, {"[", "]"}} {
		if !strings.HasSuffix(s, br[1]) {
			continue
		}
		i := strings.LastIndex(s, br[0])
		if i < 0 {
			continue
		}
		inner := strings.ToUpper(strings.TrimSpace(s[i+1 : len(s)-1]))
		if c, ok := backend.LookupCurrency(inner); ok {
			return strings.TrimSpace(s[:i]), c.Code
		}
	}
	return s, ""
}

// columns is a header row read: each role's column (0-based) and the
// currency a money column's name carries.
type columns struct {
	at       map[role]int
	currency map[role]string
	names    []string
	// custom are the columns read as a custom metric, by the name the
	// user gave it.
	custom map[int]string
}

func readHeader(cells []string) columns {
	c := columns{at: map[role]int{}, currency: map[role]string{}, names: cells}
	for i, h := range cells {
		r := headerRoles[normHeader(h)]
		if r == colNone {
			continue
		}
		// HubSpot contacts carry both Lead Status and Lifecycle Stage: the
		// lifecycle stage is the funnel's, wherever its column is.
		lifecycle := r == colStage && normHeader(h) == "lifecycle stage"
		if _, seen := c.at[r]; seen && !lifecycle {
			continue // the first of two alike columns ("Clicks", "Clicks (all)")
		}
		c.at[r] = i
		if _, cur := splitHeaderCurrency(h); cur != "" {
			c.currency[r] = cur
		}
	}
	return c
}

func (c columns) has(r role) bool { _, ok := c.at[r]; return ok }

// cell returns the text of a role's column in a row ("" when absent).
func (c columns) cell(cells []string, r role) string {
	i, ok := c.at[r]
	if !ok || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[i])
}
