package workbook

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"

	"pledgewatch/analysis"
)

// trendColumns declares the table of series on Trends; its widths are
// the sheet's. The steps and points below line up with it: From under
// First, To under Last, growth under CAGR.
var trendColumns = columns{
	{"entity", "Entity", 18, true},
	{"metric", "Metric", 20, true},
	{"unit", "Unit", 6, true},
	{"basis", "Basis", 8, true},
	{"first period", "First period", 9, true},
	{"first value", "First value", 12, true},
	{"first q", "First qualifier", 10, true},
	{"last period", "Last period", 9, true},
	{"last value", "Last value", 12, true},
	{"last q", "Last qualifier", 10, true},
	{"years", "Years", 6, true},
	{"change", "Change", 12, true},
	{"change q", "Change qualifier", 10, true},
	{"multiple", "Multiple", 9, true},
	{"multiple q", "Multiple qualifier", 11, true},
	{"cagr", "CAGR", 8, true},
	{"sparkline", "Sparkline", 10, true},
	{"sentence", "Sentence", 70, false},
	{"sources", "Sources", 36, false},
}

// stepColumns declares the table of steps between consecutive points.
var stepColumns = columns{
	{"entity", "Entity", 0, true},
	{"metric", "Metric", 0, true},
	{"unit", "Unit", 0, true},
	{"basis", "Basis", 0, true},
	{"from period", "From period", 0, true},
	{"from value", "From value", 0, true},
	{"from q", "From qualifier", 0, true},
	{"to period", "To period", 0, true},
	{"to value", "To value", 0, true},
	{"to q", "To qualifier", 0, true},
	{"yoy", "Year on year", 0, true},
	{"change", "Change", 0, true},
	{"change q", "Change qualifier", 0, true},
	{"multiple", "Multiple", 0, true},
	{"multiple q", "Multiple qualifier", 0, true},
	{"growth", "Growth", 0, true},
	{"source", "Source", 0, true},
}

// pointColumns declares the table of points of each series.
var pointColumns = columns{
	{"entity", "Entity", 0, true},
	{"metric", "Metric", 0, true},
	{"unit", "Unit", 0, true},
	{"basis", "Basis", 0, true},
	{"period", "Period", 0, true},
	{"value", "Value", 0, true},
	{"qualifier", "Qualifier", 0, true},
	{"source", "Source", 0, true},
	{"source date", "Source date", 0, true},
	{"input", "Input", 0, true},
}

// Trends columns that formulas and the Summary read.
var (
	colFirst, colLast, colYearsT, colMultiple = trendColumns.letter("first value"), trendColumns.letter("last value"), trendColumns.letter("years"), trendColumns.letter("multiple")
	colFrom, colTo                            = stepColumns.letter("from value"), stepColumns.letter("to value")
	colPointPeriod, colPointValue             = pointColumns.letter("period"), pointColumns.letter("value")
)

// metricValue is a metric's value in its own unit, stored as what it is:
// a percentage as a fraction (41% as 0.41).
func (b *book) metricValue(v float64, unit string, money bool, l look) any {
	return b.num(stored(v, unit), metricFormat(v, unit, money), l)
}

// stored is the number a cell holds for a metric value v in unit: the
// fraction for a percentage, v itself otherwise, so that formulas over
// the cells compute with what the figures are.
func stored(v float64, unit string) float64 {
	if unit == "%" {
		return v / 100
	}
	return v
}

// metricFormat shows a metric value v (in its unit: 41 for 41%) with the
// digits it needs: a percentage format for a percentage stored as a
// fraction, the money format of its currency, "2x" for a multiple.
func metricFormat(v float64, unit string, money bool) string {
	switch {
	case money:
		return moneyFormat(v, unit)
	case unit == "%":
		return "#,##0" + zeros(plainDecimals(v, 0, 4)) + "%"
	case unit == "x":
		return numberFormat(v, 4) + `"x"`
	case unit == "year" && v == math.Trunc(v):
		return fmtYear // 2024, never 2,024
	}
	return numberFormat(v, 4)
}

// signed shows a value written as a change with its sign: +8%, -4.5%.
func signed(format string) string {
	pos, _, _ := strings.Cut(format, ";")
	return "+" + pos + ";-" + pos + ";" + pos
}

// metricFormula is a formula whose value is in the metric's unit.
func (b *book) metricFormula(f string, v float64, unit string, money bool, l look) any {
	return b.formula(f, stored(v, unit), metricFormat(v, unit, money), l)
}

