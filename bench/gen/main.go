// Command gen writes the benchmark's spend workbook: ROWS rows (default
// 100,000) × 12 columns, dates as date cells and amounts as numbers, the
// way an accounting export looks, its parts in the order Excel writes them.
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	rows := flag.Int("rows", 100_000, "data rows")
	out := flag.String("out", "spend-100k.xlsx", "output file")
	flag.Parse()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		log.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	money, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	headers := []any{"Date", "Amount", "Currency", "Team", "Category", "Vendor", "Status", "Reference", "Note", "Region", "Cost centre", "Approved by"}
	if err := sw.SetRow("A1", headers); err != nil {
		log.Fatal(err)
	}
	teams := []string{"Brand", "Field marketing", "Growth", "Product marketing"}
	cats := []string{"Paid media", "Events", "Software", "Agencies", "Content"}
	vendors := []string{"Google", "Meta", "LinkedIn", "Canva", "HubSpot", "Eventbrite", "Upwork", "Mailchimp"}
	regions := []string{"EMEA", "APAC", "NA", "LATAM"}
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < *rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{
			excelize.Cell{StyleID: dateStyle, Value: start.AddDate(0, 0, r.IntN(365))},
			excelize.Cell{StyleID: money, Value: float64(r.IntN(500_000)+100) / 100},
			"USD",
			teams[r.IntN(len(teams))],
			cats[r.IntN(len(cats))],
			vendors[r.IntN(len(vendors))],
			"actual",
			fmt.Sprintf("INV-%06d", i+1),
			fmt.Sprintf("Line %d of the 2025 ledger", i+1),
			regions[r.IntN(len(regions))],
			fmt.Sprintf("CC-%03d", r.IntN(200)),
			"Finance",
		}
		if err := sw.SetRow(cell, row); err != nil {
			log.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, sheetsLast(buf.Bytes()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// sheetsLast rewrites a workbook's zip with the worksheets after every
// other part, the order Excel writes: a streaming reader (ExcelJS's) meets
// the workbook and styles before the rows instead of holding a whole sheet
// until it knows them. The entries are copied still compressed.
func sheetsLast(book []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		log.Fatal(err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		return !strings.HasPrefix(files[i].Name, "xl/worksheets/") && strings.HasPrefix(files[j].Name, "xl/worksheets/")
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range files {
		r, err := f.OpenRaw()
		if err != nil {
			log.Fatal(err)
		}
		w, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			log.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return out.Bytes()
}
