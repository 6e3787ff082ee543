package shapes

import "testing"

// Google Ads, English: title and date-range rows, a row per day, "--"
// for no conversions, fractional conversions, "Total: …" rows.
func TestGoogleAds_EnglishPerDay(t *testing.T) {
	s := read(t, "google.csv", csvFile(
		"Campaign report",
		`"March 1, 2025 - March 2, 2025"`,
		"Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions",
		`2025-03-01,Spring Launch,Search,EUR,"1,234",56,123.45,3.00`,
		"2025-03-02,Spring Launch,Search,EUR,987,40,98.10,--",
		"2025-03-01,Brand,Search,EUR,500,20,10.00,1.50",
		`Total: Account,,,,"2,721",116,231.55,4.50`,
		`Total: Search,,,,"2,721",116,231.55,4.50`,
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-01 google_ads "Brand" ch=Search impr=500 clicks=20 conv=2 cost=1000 EUR`,
		`2025-03-01..2025-03-01 google_ads "Spring Launch" ch=Search impr=1234 clicks=56 conv=3 cost=12345 EUR`,
		`2025-03-02..2025-03-02 google_ads "Spring Launch" ch=Search impr=987 clicks=40 cost=9810 EUR`)
}

// Google Ads, Polish: semicolons, "1 234" and "1.234,56", day-first
// dates, a "Razem" totals row.
func TestGoogleAds_PolishPerDay(t *testing.T) {
	s := read(t, "google-pl.csv", csvFile(
		"Raport kampanii",
		"1 marca 2025 - 2 marca 2025",
		"Dzień;Kampania;Kod waluty;Wyśw.;Kliknięcia;Koszt;Konwersje",
		"01.03.2025;Wiosna PL;PLN;1 234;56;1.234,56;3,00",
		"02.03.2025;Wiosna PL;PLN;987;40;98,10;0,00",
		"Razem;;;2 221;96;1.332,66;3,00",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-01 google_ads "Wiosna PL" impr=1234 clicks=56 conv=3 cost=123456 PLN`,
		`2025-03-02..2025-03-02 google_ads "Wiosna PL" impr=987 clicks=40 cost=9810 PLN`)
}

// Google Ads, Turkish: a row per campaign for the whole range, which the
// title row gives; "12.345" is twelve thousand.
func TestGoogleAds_TurkishPerPeriod(t *testing.T) {
	s := read(t, "google-tr.csv", csvFile(
		"Kampanya raporu",
		"1 Mart 2025 - 31 Mart 2025",
		"Kampanya;Kampanya türü;Para birimi kodu;Gösterim;Tıklama;Maliyet;Dönüşümler",
		"Bahar Lansmanı;Arama;TRY;12.345;678;4.567,89;12,00",
		"Marka;Arama;TRY;2.000;100;250,00;--",
		"Toplam;;;14.345;778;4.817,89;12,00",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-31 google_ads "Bahar Lansmanı" ch=Arama impr=12345 clicks=678 conv=12 cost=456789 TRY`,
		`2025-03-01..2025-03-31 google_ads "Marka" ch=Arama impr=2000 clicks=100 cost=25000 TRY`)
}

// Google Ads as .xlsx: serial days, number cells, cost rounded half to
// even into pence.
func TestGoogleAds_XLSX(t *testing.T) {
	s := read(t, "google.xlsx", xlsxFile(t, "Campaign report",
		[]any{"Campaign report"},
		[]any{"1 March 2025 - 31 March 2025"},
		[]any{"Day", "Campaign", "Currency code", "Impr.", "Clicks", "Cost", "Conversions"},
		[]any{45717.0, "Spring Launch", "GBP", 1000.0, 50.0, 12.345, 2.0},
		[]any{"Total: Account", "", "", 1000.0, 50.0, 12.345, 2.0},
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-01 google_ads "Spring Launch" impr=1000 clicks=50 conv=2 cost=1234 GBP`)
}

// Meta Ads Manager, English .xlsx: a row per campaign with its own
// reporting start and end, the currency in the column name.
func TestMeta_EnglishXLSXPerPeriod(t *testing.T) {
	s := read(t, "meta.xlsx", xlsxFile(t, "Raw Data Report",
		[]any{"Campaign name", "Reporting starts", "Reporting ends", "Amount spent (USD)", "Impressions", "Reach", "Results", "Link clicks"},
		[]any{"Spring Launch - Prospecting", "2025-03-01", "2025-03-31", 1234.5, 45678.0, 30000.0, 120.0, 800.0},
		[]any{"Webinar EU", "2025-03-01", "2025-03-31", 99.99, 5000.0, 4000.0, 10.0, 60.0},
	), "")
	golden(t, s[0], "meta_ads_campaigns",
		`2025-03-01..2025-03-31 meta_ads "Spring Launch - Prospecting" impr=45678 clicks=800 conv=120 cost=123450 USD`,
		`2025-03-01..2025-03-31 meta_ads "Webinar EU" impr=5000 clicks=60 conv=10 cost=9999 USD`)
}

// Meta Ads Manager, Polish: a row per day, "1 234,56", day-first days.
func TestMeta_PolishPerDay(t *testing.T) {
	s := read(t, "meta-pl.csv", csvFile(
		"Nazwa kampanii;Dzień;Wydana kwota (PLN);Wyświetlenia;Zasięg;Wyniki;Kliknięcia linku;Początek raportowania;Koniec raportowania",
		"Wiosna – leady;13.03.2025;1 234,56;10 000;8 000;12;300;01.03.2025;31.03.2025",
		"Wiosna – leady;14.03.2025;765,44;5 000;4 000;8;150;01.03.2025;31.03.2025",
	), "")
	golden(t, s[0], "meta_ads_campaigns",
		`2025-03-13..2025-03-13 meta_ads "Wiosna – leady" impr=10000 clicks=300 conv=12 cost=123456 PLN`,
		`2025-03-14..2025-03-14 meta_ads "Wiosna – leady" impr=5000 clicks=150 conv=8 cost=76544 PLN`)
}

// Meta Ads Manager, Turkish: the lira in the column name, per period.
func TestMeta_TurkishPerPeriod(t *testing.T) {
	s := read(t, "meta-tr.csv", csvFile(
		"Kampanya adı;Raporlama başlangıcı;Raporlama bitişi;Harcanan tutar (TRY);Gösterim;Erişim;Sonuçlar;Bağlantı tıklamaları",
		"Bahar;01.03.2025;31.03.2025;10.250,50;120.000;90.000;45;1.200",
	), "")
	golden(t, s[0], "meta_ads_campaigns",
		`2025-03-01..2025-03-31 meta_ads "Bahar" impr=120000 clicks=1200 conv=45 cost=1025050 TRY`)
}

// LinkedIn Campaign Manager: title rows, "Start Date (in UTC)" as the
// day of a daily export, month-first days, a currency column.
func TestLinkedIn_PerDay(t *testing.T) {
	s := read(t, "linkedin.csv", csvFile(
		"Campaign Performance Report",
		"Account: Acme (508000000)",
		"Campaign Name,Campaign ID,Start Date (in UTC),Currency,Total Spent,Impressions,Clicks,Leads",
		`EMEA ABM Q2,123456,3/14/2025,EUR,"1,234.56","20,000",150,12`,
		`EMEA ABM Q2,123456,3/15/2025,EUR,765.44,"10,000",75,6`,
	), "")
	golden(t, s[0], "linkedin_campaigns",
		`2025-03-14..2025-03-14 linkedin_ads "EMEA ABM Q2" impr=20000 clicks=150 leads=12 cost=123456 EUR`,
		`2025-03-15..2025-03-15 linkedin_ads "EMEA ABM Q2" impr=10000 clicks=75 leads=6 cost=76544 EUR`)
}

// TikTok Ads Manager: "Total of … campaigns" under the rows.
func TestTikTok_PerDay(t *testing.T) {
	s := read(t, "tiktok.csv", csvFile(
		"Campaign name,By Day,Currency,Cost,Impressions,Clicks (destination),Conversions",
		`Spring UGC,2025-03-01,USD,50.25,"10,000",120,4`,
		`Spring UGC,2025-03-02,USD,49.75,"9,500",110,3`,
		`Total of 1 campaign,-,USD,100.00,"19,500",230,7`,
	), "")
	golden(t, s[0], "tiktok_campaigns",
		`2025-03-01..2025-03-01 tiktok_ads "Spring UGC" impr=10000 clicks=120 conv=4 cost=5025 USD`,
		`2025-03-02..2025-03-02 tiktok_ads "Spring UGC" impr=9500 clicks=110 conv=3 cost=4975 USD`)
}

// Microsoft Advertising: report name and time rows, days whose order
// only the title's range settles, a copyright line at the end.
func TestMicrosoftAds_PerDay(t *testing.T) {
	s := read(t, "microsoft.csv", csvFile(
		`"Report Name: Campaign performance"`,
		`"Report Time: 3/1/2025 - 3/31/2025"`,
		`"Time Zone: (GMT-08:00) Pacific Time (US & Canada); Tijuana"`,
		"Gregorian date,Campaign name,Currency code,Impr.,Clicks,Spend,Conv.",
		`3/1/2025,Spring Search,USD,"1,000",50,75.50,2`,
		"3/2/2025,Spring Search,USD,900,45,70.00,1",
		`Total,,,"1,900",95,145.50,3`,
		`"©2025 Microsoft Corporation. All rights reserved. "`,
	), "")
	golden(t, s[0], "microsoft_ads_campaigns",
		`2025-03-01..2025-03-01 microsoft_ads "Spring Search" impr=1000 clicks=50 conv=2 cost=7550 USD`,
		`2025-03-02..2025-03-02 microsoft_ads "Spring Search" impr=900 clicks=45 conv=1 cost=7000 USD`)
}

// An .xlsx export with money as text in the account's locale beside
// number cells: "1.234,56" is text, 12.5 a number.
func TestMeta_XLSXTextAmounts(t *testing.T) {
	s := read(t, "meta-pl.xlsx", xlsxFile(t, "Arkusz1",
		[]any{"Nazwa kampanii", "Początek raportowania", "Koniec raportowania", "Wydana kwota (PLN)", "Wyświetlenia", "Zasięg", "Wyniki"},
		[]any{"Wiosna", "2025-03-01", "2025-03-31", "1.234,56", 1000.0, 900.0, 3.0},
		[]any{"Lato", "2025-03-01", "2025-03-31", 12.5, "2 000", 900.0, 1.0},
	), "")
	golden(t, s[0], "meta_ads_campaigns",
		`2025-03-01..2025-03-31 meta_ads "Lato" impr=2000 conv=1 cost=1250 PLN`,
		`2025-03-01..2025-03-31 meta_ads "Wiosna" impr=1000 conv=3 cost=123456 PLN`)
}

// Per-period rows: a row per week (Monday's date) and a row per month.
func TestGoogleAds_WeeksAndMonths(t *testing.T) {
	s := read(t, "weeks.csv", csvFile(
		"Week,Campaign,Currency code,Impr.,Clicks,Cost",
		"2025-03-03,Spring,EUR,100,10,5.00",
		"2025-03-10,Spring,EUR,200,20,10.00",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-03..2025-03-09 google_ads "Spring" impr=100 clicks=10 cost=500 EUR`,
		`2025-03-10..2025-03-16 google_ads "Spring" impr=200 clicks=20 cost=1000 EUR`)
	s = read(t, "months.csv", csvFile(
		"Miesiąc;Kampania;Kod waluty;Wyśw.;Kliknięcia;Koszt",
		"luty 2025;Wiosna;PLN;100;10;5,00",
		"2025-03;Wiosna;PLN;200;20;10,00",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-02-01..2025-02-28 google_ads "Wiosna" impr=100 clicks=10 cost=500 PLN`,
		`2025-03-01..2025-03-31 google_ads "Wiosna" impr=200 clicks=20 cost=1000 PLN`)
}

// A campaign whose name begins like a totals word is still a campaign.
func TestTotals_NotACampaignName(t *testing.T) {
	s := read(t, "t.csv", csvFile(
		"Campaign,Day,Currency code,Impr.,Clicks,Cost",
		"Totals - Q1 push,2025-03-01,EUR,1,1,1.00",
		"Total Recall,2025-03-01,EUR,1,1,1.00",
		"Total,,,2,2,2.00",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-01 google_ads "Total Recall" impr=1 clicks=1 cost=100 EUR`,
		`2025-03-01..2025-03-01 google_ads "Totals - Q1 push" impr=1 clicks=1 cost=100 EUR`)
}

// The platform's conversion value is kept as the custom metric
// "conversion_value" (exact decimal text, in the cost's currency), never
// as won revenue; rows of one campaign and day add up.
func TestGoogleAds_ConversionValue(t *testing.T) {
	s := read(t, "value.csv", csvFile(
		"Day;Campaign;Ad group;Currency code;Impr.;Clicks;Cost;Conversions;Wartość konw.",
		"01.03.2025;Wiosna;Grupa A;PLN;10;1;1,00;1,00;120,50",
		"01.03.2025;Wiosna;Grupa B;PLN;10;1;1,00;1,00;0,25",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-01 google_ads "Wiosna" impr=20 clicks=2 conv=2 cost=200 PLN conversion_value=120.75`)
}