func (b *book) qualLabel(q analysis.Qualifier) string {
	if q == analysis.Mixed {
		return b.tr("mixed bounds: no figure")
	}
	return b.qual(q)
}

func (b *book) writeTrends() error {
	r, l := b.r, &b.lay
	nSteps := 0
	for _, t := range r.Trends {
		nSteps += len(t.Steps)
	}
	var tables []table
	if len(r.Trends) > 0 {
		tables = []table{
			{name: "TrendList", col: 1, row: l.trendsHeader, last: l.trendsFirst + len(r.Trends) - 1, header: b.heads(trendColumns, r.Currency)},
			{name: "TrendSteps", col: 1, row: l.stepsHeader, last: l.stepsFirst + nSteps - 1, header: b.heads(stepColumns, r.Currency)},
			{name: "SeriesPoints", col: 1, row: l.pointsHeader, last: l.pointsLast, header: b.heads(pointColumns, r.Currency)},
		}
	}
	if err := b.printArea(sheetTrends, trendColumns, max(l.pointsLast, l.trendsHeader)); err != nil {
		return err
	}
	s := b.open(sheetTrends, sheetOpts{
		widths: trendColumns.widths(),
		freeze: l.trendsHeader,
		own:    true,
		tables: tables,
	})
	s.set(1, 1, b.text(b.tr("Trends: the first and last value of every series with two or more periods"), look{title: true}))
	s.banner(2, 10, analysis.RuleCAGR)
	if len(r.Trends) == 0 {
		s.set(l.trendsHeader, 1, b.text(b.tr("No metric has two or more periods to compare."), look{italic: true}))
		return s.close()
	}
	s.header(tables[0])
	for i := range r.Trends {
		t := &r.Trends[i]
		row := l.trendsFirst + i
		rs := strconv.Itoa(row)
		first, last := t.First(), t.Last()
		var years, change, multiple, cagr any
		if t.Years > 0 {
			years = b.integer(t.Years, look{top: true})
		}
		if t.ChangeQ != analysis.Mixed {
			change = b.metricFormula(colLast+rs+"-"+colFirst+rs, t.Change, t.Unit, t.Money, look{top: true})
		}
		multQ := ""
		if t.HasMultiple {
			multQ = b.qualLabel(t.MultipleQ)
			if t.MultipleQ != analysis.Mixed {
				multiple = b.formula(colLast+rs+"/"+colFirst+rs, t.Multiple, fmtMultiple, look{top: true})
				if t.HasCAGR {
					cagr = b.formula("("+colLast+rs+"/"+colFirst+rs+")^(1/"+colYearsT+rs+")-1", t.CAGR, fmtPercent, look{top: true})
				}
			}
		}
		s.set(row, 1,
			b.text(t.Entity, look{wrap: true}),
			b.text(t.Metric, look{wrap: true}),
			b.text(t.Unit, look{top: true}),
			b.text(t.Basis, look{top: true}),
			b.text(first.Period.String(), look{top: true}),
			b.metricValue(first.Value, t.Unit, t.Money, look{top: true}),
			b.text(b.qual(first.Qualifier), look{top: true, indent: true}),
			b.text(last.Period.String(), look{top: true}),
			b.metricValue(last.Value, t.Unit, t.Money, look{top: true}),
			b.text(b.qual(last.Qualifier), look{top: true, indent: true}),
			years, change,
			b.text(b.qualLabel(t.ChangeQ), look{top: true, indent: true}),
			multiple,
			b.text(multQ, look{top: true, indent: true}),
			cagr,
			nil, // the sparkline, drawn by the spreadsheet
			b.text(b.p.Finding(t.Finding), look{wrap: true}),
			b.text(joinSources(t.Sources()), look{wrap: true}))
	}

	b.tails[s.name] = b.sparklines()

	s.set(l.stepsHeading, 1, b.text(b.tr("Steps between consecutive points of each series"), look{bold: true}))
	s.header(tables[1])
	row := l.stepsFirst
	for i := range r.Trends {
		t := &r.Trends[i]
		for _, st := range t.Steps {
			rs := strconv.Itoa(row)
			var change, multiple, growth any
			if st.ChangeQ != analysis.Mixed {
				change = b.metricFormula(colTo+rs+"-"+colFrom+rs, st.Change, t.Unit, t.Money, look{top: true})
			}
			growthQ := ""
			if st.HasGrowth {
				growthQ = b.qualLabel(st.GrowthQ)
				if st.GrowthQ != analysis.Mixed {
					m := st.To.Value / st.From.Value
					multiple = b.formula(colTo+rs+"/"+colFrom+rs, m, fmtMultiple, look{top: true})
					growth = b.formula(colTo+rs+"/"+colFrom+rs+"-1", st.Growth, fmtPercent, look{top: true})
				}
			}
			s.set(row, 1,
				b.text(t.Entity, look{wrap: true}),
				b.text(t.Metric, look{wrap: true}),
				b.text(t.Unit, look{top: true}),
				b.text(t.Basis, look{top: true}),
				b.text(st.From.Period.String(), look{top: true}),
				b.metricValue(st.From.Value, t.Unit, t.Money, look{top: true}),
				b.text(b.qual(st.From.Qualifier), look{indent: true, top: true}),
				b.text(st.To.Period.String(), look{top: true}),
				b.metricValue(st.To.Value, t.Unit, t.Money, look{top: true}),
				b.text(b.qual(st.To.Qualifier), look{indent: true, top: true}),
				b.text(b.word(analysis.YesNo(st.YearOnYear)), look{top: true}),
				change,
				b.text(b.qualLabel(st.ChangeQ), look{indent: true, top: true}),
				multiple,
				b.text(growthQ, look{indent: true, top: true}),
				growth,
				b.text(st.To.Source, look{top: true}))
			row++
		}
	}

	s.set(l.pointsHead, 1, b.text(b.tr("Points of each series (the charts on the Charts sheet read these)"), look{bold: true}))
	s.header(tables[2])
	for i := range r.Trends {
		t := &r.Trends[i]
		for j, p := range t.Points {
			s.set(l.pointRows[i]+j, 1,
				b.text(t.Entity, look{wrap: true}),
				b.text(t.Metric, look{wrap: true}),
				b.text(t.Unit, look{top: true}),
				b.text(t.Basis, look{top: true}),
				b.text(p.Period.String(), look{top: true}),
				b.metricValue(p.Value, t.Unit, t.Money, look{top: true}),
				b.text(b.qual(p.Qualifier), look{indent: true, top: true}),
				b.text(p.Source, look{wrap: true}),
				b.date(p.SourceDate, look{top: true}),
				b.text(p.Loc.Ref().String(), look{top: true}))
		}
	}
	return s.close()
}

