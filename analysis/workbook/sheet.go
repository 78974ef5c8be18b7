package workbook

import (
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// table is an Excel table on a sheet: a header row of unique strings and
// the rows below it.
type table struct {
	name   string
	col    int // first column, one-based
	row    int // header row
	last   int // last row (at least row+1)
	header []string
}

func (t table) ref() string {
	a, _ := excelize.CoordinatesToCellName(t.col, t.row)
	z, _ := excelize.CoordinatesToCellName(t.col+len(t.header)-1, max(t.last, t.row+1))
	return a + ":" + z
}

// sheetOpts sets up a streamed sheet.
type sheetOpts struct {
	widths []float64 // column widths from column A
	freeze int       // rows to freeze at the top; 0 for none
	// own is set on a sheet of several tables, each with a header of
	// its own: the first table's header is then not repeated at the top
	// of every printed page, where it would head the tables below.
	own    bool
	tables []table
}

// sheet streams the rows of one worksheet. The first error sticks: later
// calls do nothing and close returns it, as bufio.Writer does.
type sheet struct {
	b      *book
	name   string
	sw     *excelize.StreamWriter
	tables []table
	widths []float64
	err    error
	// frozen, once set by detach, is a copy of the book's styles that
	// the sheet reads instead of the book's, from another goroutine.
	frozen *styles
	// aside holds cells placed ahead of the rows being written (a note
	// beside a table), by row, from column A; they join their row when it
	// is written.
	aside map[int][]any
	// rows encodes the rows below direct; the rows down to direct (the
	// header of a sheet's lone table, which the StreamWriter reads back
	// to name the table's columns) go through the StreamWriter.
	rows   *rowWriter
	direct int
}

// open starts streaming a sheet. A sheet with one table adds it through
// the StreamWriter when closed; a sheet with several declares them all
// before streaming (the StreamWriter keeps one table only), with the
// header cells they are named after.
func (b *book) open(name string, o sheetOpts) *sheet {
	name = b.sheetName(name)
	s := &sheet{b: b, name: name, tables: o.tables, widths: o.widths, rows: &rowWriter{}}
	if len(o.tables) == 1 {
		s.direct = o.tables[0].row
	}
	b.rows[name] = s.rows
	if len(o.tables) > 1 {
		b.multi[name] = true
		for _, t := range o.tables {
			cell, _ := excelize.CoordinatesToCellName(t.col, t.row)
			hdr := make([]any, len(t.header))
			for i, h := range t.header {
				hdr[i] = h
			}
			if err := b.f.SetSheetRow(name, cell, &hdr); err != nil {
				s.err = err
				return s
			}
			if err := b.f.AddTable(name, &excelize.Table{Range: t.ref(), Name: t.name, StyleName: tableStyle}); err != nil {
				s.err = err
				return s
			}
		}
	}
	titles := o.freeze
	if o.own {
		titles = 0
	}
	if err := b.pageSetup(name, titles); err != nil {
		s.err = err
		return s
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		s.err = err
		return s
	}
	s.sw = sw
	for i, w := range o.widths {
		if s.err == nil && w > 0 {
			s.err = sw.SetColWidth(i+1, i+1, w)
		}
	}
	if o.freeze > 0 && s.err == nil {
		cell, _ := excelize.CoordinatesToCellName(1, o.freeze+1)
		s.err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: o.freeze, TopLeftCell: cell, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: "bottomLeft"}}})
	}
	return s
}

const tableStyle = "TableStyleLight1"

// Paper size 9 is A4 in the spreadsheet's page setup.
const paperA4 = 9

