package workbook

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// column is one column of a table the workbook writes: the key the writer
// and the formulas name it by, its header ("%s" stands for the reporting
// currency), its width, and whether it is in the printed block.
type column struct {
	key    string
	header string
	width  float64
	print  bool
}

// columns declares a table: its header, widths, print area and the
// letters formulas use all follow from the list.
type columns []column

// index returns the place of the column with the given key.
func (cs columns) index(key string) int {
	for i, c := range cs {
		if c.key == key {
			return i
		}
	}
	panic("workbook: no column " + key)
}

// letter returns the column letters of the column with the given key,
// for a table that starts in column A.
func (cs columns) letter(key string) string { return analysis.ColumnLetters(cs.index(key) + 1) }

// headers returns the header cells in English, in the reporting
// currency cur.
func (cs columns) headers(cur string) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = strings.Replace(c.header, "%s", cur, 1)
	}
	return out
}

// heads returns the header cells in the workbook's language: each
// header is the catalogue text "col." and its English, and %s the
// reporting currency's name.
func (b *book) heads(cs columns, cur string) []string {
	if b.english {
		return cs.headers(cur)
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = b.head(c.header, cur)
	}
	return out
}

// head is one header or fixed label of a table, given in English, in the
// workbook's language.
func (b *book) head(en, cur string) string {
	if b.english {
		return strings.Replace(en, "%s", cur, 1)
	}
	if strings.Contains(en, "%s") {
		return b.p.Sprintf("col."+en, b.p.Currency(cur))
	}
	// Unformatted: a header may hold a percent sign ("Change %").
	if t, ok := b.p.Lookup("col." + en); ok {
		return t
	}
	return en
}

// widths returns the column widths.
func (cs columns) widths() []float64 {
	out := make([]float64, len(cs))
	for i, c := range cs {
		out[i] = c.width
	}
	return out
}

// pageWidth is the most characters of column width that print on the
// width of A4 landscape, with the sheets' margins, at 7 pt or more once
// LibreOffice fits the page: 187 characters printed at 7.2 pt.
const pageWidth = 180.0

// printed counts the columns of the printed block, which come first.
func (cs columns) printed() int {
	n := 0
	for n < len(cs) && cs[n].print {
		n++
	}
	return n
}

// printArea sets the print area of sheet: from row 1 down to row last,
// across the printed columns of cs.
func (b *book) printArea(sheet string, cs columns, last int) error {
	sheet = b.sheetName(sheet)
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$A$1:$" + analysis.ColumnLetters(cs.printed()) + "$" + strconv.Itoa(last)})
}

// headList is a header given as a list of English cells, in the
// workbook's language.
func (b *book) headList(hs []string) []string {
	if b.english {
		return hs
	}
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = b.head(h, "")
	}
	return out
}

// unitName names the unit u of amounts in currency cur in the workbook's
// language: "US$ bn", "十億美元".
func (b *book) unitName(u unit, cur string) string {
	if b.english {
		return b.p.Sprintf("unit."+u.word, strings.TrimSpace(analysis.Symbol(cur)))
	}
	return b.p.Sprintf("unit."+u.word, b.p.Currency(cur))
}

// moneyHead is the header of a money column, given in English with %s
// for its unit, in the workbook's language and naming the unit u.
func (b *book) moneyHead(en, cur string, u unit) string {
	if b.english {
		return strings.Replace(en, "%s", b.unitName(u, cur), 1)
	}
	return b.p.Sprintf("col."+en, b.unitName(u, cur))
}