// sparklines is the extension list of the Trends sheet that draws a
// sparkline per series in its Sparkline column, from the series' points
// below. excelize's AddSparkline edits a worksheet the StreamWriter does
// not write back, so the list is written here, as AddSparkline writes it,
// and added to the sheet when the workbook is saved. A series whose
// periods follow one another is drawn as a line; one with a gap as
// columns, for a line would cross periods no source gives.
func (b *book) sparklines() []byte {
	r, l := b.r, &b.lay
	col := trendColumns.letter("sparkline")
	var line, columns strings.Builder
	for i := range r.Trends {
		t := &r.Trends[i]
		first := l.pointRows[i]
		ref := b.ref(sheetTrends) + "!$" + colPointValue + "$" + strconv.Itoa(first) + ":$" + colPointValue + "$" + strconv.Itoa(first+len(t.Points)-1)
		w := &line
		if !t.Gapless() {
			w = &columns
		}
		w.WriteString("<x14:sparkline><xm:f>")
		xml.EscapeText(w, []byte(ref))
		w.WriteString("</xm:f><xm:sqref>" + col + strconv.Itoa(l.trendsFirst+i) + "</xm:sqref></x14:sparkline>")
	}
	if line.Len() == 0 && columns.Len() == 0 {
		return nil
	}
	var out strings.Builder
	out.WriteString(`<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
		`<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">`)
	for _, g := range []struct {
		kind  string
		lines string
	}{{"line", line.String()}, {"column", columns.String()}} {
		if g.lines == "" {
			continue
		}
		markers := ""
		if g.kind == "line" {
			markers = ` markers="1"`
		}
		out.WriteString(`<x14:sparklineGroup type="` + g.kind + `" displayEmptyCellsAs="gap"` + markers + `>` +
			`<x14:colorSeries rgb="FF2F5597"/><x14:colorNegative rgb="FFC00000"/><x14:colorAxis rgb="FF000000"/>` +
			`<x14:colorMarkers rgb="FF2F5597"/><x14:colorFirst rgb="FF2F5597"/><x14:colorLast rgb="FF2F5597"/>` +
			`<x14:colorHigh rgb="FF2F5597"/><x14:colorLow rgb="FF2F5597"/><x14:sparklines>` + g.lines + `</x14:sparklines></x14:sparklineGroup>`)
	}
	out.WriteString(`</x14:sparklineGroups></ext></extLst>`)
	return []byte(out.String())
}
