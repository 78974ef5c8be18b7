package xlsxscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds a small pull tokenizer for the XML parts of a workbook.
// It is not a general XML parser: it knows the shapes SpreadsheetML uses
// (elements, attributes, text, the five predefined entities, character
// references, CDATA, comments and processing instructions), ignores
// namespace prefixes, refuses DTDs, and keeps every token a slice of its
// buffer, so streaming a sheet allocates almost nothing per cell.
// excelize's row iterator, built on encoding/xml, allocates several values
// per token; reading BenchmarkReadXLSX's sheet with it takes several
// times as long as the whole of analysis/sheets takes to read it into
// records (BenchmarkExcelizeRows there).

type tokKind uint8

const (
	tokStart tokKind = iota + 1 // <name attrs> or <name attrs/>
	tokEnd                      // </name>
	tokText                     // character data, raw (entities not decoded)
)

// errMalformed is the cause of every structural problem in an XML part.
var errMalformed = errors.New("malformed XML")

// xmlReader tokenizes an XML stream. Token fields are valid until the
// next call of next.
type xmlReader struct {
	r      io.Reader
	buf    []byte
	pos    int // first unread byte
	end    int // end of valid data
	eof    bool
	err    error
	maxTok int
	read   int64 // bytes read from r

	kind  tokKind
	name  []byte // local name, prefix removed
	attrs []byte // raw attribute text of a start tag
	empty bool   // the start tag closed itself (<c r="A1"/>)
	text  []byte // raw character data
	cdata bool   // text came from a CDATA section: no entities inside
}

const (
	defaultXMLBuffer = 64 << 10
	maxXMLToken      = 32 << 20 // no SpreadsheetML token comes near this
)

// newXMLReader returns a tokenizer of r.
func newXMLReader(r io.Reader) *xmlReader {
	return &xmlReader{r: r, buf: make([]byte, defaultXMLBuffer), maxTok: maxXMLToken}
}

// offset returns how many bytes of the input have been tokenized.
func (x *xmlReader) offset() int64 { return x.read - int64(x.end-x.pos) }

