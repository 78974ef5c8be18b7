package workbook

import (
	"math"
	"slices"
	"strconv"

	"pledgewatch/analysis"
)

// summaryColumns declares the table of headlines.
var summaryColumns = columns{
	{"topic", "Topic", 22, true},
	{"headline", "Headline", 80, true},
	{"figure", "Figure", 14, true},
	{"qualifier", "Qualifier", 14, true},
	{"sources", "Sources", 40, true},
}

const summaryHeaderRow = 6

// howToRead says on the Summary how to read its table.
const howToRead = "Each figure is the number of its headline; where another sheet holds it, the cell is a formula that reads it. " +
	"The qualifier says how the figure bounds the true one (\"more than\" is a lower bound). Sentences and cells round figures to the digits shown; the cells keep the unrounded values."

func (b *book) writeSummary() error {
	r := b.r
	last := summaryHeaderRow + max(len(r.Headlines), 1)
	t := table{name: "Headlines", col: 1, row: summaryHeaderRow, last: last, header: b.heads(summaryColumns, r.Currency)}
	s := b.open(sheetSummary, sheetOpts{widths: summaryColumns.widths(), freeze: summaryHeaderRow, tables: []table{t}})

	s.set(1, 1, b.text(b.title(), look{title: true}))
	asOf := b.date(r.AsOf, look{left: true})
	if asOf == nil {
		asOf = b.text(b.tr("no cut-off"), look{})
	}
	s.set(2, 1, b.text(b.tr("As of"), look{bold: true}), asOf)
	s.set(3, 1, b.text(b.tr("Reporting currency"), look{bold: true}), b.text(r.Currency, look{}))
	s.set(4, 1, b.text(b.tr("How to read"), look{bold: true, top: true}), b.text(b.tr(howToRead), look{wrap: true}))
	s.header(t)
	if len(r.Headlines) == 0 {
		s.set(summaryHeaderRow+1, 1, b.text(b.tr("No headlines"), look{}), b.text(b.tr("The inputs gave no counted pledges and no series with two or more periods."), look{wrap: true}))
	}
	for i, h := range r.Headlines {
		q := b.qual(h.Qualifier)
		s.set(summaryHeaderRow+1+i, 1,
			b.text(b.topic(h), look{wrap: true}),
			b.text(b.sentence(h), look{wrap: true}),
			b.figure(h),
			b.text(q, look{top: true, indent: true}),
			b.text(joinSources(h.Sources), look{wrap: true}))
	}
	return s.close()
}

// sentence is a headline in the workbook's language: its finding as the
// printer words it.
func (b *book) sentence(h analysis.Headline) string {
	if h.Finding == nil {
		return h.Sentence
	}
	return b.p.Finding(h.Finding)
}

// topic is what a headline is about, in the workbook's language.
func (b *book) topic(h analysis.Headline) string {
	if h.TopicKey == "" {
		return h.Topic
	}
	return b.p.Phrase(analysis.Phrase{Key: h.TopicKey})
}

// figure is the number of a headline: a formula reading the cell of
// another sheet that holds it, with its cached value, or the value.
func (b *book) figure(h analysis.Headline) any {
	v := h.Value
	ref, cached, ok := b.headlineRef(h)
	if ok {
		v = cached
	}
	var format string
	switch h.Kind {
	case analysis.HeadlineMoney:
		format = moneyFormat(v, b.r.Currency)
	case analysis.HeadlineMultiple:
		format = fmtMultiple
	case analysis.HeadlinePercent:
		format = fmtPercent
	default:
		format = numberFormat(v, 2)
	}
	if ok {
		return b.formula(ref, v, format, look{top: true})
	}
	return b.num(v, format, look{top: true})
}

