package xlsxscan

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// tokens returns the tokens of an XML text read through wrap, one a
// line, and the error that ended them, if any.
func tokens(doc string, wrap func(io.Reader) io.Reader) []string {
	x := newXMLReader(wrap(strings.NewReader(doc)))
	var out []string
	for x.next() {
		switch x.kind {
		case tokStart:
			s := fmt.Sprintf("<%s>", x.name)
			for a := x.attrs; ; {
				n, v, rest, ok := nextAttr(a)
				if !ok {
					break
				}
				s += fmt.Sprintf(" %s=%q", n, v)
				a = rest
			}
			if x.empty {
				s += " empty"
			}
			out = append(out, s)
		case tokEnd:
			out = append(out, fmt.Sprintf("</%s>", x.name))
		case tokText:
			out = append(out, fmt.Sprintf("text %q", appendText(nil, x.text, x.cdata)))
		}
	}
	if x.err != nil {
		out = append(out, "error: "+x.err.Error())
	}
	return out
}

// TestTokens reads the XML forms a workbook part may hold, whole and cut
// into reads.
func TestTokens(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want []string
	}{
		{`<?xml version="1.0"?><!-- c --><x:a  r = "1"  t='s>' xmlns:x="u"><b/><c r="A1">t&amp;x</c></x:a>`,
			[]string{`<a> r="1" t="s>" xmlns:x="u"`, `<b> empty`, `<c> r="A1"`, `text "t&x"`, `</c>`, `</a>`}},
		{`<a><![CDATA[<not a tag> &amp;]]></a>`, []string{`<a>`, `text "<not a tag> &amp;"`, `</a>`}},
		{`<a>`, []string{`<a>`}},
		{`<a`, []string{"error: malformed XML: unexpected end of input in a start tag"}},
		{`<`, []string{"error: malformed XML: unexpected end of input after <"}},
		{`</a`, []string{"error: malformed XML: unexpected end of input in an end tag"}},
		{`<?pi`, []string{"error: malformed XML: unexpected end of input in a processing instruction"}},
		{`<!-- c`, []string{"error: malformed XML: unexpected end of input in a comment"}},
		{`<![CDATA[x`, []string{"error: malformed XML: unexpected end of input in a CDATA section"}},
		{`<!DOCTYPE a>`, []string{"error: malformed XML: document type declarations are not allowed in a workbook"}},
		{`< a>`, []string{"error: malformed XML: an element without a name"}},
	} {
		for name, wrap := range wraps {
			if got := tokens(c.doc, wrap); fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("%s, %s:\n got %q\nwant %q", c.doc, name, got, c.want)
			}
		}
	}
}

// TestLongToken checks that a token may outgrow the buffer up to the
// cap, and not past it.
func TestLongToken(t *testing.T) {
	long := `<a b="` + strings.Repeat("x", 3*defaultXMLBuffer) + `"/>`
	if got := tokens(long, func(r io.Reader) io.Reader { return r }); len(got) != 1 || !strings.HasPrefix(got[0], "<a> b=") {
		t.Errorf("a start tag of %d bytes: %.80q", len(long), got)
	}
	x := newXMLReader(strings.NewReader(long))
	x.maxTok = 2 * defaultXMLBuffer
	if x.next() || !errors.Is(x.err, errMalformed) || !strings.Contains(x.err.Error(), "longer than") {
		t.Errorf("over the cap: error %v", x.err)
	}
}

func TestText(t *testing.T) {
	for raw, want := range map[string]string{
		"plain":                   "plain",
		"a &amp; b &lt;c&gt;":     "a & b <c>",
		"&quot;&apos;&#65;&#x42;": `"'AB`,
		"stray & ampersand":       "stray & ampersand",
		"&unknown;":               "&unknown;",
		"&#xD800;":                "\ufffd",
		"&#x110000;&#;&#xZ;":      "&#x110000;&#;&#xZ;",
		"cr\r\nlf\rx":             "cr\nlf\nx",
	} {
		if got := string(appendText(nil, []byte(raw), false)); got != want {
			t.Errorf("appendText(%q) = %q, want %q", raw, got, want)
		}
	}
	if got := string(appendText(nil, []byte("&amp;\r\n\r"), true)); got != "&amp;\n\n" {
		t.Errorf("appendText of CDATA = %q", got)
	}
	for raw, want := range map[string]string{
		"a_x000D_b":                 "a\rb",
		"_x005F_x000D_":             "_x000D_",
		"_xD83D__xDE00_":            "😀",
		"_xD83D_":                   "\ufffd",
		"no_escape_x12":             "no_escape_x12",
		"_x00e9_t_x00E9_":           "été",
		"snake_case_xyzw_not_a_hex": "snake_case_xyzw_not_a_hex",
	} {
		if got := string(decodeEscapes([]byte(raw))); got != want {
			t.Errorf("decodeEscapes(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestCellText checks the trimming, blankness and length rules of cell
// text.
func TestCellText(t *testing.T) {
	for s, want := range map[string]string{" a ": "a", "\u00a0Baidu\u200b": "Baidu", "\ufeffx\u2060": "x", "": "", "\t\n": "", "a b": "a b"} {
		if got := string(TrimSpace([]byte(s))); got != want {
			t.Errorf("TrimSpace(%q) = %q, want %q", s, got, want)
		}
		for _, c := range []Cell{{Kind: Text, Str: s}, {Kind: Text, Bytes: []byte(s)}} {
			if got := c.IsBlank(); got != (want == "") {
				t.Errorf("IsBlank(%+v) = %v", c, got)
			}
		}
	}
	for _, c := range []Cell{{Kind: Empty}, {Kind: Number, Bytes: []byte(" ")}, {Kind: NoValue, Bytes: []byte{}}} {
		if got := c.IsBlank(); got != (c.Kind == Empty) {
			t.Errorf("IsBlank(%+v) = %v", c, got)
		}
	}
	for text, want := range map[string]bool{
		strings.Repeat("a", 32767):          false,
		strings.Repeat("a", 32768):          true,
		strings.Repeat("中", 32767):          false,
		strings.Repeat("😀", 16383) + "a":    false,
		strings.Repeat("😀", 16384):          true,
		strings.Repeat("\xff", 32768):       true,
		strings.Repeat("a", maxCellBytes+1): true,
	} {
		if TooLong(text) != want || TooLong([]byte(text)) != want {
			t.Errorf("TooLong(%.12q... of %d bytes) = %v", text, len(text), !want)
		}
	}
}