// pageSetup prints a sheet on A4, landscape, one page wide and as many
// pages tall as it needs, with row header (the header of its main table;
// 0 for none) repeated at the top of every later page, and a footer
// naming the sheet, the report month and the page. The title and notes
// above the header are printed once, on the first page. It must come
// before the sheet is streamed.
func (b *book) pageSetup(name string, header int) error {
	fit, landscape, wide, tall, size := true, "landscape", 1, 0, paperA4
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	margin, edge := 0.5, 0.3
	if err := b.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin,
		Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	footer := "&L&8&A&C&8" + footerText(b.title()) + "&R&8" + b.tr("Page %s of %s", "&P", "&N")
	if err := b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: footer}); err != nil {
		return err
	}
	if header > 0 {
		row := strconv.Itoa(header)
		return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
			RefersTo: "'" + strings.ReplaceAll(name, "'", "''") + "'!$" + row + ":$" + row})
	}
	return nil
}

// footerText escapes text for a page footer, where & starts a code.
func footerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// set writes the cells of a row from column col. Rows come in ascending
// order, as the StreamWriter takes them.
func (s *sheet) set(row, col int, cells ...any) {
	if s.err != nil {
		return
	}
	s.flushAside(row)
	if line, ok := s.aside[row]; ok {
		delete(s.aside, row)
		s.write(row, 1, place(line, col, cells))
		return
	}
	s.write(row, col, cells)
}

// place puts cells into line from column col, growing it as needed.
func place(line []any, col int, cells []any) []any {
	if n := col - 1 + len(cells); n > len(line) {
		line = append(line, make([]any, n-len(line))...)
	}
	for i, c := range cells {
		if c != nil {
			line[col-1+i] = c
		}
	}
	return line
}

// setAside places cells in a row that will be written later.
func (s *sheet) setAside(row, col int, cells ...any) {
	if s.aside == nil {
		s.aside = map[int][]any{}
	}
	s.aside[row] = place(s.aside[row], col, cells)
}

// flushAside writes the rows set aside above row (all of them for 0).
func (s *sheet) flushAside(row int) {
	if len(s.aside) == 0 {
		return
	}
	var nums []int
	for n := range s.aside {
		if row == 0 || n < row {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	for _, n := range nums {
		if s.err == nil {
			s.write(n, 1, s.aside[n])
		}
		delete(s.aside, n)
	}
}

// write streams a row, tall enough for its wrapped text.
func (s *sheet) write(row, col int, cells []any) { s.writeRow(row, col, cells, s.height(col, cells)) }

// writeRow streams a row of height h in points (0 for the default).
func (s *sheet) writeRow(row, col int, cells []any, h float64) {
	if row > s.direct {
		s.err = s.rows.row(row, col, cells, h)
		return
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		s.err = err
		return
	}
	if h > 0 {
		s.err = s.sw.SetRow(cell, cells, excelize.RowOpts{Height: h})
		return
	}
	s.err = s.sw.SetRow(cell, cells)
}

// Row heights.
const (
	lineHeight   = 15.0 // points per line of 11-point text
	defaultWidth = 8.43 // characters
	maxHeight    = 409  // Excel's tallest row
)

// height returns the height in points that shows every line of the
// wrapped text cells of a row, or 0 when one line is enough.
func (s *sheet) height(col int, cells []any) float64 {
	st := s.b.st
	if s.frozen != nil {
		st = s.frozen
	}
	most := 1
	for i, c := range cells {
		var cell excelize.Cell
		switch c := c.(type) {
		case excelize.Cell:
			cell = c
		case *excelize.Cell:
			cell = *c
		default:
			continue
		}
		if cell.StyleID >= len(st.wraps) || !st.wraps[cell.StyleID] {
			continue
		}
		text, ok := cell.Value.(string)
		if !ok {
			continue
		}
		w := defaultWidth
		if j := col - 1 + i; j < len(s.widths) && s.widths[j] > 0 {
			w = s.widths[j]
		}
		most = max(most, lineCount(text, w, st.bold[cell.StyleID]))
	}
	if most == 1 {
		return 0
	}
	return min(float64(most)*lineHeight+2, maxHeight)
}

// lineCount estimates how many lines text takes in a column of width
// characters (widths of the digit 0) when wrapped at spaces, from rough
// glyph widths of the default font. It errs towards one line too many
// rather than a clipped line.
func lineCount(text string, width float64, bold bool) int {
	room := max(width-0.5, 1)
	scale := 1.05 // a margin for the estimate
	if bold {
		scale *= 1.07
	}
	// No character is wider than 1.4 per byte of its UTF-8 form: a text
	// short enough in bytes fits on one line without measuring it.
	if float64(len(text))*1.4*scale <= room && !strings.Contains(text, "\n") {
		return 1
	}
	// Nor does a line of ASCII text narrower than the column: its width
	// is added up without splitting it into words.
	if w, ok := asciiWidth(text); ok && w*scale <= room {
		return 1
	}
	space := runeWidth(' ') * scale
	lines := 0
	// The paragraphs (split at line breaks) and their words (split at
	// spaces) are walked in place, without splitting text into slices.
	for para := range strings.SplitSeq(text, "\n") {
		lines++
		used := 0.0
		for i := 0; ; i++ {
			word := para
			j := strings.IndexByte(para, ' ')
			if j >= 0 {
				word, para = para[:j], para[j+1:]
			}
			w := 0.0
			for k := 0; k < len(word); k++ {
				if c := word[k]; c < utf8.RuneSelf {
					w += asciiWidths[c] * scale
					continue
				}
				for _, r := range word[k:] {
					w += runeWidth(r) * scale
				}
				break
			}
			if i > 0 {
				w += space
			}
			switch {
			case used+w <= room:
				used += w
			case w > room: // a long word breaks over lines
				used += w
				for used > room {
					lines++
					used -= room
				}
			default:
				lines++
				used = w - space
			}
			if j < 0 {
				break
			}
		}
	}
	return lines
}

// asciiWidth is the width of text, as runeWidth gives it, when text is
// ASCII without a line break; ok is false otherwise.
func asciiWidth(text string) (w float64, ok bool) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf || c == '\n' {
			return 0, false
		}
		w += asciiWidths[c]
	}
	return w, true
}

