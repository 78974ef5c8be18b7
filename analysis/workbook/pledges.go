package workbook

import (
	"math"
	"strconv"
	"strings"
	"time"

	"pledgewatch/analysis"
)

// pledgeColumns declares the Pledges sheet. The columns a reader needs
// come first and are printed; the rest stay in the workbook for filtering
// and checking.
var pledgeColumns = columns{
	{"id", "ID", 18, true},
	{"announced", "Announced", 11, true},
	{"investor", "Investor", 20, true},
	{"group", "Group", 12, true},
	{"program", "Program", 30, true},
	{"kind", "Kind", 10, true},
	{"as entered", "Amount as entered", 18, true},
	{"value", "Value (%s)", 13, true},
	{"counted", "Counted", 8, true},
	{"excluded", "Excluded", 14, true},
	{"sources", "Source(s)", 24, true},
	{"date basis", "Date basis", 10, false},
	{"qualifier", "Qualifier", 11, false},
	{"amount", "Amount", 14, false},
	{"currency", "Currency", 9, false},
	{"rate", "Rate used (units of the currency per US$)", 13, false},
	{"rate date", "Rate date", 11, false},
	{"per year", "Per year (%s)", 15, false},
	{"years", "Years", 7, false},
	{"start year", "Start year", 8, false},
	{"per", "Per", 12, false},
	{"relation", "Relation", 11, false},
	{"related to", "Related to", 24, false},
	{"investor type", "Investor type", 13, false},
	{"sectors", "Sectors", 30, false},
	{"region", "Region", 16, false},
	{"status", "Status", 11, false},
	{"source date", "Source date", 11, false},
	{"note", "Note", 50, false},
	{"input", "Input", 36, false},
	{"ai scope", "AI scope", 16, false},
}

// pcol returns the index of the Pledges column with the given key.
func pcol(key string) int { return pledgeColumns.index(key) }

// pletter returns the column letters of the Pledges column with the given
// key.
func pletter(key string) string { return pledgeColumns.letter(key) }

// Pledges columns that formulas and the Summary refer to.
var (
	colValue = pletter("value")
	colYears = pletter("years")
)

func pledgesHeader(cur string) []string { return pledgeColumns.headers(cur) }

// Column indexes, looked up once.
var (
	pID, pAnnounced, pDateBasis, pInvestor, pGroup, pProgram, pKind, pAsEntered  = pcol("id"), pcol("announced"), pcol("date basis"), pcol("investor"), pcol("group"), pcol("program"), pcol("kind"), pcol("as entered")
	pValue, pCounted, pExcluded, pSources, pQualifier, pAmount, pCurrency, pRate = pcol("value"), pcol("counted"), pcol("excluded"), pcol("sources"), pcol("qualifier"), pcol("amount"), pcol("currency"), pcol("rate")
	pRateDate, pPerYear, pYears, pStartYear, pPer, pRelation, pRelatedTo         = pcol("rate date"), pcol("per year"), pcol("years"), pcol("start year"), pcol("per"), pcol("relation"), pcol("related to")
	pInvestorType, pSectors, pRegion, pStatus, pSourceDate, pNote, pInput        = pcol("investor type"), pcol("sectors"), pcol("region"), pcol("status"), pcol("source date"), pcol("note"), pcol("input")
	pAIScope                                                                     = pcol("ai scope")
)

