package workbook

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// look is what a cell looks like: its number format and font and
// alignment flags. Styles are made on first use and cached, so their ids
// follow the order of first use, which is fixed for a given report.
type look struct {
	numFmt string
	bold   bool
	italic bool
	wrap   bool // wrap text, aligned to the top
	top    bool // aligned to the top without wrapping
	link   bool // blue underlined text
	head   bool // table header: bold, wrapped, shaded
	title  bool // sheet title
	total  bool // total row: bold with a rule above
	left   bool // aligned left (numbers and dates in a list of values)
	indent bool // indented from the left (a qualifier after a number)
	note   bool // wrapped text in a merged block
}

// fontFamily is the font every cell names: Excel's default, which
// LibreOffice maps to the metric-compatible Carlito.
const fontFamily = "Calibri"

type styles struct {
	f     *excelize.File
	cache map[look]int
	// wraps[id] is set for styles that wrap text in one cell, whose rows
	// get a height to fit (spreadsheets do not fit row heights on load).
	wraps []bool
	bold  []bool
	err   error
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, cache: map[look]int{}}
}

// id returns the style id of l, making the style on first use.
func (s *styles) id(l look) int {
	if id, ok := s.cache[l]; ok {
		return id
	}
	st := &excelize.Style{}
	if l.numFmt != "" {
		nf := l.numFmt
		st.CustomNumFmt = &nf
	}
	// Every style names its font, so that a reader without the workbook's
	// default font does not fall back to another family for bold text.
	font := &excelize.Font{Family: fontFamily, Size: 11, Bold: l.bold || l.head || l.total || l.title, Italic: l.italic}
	switch {
	case l.title:
		font.Size = 14
	case l.link:
		font.Color = "0563C1"
		font.Underline = "single"
	}
	st.Font = font
	al := &excelize.Alignment{}
	switch {
	case l.head:
		al = &excelize.Alignment{WrapText: true, Vertical: "top"}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
		st.Border = []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}}
	case l.wrap:
		al = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case l.note: // unlike wrap, so that it is not taken for a wrapping style
		al = &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left"}
	case l.top:
		al = &excelize.Alignment{Vertical: "top"}
	}
	if l.left {
		al.Horizontal = "left"
	}
	if l.indent {
		al.Horizontal, al.Indent = "left", 1
	}
	if *al != (excelize.Alignment{}) {
		st.Alignment = al
	}
	if l.total {
		st.Border = []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return 0
	}
	s.cache[l] = id
	for len(s.wraps) <= id {
		s.wraps = append(s.wraps, false)
		s.bold = append(s.bold, false)
	}
	s.wraps[id] = s.wraps[id] || l.wrap || l.head
	s.bold[id] = font.Bold
	return id
}

// Number formats.
const (
	fmtDate  = "yyyy-mm-dd"
	fmtCount = "#,##0"
	fmtYear  = "0"
)

// plainDecimals returns the fewest decimals, from lo to hi, that show x
// without loss.
func plainDecimals(x float64, lo, hi int) int {
	for d := lo; d < hi; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(math.Round(x*p)/p-x) <= 1e-9*math.Max(1, math.Abs(x)) {
			return d
		}
	}
	return hi
}

func zeros(n int) string {
	if n <= 0 {
		return ""
	}
	return "." + strings.Repeat("0", n)
}

// symbol is the currency prefix of a money format, such as "US$ ".
func symbol(cur string) string {
	return strings.TrimSpace(analysis.Symbol(cur)) + " "
}

// quote makes s a literal of a number format.
func quote(s string) string {
	if s == "" {
		return ""
	}
	return `"` + strings.ReplaceAll(s, `"`, ``) + `"`
}

// unit is the one display unit of a money column: a scale (B, M, K or
// none) and the decimals that show its smallest figure with at least two
// significant digits. The unit is chosen once per column, from all its
// figures and its total, by columnUnit.
type unit struct {
	commas, suffix string
	word           string // the scale's word, "billion", named in the header
	decimals       int
}

// unitWidth is the most characters a figure of a money column may take
// in the plain format (digits, separators, point and decimals), so that it
// prints at the column widths the sheets declare.
const unitWidth = 11

