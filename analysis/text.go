package analysis

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The one policy for control characters in text: a cell whose text holds
// one (other than tab, line feed and carriage return) is an error at the
// cell, so that no output is written with it. XML, and with it SVG and the
// workbook's parts, cannot hold the C0 controls at all; the C1 controls
// (U+0080 to U+009F), DEL and the noncharacters U+FFFE and U+FFFF show as
// nothing or as boxes and are never meant.

// ControlChar returns the first control character in s, and whether there
// is one. It reads bytes and does not allocate.
func ControlChar[T string | []byte](s T) (rune, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return rune(c), true
			}
		case c == 0x7f:
			return 0x7f, true
		case c == 0xc2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
				return rune(s[i+1]), true
			}
		case c == 0xef:
			if i+2 < len(s) && s[i+1] == 0xbf && (s[i+2] == 0xbe || s[i+2] == 0xbf) {
				return 0xffc0 | rune(s[i+2]&0x3f), true
			}
		}
	}
	return 0, false
}

// isControl reports whether r is one of the characters ControlChar finds.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f || r == 0xfffe || r == 0xffff
}

var c0Names = [...]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// ControlName names a control character: "U+0007 (BEL)".
func ControlName(r rune) string {
	switch {
	case r >= 0 && r < 0x20:
		return fmt.Sprintf("%U (%s)", r, c0Names[r])
	case r == 0x7f:
		return "U+007F (DEL)"
	}
	return fmt.Sprintf("%U", r)
}

// ShowControls writes each control character of s as its name in
// brackets ("fund[BEL]"), so that a message quoting the text is safe on
// a terminal and shows where the character is.
func ShowControls(s string) string {
	if _, ok := ControlChar(s); !ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isControl(r) {
			b.WriteRune(r)
			continue
		}
		switch {
		case r < 0x20:
			b.WriteString("[" + c0Names[r] + "]")
		case r == 0x7f:
			b.WriteString("[DEL]")
		default:
			fmt.Fprintf(&b, "[%U]", r)
		}
	}
	return b.String()
}

// ReplaceControls returns b with each control character ControlChar
// finds replaced by U+FFFD, the replacement character; b itself when it
// holds none. Renderers use it as a last guard, so that text given to
// them directly, not read through the input contract, still makes valid
// XML.
func ReplaceControls(b []byte) []byte {
	if _, ok := ControlChar(b); !ok {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if isControl(r) {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// MaxListed is how many items a message lists before "and N more".
const MaxListed = 5

// Listed joins the first MaxListed items with sep and says how many more
// there are: "a, b, c, d, e and 99995 more". A message about many rows
// stays one short line.
func Listed(items []string, sep string) string {
	if len(items) <= MaxListed {
		return strings.Join(items, sep)
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:MaxListed], sep), len(items)-MaxListed)
}
