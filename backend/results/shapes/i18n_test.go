package shapes

//lint:file-ignore ST1018 Persian column names are spelled with the zero-width non-joiner (U+200C), as in columns.go.

import "testing"

// The exports below are written in the languages the app speaks, with the
// column names columns.go recognises (README "Results files" says which
// of them a vendor documents) and each locale's numbers and days.

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
