package shapes

//lint:file-ignore ST1018 Persian column names are spelled with the zero-width non-joiner (U+200C), as in columns.go.

import (
	"strings"
	"testing"

	"mopsdesk/backend/sheet"
)

// The exports below are written in the languages the app speaks, with the
// column names columns.go recognises (README "Results files" says which
// of them a vendor documents) and each locale's numbers and days.

// Google Ads, Arabic: Arabic-Indic digits with ٬ and ٫, a title range
// with Arabic month names, day-first days, an "المجموع" totals row.
func TestGoogleAds_ArabicPerDay(t *testing.T) {
	s := read(t, "google-ar.csv", csvFile(
		"تقرير الحملة",
		"١ مارس ٢٠٢٥ - ١٤ مارس ٢٠٢٥",
		"اليوم,الحملة,العملة,مرات الظهور,النقرات,التكلفة,الإحالات الناجحة",
		"١٣/٠٣/٢٠٢٥,ربيع,SAR,١٬٢٣٤,٥٦,١٬٢٣٤٫٥٦,٣٫٠٠",
		"١٤/٠٣/٢٠٢٥,ربيع,SAR,٩٨٧,٤٠,٩٨٫١٠,٠",
		"المجموع,,,٢٬٢٢١,٩٦,١٬٣٣٢٫٦٦,٣",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-13..2025-03-13 google_ads "ربيع" impr=1234 clicks=56 conv=3 cost=123456 SAR`,
		`2025-03-14..2025-03-14 google_ads "ربيع" impr=987 clicks=40 cost=9810 SAR`)
}

// Google Ads, Persian: Persian digits, Solar Hijri days, a row per
// campaign and day, a "جمع کل" totals row.
func TestGoogleAds_PersianPerDay(t *testing.T) {
	s := read(t, "google-fa.csv", csvFile(
		"روز,کمپین,واحد پول,نمایش,کلیک‌ها,هزینه,تبدیل‌ها",
		"۱۴۰۳/۱۲/۱۱,بهار,USD,۱۲٬۳۴۵,۶۷۸,۴٬۵۶۷٫۸۹,۱۲",
		"۱۴۰۳/۱۲/۱۲,بهار,USD,۲٬۰۰۰,۱۰۰,۲۵۰٫۰۰,۰",
		"جمع کل,,,۱۴٬۳۴۵,۷۷۸,۴٬۸۱۷٫۸۹,۱۲",
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-01 google_ads "بهار" impr=12345 clicks=678 conv=12 cost=456789 USD`,
		`2025-03-02..2025-03-02 google_ads "بهار" impr=2000 clicks=100 cost=25000 USD`)
}

// Google Ads, Thai: "1,234.56", Buddhist-era years in the title range, a
// row per campaign for the whole range, a "รวม" totals row.
func TestGoogleAds_ThaiPerPeriod(t *testing.T) {
	s := read(t, "google-th.csv", csvFile(
		"รายงานแคมเปญ",
		"1 มี.ค. 2568 - 31 มี.ค. 2568",
		"แคมเปญ,สกุลเงิน,การแสดงผล,การคลิก,ค่าใช้จ่าย,การแปลง",
		`ฤดูร้อน,THB,"12,345",678,"4,567.89",12`,
		`แบรนด์,THB,"2,000",100,250.00,0`,
		`รวม,,"14,345",778,"4,817.89",12`,
	), "")
	golden(t, s[0], "google_ads_campaigns",
		`2025-03-01..2025-03-31 google_ads "ฤดูร้อน" impr=12345 clicks=678 conv=12 cost=456789 THB`,
		`2025-03-01..2025-03-31 google_ads "แบรนด์" impr=2000 clicks=100 cost=25000 THB`)
}

// Meta Ads Manager, Arabic: the currency in the column name, Arabic-Indic
// digits, its own reporting start and end per row. Before Meta knew its
// Arabic column names a tie handed this file to Google Ads.
func TestMeta_ArabicPerPeriod(t *testing.T) {
	s := read(t, "meta-ar.csv", csvFile(
		"اسم الحملة,بداية التقارير,نهاية التقارير,المبلغ المنفق (AED),مرات الظهور,النتائج,نقرات الرابط",
		"رمضان,٠١/٠٣/٢٠٢٥,٣١/٠٣/٢٠٢٥,١٠٬٢٥٠٫٥٠,١٢٠٬٠٠٠,٤٥,١٬٢٠٠",
	), "")
	golden(t, s[0], "meta_ads_campaigns",
		`2025-03-01..2025-03-31 meta_ads "رمضان" impr=120000 clicks=1200 conv=45 cost=1025050 AED`)
}

// Meta Ads Manager, Persian: Solar Hijri reporting start and end.
func TestMeta_PersianPerPeriod(t *testing.T) {
	s := read(t, "meta-fa.csv", csvFile(
		"نام کمپین,شروع گزارش,پایان گزارش,مبلغ هزینه‌شده (EUR),تعداد نمایش,نتایج,کلیک‌ها",
		"نوروز,۱۴۰۳/۱۲/۱۱,۱۴۰۴/۰۱/۱۰,۱٬۲۳۴٫۵۰,۵۰٬۰۰۰,۱۲,۸۰۰",
	), "")
	golden(t, s[0], "meta_ads_campaigns",
		`2025-03-01..2025-03-30 meta_ads "نوروز" impr=50000 clicks=800 conv=12 cost=123450 EUR`)
}

// Meta Ads Manager, Thai: a row per day, Buddhist-era days.
func TestMeta_ThaiPerDay(t *testing.T) {
	s := read(t, "meta-th.csv", csvFile(
		"ชื่อแคมเปญ,วัน,จำนวนเงินที่ใช้จ่าย (THB),การแสดงผล,ผลลัพธ์,การคลิกลิงก์,เริ่มการรายงาน,สิ้นสุดการรายงาน",
		`สงกรานต์,13/04/2568,"1,234.56","10,000",12,300,01/04/2568,30/04/2568`,
		`สงกรานต์,14/04/2568,765.44,"5,000",8,150,01/04/2568,30/04/2568`,
	), "")
	golden(t, s[0], "meta_ads_campaigns",
		`2025-04-13..2025-04-13 meta_ads "สงกรานต์" impr=10000 clicks=300 conv=12 cost=123456 THB`,
		`2025-04-14..2025-04-14 meta_ads "สงกรานต์" impr=5000 clicks=150 conv=8 cost=76544 THB`)
}

// GA4 per day in Polish and Turkish (the Turkish names as Google's
// developer guide gives them): YYYYMMDD days, "1 200" and "1.200"
// sessions kept as the custom metric, "12,5" key events rounded half to
// even.
func TestGA4_PolishAndTurkishPerDay(t *testing.T) {
	s := read(t, "ga4-pl.csv", csvFile(
		"Data;Kampania;Źródło;Medium;Sesje;Kluczowe zdarzenia",
		"20250301;wiosna;google;cpc;1 200;34",
		"20250302;wiosna;google;cpc;800;12,5",
	), "")
	golden(t, s[0], "ga4_acquisition",
		`2025-03-01..2025-03-01 ga4 "wiosna" utm=wiosna med=cpc conv=34 sessions=1200`,
		`2025-03-02..2025-03-02 ga4 "wiosna" utm=wiosna med=cpc conv=12 sessions=800`)
	s = read(t, "ga4-tr.csv", csvFile(
		"Tarih;Kampanya;Kaynak;Aracı;Oturum sayısı;Dönüşümler",
		"20250301;bahar;google;cpc;1.200;34",
		"20250302;bahar;google;cpc;950;13,5",
	), "")
	golden(t, s[0], "ga4_acquisition",
		`2025-03-01..2025-03-01 ga4 "bahar" utm=bahar med=cpc conv=34 sessions=1200`,
		`2025-03-02..2025-03-02 ga4 "bahar" utm=bahar med=cpc conv=14 sessions=950`)
}

// GA4 per day in Arabic and Thai: the session counts name the export;
// "١٬٢٠٠" is twelve hundred, the Arabic thousands separator never a
// decimal point (it read as 1.2 sessions before).
func TestGA4_ArabicAndThaiPerDay(t *testing.T) {
	s := read(t, "ga4-ar.csv", csvFile(
		"التاريخ,الحملة,المصدر,الوسيط,الجلسات",
		"٢٠٢٥٠٣٠١,ربيع,google,cpc,١٬٢٠٠",
	), "")
	golden(t, s[0], "ga4_acquisition",
		`2025-03-01..2025-03-01 ga4 "ربيع" utm=ربيع med=cpc sessions=1200`)
	s = read(t, "ga4-th.csv", csvFile(
		"วันที่,แคมเปญ,แหล่งที่มา,สื่อ,เซสชัน",
		`20250301,summer,google,cpc,"1,200"`,
	), "")
	golden(t, s[0], "ga4_acquisition",
		`2025-03-01..2025-03-01 ga4 "summer" utm=summer med=cpc sessions=1200`)
}

// Each localised header is its own export's, surely: no other shape is
// as likely, so a name two platforms share never flips a detection.
func TestDetect_Localised(t *testing.T) {
	cases := []struct{ want, header string }{
		{"google_ads_campaigns", "Dzień;Kampania;Kod waluty;Wyśw.;Kliknięcia;Koszt;Konwersje"},
		{"google_ads_campaigns", "Gün;Kampanya;Kampanya türü;Para birimi kodu;Gösterim;Tıklama;Maliyet;Dönüşümler"},
		{"google_ads_campaigns", "اليوم;الحملة;العملة;مرات الظهور;النقرات;التكلفة;الإحالات الناجحة"},
		{"google_ads_campaigns", "روز;کمپین;واحد پول;نمایش;کلیک‌ها;هزینه;تبدیل‌ها"},
		{"google_ads_campaigns", "วัน;แคมเปญ;สกุลเงิน;การแสดงผล;การคลิก;ค่าใช้จ่าย;การแปลง"},
		{"meta_ads_campaigns", "Nazwa kampanii;Początek raportowania;Koniec raportowania;Wydana kwota (PLN);Wyświetlenia;Zasięg;Wyniki;Kliknięcia linku"},
		{"meta_ads_campaigns", "Kampanya adı;Raporlama başlangıcı;Raporlama bitişi;Harcanan tutar (TRY);Gösterimler;Erişim;Sonuçlar;Bağlantı tıklamaları"},
		{"meta_ads_campaigns", "اسم الحملة;بداية التقارير;نهاية التقارير;المبلغ المنفق (SAR);مرات الظهور;النتائج;نقرات الرابط"},
		{"meta_ads_campaigns", "نام کمپین;شروع گزارش;پایان گزارش;مبلغ هزینه‌شده (IRR);تعداد نمایش;نتایج;کلیک‌ها"},
		{"meta_ads_campaigns", "ชื่อแคมเปญ;เริ่มการรายงาน;สิ้นสุดการรายงาน;จำนวนเงินที่ใช้จ่าย (THB);การแสดงผล;ผลลัพธ์;การคลิกลิงก์"},
		{"ga4_acquisition", "Data;Kampania;Źródło / medium;Sesje;Kluczowe zdarzenia"},
		{"ga4_acquisition", "Tarih;Kampanya;Kaynak;Aracı;Oturum sayısı;Dönüşümler"},
		{"ga4_acquisition", "التاريخ;الحملة;المصدر / الوسيط;الجلسات"},
		{"ga4_acquisition", "تاریخ;کمپین;منبع / رسانه;جلسه‌ها"},
		{"ga4_acquisition", "วันที่;แคมเปญ;แหล่งที่มา / สื่อ;เซสชัน"},
	}
	for _, c := range cases {
		d, err := Detect("s", []sheet.Row{{Number: 1, Cells: strings.Split(c.header, ";")}}, true)
		if err != nil {
			t.Fatalf("%s: %v", c.header, err)
		}
		if d.Shape.Name != c.want || d.Confidence < 0.5 {
			t.Errorf("%s detected as %s (%.2f), want %s", c.header, d.Shape.Name, d.Confidence, c.want)
		}
		for _, o := range d.Others {
			if o.Confidence >= d.Confidence {
				t.Errorf("%s: %s is as likely as %s (%.2f)", c.header, o.Shape.Name, d.Shape.Name, o.Confidence)
			}
		}
	}
}

// The Arabic thousands separator ٬ groups digits whichever decimal
// separator the file uses; the Arabic decimal separator ٫ is a decimal.
func TestNumbers_ArabicSeparators(t *testing.T) {
	for _, dec := range []byte{'.', ','} {
		if n, err := count("١٬٢٠٠", dec); err != nil || n != 1200 {
			t.Errorf("count(١٬٢٠٠, %c) = %d, %v; want 1200", dec, n, err)
		}
		if n, err := count("۱۲٬۳۴۵٬۶۷۸", dec); err != nil || n != 12345678 {
			t.Errorf("count(۱۲٬۳۴۵٬۶۷۸, %c) = %d, %v; want 12345678", dec, n, err)
		}
	}
	if m, err := money("١٬٢٣٤٫٥٦ ر.س", ',', "SAR"); err != nil || m.Amount != 123456 {
		t.Errorf("money = %+v, %v; want 123456 SAR", m, err)
	}
}
