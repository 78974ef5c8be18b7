package xlsxscan

import (
	"bytes"
	"fmt"
)

// This file reads one cell of a sheet: first where its value, formula and
// inline string lie in its XML, then what they make it.

// cellType is the t attribute of a cell.
type cellType uint8

const (
	typeNumber      cellType = iota // n, or no t
	typeShared                      // s: an index into the shared strings
	typeInline                      // inlineStr
	typeFormulaText                 // str: the text result of a formula
	typeBool                        // b
	typeError                       // e
	typeDate                        // d: ISO 8601
)

// cellTypeOf reads the t attribute of a cell.
func cellTypeOf(t []byte) cellType {
	switch string(t) {
	case "s":
		return typeShared
	case "inlineStr":
		return typeInline
	case "str":
		return typeFormulaText
	case "b":
		return typeBool
	case "e":
		return typeError
	case "d":
		return typeDate
	}
	return typeNumber
}

// span is where a piece of a cell's text lies in sheetScanner.buf.
type span struct{ start, end int }

// none is the span of a piece the cell does not have.
var none = span{-1, -1}

// ok reports whether the piece was read from its start tag to its end.
func (p span) ok() bool { return p.start >= 0 && p.end >= p.start }

// textIn says which text of a cell the text tokens belong to.
type textIn uint8

const (
	inNone textIn = iota
	inV           // <v>, the value
	inF           // <f>, the formula
	inIST         // <is> ... <t>, the inline string outside phonetic runs
)

// cellXML is what the XML of a cell holds, as it is read.
type cellXML struct {
	v, f, is   span // value, formula and inline string in buf
	hasV, hasF bool // the cell has a <v>, an <f>, even empty
	in         textIn
	inIS       bool
	rph        int  // depth of phonetic runs (<rPh>), whose text is not the cell's
	start      int  // where the cell's text begins in buf
	long       bool // the text passed maxCellBytes and was dropped
}

// startTag notes a start tag inside the cell; at is the end of buf.
func (p *cellXML) startTag(name []byte, empty bool, at int) {
	switch string(name) {
	case "v":
		p.hasV = true
		if !empty {
			p.in, p.v.start = inV, at
		}
	case "f":
		p.hasF = true
		if !empty {
			p.in, p.f.start = inF, at
		}
	case "is":
		if !empty {
			p.inIS, p.is.start = true, at
		}
	case "rPh":
		if !empty {
			p.rph++
		}
	case "t":
		if p.inIS && p.rph == 0 && !empty {
			p.in = inIST
		}
	}
}

// endTag notes an end tag inside the cell and reports whether it ends
// the cell.
func (p *cellXML) endTag(name []byte, at int) bool {
	switch string(name) {
	case "v":
		if p.in == inV {
			p.v.end = at
		}
		p.in = inNone
	case "f":
		if p.in == inF {
			p.f.end = at
		}
		p.in = inNone
	case "t":
		if p.in == inIST {
			p.in = inNone
		}
	case "rPh":
		p.rph = max(0, p.rph-1)
	case "is":
		p.inIS, p.is.end, p.in = false, at, inNone
	case "c":
		return true
	}
	return false
}

// readCell reads the value, formula and inline string of the current
// cell and sets its kind.
func (s *sheetScanner) readCell(c *Cell, typ cellType, style int) error {
	p := cellXML{v: none, f: none, is: none, start: len(s.buf)}
	if !s.quickCellXML(&p) {
		if err := s.readCellXML(&p); err != nil {
			return err
		}
	}
	if p.long {
		c.Kind = TextTooLong
		return nil
	}
	if err := s.setValue(c, &p, typ, style); err != nil {
		return err
	}
	if c.Kind == Text && TooLong(c.Bytes) {
		c.Kind, c.Bytes = TextTooLong, nil
	}
	if c.Kind == Empty && p.hasF && !(typ == typeFormulaText && p.hasV) {
		c.Kind, c.Bytes = NoValue, []byte{}
		if p.f.ok() {
			c.Bytes = s.buf[p.f.start:p.f.end]
		}
	}
	return nil
}

// readCellXML reads the XML of the current cell up to its end tag,
// keeping its texts in s.buf.
func (s *sheetScanner) readCellXML(p *cellXML) error {
	x := s.x
	for x.next() {
		switch x.kind {
		case tokStart:
			p.startTag(x.name, x.empty, len(s.buf))
		case tokEnd:
			if p.endTag(x.name, len(s.buf)) {
				return nil
			}
		case tokText:
			if p.in != inNone && !p.long {
				s.appendCellText(p)
			}
		}
	}
	if x.err != nil {
		return x.err
	}
	return fmt.Errorf("%w: the sheet ends inside a cell", errMalformed)
}

// The shapes nearly every cell a spreadsheet writes takes after its start
// tag: a value, and an inline string (excelize's StreamWriter writes
// every text so, sometimes with xml:space="preserve").
var (
	quickV     = []byte("<v>")
	quickVEnd  = []byte("</v></c>")
	quickIS    = []byte("<is><t>")
	quickISP   = []byte(`<is><t xml:space="preserve">`)
	quickISEnd = []byte("</t></is></c>")
)

// maxQuickText is the longest raw text quickCellXML reads.
const maxQuickText = 4 << 10

