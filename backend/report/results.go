package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Formulas in the workbook carry their results.
//
// excelize writes a formula with no result (SetCellFormula stores no
// value, and every value setter drops the formula), so a viewer that never
// recalculates — a mail or phone preview, Quick Look — shows a blank where
// a total should be. The book records each formula's result as it writes
// the formula, from the same figures the rest of the report shows, and
// withResults stores them in the sheets once excelize has written the
// workbook, as Excel itself does (<f> followed by <v>).

// formula writes a formula at sheet!cell with its result: a float64, or a
// string ("" for a formula that leaves its cell empty).
func (b *book) formula(sheet, cell, formula string, result any) error {
	if err := b.f.SetCellFormula(sheet, cell, formula); err != nil {
		return err
	}
	if b.results == nil {
		b.results = map[string]map[string]any{}
	}
	if b.results[sheet] == nil {
		b.results[sheet] = map[string]any{}
	}
	b.results[sheet][cell] = result
	return nil
}

// withResults copies the workbook in book to w with the results (sheet
// name → cell → result) stored in their formulas' cells.
func withResults(w io.Writer, book []byte, results map[string]map[string]any) error {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return err
	}
	parts, err := sheetParts(zr)
	if err != nil {
		return err
	}
	byPart := map[string]map[string]any{}
	for sheet, cells := range results {
		p, ok := parts[sheet]
		if !ok {
			return fmt.Errorf("report: the workbook has no sheet %q", sheet)
		}
		byPart[p] = cells
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		data, err := readPart(f)
		if err != nil {
			return err
		}
		if cells, ok := byPart[f.Name]; ok {
			if data, err = storeResults(data, cells); err != nil {
				return fmt.Errorf("report: %s: %w", f.Name, err)
			}
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// sheetParts maps each sheet's name to its part in the package, from the
// workbook and its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for name, into := range map[string]any{"xl/workbook.xml": &wb, "xl/_rels/workbook.xml.rels": &rels} {
		f, err := zr.Open(name)
		if err != nil {
			return nil, err
		}
		err = xml.NewDecoder(f).Decode(into)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("report: %s: %w", name, err)
		}
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		if t, ok := strings.CutPrefix(r.Target, "/"); ok {
			targets[r.ID] = t
		} else {
			targets[r.ID] = path.Join("xl", r.Target)
		}
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		out[s.Name] = targets[s.ID]
	}
	return out, nil
}

var (
	formulaCell = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f>(?:<v>[^<]*</v>|<v/>)?</c>`)
	cellType    = regexp.MustCompile(` t="[^"]*"`)
)

// storeResults puts each cell's result after its formula: a number with
// no type, text as a formula string.
func storeResults(sheet []byte, cells map[string]any) ([]byte, error) {
	stored := 0
	var bad error
	out := formulaCell.ReplaceAllFunc(sheet, func(m []byte) []byte {
		g := formulaCell.FindSubmatch(m)
		r, ok := cells[string(g[1])]
		if !ok {
			return m
		}
		stored++
		attrs := cellType.ReplaceAll(g[2], nil)
		var v bytes.Buffer
		switch x := r.(type) {
		case float64:
			v.WriteString(strconv.FormatFloat(x, 'f', -1, 64))
		case string:
			attrs = append(attrs, ` t="str"`...)
			xml.EscapeText(&v, []byte(x))
		default:
			bad = fmt.Errorf("cell %s: a result of type %T", g[1], r)
		}
		return fmt.Appendf(nil, `<c r="%s"%s><f>%s</f><v>%s</v></c>`, g[1], attrs, g[3], v.Bytes())
	})
	if bad != nil {
		return nil, bad
	}
	if stored != len(cells) {
		return nil, fmt.Errorf("%d of %d formula results stored", stored, len(cells))
	}
	return out, nil
}
