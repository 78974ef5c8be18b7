package workbook

import (
	"math"
	"strconv"

	"pledgewatch/analysis"
)

// Summary columns.
var summaryHeader = []string{"Topic", "Headline", "Figure", "Qualifier", "Sources"}

const summaryHeaderRow = 6

func (b *book) writeSummary() error {
	r := b.r
	last := summaryHeaderRow + max(len(r.Headlines), 1)
	t := table{name: "Headlines", col: 1, row: summaryHeaderRow, last: last, header: summaryHeader}
	s := b.open(sheetSummary, sheetOpts{widths: []float64{22, 90, 14, 14, 44}, freeze: summaryHeaderRow, tables: []table{t}})

	s.set(1, 1, b.text(b.title(), look{title: true}))
	asOf := b.date(r.AsOf, look{left: true})
	if asOf == nil {
		asOf = b.text("no cut-off", look{})
	}
	s.set(2, 1, b.text("As of", look{bold: true}), asOf)
	s.set(3, 1, b.text("Reporting currency", look{bold: true}), b.text(r.Currency, look{}))
	s.set(4, 1, b.text("How to read", look{bold: true, top: true}), b.text("Each figure is the number of its headline; where another sheet holds it, the cell is a formula that reads it. "+
		"The qualifier says how the figure bounds the true one (\"more than\" is a lower bound). Sentences and cells round figures to the digits shown; the cells keep the unrounded values.", look{wrap: true}))
	s.header(t)
	if len(r.Headlines) == 0 {
		s.set(summaryHeaderRow+1, 1, b.text("No headlines", look{}), b.text("The inputs gave no counted pledges and no series with two or more periods.", look{wrap: true}))
	}
	for i, h := range r.Headlines {
		q := h.Qualifier.Label()
		s.set(summaryHeaderRow+1+i, 1,
			b.text(h.Topic, look{wrap: true}),
			b.text(h.Sentence, look{wrap: true}),
			b.figure(h),
			b.text(q, look{top: true, indent: true}),
			b.text(joinSources(h.Sources), look{wrap: true}))
	}
	return s.close()
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

// headlineRef finds the figure of a headline on the sheet that holds it,
// following Headline.Sheet and Index, and returns a formula that reads it
// by key (a group's name, a series' entity and metric, a row's input
// reference) within its table, so that sorting or filtering the table
// changes nothing here. A reference is written only where the cell holds
// the headline's number.
func (b *book) headlineRef(h analysis.Headline) (string, float64, bool) {
	r, l := b.r, &b.lay
	switch h.Sheet {
	case sheetTrends:
		i := h.Index
		if h.Kind != analysis.HeadlineMultiple || i < 0 || i >= len(r.Trends) {
			return "", 0, false
		}
		t := &r.Trends[i]
		if !t.HasMultiple || t.MultipleQ == analysis.Mixed || !same(t.Multiple, h.Value) {
			return "", 0, false
		}
		first, last := l.trendsFirst, l.trendsFirst+len(r.Trends)-1
		col := func(c string) string { return colRange(sheetTrends, c, first, last) }
		// Entity, metric, unit and basis name one series.
		return "SUMIFS(" + col(colMultiple) + "," + col("A") + "," + equals(t.Entity) + "," + col("B") + "," + equals(t.Metric) +
			"," + col("C") + "," + equals(t.Unit) + "," + col("D") + "," + equals(t.Basis) + ")", t.Multiple, true
	case sheetSectors:
		return sectionRef(sheetSectors, &l.sectors, h.Index, h.Value)
	case sheetComparisons:
		i := h.Index
		if i < 0 || i >= len(r.Comparisons) || !same(r.Comparisons[i].Value, h.Value) || h.Kind == analysis.HeadlineMoney || h.Kind == analysis.HeadlineCount {
			return "", 0, false
		}
		first, last := comparisonFirst, comparisonFirst+len(r.Comparisons)-1
		if !lookupKey(r.Comparisons[i].Spec.Loc.Ref.String()) {
			return "", 0, false
		}
		return lookup(colRange(sheetComparisons, colCmpResult, first, last), colRange(sheetComparisons, colCmpInput, first, last),
			r.Comparisons[i].Spec.Loc.Ref.String()), h.Value, true
	case sheetInvestors:
		inv := &l.investors[0]
		if h.Index >= 0 {
			return sectionRef(sheetInvestors, inv, h.Index, h.Value)
		}
		// The total row sits below its table and sums the whole column:
		// sorting the table moves neither.
		if len(inv.groups) > 0 && same(inv.colTotal, h.Value) {
			return absRef(sheetInvestors, "D", inv.totalRow), inv.colTotal, true
		}
		hk := l.section("HongKongTotals")
		for i, g := range hk.groups {
			if g.Total == h.Value {
				return sectionRef(sheetInvestors, hk, i, h.Value)
			}
		}
	case sheetPledges:
		if h.Kind != analysis.HeadlineMoney {
			return "", 0, false
		}
		first, last := l.pledgeFirst, l.pledgeFirst+len(r.Pledges)-1
		var refs refNames
		for i := range r.Pledges {
			p := &r.Pledges[i]
			if p.Counted && p.Value == h.Value {
				if !lookupKey(refs.name(p.Loc.Ref)) {
					return "", 0, false
				}
				return lookup(colRange(sheetPledges, colValue, first, last), colRange(sheetPledges, pletter("input"), first, last),
					refs.name(p.Loc.Ref)), p.Value, true
			}
		}
	}
	return "", 0, false
}

// sectionRef reads the total of group i of a section by its name, or,
// when that group does not hold the value, the one group that does.
func sectionRef(sheet string, s *section, i int, v float64) (string, float64, bool) {
	found := -1
	if i >= 0 && i < len(s.groups) && s.groups[i].Total == v {
		found = i
	} else {
		for j, g := range s.groups {
			if g.Total == v {
				if found >= 0 {
					return "", 0, false
				}
				found = j
			}
		}
	}
	if found < 0 || !lookupKey(s.groups[found].Key) {
		return "", 0, false
	}
	first, last := s.first, s.first+len(s.groups)-1
	return lookup(colRange(sheet, "D", first, last), colRange(sheet, "A", first, last), s.groups[found].Key), v, true
}