// writePledges streams one row per pledge: the sheet may hold 1,048,575
// of them, so the cells are reused from row to row, style IDs are looked
// up once, and nothing else is kept per row.
func (b *book) writePledges() error {
	r := b.r
	hdr := b.heads(pledgeColumns, r.Currency)
	values := moneyStyles{b: b, plain: true, unit: pledgeUnit(r.Pledges, func(p *analysis.PledgeRow) float64 { return p.Value })}
	perYear := moneyStyles{b: b, plain: true, unit: pledgeUnit(r.Pledges, func(p *analysis.PledgeRow) float64 { return p.PerYear })}
	hdr[pValue] = b.moneyHead(pledgeColumns[pValue].header, r.Currency, values.unit)
	hdr[pPerYear] = b.moneyHead(pledgeColumns[pPerYear].header, r.Currency, perYear.unit)
	first := b.lay.pledgeFirst
	t := table{name: "Pledges", col: 1, row: first - 1, last: first - 1 + max(len(r.Pledges), 1), header: hdr}
	if err := b.printArea(sheetPledges, pledgeColumns, t.last); err != nil {
		return err
	}
	s := b.open(sheetPledges, sheetOpts{widths: pledgeColumns.widths(), freeze: first - 1, tables: []table{t}})
	s.header(t)
	if len(r.Pledges) == 0 {
		s.set(first, 1, b.text(b.tr("no pledges"), look{italic: true}))
	}
	var (
		row = newRowCells(len(hdr))
		// Every cell is aligned to the top, as the wrapped ones are.
		text    = b.st.id(look{top: true})
		wrap    = b.st.id(look{wrap: true})
		indent  = b.st.id(look{indent: true, top: true})
		date    = b.st.id(look{numFmt: fmtDate, top: true})
		year    = b.st.id(look{numFmt: fmtYear, top: true})
		amounts = moneyStyles{b: b, unit: pledgeUnit(r.Pledges, func(p *analysis.PledgeRow) float64 { return p.Amount.Value })}
		numbers = map[string]int{}
		link    = b.st.id(look{link: true, wrap: true})
	)
	counted := map[bool]string{true: b.word(analysis.YesNo(true)), false: b.word(analysis.YesNo(false))}
	num := func(v float64, format string) int {
		id, ok := numbers[format]
		if !ok {
			id = b.st.id(look{numFmt: format, top: true})
			numbers[format] = id
		}
		return id
	}
	put := row.put
	texts := pledgeTexts(r.Pledges, first)
	for batch := range texts {
		for k := range batch.lines {
			i := batch.from + k
			t := &batch.lines[k]
			p := &r.Pledges[i]
			qual := b.qual(p.Amount.Qualifier)
			if p.Amount.Undisclosed {
				qual = b.word("undisclosed")
			}
			row.reset()
			put(pID, wrap, p.ID)
			if p.Undated() {
				// A date the source does not give is no date: the by-year
				// formulas leave the text out, as the year totals do.
				put(pAnnounced, wrap, b.announcedLabel(p.Pledge))
			} else {
				put(pAnnounced, date, excelDate(p.Announced))
			}
			put(pDateBasis, text, b.word(dateBasisLabel(p.DateBasis)))
			put(pInvestor, wrap, p.Investor)
			put(pGroup, wrap, b.p.Name(p.Group))
			put(pProgram, wrap, p.Program)
			put(pKind, wrap, b.word(kindLabel(p.Kind.String())))
			if p.AIScope != analysis.ScopeDedicated {
				// Empty is dedicated to AI, as in the inputs: the common
				// case costs the sheet nothing.
				put(pAIScope, text, b.scopeLabel(p.Pledge))
			}
			put(pAsEntered, wrap, p.AmountText)
			put(pQualifier, text, qual)
			if !p.Amount.Undisclosed {
				if finite(p.Amount.Value) {
					put(pAmount, amounts.id(p.Amount.Currency), p.Amount.Value)
				}
				put(pCurrency, indent, p.Amount.Currency)
				if p.Rate.PerUSD > 0 && finite(p.Rate.PerUSD) {
					put(pRate, num(p.Rate.PerUSD, numberFormat(p.Rate.PerUSD, 6)), p.Rate.PerUSD)
					put(pRateDate, date, excelDate(p.Rate.Date))
				}
			} else if p.Amount.Currency != "" {
				put(pCurrency, indent, p.Amount.Currency)
			}
			if finite(p.Value) {
				put(pValue, values.id(r.Currency), p.Value)
			}
			if t.perYear != "" {
				row.formula(pPerYear, perYear.id(r.Currency), t.perYear, p.PerYear)
			}
			if p.Years > 0 && finite(p.Years) {
				put(pYears, num(p.Years, numberFormat(p.Years, 2)), p.Years)
			}
			if p.StartYear != 0 {
				put(pStartYear, year, float64(p.StartYear))
			}
			put(pPer, text, p.Per)
			put(pRelation, text, b.word(p.Relation.String()))
			put(pRelatedTo, text, p.RelatedTo)
			put(pInvestorType, text, b.investorType(p.InvestorType.String())) // the formulas of groupConds match it
			put(pSectors, text, t.sectors)
			put(pRegion, text, p.Region)
			put(pStatus, text, b.word(p.Status.String()))
			put(pCounted, text, counted[p.Counted]) // the formulas of ifs match the word for yes
			put(pExcluded, wrap, b.excluded(p))
			switch {
			case t.link.formula != "":
				row.formula(pSources, link, t.link.formula, t.link.text)
			case t.link.text != "":
				put(pSources, wrap, t.link.text)
			}
			put(pSourceDate, date, excelDate(p.SourceDate))
			put(pNote, text, p.Note)
			put(pInput, text, t.ref)
			s.set(first+i, 1, row.cells...)
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
				t.ref = refs.name(p.Loc.Ref())
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
	unit  unit // the column's one unit
	plain bool // the header names the unit: no symbol or suffix in the cells
	cache map[moneyKey]int
}

type moneyKey struct {
	cur   string
	scale float64
}

func (m *moneyStyles) id(cur string) int {
	k := moneyKey{cur, 0}
	if id, ok := m.cache[k]; ok {
		return id
	}
	if m.cache == nil {
		m.cache = map[moneyKey]int{}
	}
	format := m.unit.format(cur)
	if m.plain {
		format = m.unit.plain()
	}
	id := m.b.st.id(look{numFmt: format, top: true})
	m.cache[k] = id
	return id
}

// pledgeUnit picks the unit of a money column of Pledges from the figures
// get returns; undisclosed amounts are not figures.
func pledgeUnit(rows []analysis.PledgeRow, get func(*analysis.PledgeRow) float64) unit {
	m := newMagnitudes()
	for i := range rows {
		if !rows[i].Amount.Undisclosed {
			m.add(get(&rows[i]))
		}
	}
	return m.unit()
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

// scopeLabel says, in the workbook's language, how much of a pledge's
// amount is for AI: "broader, 40% AI" for a broader programme with a
// stated share, whose value is that share.
func (b *book) scopeLabel(p *analysis.Pledge) string {
	if p.AIScope != analysis.ScopeDedicated && p.AIShare > 0 {
		return b.tr("%s, %s%% AI", b.word(p.AIScope.String()), strconv.FormatFloat(p.AIShare*100, 'f', -1, 64))
	}
	return b.word(p.AIScope.String())
}

// announcedLabel is the announced cell, in the workbook's language, of a
// date the source does not give: "before" and the date on a line of its
// own, so that the date prints whole in a column as wide as a date (a
// dash is where a line may break too); or "unknown". The inputs read the
// English back as entered.
func (b *book) announcedLabel(p *analysis.Pledge) string {
	if p.DateBasis == analysis.DateBefore {
		return b.tr("before\n%s", p.Announced.Format(analysis.DateLayout))
	}
	return b.word(p.DateBasis.String())
}

// dateBasisLabel says where an announced date comes from.
func dateBasisLabel(basis analysis.DateBasis) string {
	if basis == analysis.DateBasisUnset {
		return analysis.DateStated.String()
	}
	return basis.String()
}
