package workbook

import (
	"strconv"

	"pledgewatch/analysis"
)

// comparisonColumns declares the Comparisons sheet; the sources, the
// note and the input reference stay off the printed page.
var comparisonColumns = columns{
	{"id", "ID", 14, true},
	{"comparison", "Comparison", 34, true},
	{"how", "How", 10, true},
	{"left", "Left figure", 20, true},
	{"left value", "Left value", 12, true},
	{"left q", "Left qualifier", 9, true},
	{"left years", "Left years", 6, true},
	{"right", "Right figure", 20, true},
	{"right value", "Right value", 12, true},
	{"right q", "Right qualifier", 9, true},
	{"right years", "Right years", 6, true},
	{"result", "Result", 11, true},
	{"result q", "Result qualifier", 10, true},
	{"sources", "Sources", 36, false},
	{"note", "Note", 40, false},
	{"input", "Input", 30, false},
}

// Comparisons columns that formulas and the Summary refer to.
var (
	colCmpLeft, colCmpLYears, colCmpRight   = comparisonColumns.letter("left value"), comparisonColumns.letter("left years"), comparisonColumns.letter("right value")
	colCmpRYears, colCmpResult, colCmpInput = comparisonColumns.letter("right years"), comparisonColumns.letter("result"), comparisonColumns.letter("input")
)

// comparisonFirst is the first data row of the Comparisons sheet.
const comparisonFirst = 5

// cmpValue is a figure as the Comparisons sheet stores it: percentages
// as fractions (41% as 0.41), everything else as it is.
func cmpValue(f analysis.Figure) (float64, string) {
	return stored(f.Value, f.Unit), metricFormat(f.Value, f.Unit, f.Money)
}

// resultFormula is the formula of a comparison's result in row, over the
// cells of the same row.
func resultFormula(c *analysis.Comparison, row int) (string, string) {
	n := strconv.Itoa(row)
	l, r, ly, ry := colCmpLeft+n, colCmpRight+n, colCmpLYears+n, colCmpRYears+n
	switch c.Spec.How {
	case "ratio":
		if c.Unit != "x" {
			return l + "/" + r, metricFormat(c.Value, c.Unit, c.Left.Money)
		}
		return l + "/" + r, fmtMultiple
	case "share":
		return l + "/" + r, fmtPercent
	case "growth":
		return l + "/" + r + "-1", fmtPercent
	case "difference":
		if c.Unit == "pp" {
			return "(" + l + "-" + r + ")*100", `0.0" pp"`
		}
		return l + "-" + r, metricFormat(c.Value, c.Unit, c.Left.Money)
	case "pace", "pace share":
		format := fmtMultiple
		if c.Unit == "%" {
			format = fmtPercent
		}
		if c.Spec.Right == "" {
			return l + "*" + ry + "/" + ly, format
		}
		return "(" + l + "/" + ly + ")/(" + r + "/" + ry + ")", format
	}
	return "", ""
}

func (b *book) writeComparisons() error {
	r := b.r
	last := comparisonFirst - 1 + max(len(r.Comparisons), 1)
	t := table{name: "Comparisons", col: 1, row: comparisonFirst - 1, last: last, header: b.heads(comparisonColumns, r.Currency)}
	if err := b.printArea(sheetComparisons, comparisonColumns, last); err != nil {
		return err
	}
	s := b.open(sheetComparisons, sheetOpts{
		widths: comparisonColumns.widths(),
		freeze: comparisonFirst - 1, tables: []table{t}})
	s.set(1, 1, b.text(b.tr("Comparisons the analyst defined (%s)", b.cur()), look{title: true}))
	s.banner(2, 12, analysis.RuleComparison)
	s.header(t)
	if len(r.Comparisons) == 0 {
		s.set(comparisonFirst, 1, b.text(b.tr("No comparisons: add a Comparisons sheet to the inputs to define some."), look{italic: true}))
	}
	years := func(v float64) any {
		if v <= 0 {
			return nil
		}
		return b.num(v, numberFormat(v, 2), look{top: true})
	}
	for i := range r.Comparisons {
		c := &r.Comparisons[i]
		row := comparisonFirst + i
		lv, lf := cmpValue(c.Left)
		var right, rq, rv any
		if c.Spec.Right != "" {
			v, f := cmpValue(c.Right)
			right, rv, rq = b.text(b.figureLabel(c.Right), look{wrap: true}), b.num(v, f, look{top: true}), b.text(b.qual(c.Right.Qualifier), look{top: true})
		}
		ly, ry := c.Left.Years, c.Right.Years
		if c.Spec.LeftYears > 0 {
			ly = c.Spec.LeftYears
		}
		if c.Spec.RightYears > 0 {
			ry = c.Spec.RightYears
		}
		f, format := resultFormula(c, row)
		s.set(row, 1,
			b.text(c.Spec.ID, look{wrap: true}),
			b.text(b.p.Finding(c.Finding), look{wrap: true}),
			b.text(c.Spec.How, look{top: true}),
			b.text(b.figureLabel(c.Left), look{wrap: true}),
			b.num(lv, lf, look{top: true}),
			b.text(b.qual(c.Left.Qualifier), look{top: true}),
			years(ly),
			right, rv, rq,
			years(ry),
			b.formula(f, c.Value, format, look{top: true}),
			b.text(b.qualLabel(c.Qualifier), look{top: true}),
			b.text(joinSources(c.Sources), look{wrap: true}),
			b.text(c.Spec.Note, look{wrap: true}),
			b.text(c.Spec.Loc.Ref().String(), look{top: true}),
		)
	}
	return s.close()
}

// figureLabel says what a compared figure is, in the workbook's language:
// a name as entered, or the words the program gives a total.
func (b *book) figureLabel(f analysis.Figure) string {
	if ph, ok := f.Words.(analysis.Phrase); ok {
		return b.p.Phrase(ph)
	}
	return b.p.Name(f.Label)
}
