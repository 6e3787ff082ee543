package sheet

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"errors"
	"testing"

	"mopsdesk/backend"
)

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

// Lists in a message's parameters stay lists: the UI joins them the way
// the reader's language writes a list ("a، b و c" in Persian), which a
// string joined here with ", " cannot be.
func TestImporter_ListsStayLists(t *testing.T) {
	wb := book(t, map[string][][]any{"Data": {{"Campaign", "Status"}, {"Spring", "bogus"}}}, nil)
	_, err := New(wb, Options{Kind: "campaigns", Sheet: "Other", Currency: "USD"})
	var e *backend.Error
	if !errors.As(err, &e) {
		t.Fatalf("err %v", err)
	}
	if got, ok := e.Fields["sheet"].Params["sheets"].([]string); !ok || len(got) != 1 || got[0] != "Data" {
		t.Fatalf("sheets %#v", e.Fields["sheet"].Params["sheets"])
	}
	im, err := New(wb, Options{Kind: "campaigns", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	recs := records(t, im)
	if len(recs) != 1 || len(recs[0].Problems) != 1 {
		t.Fatalf("%+v", recs)
	}
	if got, ok := recs[0].Problems[0].Params["choices"].([]string); !ok || len(got) < 3 {
		t.Fatalf("choices %#v", recs[0].Problems[0].Params["choices"])
	}
}
