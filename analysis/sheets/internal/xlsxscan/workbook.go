// Package xlsxscan streams the cells of the worksheets of an xlsx
// workbook (ECMA-376, SpreadsheetML) with little memory and few
// allocations per cell. It reads what a spreadsheet saved: the values of
// cells, with the formula of a cell that has no saved value, whether a
// number is formatted as a date or a percentage, and merged ranges. It
// does not compute formulas or render formats.
//
// Open reads the structure of a workbook; ReadSheet streams one sheet's
// rows into a Sink:
//
//	wb, err := xlsxscan.Open(zr, xlsxscan.Options{})
//	...
//	for _, sh := range wb.Sheets() {
//		err := wb.ReadSheet(sh.Part, sink)
//		...
//	}
//
// The shared-strings part (every distinct text of the workbook) is held
// in memory, capped by Options.SharedStringsLimit; everything else is
// streamed.
package xlsxscan

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// This file reads the parts of an xlsx package other than the
// worksheets: the workbook and its relationships, the number formats of
// the styles and the shared strings. sheet.go streams the worksheets.

// Options steers Open. The zero value is ready to use.
type Options struct {
	// SharedStringsLimit caps the unpacked size of the shared-strings
	// part, which is read into memory when a sheet first refers to it;
	// a larger part is a *LimitError. Zero means no limit.
	SharedStringsLimit int64
	// SplitFrom is the unpacked size of a sheet from which ReadSheet
	// scans it on a goroutine of its own once a SplitSink allows it.
	// Zero means 8 MiB.
	SplitFrom int64
}

// Workbook is an opened xlsx package. It is not safe for concurrent use.
type Workbook struct {
	parts     map[string]*zip.File // by lower-case part name
	date1904  bool
	sheets    []Sheet
	rels      map[string]rel // workbook relationships by id
	styles    []Format       // by cell format (xf) index
	sst       []string       // shared strings by index
	sstLong   map[int]bool   // shared strings longer than a cell may hold (kept as "")
	sstErr    error
	sstDone   bool
	stylesOK  bool
	sstLimit  int64 // most unpacked bytes of the shared strings; 0 for no limit
	splitFrom int64
	// tokenCells turns quickCellStart and quickCellXML off, for the
	// tests that hold them to the tokenizer.
	tokenCells bool
}

// Sheet is a sheet of a workbook, in the workbook's order.
type Sheet struct {
	Name string
	// Part is the name of the sheet's part, for ReadSheet; "" when the
	// part is missing from the package.
	Part string
	// Type is the kind of sheet, the last segment of its relationship
	// type: worksheet, chartsheet, dialogsheet, macrosheet... Only a
	// worksheet holds cells.
	Type string
}

type rel struct {
	target string // resolved part name
	typ    string // last segment of the relationship type: worksheet, styles...
}

// Errors of Open and ReadSheet that callers may tell apart. Other errors
// say what is wrong with a damaged part, such as "malformed XML: the
// sheet ends inside a cell".
var (
	// ErrNoWorkbook is the error of a zip that has no workbook part: not
	// an xlsx workbook.
	ErrNoWorkbook = errors.New("no workbook part")
	// ErrTooLarge is the cause of a part, or a list in one, over its
	// size limit.
	ErrTooLarge = errors.New("unpacked size over the limit")
)

// errPartMissing is the error of a part named but not in the package.
var errPartMissing = errors.New("part missing")

// A LimitError reports a part that unpacks to more than the limit set for
// it (see Options.SharedStringsLimit). It wraps ErrTooLarge.
type LimitError struct {
	Part        string // the name of the part
	Size, Limit int64  // unpacked bytes
}

// Error names the part and its sizes.
func (e *LimitError) Error() string {
	return fmt.Sprintf("%s unpacks to %d bytes, more than the limit of %d", e.Part, e.Size, e.Limit)
}

// Unwrap returns ErrTooLarge.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// maxSmallPart caps the workbook, relationship and styles parts, which are
// read whole.
const maxSmallPart = 64 << 20

