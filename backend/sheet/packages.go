package sheet

// Packages: where a zip keeps its workbook, what a zip holds when it is
// not a workbook, and whether an old .xls is password protected.

import (
	"archive/zip"
	"encoding/binary"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// officeDocument is the path of the package's main part as _rels/.rels
// names it (Transitional or Strict relationship type), "" when there is
// none. The format lets a workbook sit at any path.
func officeDocument(zr *zip.Reader) string {
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, f := range zr.File {
		if f.Name != "_rels/.rels" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return ""
		}
		err = xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&rels)
		rc.Close()
		if err != nil {
			return ""
		}
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return ""
}

// zippedFormat tells what a zip that is no workbook holds: an .xlsb, a
// Numbers package (a folder with Index/*.iwa), or a workbook or CSV file.
func zippedFormat(zr *zip.Reader) Format {
	found := FormatUnknown
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		switch {
		case strings.HasSuffix(name, ".xlsb"):
			return FormatZippedXLSB
		case strings.Contains(name, "/index/") && strings.HasSuffix(name, ".iwa"), strings.HasSuffix(name, ".numbers"):
			return FormatZippedNumbers
		case strings.HasSuffix(name, ".xlsx"), strings.HasSuffix(name, ".xlsm"), strings.HasSuffix(name, ".csv"):
			found = FormatZipped
		}
	}
	return found
}

// zipReadable reports whether r is a zip whose directory can be read.
func zipReadable(r io.ReaderAt, size int64) bool {
	_, err := zip.NewReader(r, size)
	return err == nil
}

// xlsProtected reports whether an .xls (an OLE compound file) is saved
// with a password: its Workbook stream's first record after BOF is
// FILEPASS (0x002F). Only the first directory sector is looked at, where
// Excel puts the Workbook stream's entry.
func xlsProtected(r io.ReaderAt, size int64) bool {
	head := make([]byte, 512)
	if n, _ := r.ReadAt(head, 0); n < 512 {
		return false
	}
	shift := binary.LittleEndian.Uint16(head[0x1E:])
	if shift < 7 || shift > 16 {
		return false
	}
	sector := int64(1) << shift
	at := func(s uint32) int64 { return (int64(s) + 1) * sector }
	dir := make([]byte, sector)
	if n, _ := r.ReadAt(dir, at(binary.LittleEndian.Uint32(head[0x30:]))); int64(n) < sector {
		return false
	}
	for e := int64(0); e+128 <= sector; e += 128 {
		entry := dir[e : e+128]
		l := int(binary.LittleEndian.Uint16(entry[0x40:]))
		if l < 2 || l > 64 || entry[0x42] != 2 {
			continue
		}
		var name []rune
		for i := 0; i+1 < l-2; i += 2 {
			name = append(name, rune(binary.LittleEndian.Uint16(entry[i:])))
		}
		if n := string(name); n != "Workbook" && n != "Book" {
			continue
		}
		if binary.LittleEndian.Uint32(entry[0x78:]) < 4096 {
			return false // in the mini stream: too small to be a real workbook
		}
		rec := make([]byte, 64)
		if n, _ := r.ReadAt(rec, at(binary.LittleEndian.Uint32(entry[0x74:]))); n < 64 {
			return false
		}
		if binary.LittleEndian.Uint16(rec) != 0x0809 && binary.LittleEndian.Uint16(rec) != 0x0009 {
			return false
		}
		next := 4 + int(binary.LittleEndian.Uint16(rec[2:]))
		return next+2 <= len(rec) && binary.LittleEndian.Uint16(rec[next:]) == 0x002F
	}
	return false
}
