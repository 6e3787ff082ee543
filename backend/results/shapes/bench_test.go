package shapes

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkReadFile_GoogleAdsDaily reads a Polish Google Ads export of
// 100,000 day rows (comma decimals, day-first days).
func BenchmarkReadFile_GoogleAdsDaily(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("Raport kampanii\r\n1 stycznia 2025 - 31 grudnia 2025\r\nDzień;Kampania;Kod waluty;Wyśw.;Kliknięcia;Koszt;Konwersje\r\n")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&buf, "%02d.%02d.2025;Kampania %d;PLN;1 %03d;%d;%d,%02d;%d,00\r\n", 1+i%28, 1+i/28%12, i%500, i%1000, i%90, i%5000, i%100, i%7)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		s, err := ReadFile(bytes.NewReader(data), int64(len(data)), "g.csv", "")
		if err != nil || len(s[0].Problems) > 0 {
			b.Fatal(err, s[0].Problems)
		}
	}
}
