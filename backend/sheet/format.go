package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"mopsdesk/backend"
)

// Format is a spreadsheet file format as recognised from its bytes.
type Format string

// Formats the importer knows. Only XLSX (and XLSM) and CSV are read; the
// others are recognised so the user is told what to do with them.
const (
	FormatXLSX      Format = "xlsx"
	FormatCSV       Format = "csv"
	FormatXLS       Format = "xls"
	FormatXLSB      Format = "xlsb"
	FormatODS       Format = "ods"
	FormatNumbers   Format = "numbers"
	FormatEncrypted Format = "encrypted"
	FormatUnknown   Format = "unknown"
	// FormatEmpty is a file of zero bytes.
	FormatEmpty Format = "empty"
	// FormatXLSProtected is an .xls saved with a password.
	FormatXLSProtected Format = "xls_protected"
	// FormatZippedXLSB, FormatZippedNumbers and FormatZipped are zip
	// archives holding an .xlsb, a Numbers package (a folder, zipped to
	// be sent) or a workbook or CSV file.
	FormatZippedXLSB    Format = "zipped_xlsb"
	FormatZippedNumbers Format = "zipped_numbers"
	FormatZipped        Format = "zipped"
)

// Detect tells a file's format from its content (never from its name
// alone: people rename files). size is the file's length.
func Detect(r io.ReaderAt, size int64) Format {
	if size == 0 {
		return FormatEmpty
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		// An OLE compound file: either an old .xls or an encrypted OOXML
		// package, which Office wraps in one with an EncryptionInfo stream.
		if oleHas(r, size, "EncryptionInfo") {
			return FormatEncrypted
		}
		if xlsProtected(r, size) {
			return FormatXLSProtected
		}
		return FormatXLS
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(r, size)
		if err != nil {
			return FormatUnknown
		}
		names := map[string]bool{}
		for _, f := range zr.File {
			names[f.Name] = true
			if strings.HasPrefix(f.Name, "Index/") && strings.HasSuffix(f.Name, ".iwa") {
				return FormatNumbers
			}
		}
		switch {
		case names["xl/workbook.bin"]:
			return FormatXLSB
		case names["xl/workbook.xml"]:
			return FormatXLSX
		case names["mimetype"] && zipText(zr, "mimetype") == "application/vnd.oasis.opendocument.spreadsheet":
			return FormatODS
		}
		if part := officeDocument(zr); part != "" {
			// The workbook at another path, named by _rels/.rels.
			if strings.HasSuffix(strings.ToLower(part), ".bin") {
				return FormatXLSB
			}
			return FormatXLSX
		}
		return zippedFormat(zr)
	}
	if looksLikeText(r, size) {
		return FormatCSV
	}
	return FormatUnknown
}

// oleHas reports whether an OLE compound file names a stream (the name is
// stored in UTF-16 in its directory; a byte search is enough to tell).
func oleHas(r io.ReaderAt, size int64, stream string) bool {
	var utf16 []byte
	for _, c := range stream {
		utf16 = append(utf16, byte(c), 0)
	}
	buf := make([]byte, min(size, 4<<20))
	n, _ := r.ReadAt(buf, 0)
	return bytes.Contains(buf[:n], utf16)
}

func zipText(zr *zip.Reader, name string) string {
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return ""
			}
			defer rc.Close()
			b, _ := io.ReadAll(io.LimitReader(rc, 200))
			return strings.TrimSpace(string(b))
		}
	}
	return ""
}

// looksLikeText reports whether the start of a file is text: UTF-8 or
// UTF-16 (with a byte order mark), with no NUL bytes in UTF-8.
func looksLikeText(r io.ReaderAt, size int64) bool {
	buf := make([]byte, min(size, 64<<10))
	n, _ := r.ReadAt(buf, 0)
	buf = buf[:n]
	if len(buf) == 0 {
		return false
	}
	if bytes.HasPrefix(buf, []byte{0xFF, 0xFE}) || bytes.HasPrefix(buf, []byte{0xFE, 0xFF}) {
		return true
	}
	return !bytes.Contains(buf, []byte{0})
}

// Refusal returns the message for a format the importer does not read,
// saying what it is and how to convert it, or nil for a readable one.
func Refusal(f Format, name string) error {
	why := map[Format]string{
		FormatXLS:       "is an Excel 97–2003 workbook (.xls). Open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx), then import that file.",
		FormatXLSB:      "is an Excel binary workbook (.xlsb). Open it in Excel and save it as an Excel workbook (.xlsx), then import that file.",
		FormatODS:       "is an OpenDocument spreadsheet (.ods). Open it in LibreOffice Calc and use File → Save As → Excel 2007-365 (.xlsx), then import that file.",
		FormatNumbers:   "is an Apple Numbers file. Open it in Numbers and use File → Export To → Excel, then import that file.",
		FormatEncrypted: "is protected with a password. Open it in Excel, remove the password (File → Info → Protect Workbook), save it, then import it.",
		FormatUnknown:   "is not a spreadsheet MOps Desk can read. Save it as an Excel workbook (.xlsx) or as CSV, then import that file.",
		FormatEmpty:     "is empty (0 bytes): there is nothing in it to import. Check that it was saved or downloaded completely.",
		FormatXLSProtected: "is an Excel 97–2003 workbook (.xls) protected with a password. Open it in Excel, remove the password " +
			"(File → Info → Protect Workbook), save it as an Excel workbook (.xlsx), then import that file.",
		FormatZippedXLSB: "is a zip archive holding an Excel binary workbook (.xlsb). Unzip it, open the .xlsb in Excel and save it " +
			"as an Excel workbook (.xlsx), then import that file.",
		FormatZippedNumbers: "is a zipped Apple Numbers file. Unzip it, open it in Numbers and use File → Export To → Excel, " +
			"then import that file.",
		FormatZipped: "is a zip archive. Unzip it and import the workbook or CSV file inside.",
	}[f]
	if why == "" {
		return nil
	}
	key := map[Format]string{
		FormatXLS: "import.format_xls", FormatXLSB: "import.format_xlsb", FormatODS: "import.format_ods",
		FormatNumbers: "import.format_numbers", FormatEncrypted: "import.format_encrypted", FormatUnknown: "import.format_unknown",
		FormatEmpty: "import.format_empty", FormatXLSProtected: "import.format_xls_protected", FormatZippedXLSB: "import.format_zipped_xlsb",
		FormatZippedNumbers: "import.format_zipped_numbers", FormatZipped: "import.format_zipped",
	}[f]
	return &backend.Error{Code: backend.EINVALID, Message: fmt.Sprintf("%q %s", name, why),
		Fields: map[string]backend.FieldError{"file": {Key: key, Params: map[string]any{"name": name}}}}
}