// asciiWidths holds runeWidth of each ASCII character, looked up by
// lineCount and asciiWidth in place of runeWidth's tests.
var asciiWidths = func() (t [utf8.RuneSelf]float64) {
	for c := range t {
		t[c] = runeWidth(rune(c))
	}
	return t
}()

// wide reports whether r takes two columns in East Asian text (Chinese,
// Japanese and Korean characters, full-width forms), by Unicode's East
// Asian Width property.
func wide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// runeWidth is the rough width of a character in widths of the digit 0.
func runeWidth(r rune) float64 {
	switch {
	case r >= 0x1100 && wide(r):
		return 2.1
	case r == '—': // an em dash, as in the labels "investor — program"
		return 1.9
	case r == 'M' || r == 'W' || r == 'm' || r == 'w' || r == '@' || r == '%':
		return 1.4
	case r >= 'A' && r <= 'Z':
		return 1.15
	case r == 'i' || r == 'j' || r == 'l' || r == 't' || r == 'f' || r == 'r' || r == 'I' || r == ' ' ||
		r == '.' || r == ',' || r == ':' || r == ';' || r == '\'' || r == '(' || r == ')' || r == '!' || r == '|':
		return 0.5
	case r >= 'a' && r <= 'z':
		return 0.9
	}
	return 1
}

// header writes the header row of t.
func (s *sheet) header(t table) { s.set(t.row, t.col, s.headerCells(t)...) }

// headerCells are the cells of the header row of t.
func (s *sheet) headerCells(t table) []any {
	id := s.b.st.id(look{head: true})
	cells := make([]any, len(t.header))
	for i, h := range t.header {
		cells[i] = excelize.Cell{StyleID: id, Value: h}
	}
	return cells
}

// detach readies the sheet to be written from a goroutine of its own
// while other sheets make styles: from now on it reads a copy of the
// styles made so far, and its cells must use no other.
func (s *sheet) detach() {
	st := s.b.st
	s.frozen = &styles{wraps: slices.Clone(st.wraps), bold: slices.Clone(st.bold)}
}