// Open reads the package structure of an xlsx file: the workbook part,
// its sheets and relationships. A zip without a workbook part is
// ErrNoWorkbook.
func Open(zr *zip.Reader, opt Options) (*Workbook, error) {
	wb := &Workbook{parts: make(map[string]*zip.File, len(zr.File)), sstLimit: opt.SharedStringsLimit,
		splitFrom: opt.SplitFrom}
	if wb.splitFrom <= 0 {
		wb.splitFrom = defaultSplitFrom
	}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))
		wb.parts[name] = f
	}
	wbPath, err := wb.workbookPart()
	if err != nil {
		return nil, err
	}
	var doc struct {
		WorkbookPr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := wb.decodeSmall(wbPath, &doc); err != nil {
		return nil, err
	}
	wb.date1904 = xmlBool(doc.WorkbookPr.Date1904)
	wb.rels, err = wb.readRels(relsPath(wbPath), path.Dir(wbPath))
	if err != nil && !errors.Is(err, errPartMissing) {
		return nil, err
	}
	for _, s := range doc.Sheets {
		wb.sheets = append(wb.sheets, wb.sheet(s.Name, s.Attr))
	}
	return wb, nil
}

// workbookPart returns the name of the workbook part, as the package
// relationships give it: usually xl/workbook.xml.
func (wb *Workbook) workbookPart() (string, error) {
	name := "xl/workbook.xml"
	if rels, err := wb.readRels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if r.typ == "officeDocument" {
				name = r.target
				break
			}
		}
	} else if errors.Is(err, ErrTooLarge) {
		return "", err
	}
	if wb.parts[strings.ToLower(name)] == nil {
		return "", ErrNoWorkbook
	}
	return name, nil
}

// sheet returns the sheet of the workbook part's sheet element with the
// given name and attributes, which name its relationship.
func (wb *Workbook) sheet(name string, attrs []xml.Attr) Sheet {
	e := Sheet{Name: name}
	for _, a := range attrs {
		if a.Name.Local == "id" && a.Name.Space != "" {
			if r, ok := wb.rels[a.Value]; ok {
				e.Part, e.Type = r.target, r.typ
			}
		}
	}
	if wb.parts[strings.ToLower(e.Part)] == nil {
		e.Part = ""
	}
	return e
}

// Sheets returns the sheets of the workbook, in its order.
func (wb *Workbook) Sheets() []Sheet { return wb.sheets }

// Date1904 reports whether the workbook counts dates from 1904 (as old
// Mac workbooks do) rather than from 1900.
func (wb *Workbook) Date1904() bool { return wb.date1904 }

// xmlBool reads an xsd:boolean.
func xmlBool(s string) bool { return s == "1" || strings.EqualFold(s, "true") }

