package analysis

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// roundFor rounds v to the given number of decimals, half away from
// zero. Bounds are rounded like any figure ("more than 2.46x" for
// 2.4615); the workbook cells keep the unrounded values. The qualifier is
// taken so that every rounding of a figure goes through one place.
func roundFor(v float64, decimals int, _ Qualifier) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// Scale is one step of the scale in which amounts are shown: US$32.0B
// is 32.0 in billions. This table is the one place that says how each
// step is written: its suffix after a figure, its word on an axis label,
// and the commas that divide by it in an Excel number format.
type Scale struct {
	Div    float64 // what a figure is divided by: 1e9 for billions, 1 for none
	Suffix string  // after a figure: "B"
	Word   string  // on an axis label: "billion"
	Commas string  // in an Excel number format, each comma divides by a thousand: ",,,"
}

// scales are the steps of Scale, largest first.
var scales = [...]Scale{
	{1e12, "T", "trillion", ",,,,"},
	{1e9, "B", "billion", ",,,"},
	{1e6, "M", "million", ",,"},
	{1e3, "K", "thousand", ","},
}

// ScaleOf picks the scale an amount is shown in: the largest step that
// its absolute value reaches; below a thousand (and for NaN) none, with a
// Div of 1.
func ScaleOf(v float64) Scale {
	a := math.Abs(v)
	for _, s := range scales {
		if a >= s.Div {
			return s
		}
	}
	return Scale{Div: 1}
}

// FormatMoney renders an amount such as "US$32.0B", rounding so a bound
// stays true. It does not include the qualifier.
func FormatMoney(v float64, currency string, q Qualifier) string {
	if math.IsNaN(v) {
		return "undisclosed"
	}
	sc := ScaleOf(v)
	x := roundFor(v/sc.Div, 1, q)
	if sc.Suffix == "" {
		// Below a thousand (a share price, a grant) keep up to two decimals.
		x = roundFor(v, 2, q)
		return fmt.Sprintf("%s%s", Symbol(currency), strconv.FormatFloat(x, 'f', -1, 64))
	}
	return fmt.Sprintf("%s%s%s", Symbol(currency), strconv.FormatFloat(x, 'f', 1, 64), sc.Suffix)
}

// Qualified puts a qualifier before a rendered figure: "more than 2.46x".
func Qualified(q Qualifier, figure string, percent bool) string {
	w := q.Sentence(percent)
	if w == "" {
		return figure
	}
	return w + " " + figure
}

// FormatMultiple renders a multiple such as "2.46x", rounded so a bound
// stays true.
func FormatMultiple(m float64, q Qualifier) string {
	return strconv.FormatFloat(roundFor(m, 2, q), 'f', 2, 64) + "x"
}

// FormatPercent renders a fraction as a percentage such as "56.9%",
// rounded so a bound stays true.
func FormatPercent(f float64, q Qualifier) string {
	return strconv.FormatFloat(roundFor(f*100, 1, q), 'f', 1, 64) + "%"
}

// FormatValue renders a metric value in its unit.
func FormatValue(v float64, unit string, money bool, q Qualifier) string {
	switch {
	case money:
		return FormatMoney(v, unit, q)
	case unit == "%":
		return strconv.FormatFloat(roundFor(v, 1, q), 'f', -1, 64) + "%"
	case unit == "" || unit == "count":
		return strconv.FormatFloat(roundFor(v, 2, q), 'f', -1, 64)
	case unit == "x":
		return strconv.FormatFloat(roundFor(v, 2, q), 'f', -1, 64) + "x"
	case unit == "year" && v == math.Trunc(v):
		return strconv.FormatFloat(v, 'f', 0, 64) // 2024, never 2,024
	}
	return strings.TrimSpace(strconv.FormatFloat(roundFor(v, 2, q), 'f', -1, 64) + " " + unit)
}

// FormatWhole renders an amount below a million in full, with thousands
// separators: "HK$100,000". Larger amounts are as FormatMoney gives them.
func FormatWhole(v float64, currency string, q Qualifier) string {
	if math.IsNaN(v) || math.Abs(v) >= 1e6 || v != math.Trunc(v) {
		return FormatMoney(v, currency, q)
	}
	sign := ""
	if v < 0 {
		sign = "-"
	}
	return sign + Symbol(currency) + Grouped(math.Abs(v), 0)
}

// english writes numbers as the report's English text does, with commas
// between thousands.
var english = message.NewPrinter(language.English)

// Grouped writes v with thousands separators and the given decimals:
// Grouped(1048576, 0) is "1,048,576", Grouped(-12500.5, 1) "-12,500.5".
func Grouped(v float64, decimals int) string { return english.Sprintf("%.*f", decimals, v) }

// YesNo writes a flag as the inputs and the workbook have it: "yes" or
// "no".
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// AppendUnique appends s to list unless s is empty or already there: for
// the short lists of a figure's sources and a series' periods.
func AppendUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
