package workbook

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// Comparisons columns that formulas and the Summary refer to.
const (
	colCmpLeft   = "E"
	colCmpLYears = "G"
	colCmpRight  = "I"
	colCmpRYears = "K"
	colCmpResult = "L"
	colCmpInput  = "P"
)

var comparisonsHeader = []string{"ID", "Comparison", "How", "Left figure", "Left value", "Left qualifier", "Left years",
	"Right figure", "Right value", "Right qualifier", "Right years", "Result", "Result qualifier", "Sources", "Note", "Input"}

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
	t := table{name: "ComparisonList", col: 1, row: comparisonFirst - 1, last: last, header: comparisonsHeader}
	// The note and the input reference stay off the printed page.
	if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheetComparisons,
		RefersTo: "'" + sheetComparisons + "'!$A$1:$N$" + strconv.Itoa(last)}); err != nil {
		return err
	}
	s := b.open(sheetComparisons, sheetOpts{
		widths: []float64{20, 56, 9, 28, 13, 10, 7, 28, 13, 10, 7, 12, 11, 36, 40, 30},
		freeze: comparisonFirst - 1, tables: []table{t}})
	s.set(1, 1, b.text("Comparisons the analyst defined ("+r.Currency+")", look{title: true}))
	s.banner(2, 12, analysis.RuleComparison)
	s.header(t)
	if len(r.Comparisons) == 0 {
		s.set(comparisonFirst, 1, b.text("No comparisons: add a Comparisons sheet to the inputs to define some.", look{italic: true}))
	}
	years := func(v float64) any {
		if v <= 0 {
			return nil
		}
		return b.num(v, numberFormat(v, 2), look{})
	}
	for i := range r.Comparisons {
		c := &r.Comparisons[i]
		row := comparisonFirst + i
		lv, lf := cmpValue(c.Left)
		var right, rq, rv any
		if c.Spec.Right != "" {
			v, f := cmpValue(c.Right)
			right, rv, rq = b.text(c.Right.Label, look{wrap: true}), b.num(v, f, look{}), b.text(c.Right.Qualifier.Label(), look{})
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
			b.text(c.Spec.ID, look{}),
			b.text(c.Sentence, look{wrap: true}),
			b.text(c.Spec.How, look{}),
			b.text(c.Left.Label, look{wrap: true}),
			b.num(lv, lf, look{}),
			b.text(c.Left.Qualifier.Label(), look{}),
			years(ly),
			right, rv, rq,
			years(ry),
			b.formula(f, c.Value, format, look{}),
			b.text(qualLabel(c.Qualifier), look{}),
			b.text(joinSources(c.Sources), look{wrap: true}),
			b.text(c.Spec.Note, look{wrap: true}),
			b.text(c.Spec.Loc.Ref.String(), look{}),
		)
	}
	return s.close()
}
