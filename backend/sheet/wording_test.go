package sheet

import "testing"

// The headers and sheet names the app wrote before a term was settled
// (issue 22) still import, next to the new ones, whatever language the
// person importing uses now.
func TestImporter_OldAndNewWordingImport(t *testing.T) {
	cases := []struct {
		name, kind, header, field string
	}{
		{"fa notice before", "contracts", "مهلت اعلام (روز)", "noticeDays"},
		{"fa notice now", "contracts", "مهلت اعلام قبلی (روز)", "noticeDays"},
		{"tr notice before", "contracts", "Bildirim süresi (gün)", "noticeDays"},
		{"tr notice now", "contracts", "İhbar süresi (gün)", "noticeDays"},
		{"tr revenue before", "campaigns", "Atfedilen gelir", "revenue"},
		{"tr revenue now", "campaigns", "İlişkilendirilen gelir", "revenue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, _ := matchHeader(Kinds[c.kind], c.header, nil); got != c.field {
				t.Fatalf("%q maps to %q, want %q", c.header, got, c.field)
			}
		})
	}
}

func TestImporter_OldAssetSheetName(t *testing.T) {
	for _, old := range []string{"دارایی‌ها", "الأصول"} {
		t.Run(old, func(t *testing.T) {
			// Both sheets have the same headers: only the name tells them apart.
			rows := [][]any{{"File name", "Title"}, {"logo.png", "Logo"}}
			wb := book(t, map[string][][]any{"Deliverables": rows, old: rows}, nil)
			labels := map[string]string{"sheet.assets": "دارایی‌های دیجیتال"}
			if got := wb.pickSheet(Kinds["assets"].withLabels(labels)); got != old {
				t.Fatalf("picked %q", got)
			}
		})
	}
}