// note places a long text into a block of merged cells from (row, col)
// down, as many rows as it needs, so that it does not stretch the rows of
// a table beside it. It is set aside: call it before writing the row.
func (s *sheet) note(row, col int, text string) {
	w := defaultWidth
	if col-1 < len(s.widths) {
		w = s.widths[col-1]
	}
	text = s.b.fixed(text)
	n := lineCount(text, w, false)
	s.setAside(row, col, s.b.text(text, look{note: true}))
	if n > 1 && s.err == nil {
		a, _ := excelize.CoordinatesToCellName(col, row)
		z, _ := excelize.CoordinatesToCellName(col, row+n-1)
		s.err = s.sw.MergeCell(a, z)
	}
}

// banner writes a long text on its own row, wrapped in a cell merged over
// the first cols columns and as tall as the text needs: a line of text
// left to run past the sheet's columns would widen the printed page, and
// with it shrink every page of the sheet to fit.
func (s *sheet) banner(row, cols int, text string) {
	if s.err != nil {
		return
	}
	text = s.b.fixed(text)
	s.flushAside(row)
	w := 0.0
	for i := 0; i < cols; i++ {
		if i < len(s.widths) && s.widths[i] > 0 {
			w += s.widths[i]
		} else {
			w += defaultWidth
		}
	}
	a, _ := excelize.CoordinatesToCellName(1, row)
	z, _ := excelize.CoordinatesToCellName(cols, row)
	h := min(float64(lineCount(text, w, false))*lineHeight+2, maxHeight)
	s.writeRow(row, 1, []any{s.b.text(text, look{note: true, italic: true})}, h)
	if s.err == nil {
		s.err = s.sw.MergeCell(a, z)
	}
}

// close writes the rows set aside, adds a lone table and flushes the sheet.
func (s *sheet) close() error {
	if s.sw == nil {
		return s.err
	}
	if s.err == nil {
		s.flushAside(0)
	}
	if s.err == nil && len(s.tables) == 1 {
		t := s.tables[0]
		s.err = s.sw.AddTable(&excelize.Table{Range: t.ref(), Name: t.name, StyleName: tableStyle})
	}
	if s.err == nil {
		s.err = s.sw.Flush()
	}
	if s.err == nil && !s.rows.empty() {
		s.err = s.rows.finish()
	}
	if s.err == nil {
		s.err = s.b.st.err
	}
	return s.err
}

// rowCells is one row of a streamed table, reused from row to row so
// that a long table allocates no cells for its rows. An empty value (nil,
// "", a NaN or infinite number) leaves its cell empty.
type rowCells struct {
	cells []any
	buf   []excelize.Cell
}

func newRowCells(n int) *rowCells {
	return &rowCells{cells: make([]any, n), buf: make([]excelize.Cell, n)}
}

// reset empties the row for the next one.
func (r *rowCells) reset() { clear(r.cells) }

// put sets cell i to v in the given style.
func (r *rowCells) put(i, style int, v any) { r.formula(i, style, "", v) }

// formula sets cell i to the formula f with its cached value v.
func (r *rowCells) formula(i, style int, f string, v any) {
	switch x := v.(type) {
	case nil:
		r.cells[i] = nil
		return
	case string:
		if x == "" {
			r.cells[i] = nil
			return
		}
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			r.cells[i] = nil
			return
		}
	}
	r.buf[i] = excelize.Cell{StyleID: style, Formula: f, Value: v}
	r.cells[i] = &r.buf[i]
}

// Cell makers. They return nil, an empty cell, for missing values.

// text is a string cell. Strings are written as inline strings, never as
// formulas, whatever they begin with.
func (b *book) text(s string, l look) any {
	if s == "" {
		return nil
	}
	return excelize.Cell{StyleID: b.st.id(l), Value: s}
}

// num is a number cell; NaN and infinities give an empty cell.
func (b *book) num(v float64, format string, l look) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	l.numFmt = format
	return excelize.Cell{StyleID: b.st.id(l), Value: v}
}

func (b *book) integer(n int, l look) any {
	l.numFmt = fmtCount
	return excelize.Cell{StyleID: b.st.id(l), Value: n}
}