// columnUnit picks the unit of a money column from its figures: the
// scale of the largest, with decimals for the smallest (up to three).
// When the smallest would still show as 0 it steps down a scale, as long
// as the largest still fits in unitWidth characters; whole units only
// when the figures span more than any scale can show.
func columnUnit(values []float64) unit {
	m := newMagnitudes()
	for _, v := range values {
		m.add(v)
	}
	return m.unit()
}

// magnitudes gathers the largest and the smallest size of a column's
// figures, the two its unit rests on, one figure at a time: a column of
// a million figures needs no list of them.
type magnitudes struct{ hi, lo float64 }

func newMagnitudes() magnitudes { return magnitudes{lo: math.Inf(1)} }

// add takes in a figure; zero, NaN and infinities do not count.
func (m *magnitudes) add(v float64) {
	a := math.Abs(v)
	if a == 0 || math.IsNaN(a) || math.IsInf(a, 0) {
		return
	}
	m.hi, m.lo = math.Max(m.hi, a), math.Min(m.lo, a)
}

// unit is columnUnit of the figures taken in.
func (m magnitudes) unit() unit {
	hi, lo := m.hi, m.lo
	if hi == 0 {
		return unit{}
	}
	sc := analysis.ScaleOf(hi)
	for {
		d := 1
		if sc.Suffix == "" {
			d = 0
		}
		for d < 3 && lo/sc.Div*math.Pow(10, float64(d)) < 10 {
			d++
		}
		if sc.Suffix == "" {
			return unit{decimals: min(d, 2)}
		}
		if lo/sc.Div*math.Pow(10, float64(d)) >= 1 {
			return unit{sc.Commas, sc.Suffix, sc.Word, d}
		}
		// The smallest would read as 0: try the next scale down.
		down := analysis.ScaleOf(sc.Div / 1000)
		if plainWidth(hi/down.Div, 1) > unitWidth {
			return unit{sc.Commas, sc.Suffix, sc.Word, d}
		}
		sc = down
	}
}

// plainWidth counts the characters of x written with separators and d
// decimals.
func plainWidth(x float64, d int) int {
	digits := len(strconv.FormatFloat(math.Floor(math.Abs(x)), 'f', 0, 64))
	n := digits + (digits-1)/3
	if d > 0 {
		n += 1 + d
	}
	return n
}

// format is the number format of the unit with the symbol of currency cur
// and the scale's suffix in every cell ("US$ 53.0B"), for a column whose
// rows are in several currencies.
func (u unit) format(cur string) string {
	pos := quote(symbol(cur)) + "#,##0" + zeros(u.decimals) + u.commas + quote(u.suffix)
	return pos + ";-" + pos
}

// plain is the number format of the unit without symbol or suffix
// ("#,##0.0,,,"), for a column in one currency whose header names the
// unit: the figures stay short, and each cell keeps its exact value.
func (u unit) plain() string {
	return "#,##0" + zeros(u.decimals) + u.commas
}

// moneyFormat returns the number format of an amount in whole units of
// cur, scaled like "US$ 32.0B" (the format "US$ "#,##0.0,,,"B"). The
// cell keeps the unrounded value; like the sentences, the display rounds
// to the digits shown, bounds included.
func moneyFormat(v float64, cur string) string {
	sc := analysis.ScaleOf(v)
	d := 1
	if sc.Suffix == "" {
		d = plainDecimals(v, 0, 2) // a share price of HK$140.9 keeps its decimal
	}
	pos := quote(symbol(cur)) + "#,##0" + zeros(d) + sc.Commas + quote(sc.Suffix)
	return pos + ";-" + pos
}

// Formats of multiples (2.46x) and fractions shown as percentages (0.569
// shows 56.9%).
const (
	fmtMultiple = `0.00"x"`
	fmtPercent  = "0.0%"
)

// numberFormat shows a plain number with the decimals it needs, up to hi.
func numberFormat(v float64, hi int) string {
	return "#,##0" + zeros(plainDecimals(v, 0, hi))
}