// same reports whether two computations of one figure agree (sums in a
// different order differ in the last bits).
func same(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func absRef(sheet string, col string, row int) string {
	return sheet + "!$" + col + "$" + strconv.Itoa(row)
}

// headlineRef finds the cell that holds the figure a headline names
// (Headline.Ref) and returns a formula that reads it by key (a group's
// name, a series' entity and metric, a row's input reference) within its
// table, so that sorting or filtering the table changes nothing here. The
// reference alone finds the cell: no value is compared to find it.
func (b *book) headlineRef(h analysis.Headline) (string, float64, bool) {
	r, l, ref := b.r, &b.lay, h.Ref
	switch ref.Kind {
	case analysis.RefTrend:
		i := ref.Index
		if h.Kind != analysis.HeadlineMultiple || i < 0 || i >= len(r.Trends) {
			return "", 0, false
		}
		t := &r.Trends[i]
		if !t.HasMultiple || t.MultipleQ == analysis.Mixed {
			return "", 0, false
		}
		first, last := l.trendsFirst, l.trendsFirst+len(r.Trends)-1
		col := func(c string) string { return colRange(b.ref(sheetTrends), c, first, last) }
		// Entity, metric, unit and basis name one series.
		tc := trendColumns.letter
		return "SUMIFS(" + col(colMultiple) + "," + col(tc("entity")) + "," + equals(t.Entity) + "," + col(tc("metric")) + "," + equals(t.Metric) +
			"," + col(tc("unit")) + "," + equals(t.Unit) + "," + col(tc("basis")) + "," + equals(t.Basis) + ")", t.Multiple, true
	case analysis.RefSector:
		return sectionRef(b.ref(sheetSectors), &l.sectors, ref.Key, b.groupName(ref.Key))
	case analysis.RefGroup:
		return sectionRef(b.ref(sheetInvestors), &l.investors[0], ref.Key, b.p.Name(ref.Key))
	case analysis.RefHongKong:
		return sectionRef(b.ref(sheetInvestors), l.section("HongKongTotals"), ref.Key, b.groupName(ref.Key))
	case analysis.RefTotal:
		// The total row sits below its table and sums the whole column:
		// sorting the table moves neither.
		if inv := &l.investors[0]; len(inv.groups) > 0 {
			return absRef(b.ref(sheetInvestors), "D", inv.totalRow), inv.colTotal, true
		}
	case analysis.RefComparison:
		i := ref.Index
		// The reference names the comparison: its result cell is the
		// figure, whatever its unit.
		if i < 0 || i >= len(r.Comparisons) {
			return "", 0, false
		}
		first, last := comparisonFirst, comparisonFirst+len(r.Comparisons)-1
		if !lookupKey(r.Comparisons[i].Spec.Loc.Ref().String()) {
			return "", 0, false
		}
		return lookup(colRange(b.ref(sheetComparisons), colCmpResult, first, last), colRange(b.ref(sheetComparisons), colCmpInput, first, last),
			r.Comparisons[i].Spec.Loc.Ref().String()), r.Comparisons[i].Value, true
	case analysis.RefPledge:
		i := ref.Index
		if h.Kind != analysis.HeadlineMoney || i < 0 || i >= len(r.Pledges) {
			return "", 0, false
		}
		p := &r.Pledges[i]
		var refs refNames
		if !p.Counted || !lookupKey(refs.name(p.Loc.Ref())) {
			return "", 0, false
		}
		first, last := l.pledgeFirst, l.pledgeFirst+len(r.Pledges)-1
		return lookup(colRange(b.ref(sheetPledges), colValue, first, last), colRange(b.ref(sheetPledges), pletter("input"), first, last),
			refs.name(p.Loc.Ref())), p.Value, true
	}
	return "", 0, false
}

// sectionRef reads the total of the group named key of a section by that
// name; shown is the key as the section's row shows it.
func sectionRef(sheet string, s *section, key, shown string) (string, float64, bool) {
	i := slices.IndexFunc(s.groups, func(g analysis.Group) bool { return g.Key == key })
	if i < 0 || !lookupKey(shown) {
		return "", 0, false
	}
	v := s.groups[i].Total
	first, last := s.first, s.first+len(s.groups)-1
	return lookup(colRange(sheet, "D", first, last), colRange(sheet, "A", first, last), shown), v, true
}