func (b *book) date(t time.Time, l look) any {
	if t.IsZero() {
		return nil
	}
	l.numFmt = fmtDate
	return excelize.Cell{StyleID: b.st.id(l), Value: t}
}

// formula is a formula cell with its cached value; a NaN value gives an
// empty cell.
func (b *book) formula(f string, v float64, format string, l look) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	l.numFmt = format
	return excelize.Cell{StyleID: b.st.id(l), Formula: f, Value: v}
}

// money is an amount in whole units of cur.
func (b *book) money(v float64, cur string, l look) any {
	if math.IsNaN(v) {
		return nil
	}
	return b.num(v, moneyFormat(v, cur), l)
}

// Links.

// maxLinkLen is the longest address the HYPERLINK function takes.
const maxLinkLen = 255

// maxLiteral is the longest string literal Excel takes in a formula.
const maxLiteral = 255

// maxFormula keeps a formula well below Excel's 8,192 characters.
const maxFormula = 8000

// safeLink reports whether u may become a link: http or https with a
// host, or mailto, without quotes, spaces or control characters, and
// short enough for HYPERLINK.
func safeLink(u string) bool {
	if u == "" || utf16Len(u) > maxLinkLen {
		return false
	}
	for _, r := range u {
		if r < 0x21 || r == 0x7f || r == '"' || r == '<' || r == '>' {
			return false
		}
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// literal renders s as a formula string expression: one quoted literal,
// or several joined with & when s is longer than a literal may be.
func literal(s string) string {
	var b strings.Builder
	for first := true; first || s != ""; first = false {
		n, units := 0, 0
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			u := 1
			if r > 0xFFFF {
				u = 2
			}
			if units+u > maxLiteral {
				break
			}
			units += u
			n += size
		}
		if !first {
			b.WriteByte('&')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(s[:n], `"`, `""`))
		b.WriteByte('"')
		s = s[n:]
	}
	return b.String()
}

// link returns a HYPERLINK formula cell showing label and opening u, or a
// text cell when u is no safe link: an http, https or mailto address that
// cannot be one (longer than HYPERLINK takes, or holding spaces or quotes)
// is written as text after the label; any other scheme (javascript:,
// file:) is left out. A formula link survives streaming, unlike the
// sheet's hyperlink list, and has no 65,530-per-sheet limit.
func (b *book) link(u, label string) any { return b.linkIn(u, label, look{}) }

// linkIn is a link cell as link makes it, in the look l (wrapped, aligned
// to the top) with the link's colour and underline added.
func (b *book) linkIn(u, label string, in look) any {
	l := makeLink(u, label)
	switch {
	case l.formula != "":
		lk := in
		lk.link = true
		return excelize.Cell{StyleID: b.st.id(lk), Formula: l.formula, Value: l.text}
	case l.text != "":
		return b.text(l.text, in)
	}
	return nil
}

// linkText is what a link cell holds: a HYPERLINK formula and the text it
// shows, or only text (formula ""), or nothing.
type linkText struct{ formula, text string }

// makeLink decides what the link cell of u and label holds (see link). It
// uses no styles, so it may run beside the sheet writer.
func makeLink(u, label string) linkText {
	u = strings.TrimSpace(u)
	switch {
	case u == "":
		return linkText{text: label}
	case safeLink(u):
		show := label
		if show == "" {
			show = u
		}
		if f := "HYPERLINK(" + literal(u) + "," + literal(show) + ")"; len(f) <= maxFormula {
			return linkText{formula: f, text: show}
		}
	case !isWebLike(u):
		// javascript:, file: and the like are never shown as addresses.
		return linkText{text: label}
	}
	// A web address that cannot be a link (too long, or with characters a
	// link may not hold) is shown as text after the label.
	if label == "" {
		return linkText{text: u}
	}
	return linkText{text: label + " <" + u + ">"}
}

// isWebLike reports whether u is an http, https or mailto address that
// was refused for its length or characters; such an address is still
// shown as text. Other schemes (javascript:, file:) are never shown.
func isWebLike(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "mailto:")
}
