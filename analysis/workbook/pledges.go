package workbook

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// Pledges columns that formulas and the Summary refer to.
const (
	colValue = "L"
	colYears = "N"
)

func pledgesHeader(cur string) []string {
	return []string{"ID", "Announced", "Investor", "Investor type", "Program", "Amount as entered", "Qualifier",
		"Amount", "Currency", "Rate used (per USD)", "Rate date", "Value (" + cur + ")", "Per year (" + cur + ")",
		"Years", "Start year", "Sectors", "Region", "Status", "Counted", "Excluded", "Source(s)", "Source date", "Note", "Input",
		"Group", "Kind", "Per", "Relation", "Related to", "Date basis"}
}

// writePledges streams one row per pledge: the sheet may hold 1,048,575
// of them, so the cells are reused from row to row, style IDs are looked
// up once, and nothing else is kept per row.
func (b *book) writePledges() error {
	r := b.r
	hdr := pledgesHeader(r.Currency)
	first := b.lay.pledgeFirst
	t := table{name: "PledgeList", col: 1, row: first - 1, last: first - 1 + max(len(r.Pledges), 1), header: hdr}
	s := b.open(sheetPledges, sheetOpts{
		widths: []float64{24, 11, 28, 13, 42, 24, 11, 14, 9, 11, 11, 15, 15, 7, 8, 30, 16, 11, 9, 16, 40, 11, 50, 36, 20, 12, 12, 11, 24, 12},
		freeze: first - 1, tables: []table{t}})
	s.header(t)
	if len(r.Pledges) == 0 {
		s.set(first, 1, b.text("no pledges", look{italic: true}))
	}
	var (
		cells   = make([]any, len(hdr))
		buf     = make([]excelize.Cell, len(hdr))
		text    = b.st.id(look{})
		indent  = b.st.id(look{indent: true})
		date    = b.st.id(look{numFmt: fmtDate})
		year    = b.st.id(look{numFmt: fmtYear})
		money   = moneyStyles{b: b}
		numbers = map[string]int{}
		link    = b.st.id(look{link: true})
	)
	num := func(v float64, format string) int {
		id, ok := numbers[format]
		if !ok {
			id = b.st.id(look{numFmt: format})
			numbers[format] = id
		}
		return id
	}
	// put sets cell i, or leaves it empty for nil.
	put := func(i, style int, v any) {
		if v == nil {
			cells[i] = nil
			return
		}
		buf[i] = excelize.Cell{StyleID: style, Value: v}
		cells[i] = &buf[i]
	}
	str := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	texts := pledgeTexts(r.Pledges, first)
	for batch := range texts {
		for k := range batch.lines {
			i := batch.from + k
			t := &batch.lines[k]
			p := &r.Pledges[i]
			row := first + i
			qual := p.Amount.Qualifier.Label()
			if p.Amount.Undisclosed {
				qual = "undisclosed"
			}
			clear(cells)
			put(0, text, str(p.ID))
			put(1, date, excelDate(p.Announced))
			put(2, text, str(p.Investor))
			put(3, text, str(p.InvestorType))
			put(4, text, str(p.Program))
			put(5, text, str(p.AmountText))
			put(6, text, str(qual))
			if !p.Amount.Undisclosed {
				if finite(p.Amount.Value) {
					put(7, money.id(p.Amount.Value, p.Amount.Currency), p.Amount.Value)
				}
				put(8, indent, str(p.Amount.Currency))
				if p.Rate.PerUSD > 0 && finite(p.Rate.PerUSD) {
					put(9, num(p.Rate.PerUSD, numberFormat(p.Rate.PerUSD, 6)), p.Rate.PerUSD)
					put(10, date, excelDate(p.Rate.Date))
				}
			} else if p.Amount.Currency != "" {
				put(8, indent, p.Amount.Currency)
			}
			if finite(p.Value) {
				put(11, money.id(p.Value, r.Currency), p.Value)
			}
			if t.perYear != "" {
				buf[12] = excelize.Cell{StyleID: money.id(p.PerYear, r.Currency), Formula: t.perYear, Value: p.PerYear}
				cells[12] = &buf[12]
			}
			if p.Years > 0 && finite(p.Years) {
				put(13, num(p.Years, numberFormat(p.Years, 2)), p.Years)
			}
			if p.StartYear != 0 {
				put(14, year, float64(p.StartYear))
			}
			put(15, text, str(t.sectors))
			put(16, text, str(p.Region))
			put(17, text, str(p.Status))
			put(18, text, yesNo(p.Counted))
			put(19, text, str(p.Excluded))
			switch {
			case t.link.formula != "":
				buf[20] = excelize.Cell{StyleID: link, Formula: t.link.formula, Value: t.link.text}
				cells[20] = &buf[20]
			case t.link.text != "":
				put(20, text, t.link.text)
			}
			put(21, date, excelDate(p.SourceDate))
			put(22, text, str(p.Note))
			put(23, text, str(t.ref))
			put(24, text, str(p.Group))
			put(25, text, str(kindLabel(p.Kind)))
			put(26, text, str(p.Per))
			put(27, text, str(p.Relation))
			put(28, text, str(p.RelatedTo))
			put(29, text, str(dateBasisLabel(p.DateBasis)))
			s.set(row, 1, cells...)
		}
	}
	return s.close()
}

