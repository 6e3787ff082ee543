package sheet

// A small streaming scanner for the flat XML of a worksheet.

import (
	"bufio"
	"bytes"
	"errors"
	"strconv"
	"strings"
)

func attr(attrs []xmlAttr, name string) string {
	for _, a := range attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

type xmlAttr struct{ name, value string }

var oneByte = map[byte]string{'s': "s", 'n': "n", 'b': "b", 'e': "e", '1': "1", '0': "0"}

// xmlScan is a small streaming scanner for the flat XML of a worksheet:
// tags, their attributes, and (when asked) the text between them.
type xmlScan struct {
	r     *bufio.Reader
	attrs []xmlAttr
	buf   []byte
}

// nextTag returns the next element tag (namespace prefix dropped). With
// capture, the text before it is appended to text, entities decoded.
func (s *xmlScan) nextTag(capture bool, text *bytes.Buffer) (name string, attrs []xmlAttr, closing, selfClosing bool, err error) {
	for {
		// Text up to the next tag.
		chunk, err := s.r.ReadSlice('<')
		if capture {
			body := chunk
			if len(body) > 0 && body[len(body)-1] == '<' {
				body = body[:len(body)-1]
			}
			unescape(text, body)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return "", nil, false, false, err
		}
		// The tag itself, up to '>'. Spreadsheet programs escape '>' in
		// attribute values, so the first one ends the tag.
		s.buf = s.buf[:0]
		for {
			part, err := s.r.ReadSlice('>')
			s.buf = append(s.buf, part...)
			if err == bufio.ErrBufferFull {
				if len(s.buf) > 1<<20 {
					return "", nil, false, false, errors.New("a tag is too long")
				}
				continue
			}
			if err != nil {
				return "", nil, false, false, err
			}
			break
		}
		s.buf = s.buf[:len(s.buf)-1]
		t := s.buf
		if len(t) == 0 || t[0] == '?' || t[0] == '!' {
			if bytes.HasPrefix(t, []byte("![CDATA[")) && capture {
				text.Write(bytes.TrimSuffix(t[8:], []byte("]]")))
			}
			continue
		}
		if t[0] == '/' {
			closing = true
			t = t[1:]
		}
		if len(t) > 0 && t[len(t)-1] == '/' {
			selfClosing = true
			t = t[:len(t)-1]
		}
		end := spaceAt(t)
		raw := t
		if end >= 0 {
			raw = t[:end]
		}
		if i := bytes.IndexByte(raw, ':'); i >= 0 {
			raw = raw[i+1:]
		}
		name = tagName(raw)
		s.attrs = s.attrs[:0]
		if end >= 0 && !closing && (name == "row" || name == "c" || name == "mergeCell" || name == "col" || name == "sst") {
			s.attrs = parseAttrs(t[end:], s.attrs)
		}
		return name, s.attrs, closing, selfClosing, nil
	}
}

// tagName returns the common worksheet tag names without allocating.
func tagName(b []byte) string {
	switch string(b) {
	case "c":
		return "c"
	case "v":
		return "v"
	case "row":
		return "row"
	case "f":
		return "f"
	case "t":
		return "t"
	case "is":
		return "is"
	case "r":
		return "r"
	case "sheetData":
		return "sheetData"
	case "mergeCell":
		return "mergeCell"
	case "col":
		return "col"
	case "si":
		return "si"
	case "rPh":
		return "rPh"
	}
	return string(b)
}

func parseAttrs(b []byte, out []xmlAttr) []xmlAttr {
	for {
		b = skipSpace(b)
		eq := bytes.IndexByte(b, '=')
		if eq <= 0 || eq+1 >= len(b) {
			return out
		}
		nb := bytes.TrimSpace(b[:eq])
		if i := bytes.IndexByte(nb, ':'); i >= 0 {
			nb = nb[i+1:]
		}
		name := attrName(nb)
		q := b[eq+1]
		if q != '"' && q != '\'' {
			return out
		}
		endQ := bytes.IndexByte(b[eq+2:], q)
		if endQ < 0 {
			return out
		}
		raw := b[eq+2 : eq+2+endQ]
		value := ""
		if len(raw) == 1 && (raw[0] == 's' || raw[0] == 'n' || raw[0] == 'b' || raw[0] == 'e' || raw[0] == '1' || raw[0] == '0') {
			value = oneByte[raw[0]]
		} else if bytes.IndexByte(raw, '&') < 0 {
			value = string(raw)
		} else {
			var v bytes.Buffer
			unescape(&v, raw)
			value = v.String()
		}
		out = append(out, xmlAttr{name, value})
		b = b[eq+2+endQ+1:]
	}
}

// spaceAt returns the index of the first XML white space in b, or -1: a
// loop, not bytes.IndexAny, which builds its byte set on every call (a
// cost per tag of a million-row sheet).
func spaceAt(b []byte) int {
	for i, c := range b {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			return i
		}
	}
	return -1
}

// skipSpace drops the XML white space b starts with.
func skipSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	return b
}

func attrName(b []byte) string {
	switch string(b) {
	case "r":
		return "r"
	case "s":
		return "s"
	case "t":
		return "t"
	case "hidden":
		return "hidden"
	case "ref":
		return "ref"
	case "min":
		return "min"
	case "max":
		return "max"
	}
	return string(b)
}

// unescape writes XML text with its entities decoded.
func unescape(w *bytes.Buffer, b []byte) {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			w.Write(b)
			return
		}
		w.Write(b[:i])
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 || j > 12 {
			w.WriteByte('&')
			b = b[1:]
			continue
		}
		ent := string(b[1:j])
		switch {
		case ent == "amp":
			w.WriteByte('&')
		case ent == "lt":
			w.WriteByte('<')
		case ent == "gt":
			w.WriteByte('>')
		case ent == "quot":
			w.WriteByte('"')
		case ent == "apos":
			w.WriteByte('\'')
		case strings.HasPrefix(ent, "#x"):
			if n, err := strconv.ParseUint(ent[2:], 16, 32); err == nil {
				w.WriteRune(rune(n))
			}
		case strings.HasPrefix(ent, "#"):
			if n, err := strconv.ParseUint(ent[1:], 10, 32); err == nil {
				w.WriteRune(rune(n))
			}
		default:
			w.Write(b[:j+1])
		}
		b = b[j+1:]
	}
}