// quickCellXML reads the rest of the current cell when it is exactly
// <v>text</v></c> or <is><t>text</t></is></c> (the t tag perhaps with
// xml:space="preserve"), with no markup in the text and all of it in the
// buffer; otherwise it reads nothing and returns false, and readCellXML
// reads the cell token by token. It leaves p and s.buf as readCellXML
// would for the same bytes. Token by token, these few tags took about
// half the time of scanning a sheet of inline strings (BenchmarkReadSheet);
// TestQuickCells holds the two ways to the same cells.
func (s *sheetScanner) quickCellXML(p *cellXML) bool {
	if s.wb.tokenCells {
		return false
	}
	x := s.x
	rest := x.buf[x.pos:x.end]
	open, end, value := quickIS, quickISEnd, false
	switch {
	case bytes.HasPrefix(rest, quickV):
		open, end, value = quickV, quickVEnd, true
	case bytes.HasPrefix(rest, quickIS):
	case bytes.HasPrefix(rest, quickISP):
		open = quickISP
	default:
		return false
	}
	body := rest[len(open):min(len(rest), len(open)+maxQuickText+len(end))]
	i := bytes.IndexByte(body, '<')
	if i < 0 || !bytes.HasPrefix(body[i:], end) {
		return false
	}
	// Decoded text is never longer than its raw text, so never past
	// maxCellBytes.
	at := len(s.buf)
	s.buf = appendText(s.buf, body[:i], false)
	if value {
		p.hasV, p.v = true, span{at, len(s.buf)}
	} else {
		p.is = span{at, len(s.buf)}
	}
	x.pos += len(open) + i + len(end)
	return true
}

// appendCellText appends the current text token to the cell's text.
func (s *sheetScanner) appendCellText(p *cellXML) {
	s.buf = appendText(s.buf, s.x.text, s.x.cdata)
	if len(s.buf)-p.start > maxCellBytes {
		// A hostile cell may hold gigabytes: keep none of it.
		p.long, s.buf = true, s.buf[:p.start]
	}
}

// setValue sets the kind and text of a cell from its type and the texts
// of its XML.
func (s *sheetScanner) setValue(c *Cell, p *cellXML, typ cellType, style int) error {
	var v []byte
	if p.v.ok() {
		v = s.buf[p.v.start:p.v.end]
	}
	switch typ {
	case typeShared:
		return s.sharedValue(c, v)
	case typeInline:
		s.inlineValue(c, p, v)
	case typeFormulaText:
		s.formulaTextValue(c, p, v)
	case typeBool:
		setRaw(c, Bool, v)
	case typeError:
		setRaw(c, ErrorValue, v)
	case typeDate:
		setRaw(c, ISODate, v)
	default: // "n" or none: a number
		s.numberValue(c, v, style)
	}
	return nil
}

// setRaw gives a cell a kind and its value as stored, unless the value is
// empty.
func setRaw(c *Cell, k Kind, v []byte) {
	if len(v) > 0 {
		c.Kind, c.Bytes = k, v
	}
}

// numberValue sets a number cell with its format, unless it is blank.
func (s *sheetScanner) numberValue(c *Cell, v []byte, style int) {
	if len(TrimSpace(v)) == 0 {
		return
	}
	c.Kind, c.Bytes = Number, v
	if style >= 0 && style < len(s.wb.styles) {
		c.Format = s.wb.styles[style]
	}
}

// sharedValue sets a cell from the shared string its value names.
func (s *sheetScanner) sharedValue(c *Cell, v []byte) error {
	if len(v) == 0 {
		return nil
	}
	i, ok := parseIndex(v)
	if err := s.wb.loadSharedStrings(); err != nil {
		return err
	}
	if !ok || i >= len(s.wb.sst) {
		return fmt.Errorf("%w: cell %s%d refers to shared string %q, which does not exist", errMalformed,
			columnName(c.Col), s.rowNum, v)
	}
	if t := s.wb.sst[i]; t != "" {
		c.Kind, c.Str = Text, t
	} else if s.wb.sstLong[i] {
		c.Kind = TextTooLong
	}
	return nil
}

// inlineValue sets a cell from its inline string, or from its value when
// it has none.
func (s *sheetScanner) inlineValue(c *Cell, p *cellXML, v []byte) {
	var t []byte
	if p.is.ok() {
		t = s.decoded(p.is)
	} else if len(v) > 0 {
		t = s.decoded(p.v)
	}
	if len(t) > 0 {
		c.Kind, c.Bytes = Text, t
	}
}

// formulaTextValue sets a cell from the saved text result of its
// formula; a result of "" leaves it empty.
func (s *sheetScanner) formulaTextValue(c *Cell, p *cellXML, v []byte) {
	if p.hasV && len(v) > 0 {
		c.Kind, c.Bytes = Text, s.decoded(p.v)
	}
}

// decoded decodes the _xHHHH_ escapes of a text in s.buf.
func (s *sheetScanner) decoded(t span) []byte {
	b := decodeEscapes(s.buf[t.start:t.end])
	if b == nil {
		b = []byte{}
	}
	return b
}

// parseIndex reads a shared string index.
func parseIndex(b []byte) (int, bool) {
	b = TrimSpace(b)
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