// pledgeText is the text of a Pledges row that takes building.
type pledgeText struct {
	sectors, ref, perYear string
	link                  linkText
}

// textBatch is the text of the rows from..from+len(lines)-1 of pledges.
type textBatch struct {
	from  int
	lines []pledgeText
}

// pledgeTexts builds the text of the Pledges rows on another goroutine,
// ahead of the sheet writer, in batches handed over in order. The
// goroutine reads the pledges only; the writer must take every batch.
func pledgeTexts(pledges []analysis.PledgeRow, first int) <-chan textBatch {
	const size = 4096
	out := make(chan textBatch, 4)
	go func() {
		defer close(out)
		var refs refNames
		var sb strings.Builder
		for from := 0; from < len(pledges); from += size {
			lines := make([]pledgeText, min(size, len(pledges)-from))
			for k := range lines {
				p := &pledges[from+k]
				t := &lines[k]
				t.sectors = strings.Join(p.Sectors, "; ")
				t.ref = refs.name(p.Loc.Ref)
				t.link = makeLink(p.URL, joinSources(p.Sources))
				if finite(p.PerYear) {
					row := strconv.Itoa(first + from + k)
					sb.Reset()
					sb.WriteString(colValue)
					sb.WriteString(row)
					sb.WriteByte('/')
					sb.WriteString(colYears)
					sb.WriteString(row)
					t.perYear = sb.String()
				}
			}
			out <- textBatch{from: from, lines: lines}
		}
	}()
	return out
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// moneyStyles finds the style of a money cell by currency and scale (the
// style depends on nothing else) without building its format each time.
type moneyStyles struct {
	b     *book
	cache map[moneyKey]int
}

type moneyKey struct {
	cur   string
	scale float64
}

func (m *moneyStyles) id(v float64, cur string) int {
	_, _, div := scaleOf(v)
	k := moneyKey{cur, div}
	if id, ok := m.cache[k]; ok {
		return id
	}
	if m.cache == nil {
		m.cache = map[moneyKey]int{}
	}
	id := m.b.st.id(look{numFmt: moneyFormat(v, cur)})
	m.cache[k] = id
	return id
}

// refNames writes where a record came from (analysis.Ref.String) with the
// file and sheet part made once per sheet.
type refNames struct {
	last   analysis.Ref
	prefix string
}

func (n *refNames) name(r analysis.Ref) string {
	if r.Row <= 0 {
		return r.String()
	}
	if n.prefix == "" || r.File != n.last.File || r.Sheet != n.last.Sheet {
		n.last = analysis.Ref{File: r.File, Sheet: r.Sheet}
		n.prefix = n.last.String()
	}
	return n.prefix + ", row " + strconv.Itoa(r.Row)
}

// excelDate is the value of a date cell: the spreadsheet serial number of
// a whole day from March 1900 on (what excelize writes for it, made
// without its conversion per cell), else the time itself for excelize to
// convert. The zero time gives nil, an empty cell.
func excelDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	if t.Location() != time.UTC || t.Before(serialFrom) {
		return t
	}
	secs := t.Unix() - serialEpoch
	if secs%86400 != 0 || t.Nanosecond() != 0 {
		return t
	}
	return float64(secs / 86400)
}

var (
	// serialFrom is the first day whose serial number counts days from
	// serialEpoch: Excel's serials before it are off by one (it takes 1900
	// for a leap year).
	serialFrom = time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)
	// serialEpoch is day 0 of Excel's serial numbers as used from March 1900.
	serialEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Unix()
)

// kindLabel is a pledge's kind as the Pledges sheet shows it: a row with
// no kind is a commitment of money.
func kindLabel(kind string) string {
	if kind == "" {
		return "commitment"
	}
	return kind
}

// dateBasisLabel says where an announced date comes from.
func dateBasisLabel(basis string) string {
	if basis == "" {
		return "stated"
	}
	return basis
}