// relsPath returns the relationships part of a part: xl/workbook.xml has
// xl/_rels/workbook.xml.rels.
func relsPath(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// readRels reads a relationships part, resolving targets against dir.
func (wb *Workbook) readRels(name, dir string) (map[string]rel, error) {
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
			Type   string `xml:"Type,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := wb.decodeSmall(name, &doc); err != nil {
		return nil, err
	}
	out := make(map[string]rel, len(doc.Rels))
	for _, r := range doc.Rels {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		t := strings.ReplaceAll(r.Target, "\\", "/")
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t)[1:]
		} else {
			t = path.Clean(path.Join(dir, t))
		}
		out[r.ID] = rel{target: t, typ: r.Type[strings.LastIndexByte(r.Type, '/')+1:]}
	}
	return out, nil
}

// open opens a part for reading. (The sum of the sizes of all parts was
// checked against the limit when the file was opened; archive/zip refuses
// a part that unpacks to more than its recorded size.)
func (wb *Workbook) open(name string) (io.ReadCloser, int64, error) {
	f := wb.parts[strings.ToLower(name)]
	if f == nil {
		return nil, 0, fmt.Errorf("%w: %s", errPartMissing, name)
	}
	if f.UncompressedSize64 > 1<<62 {
		return nil, 0, ErrTooLarge
	}
	size := int64(f.UncompressedSize64)
	rc, err := f.Open()
	if err != nil {
		return nil, size, err
	}
	return rc, size, nil
}

// decodeSmall reads a small part with encoding/xml.
func (wb *Workbook) decodeSmall(name string, v any) error {
	rc, size, err := wb.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if size > maxSmallPart {
		return ErrTooLarge
	}
	d := xml.NewDecoder(io.LimitReader(rc, maxSmallPart))
	d.Strict = false
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return r, nil
		}
		return nil, fmt.Errorf("unsupported character set %q", label)
	}
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("%s: %w: %v", name, errMalformed, err)
	}
	return nil
}

// LoadStyles reads which cell formats are dates or percentages, for the
// Format of the Number cells that ReadSheet gives. A missing styles part
// leaves every number plain; a damaged one is an error.
func (wb *Workbook) LoadStyles() error {
	if wb.stylesOK {
		return nil
	}
	wb.stylesOK = true
	name := "xl/styles.xml"
	for _, r := range wb.rels {
		if r.typ == "styles" {
			name = r.target
		}
	}
	var doc struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := wb.decodeSmall(name, &doc); err != nil {
		if errors.Is(err, errPartMissing) {
			return nil
		}
		return err
	}
	custom := make(map[int]Format, len(doc.NumFmts))
	for _, n := range doc.NumFmts {
		custom[n.ID] = classifyFormat(n.Code)
	}
	wb.styles = make([]Format, len(doc.Xfs))
	for i, x := range doc.Xfs {
		if k, ok := custom[x.NumFmtID]; ok {
			wb.styles[i] = k
		} else {
			wb.styles[i] = builtinFormat(x.NumFmtID)
		}
	}
	return nil
}

// builtinFormat classifies the number formats ECMA-376 predefines (and
// the East Asian date formats Excel adds).
func builtinFormat(id int) Format {
	switch {
	case id == 9 || id == 10:
		return PercentFormat
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58, id >= 71 && id <= 81:
		return DateFormat
	}
	return PlainFormat
}

// classifyFormat tells date and percentage formats from the rest by their
// code: outside quoted text, escapes and [colour] or [$-409] sections, a
// date format has d, m, y (or h, s) and a percentage format has %.
func classifyFormat(code string) Format {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive section decides
	}
	if strings.EqualFold(strings.TrimSpace(code), "general") {
		return PlainFormat
	}
	date, pct := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return PlainFormat
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return PlainFormat
			}
			date = date || elapsedTime(code[i+1:i+j])
			i += j
		case '%':
			pct = true
		case 'd', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S':
			date = true
		}
	}
	switch {
	case date:
		return DateFormat
	case pct:
		return PercentFormat
	}
	return PlainFormat
}

// elapsedTime reports whether the [section] of a number format is
// elapsed time, such as [h] in [h]:mm.
func elapsedTime(section string) bool {
	switch strings.ToLower(section) {
	case "h", "hh", "m", "mm", "s", "ss":
		return true
	}
	return false
}

// loadSharedStrings reads the shared strings part, once.
func (wb *Workbook) loadSharedStrings() error {
	if wb.sstDone {
		return wb.sstErr
	}
	wb.sstDone = true
	name := ""
	for _, r := range wb.rels {
		if r.typ == "sharedStrings" {
			name = r.target
		}
	}
	if name == "" {
		if wb.parts["xl/sharedstrings.xml"] == nil {
			return nil
		}
		name = "xl/sharedStrings.xml"
	}
	rc, size, err := wb.open(name)
	if err != nil {
		if errors.Is(err, errPartMissing) {
			return nil
		}
		wb.sstErr = err
		return err
	}
	defer rc.Close()
	if wb.sstLimit > 0 && size > wb.sstLimit {
		wb.sstErr = &LimitError{Part: name, Size: size, Limit: wb.sstLimit}
		return wb.sstErr
	}
	wb.sst, wb.sstLong, wb.sstErr = readSharedStrings(rc, size)
	return wb.sstErr
}

// readSharedStrings reads the shared string table. The strings are kept
// in large chunks so that a table of a million strings is a few hundred
// allocations, and cells taken from it share its memory. A string longer
// than a cell may hold is kept as "" and its index put in long.
func readSharedStrings(r io.Reader, size int64) (sst []string, long map[int]bool, err error) {
	x := newXMLReader(r)
	var t sstReader
	for x.next() {
		switch x.kind {
		case tokStart:
			t.startTag(x, size)
		case tokEnd:
			t.endTag(x.name)
		case tokText:
			if t.inT && !t.over {
				t.appendText(x.text, x.cdata)
			}
		}
	}
	if x.err != nil {
		return nil, nil, x.err
	}
	return t.ar.finish(), t.long, nil
}

// sstReader is what readSharedStrings has read so far.
type sstReader struct {
	ar   arena
	long map[int]bool // the indexes of strings too long for a cell
	cur  []byte       // the text of the string being read
	inSI bool
	inT  bool // in a text of the string, outside phonetic runs
	rph  int  // depth of phonetic runs (<rPh>), whose text is not the string's
	over bool // cur passed maxCellBytes and was dropped
}

// startTag notes a start tag of the table; size is the part's.
func (t *sstReader) startTag(x *xmlReader, size int64) {
	switch string(x.name) {
	case "sst":
		if v, ok := attr(x.attrs, "uniqueCount"); ok {
			if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
				// Each <si><t></t></si> takes at least 16 bytes.
				t.ar.items = make([]string, 0, min(int64(n), size/16+1))
			}
		}
	case "si":
		t.inSI, t.cur, t.over = true, t.cur[:0], false
		if x.empty {
			t.ar.add(nil)
			t.inSI = false
		}
	case "rPh":
		if !x.empty {
			t.rph++
		}
	case "t":
		t.inT = t.inSI && t.rph == 0 && !x.empty
	}
}

// endTag notes an end tag of the table, adding a string at its end.
func (t *sstReader) endTag(name []byte) {
	switch string(name) {
	case "si":
		if t.inSI {
			t.add()
		}
		t.inSI, t.inT = false, false
	case "rPh":
		t.rph = max(0, t.rph-1)
	case "t":
		t.inT = false
	}
}

// add adds the string read, or "" for one too long for a cell.
func (t *sstReader) add() {
	s := decodeEscapes(t.cur)
	if !t.over && !TooLong(s) {
		t.ar.add(s)
		return
	}
	if t.long == nil {
		t.long = make(map[int]bool)
	}
	t.long[len(t.ar.items)] = true
	t.ar.add(nil)
}

// appendText appends a text token to the string being read, dropping the
// string once it passes maxCellBytes.
func (t *sstReader) appendText(text []byte, cdata bool) {
	t.cur = appendText(t.cur, text, cdata)
	if len(t.cur) > maxCellBytes {
		t.over, t.cur = true, t.cur[:0]
	}
}

// arena collects strings into chunks.
type arena struct {
	items   []string
	buf     []byte
	pending []itemSpan // items whose text is in buf
}

// itemSpan is where the text of item lies in arena.buf.
type itemSpan struct{ item, start, end int }

const arenaChunk = 256 << 10

// add adds b as the next string.
func (a *arena) add(b []byte) {
	i := len(a.items)
	a.items = append(a.items, "")
	if len(b) == 0 {
		return
	}
	if len(b) > arenaChunk/8 {
		a.items[i] = string(b)
		return
	}
	if len(a.buf)+len(b) > arenaChunk {
		a.flush()
	}
	if a.buf == nil {
		a.buf = make([]byte, 0, arenaChunk)
	}
	a.pending = append(a.pending, itemSpan{i, len(a.buf), len(a.buf) + len(b)})
	a.buf = append(a.buf, b...)
}

// flush makes the strings in buf into one chunk.
func (a *arena) flush() {
	if len(a.pending) == 0 {
		return
	}
	chunk := string(a.buf)
	for _, p := range a.pending {
		a.items[p.item] = chunk[p.start:p.end]
	}
	a.buf, a.pending = a.buf[:0], a.pending[:0]
}

// finish returns the strings.
func (a *arena) finish() []string {
	a.flush()
	return a.items
}
