package sheet

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// namedBook writes sheets (in the order given) to a workbook called name.
func namedBook(t testing.TB, name string, sheets []string, rows map[string][][]any) *Workbook {
	t.Helper()
	f := excelize.NewFile()
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s)
		} else {
			f.NewSheet(s)
		}
		for j, r := range rows[s] {
			cell, _ := excelize.CoordinatesToCellName(1, j+1)
			f.SetSheetRow(s, cell, &r)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb, err := Open(bytes.NewReader(buf.Bytes()), int64(buf.Len()), name)
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

// entries imports a workbook as deliverables and returns "date title
// [channel]" per record, and the importer.
func entries(t *testing.T, wb *Workbook, opts Options) ([]string, *Importer) {
	t.Helper()
	opts.Kind = "deliverables"
	im, err := New(wb, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range records(t, im) {
		if len(r.Problems) > 0 {
			t.Fatalf("problems %+v", r.Problems)
		}
		if r.Skip != "" {
			continue
		}
		s := r.Values["publishDate"].Text + " " + r.Values["title"].Text
		if c := r.Values["channel"].Text; c != "" {
			s += " [" + c + "]"
		}
		got = append(got, s)
	}
	return got, im
}

func want(t *testing.T, got []string, w string) {
	t.Helper()
	if strings.Join(got, "|") != w {
		t.Fatalf("got  %s\nwant %s", strings.Join(got, "|"), w)
	}
}

// Item 1: weekday headers as people write them, in six languages, any
// case, with or without a full stop; some weekdays only.
func TestGrid_WeekdayHeaders(t *testing.T) {
	heads := map[string][]any{
		"en-abbr":  {"MON", "TUES", "WEDS", "THURS", "FRI", "SAT", "SUN"},
		"en-dots":  {"Mon.", "Tue.", "Wed.", "Thu.", "Fri.", "Sat", "Sun"},
		"en-some":  {"Mon", "Wed", "Fri", "Sun"},
		"pl":       {"pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "ndz."},
		"pl-plain": {"PONIEDZIAŁEK", "WTOREK", "SRODA", "CZWARTEK", "PIATEK", "SOBOTA", "NIEDZIELA"},
		"tr":       {"Pts", "Sal", "Çrş", "Prş", "Cum", "Cts", "Paz"},
		"tr-upper": {"PAZARTESİ", "SALI", "ÇARŞAMBA", "PERŞEMBE", "CUMA", "CUMARTESİ", "PAZAR"},
		"fa":       {"دوشنبه", "سه شنبه", "چهارشنبه", "پنج‌شنبه", "جمعه", "شنبه", "يکشنبه"},
		"ar":       {"الإثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الاحد"},
		"th":       {"จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา."},
	}
	for name, head := range heads {
		t.Run(name, func(t *testing.T) {
			nums := []any{}
			entry := []any{}
			for i := range head {
				nums = append(nums, i+1)
				entry = append(entry, fmt.Sprintf("Post %d", i+1))
			}
			wb := namedBook(t, "plan.xlsx", []string{"May 2026"}, map[string][][]any{"May 2026": {head, nums, entry}})
			got, im := entries(t, wb, Options{})
			if im.Layout.Shape != "calendar" || len(got) != len(head) {
				t.Fatalf("shape %s entries %v", im.Layout.Shape, got)
			}
			if !strings.HasPrefix(got[0], "2026-05-01 Post 1") {
				t.Fatalf("first %q", got[0])
			}
		})
	}
	t.Run("TableWithAWeekdayColumn", func(t *testing.T) {
		wb := namedBook(t, "plan.xlsx", []string{"Posts"}, map[string][][]any{"Posts": {
			{"Title", "MONDAY", "Channel"},
			{"Launch", "2026-05-04", "Blog"},
		}})
		im, err := New(wb, Options{Kind: "deliverables"})
		if err != nil || im.Layout.Shape != "table" {
			t.Fatalf("shape %v %v", im.Layout.Shape, err)
		}
	})
}

// Item 2: a day number and an entry in one cell; rows of mostly numbers
// that hold entries too.
func TestGrid_NumbersAndEntriesInOneCell(t *testing.T) {
	wb := namedBook(t, "plan.xlsx", []string{"February 2026"}, map[string][][]any{"February 2026": {
		{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
		{9, 10, 11, "12 - Blog", 13, "14: Valentine's Day", 15},
		{"16", "Team sync", nil, nil, nil, nil, nil},
		{nil, nil, nil, nil, nil, nil, "5. Webinar invite"},
	}})
	got, _ := entries(t, wb, Options{})
	want(t, got, "2026-02-12 Blog|2026-02-14 Valentine's Day|2026-02-17 Team sync|2026-02-05 Webinar invite")
}

// Item 3: the month from the sheet name or a label; the year from the
// sheet, a title or the file name; no year anywhere is asked.
func TestGrid_MonthAndYear(t *testing.T) {
	grid := func(title ...any) [][]any {
		rows := [][]any{}
		if len(title) > 0 {
			rows = append(rows, title)
		}
		return append(rows, []any{"Mon", "Tue", "Wed", "Thu", "Fri"}, []any{2, 3, 4, 5, 6}, []any{"Launch"})
	}
	t.Run("SheetNameWithSpaceAndFileYear", func(t *testing.T) {
		wb := namedBook(t, "Plan_2026.xlsx", []string{" March"}, map[string][][]any{" March": grid()})
		got, im := entries(t, wb, Options{})
		want(t, got, "2026-03-02 Launch")
		if im.Layout.YearNeeded {
			t.Fatal("the file name names the year")
		}
	})
	t.Run("UpperCaseSheetTitleYear", func(t *testing.T) {
		wb := namedBook(t, "plan.xlsx", []string{"APRIL"}, map[string][][]any{"APRIL": grid("Content calendar 2027")})
		got, _ := entries(t, wb, Options{})
		want(t, got, "2027-04-02 Launch")
	})
	t.Run("LabelInFirstColumn", func(t *testing.T) {
		wb := namedBook(t, "plan 2026.xlsx", []string{"Plan"}, map[string][][]any{"Plan": {
			{nil, "Mon", "Tue", "Wed", "Thu", "Fri"},
			{"June", 1, 2, 3, 4, 5},
			{nil, nil, "Launch"},
		}})
		got, _ := entries(t, wb, Options{})
		want(t, got, "2026-06-02 Launch")
	})
	t.Run("NoYearIsAsked", func(t *testing.T) {
		wb := namedBook(t, "plan.xlsx", []string{"May"}, map[string][][]any{"May": grid()})
		_, im := entries(t, wb, Options{FallbackYear: 2030})
		if !im.Layout.YearNeeded {
			t.Fatal("no year is written anywhere: it must be asked")
		}
		got, im := entries(t, wb, Options{Year: 2025, FallbackYear: 2030})
		want(t, got, "2025-05-02 Launch")
		if im.Layout.YearNeeded {
			t.Fatal("answered")
		}
	})
}

// Item 4: twelve month blocks on one sheet; a sheet per month in one go,
// or the sheets chosen.
func TestGrid_WholeYearAndSheetPerMonth(t *testing.T) {
	var rows [][]any
	for m := 1; m <= 12; m++ {
		rows = append(rows, []any{monthNames[m-1][0] + " 2026"}, []any{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
			[]any{nil, nil, nil, nil, nil, nil, 1}, []any{nil, nil, nil, nil, nil, nil, fmt.Sprintf("Post %d", m)}, []any{})
	}
	wb := namedBook(t, "year.xlsx", []string{"2026"}, map[string][][]any{"2026": rows})
	got, _ := entries(t, wb, Options{})
	if len(got) != 12 || got[11] != "2026-12-01 Post 12" {
		t.Fatalf("%v", got)
	}
	sheets := []string{"Jan", "Feb", "Mar"}
	data := map[string][][]any{}
	for i, s := range sheets {
		data[s] = [][]any{{"Mon", "Tue", "Wed", "Thu", "Fri"}, {2, 3, 4, 5, 6}, {s + " post"}}
		_ = i
	}
	wb = namedBook(t, "Plan_2026.xlsx", append(sheets, "Notes"), data)
	got, im := entries(t, wb, Options{})
	want(t, got, "2026-01-02 Jan post|2026-02-02 Feb post|2026-03-02 Mar post")
	if strings.Join(im.Layout.GridSheets, ",") != "Jan,Feb,Mar" {
		t.Fatalf("grid sheets %v", im.Layout.GridSheets)
	}
	got, _ = entries(t, wb, Options{Sheets: []string{"Feb", "Mar"}})
	want(t, got, "2026-02-02 Feb post|2026-03-02 Mar post")
	var sheetsOf []string
	im, _ = New(wb, Options{Kind: "deliverables"})
	for _, r := range records(t, im) {
		sheetsOf = append(sheetsOf, r.Sheet)
	}
	if strings.Join(sheetsOf, ",") != "Jan,Feb,Mar" {
		t.Fatalf("records name their sheets: %v", sheetsOf)
	}
}

// Item 5: a second line naming a channel is the entry's channel.
func TestGrid_MultiLineCells(t *testing.T) {
	wb := namedBook(t, "Plan_2026.xlsx", []string{"May"}, map[string][][]any{"May": {
		{"Mon", "Tue", "Wed", "Thu", "Fri"},
		{4, 5, 6, 7, 8},
		{"Product teaser\nLinkedIn", "Case study\nPartner blog", "Blog post\nNewsletter draft", "Reel\n#Instagram\nTikTok"},
	}})
	got, _ := entries(t, wb, Options{Channels: []string{"Partner Blog"}})
	want(t, got, "2026-05-04 Product teaser [LinkedIn]|2026-05-05 Case study [Partner Blog]|2026-05-06 Blog post|2026-05-06 Newsletter draft|"+
		"2026-05-07 Reel [Instagram]|2026-05-07 Reel [TikTok]")
}

// Item 6: blocks beside and below the grid are listed with their range.
func TestGrid_WhereTheGridEnds(t *testing.T) {
	wb := namedBook(t, "Plan_2026.xlsx", []string{"February"}, map[string][][]any{"February": {
		{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", nil, "Best hours"},
		{23, 24, 25, 26, 27, 28, nil, nil, "LinkedIn", "9:00"},
		{"Launch", nil, nil, nil, nil, "Recap", nil, nil, "Instagram", "18:00"},
		{},
		{"Legend"},
		{"Blue", "Video"},
	}})
	got, im := entries(t, wb, Options{})
	want(t, got, "2026-02-23 Launch|2026-02-28 Recap")
	var skipped []string
	for _, s := range im.Layout.Skipped {
		skipped = append(skipped, s.Key+" "+fmt.Sprint(s.Params["range"]))
	}
	if strings.Join(skipped, ",") != "import.grid_skipped I1:J3,import.grid_skipped A5:B6" {
		t.Fatalf("skipped %v", skipped)
	}
}

// Item 6: a legend after a blank row under a grid of the month's first
// weeks only is left out; entries after a blank row between weeks are not.
func TestGrid_BlankRows(t *testing.T) {
	wb := namedBook(t, "Plan_2026.xlsx", []string{"March"}, map[string][][]any{"March": {
		{"Mon", "Tue", "Wed", "Thu", "Fri"},
		{2, 3, 4, 5, 6},
		{"Launch"},
		{},
		{9, 10, 11, 12, 13},
		{nil, "Recap"},
		{},
		{"Legend", "Blue = video"},
	}})
	got, im := entries(t, wb, Options{})
	want(t, got, "2026-03-02 Launch|2026-03-10 Recap")
	if len(im.Layout.Skipped) != 1 || im.Layout.Skipped[0].Params["range"] != "A8:B8" {
		t.Fatalf("skipped %+v", im.Layout.Skipped)
	}
}

// Item 8: a grid of posts is deliverables, and the reason is given.
func TestGrid_GuessKindWhy(t *testing.T) {
	data := map[string][][]any{"Notes": {{"Campaign", "Budget"}, {"A", 1}}, "May": {
		{"MON", "TUES", "WEDS", "THURS", "FRI"}, {1, 2, 3, 4, 5}, {"Post"},
	}}
	wb := namedBook(t, "plan.xlsx", []string{"May", "Notes"}, data)
	kind, why := GuessKindWhy(wb, "", nil)
	if kind != "deliverables" || why == nil || why.Key != "import.why_grid" || why.Sheet != "May" {
		t.Fatalf("%s %+v", kind, why)
	}
	// A table of campaigns first, a grid beside it: the table says.
	wb = namedBook(t, "plan.xlsx", []string{"Notes", "May"}, data)
	if kind, why = GuessKindWhy(wb, "", nil); kind != "campaigns" || why.Key != "import.why_headers" {
		t.Fatalf("%s %+v", kind, why)
	}
	wb = namedBook(t, "c.xlsx", []string{"S"}, map[string][][]any{"S": {{"Vendor", "Website"}, {"Canva", "canva.com"}}})
	kind, why = GuessKindWhy(wb, "", nil)
	if kind != "vendors" || why.Key != "import.why_headers" || !strings.Contains(why.Params["headers"].(string), "'Website'") {
		t.Fatalf("%s %+v", kind, why)
	}
}

// Item 4: a year planner of twelve month blocks, three across and four
// down, under one title that names the year.
func TestGrid_YearPlannerBlocksSideBySide(t *testing.T) {
	rows := make([][]any, 42)
	set := func(r, c int, v any) {
		for len(rows[r-1]) < c {
			rows[r-1] = append(rows[r-1], nil)
		}
		rows[r-1][c-1] = v
	}
	set(1, 1, "Social plan 2026")
	for m := 1; m <= 12; m++ {
		top, left := 2+((m-1)/3)*10, 1+((m-1)%3)*8
		set(top, left, monthNames[m-1][0])
		for i, h := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
			set(top+1, left+i, h)
		}
		wd1 := int(time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Weekday()+6) % 7
		for d := 1; d <= daysIn(2026, m); d++ {
			pos := wd1 + d - 1
			var v any = d
			if d == 1 {
				v = fmt.Sprintf("1. Post %d", m)
			}
			set(top+2+pos/7, left+pos%7, v)
		}
	}
	wb := namedBook(t, "planner.xlsx", []string{"Year"}, map[string][][]any{"Year": rows})
	got, im := entries(t, wb, Options{})
	var w []string
	for m := 1; m <= 12; m++ {
		w = append(w, fmt.Sprintf("2026-%02d-01 Post %d", m, m))
	}
	sort.Strings(got)
	sort.Strings(w)
	want(t, got, strings.Join(w, "|"))
	if len(im.Layout.Skipped) != 0 || im.Layout.YearNeeded {
		t.Fatalf("skipped %+v, year needed %v", im.Layout.Skipped, im.Layout.YearNeeded)
	}
}

// Rows left out and cells fixed in an import of several month sheets name
// their sheet: row 3 of February is not row 3 of every month.
func TestGrid_ExcludeAndFixPerSheet(t *testing.T) {
	data := map[string][][]any{}
	for _, s := range []string{"Jan", "Feb", "Mar"} {
		data[s] = [][]any{{"Mon", "Tue", "Wed", "Thu", "Fri"}, {2, 3, 4, 5, 6}, {s + " post"}}
	}
	wb := namedBook(t, "Plan_2026.xlsx", []string{"Jan", "Feb", "Mar"}, data)
	got, _ := entries(t, wb, Options{ExcludeAt: []string{"Feb!3"}, Exclude: []int{3}, Fixes: map[string]string{"Mar!A3": "March launch", "A3": "ignored"}})
	want(t, got, "2026-01-02 Jan post|2026-03-02 March launch")
	wb = namedBook(t, "Plan_2026.xlsx", []string{"Jan"}, data)
	got, _ = entries(t, wb, Options{Fixes: map[string]string{"A3": "January launch"}})
	want(t, got, "2026-01-02 January launch")
}