// fill reads more input, first moving unread bytes to the front and
// growing the buffer when a token does not fit. It reports whether any
// byte was added.
func (x *xmlReader) fill() bool {
	if x.eof || x.err != nil {
		return false
	}
	if x.pos > 0 {
		n := copy(x.buf, x.buf[x.pos:x.end])
		x.pos, x.end = 0, n
	}
	if x.end == len(x.buf) {
		if len(x.buf) >= x.maxTok {
			x.err = fmt.Errorf("%w: an element or text longer than %d MiB", errMalformed, x.maxTok>>20)
			return false
		}
		nb := make([]byte, min(2*len(x.buf), x.maxTok))
		copy(nb, x.buf[:x.end])
		x.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := x.r.Read(x.buf[x.end:])
		x.end += n
		x.read += int64(n)
		if err == io.EOF {
			x.eof = true
		} else if err != nil {
			x.err = err
		}
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
	x.err = io.ErrNoProgress
	return false
}

// need makes sure at least n unread bytes are buffered, if the input has
// them.
func (x *xmlReader) need(n int) bool {
	for x.end-x.pos < n {
		if !x.fill() {
			return false
		}
	}
	return true
}

// find returns the index (relative to x.pos) of the first occurrence of
// sep at or after offset from, reading more input as needed; -1 at the end.
func (x *xmlReader) find(from int, sep []byte) int {
	for {
		if i := bytes.Index(x.buf[x.pos+from:x.end], sep); i >= 0 {
			return from + i
		}
		// The separator may straddle the refill: search again from the
		// last len(sep)-1 bytes.
		from = max(from, x.end-x.pos-len(sep)+1)
		if !x.fill() {
			return -1
		}
	}
}

// fail records a malformed-XML error.
func (x *xmlReader) fail(format string, args ...any) bool {
	if x.err == nil {
		x.err = fmt.Errorf("%w: %s", errMalformed, fmt.Sprintf(format, args...))
	}
	return false
}

var (
	sepGT      = []byte(">")
	sepLT      = []byte("<")
	sepPI      = []byte("?>")
	sepComment = []byte("-->")
	sepCDATA   = []byte("]]>")
	preComment = []byte("<!--")
	preCDATA   = []byte("<![CDATA[")
)

// next reads the next token. It returns false at the end of the input or
// on an error (see x.err).
func (x *xmlReader) next() bool {
	for {
		if x.pos >= x.end && !x.fill() {
			return false
		}
		if x.buf[x.pos] != '<' {
			i := x.find(0, sepLT)
			if i < 0 {
				i = x.end - x.pos // text up to the end of input
				if x.err != nil {
					return false
				}
			}
			x.kind, x.text, x.cdata = tokText, x.buf[x.pos:x.pos+i], false
			x.pos += i
			return true
		}
		if !x.need(2) {
			return x.fail("unexpected end of input after <")
		}
		switch x.buf[x.pos+1] {
		case '/':
			i := x.find(2, sepGT)
			if i < 0 {
				return x.fail("unexpected end of input in an end tag")
			}
			x.kind, x.name = tokEnd, localName(bytes.TrimSpace(x.buf[x.pos+2:x.pos+i]))
			x.pos += i + 1
			return true
		case '?', '!':
			if tok, skipped := x.markup(); !skipped {
				return tok
			}
			continue
		}
		return x.startTag()
	}
}

// markup reads what starts with <? or <!: a processing instruction or a
// comment, which are skipped (skipped is true), or a CDATA section, a
// text token; anything else is refused. tok is what next returns.
func (x *xmlReader) markup() (tok, skipped bool) {
	if x.buf[x.pos+1] == '?' {
		i := x.find(2, sepPI)
		if i < 0 {
			return x.fail("unexpected end of input in a processing instruction"), false
		}
		x.pos += i + 2
		return false, true
	}
	x.need(len(preCDATA))
	rest := x.buf[x.pos:x.end]
	switch {
	case bytes.HasPrefix(rest, preComment):
		i := x.find(4, sepComment)
		if i < 0 {
			return x.fail("unexpected end of input in a comment"), false
		}
		x.pos += i + 3
		return false, true
	case bytes.HasPrefix(rest, preCDATA):
		i := x.find(len(preCDATA), sepCDATA)
		if i < 0 {
			return x.fail("unexpected end of input in a CDATA section"), false
		}
		x.kind, x.text, x.cdata = tokText, x.buf[x.pos+len(preCDATA):x.pos+i], true
		x.pos += i + 3
		return true, false
	}
	return x.fail("document type declarations are not allowed in a workbook"), false
}

// startTag reads <name attrs> or <name attrs/>, honouring quotes, in which
// a > may appear.
func (x *xmlReader) startTag() bool {
	i, q := 1, byte(0)
	for {
		for ; x.pos+i < x.end; i++ {
			c := x.buf[x.pos+i]
			switch {
			case q != 0:
				if c == q {
					q = 0
				}
			case c == '"' || c == '\'':
				q = c
			case c == '>':
				tag := x.buf[x.pos+1 : x.pos+i]
				x.pos += i + 1
				x.empty = len(tag) > 0 && tag[len(tag)-1] == '/'
				if x.empty {
					tag = tag[:len(tag)-1]
				}
				n := 0
				for n < len(tag) && !isXMLSpace(tag[n]) {
					n++
				}
				if n == 0 {
					return x.fail("an element without a name")
				}
				x.kind, x.name, x.attrs = tokStart, localName(tag[:n]), tag[n:]
				return true
			}
		}
		if !x.fill() {
			return x.fail("unexpected end of input in a start tag")
		}
	}
}

// isXMLSpace reports whether c is XML white space.
func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the index of the first byte of a at or after i that
// is not white space.
func skipSpace(a []byte, i int) int {
	for i < len(a) && isXMLSpace(a[i]) {
		i++
	}
	return i
}

// localName drops a namespace prefix: x:row is row.
func localName(b []byte) []byte {
	if i := bytes.LastIndexByte(b, ':'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// nextAttr splits the first attribute off raw attribute text. Values are
// raw (entities not decoded). ok is false when no attribute is left.
func nextAttr(a []byte) (name, val, rest []byte, ok bool) {
	start := skipSpace(a, 0)
	i := start
	for i < len(a) && a[i] != '=' && !isXMLSpace(a[i]) {
		i++
	}
	name = a[start:i]
	i = skipSpace(a, i)
	if len(name) == 0 || i >= len(a) || a[i] != '=' {
		return nil, nil, nil, false
	}
	i = skipSpace(a, i+1)
	if i >= len(a) || (a[i] != '"' && a[i] != '\'') {
		return nil, nil, nil, false
	}
	q := a[i]
	i++
	j := bytes.IndexByte(a[i:], q)
	if j < 0 {
		return nil, nil, nil, false
	}
	return name, a[i : i+j], a[i+j+1:], true
}

// attr returns the raw value of the attribute called name (without
// prefix match: "id" does not match "r:id").
func attr(a []byte, name string) ([]byte, bool) {
	for {
		n, v, rest, ok := nextAttr(a)
		if !ok {
			return nil, false
		}
		if string(n) == name {
			return v, true
		}
		a = rest
	}
}

// appendText appends character data to dst with entities decoded and
// line ends normalised as XML requires (CR LF and lone CR become LF).
func appendText(dst, raw []byte, cdata bool) []byte {
	if cdata || (bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0) {
		if cdata && bytes.IndexByte(raw, '\r') >= 0 {
			return appendNormalisedCR(dst, raw)
		}
		return append(dst, raw...)
	}
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			return append(dst, raw...)
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		if raw[0] == '\r' {
			dst = append(dst, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			dst = append(dst, '&') // a stray ampersand: keep it as written
			raw = raw[1:]
			continue
		}
		if r, ok := entity(raw[1:semi]); ok {
			dst = utf8.AppendRune(dst, r)
		} else {
			dst = append(dst, raw[:semi+1]...)
		}
		raw = raw[semi+1:]
	}
	return dst
}

// appendNormalisedCR appends raw to dst with CR LF and lone CR made LF.
func appendNormalisedCR(dst, raw []byte) []byte {
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\r' {
			dst = append(dst, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		dst = append(dst, raw[i])
	}
	return dst
}

// entity decodes the name of an entity reference (without & and ;).
func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	return charRef(name[1:])
}

// charRef decodes the number of a character reference: 65 or x41.
func charRef(digits []byte) (rune, bool) {
	var n int64
	base := int64(10)
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, false
	}
	for _, c := range digits {
		d := hexDigit(c)
		if d < 0 || int64(d) >= base {
			return 0, false
		}
		n = n*base + int64(d)
		if n > utf8.MaxRune {
			return 0, false
		}
	}
	if !utf8.ValidRune(rune(n)) {
		return utf8.RuneError, true
	}
	return rune(n), true
}

// hexDigit returns the value of a hexadecimal digit, or -1.
func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeEscapes decodes the _xHHHH_ escapes of OOXML strings in place
// (ECMA-376 ST_Xstring): _x000D_ is a carriage return, _x005F_ an
// underscore, and a pair of escaped UTF-16 surrogates one character.
func decodeEscapes(b []byte) []byte {
	if i := bytes.IndexByte(b, '_'); i < 0 || !bytes.Contains(b[i:], []byte("_x")) {
		return b // most texts have no underscore: one quick look
	}
	out := b[:0]
	for i := 0; i < len(b); {
		r, n := escapeAt(b, i)
		if n == 0 {
			out = append(out, b[i])
			i++
			continue
		}
		i += n
		if utf16.IsSurrogate(r) {
			if r2, n2 := escapeAt(b, i); n2 > 0 {
				if c := utf16.DecodeRune(r, r2); c != utf8.RuneError {
					r, i = c, i+n2
				}
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r) // never longer than the 7-byte escape
	}
	return out
}

// escapeAt reads an _xHHHH_ escape at b[i:], returning its code unit and
// length, or 0 length when there is none.
func escapeAt(b []byte, i int) (rune, int) {
	if i+7 > len(b) || b[i] != '_' || b[i+1] != 'x' || b[i+6] != '_' {
		return 0, 0
	}
	var r rune
	for _, c := range b[i+2 : i+6] {
		d := hexDigit(c)
		if d < 0 {
			return 0, 0
		}
		r = r<<4 | rune(d)
	}
	return r, 7
}
