package analysis

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Figure is one side of a comparison: a pledge, a metric at a period, or
// a total of counted pledges, resolved to a value.
type Figure struct {
	Ref   string // as written in the Comparisons sheet
	Label string // what the figure is, in words
	// Words is what the figure is as a finding's argument: Label, or a
	// Phrase for a total the program names.
	Words     any
	Value     float64
	Unit      string // ISO code for money (the reporting currency), "%", "x" or a word
	Money     bool
	Qualifier Qualifier
	Basis     string  // actual, estimate, plan, budget, forecast; "" when not stated
	Years     float64 // the span the figure covers, 0 when none
	Sources   []string
	// Measure is what the figure measures ("revenue", "pledged money"),
	// Entity whom it is about and Period the metric's period ("" for
	// pledges and totals): only like figures are compared (see
	// RuleComparable).
	Measure, Entity, Period string
	// Native is a money metric's value in the currency its source states
	// (NativeUnit), with the rate that converts it (Rate); NativeUnit is
	// "" for other figures.
	Native     float64
	NativeUnit string
	Rate       *Rate
}

// Comparison is one ComparisonSpec worked out.
type Comparison struct {
	Spec        *ComparisonSpec
	Left, Right Figure
	Value       float64
	Qualifier   Qualifier
	Unit        string // "x", "%", "pp", a currency code, or a word
	Sentence    string
	Sources     []string
	// Finding is the claim the sentence states, with its figures.
	Finding *Finding
}

// Hows are the ways a comparison sets two figures against each other:
// ratio (left / right), share (left / right as a percentage), difference
// (left - right; percentage points between percentages), growth (left /
// right - 1) and pace ((left / left_years) / (right / right_years); with
// no right figure, left is already a multiple of a total over
// right_years, as "more than the past decade's total" is) and pace share
// (the same as a percentage).
var Hows = []string{"ratio", "share", "difference", "growth", "pace", "pace share"}

// RuleComparison is written into the report beside the comparisons.
const RuleComparison = "Comparisons: ratio = left / right; share = left / right as a percentage; difference = left - right (percentage points between percentages); growth = left / right - 1; pace = (left / its years) / (right / its years), as a multiple or (pace share) a percentage. A bound carries through: a ratio over an upper bound is a lower bound. " + RuleComparable + " " + RuleLikeCurrency

// RuleComparable says which figures may be set against each other.
const RuleComparable = "Only like figures are compared: the same measure (pledged money with pledged money, revenue with revenue, whatever the basis), and for metrics the same period unless the comparison is a pace, which puts both sides per year; a figure divided by a multiple must be the same entity's. A comparison of unlike figures is left out with a warning at its cell, unless its caveat column says how they differ: then the sentence states the caveat."

// RuleLikeCurrency says in which currency two money figures are compared.
const RuleLikeCurrency = "Two money metrics in one currency are compared in that currency; the sentence converts them only for display, naming the rate."

// FigureRef is a parsed reference to a figure: see ParseFigureRef.
type FigureRef struct {
	Kind    string   // pledge, metric or total
	ID      string   // pledge id
	Metric  []string // entity, metric, period and optionally basis
	Filters []Filter // for totals
}

// Filter narrows a total to counted pledges whose field equals (or, with
// Not, differs from) Value, case-insensitively.
type Filter struct {
	Field string // group, investor, region, type, sector, kind, year
	Value string
	Not   bool
}

var filterFields = []string{"group", "investor", "region", "type", "sector", "kind", "year"}

// ParseFigureRef reads a figure reference of a Comparisons row:
//
//	pledge:alibaba-ai-infra-2025
//	metric:Alibaba Group|revenue|FY2025Q3|estimate
//	total                                  (every counted pledge)
//	total:region=Hong Kong;type=government
//	total:region=Hong Kong;type!=government
func ParseFigureRef(s string) (FigureRef, error) {
	kind, rest, _ := strings.Cut(strings.TrimSpace(s), ":")
	kind = strings.ToLower(strings.TrimSpace(kind))
	rest = strings.TrimSpace(rest)
	switch kind {
	case "pledge":
		if rest == "" {
			return FigureRef{}, errorf(ErrFigureRef, "name the pledge by its id: pledge:alibaba-ai-infra-2025")
		}
		return FigureRef{Kind: kind, ID: rest}, nil
	case "metric":
		parts := strings.Split(rest, "|")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if len(parts) < 3 || len(parts) > 4 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			return FigureRef{}, errorf(ErrFigureRef, "name the metric as metric:entity|metric|period, optionally |basis: metric:Alibaba Group|revenue|FY2025Q3")
		}
		if _, err := ParsePeriod(parts[2]); err != nil {
			return FigureRef{}, errorf(ErrFigureRef, "the period %q of the metric cannot be read; write it as in the Metrics sheet (2025, FY2025Q3, 2025-02-24)", parts[2])
		}
		return FigureRef{Kind: kind, Metric: parts}, nil
	case "total":
		ref := FigureRef{Kind: kind}
		if rest == "" {
			return ref, nil
		}
		for _, part := range strings.Split(rest, ";") {
			f, v, ok := strings.Cut(part, "=")
			not := strings.HasSuffix(f, "!")
			f = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(f, "!")))
			v = strings.TrimSpace(v)
			if !ok || v == "" || !slices.Contains(filterFields, f) {
				return FigureRef{}, errorf(ErrFigureRef, "cannot read %q; narrow a total with field=value or field!=value, fields: %s, separated by ;",
					strings.TrimSpace(part), strings.Join(filterFields, ", "))
			}
			ref.Filters = append(ref.Filters, Filter{Field: f, Value: v, Not: not})
		}
		return ref, nil
	}
	return FigureRef{}, errorf(ErrFigureRef, "a figure is pledge:ID, metric:entity|metric|period or total (with optional filters such as total:region=Hong Kong)")
}

// missingFigure is a reference to a figure the report leaves out this
// month (after the cut-off): the comparison is skipped with a warning.
type missingFigure struct{ why string }

func (m *missingFigure) Error() string { return m.why }

// compare works out every comparison the analyst asked for. A reference
// to a figure that does not exist is an error at its cell; one to a
// figure left out of this month's report is a warning.
func (r *Report) compare(in Inputs, probs *Problems) []Comparison {
	var out []Comparison
	for i := range in.Comparisons {
		c := &in.Comparisons[i]
		l, err := r.resolve(c.Left, in)
		if err != nil {
			r.compareProblem(c, "left", c.Left, err, probs)
			continue
		}
		var rt Figure
		if c.Right != "" {
			if rt, err = r.resolve(c.Right, in); err != nil {
				r.compareProblem(c, "right", c.Right, err, probs)
				continue
			}
		}
		// Figures of different units are an error of work's; unlike
		// figures of one unit are left out here.
		oneUnit := c.Right == "" || l.Unit == rt.Unit || rt.Unit == "x"
		if why := unlike(c, l, rt); why != "" && c.Caveat == "" && oneUnit {
			col, val := "right", c.Right
			if c.Right == "" {
				col, val = "left", c.Left
			}
			probs.Add(c.Loc.Problem(SevWarning, col, val, errorf(ErrUnlike,
				"compares unlike figures: %s; left out of the report. Compare like with like, or say how the figures differ in the caveat column to keep it, worded with that caveat", why)))
			continue
		}
		lc, rc := l, rt
		native := l.Money && rt.Money && l.NativeUnit != "" && l.NativeUnit == rt.NativeUnit && l.NativeUnit != r.Currency
		if native {
			// One currency on both sides: compared in it, not at the
			// reporting currency's rates.
			l.Value, l.Unit = l.Native, l.NativeUnit
			rt.Value, rt.Unit = rt.Native, rt.NativeUnit
		}
		cmp, err := work(c, l, rt)
		if err != nil {
			probs.Add(c.Loc.Problem(SevError, "how", c.How, err))
			continue
		}
		if native || c.Caveat != "" {
			// Figures compared in their own currency are shown in the
			// reporting one too, with the rate named; a caveat says how
			// unlike figures differ.
			var shown, caveat any = "", ""
			if native {
				shown = displayIn(lc, rc)
			}
			if c.Caveat != "" {
				caveat = phrase("claim.cmp.caveat", Entered{En: strings.TrimSuffix(c.Caveat, ".")})
			}
			f := cmp.Finding
			f.word("claim.cmp.more", append(slices.Clone(f.Args), shown, caveat)...)
			cmp.Sentence = f.Text
		}
		cmp.Finding.Result.Ref = HeadlineRef{Kind: RefComparison, Index: len(out)}
		out = append(out, cmp)
	}
	return out
}

func (r *Report) compareProblem(c *ComparisonSpec, col, value string, err error, probs *Problems) {
	var m *missingFigure
	if errors.As(err, &m) {
		probs.Add(c.Loc.Problem(SevWarning, col, value, errorf(ErrAfterCutoff, "%s; the comparison is left out of this month's report", m.why)))
		return
	}
	probs.Add(c.Loc.Problem(SevError, col, value, err))
}

// resolve finds the figure a reference names.
func (r *Report) resolve(s string, in Inputs) (Figure, error) {
	ref, err := ParseFigureRef(s)
	if err != nil {
		return Figure{}, err
	}
	f := Figure{Ref: s}
	switch ref.Kind {
	case "pledge":
		want := IDKey(ref.ID)
		for i := range r.Pledges {
			p := &r.Pledges[i]
			if p.ID == "" || IDKey(p.ID) != want {
				continue
			}
			if p.Excluded == ExcludedCutoff {
				return Figure{}, &missingFigure{fmt.Sprintf("pledge %s is announced after the cut-off", p.ID)}
			}
			if math.IsNaN(p.Value) {
				return Figure{}, errorf(ErrFigureRef, "pledge %s has no stated amount to compare", p.ID)
			}
			if p.Per != "" {
				return Figure{}, errorf(ErrFigureRef, "pledge %s is an amount per %s, not a total; compare it with another amount per recipient or leave it out", p.ID, p.Per)
			}
			f.Label = p.Group + ": " + p.Program
			f.Value, f.Unit, f.Money, f.Qualifier = p.Value, r.Currency, true, p.Amount.Qualifier
			f.Basis, f.Years, f.Sources = "pledge", p.Years, p.Sources
			f.Measure, f.Entity = measurePledged, norm(p.Group)
			return f, nil
		}
		return Figure{}, errorf(ErrFigureRef, "no pledge has the id %q; use an id from the Pledges sheet", ref.ID)
	case "metric":
		period, _ := ParsePeriod(ref.Metric[2]) // ParseFigureRef has read it
		want := period.String()
		match := func(m *Metric) bool {
			return norm(m.Entity) == norm(ref.Metric[0]) && norm(m.Metric) == norm(ref.Metric[1]) &&
				m.Period.String() == want && (len(ref.Metric) < 4 || strings.EqualFold(m.Basis, ref.Metric[3]))
		}
		for i := range r.Metrics {
			m := &r.Metrics[i]
			if !match(m.Metric) {
				continue
			}
			f.Label = m.Entity + ": " + m.Metric.Metric + ", " + m.Period.String()
			f.Value, f.Unit, f.Money, f.Qualifier, f.Basis = m.Metric.Value, m.Unit, m.Money, m.Qualifier, cmp.Or(m.Basis, "actual")
			if m.Money {
				if math.IsNaN(m.Value) {
					return Figure{}, errorf(ErrFigureRef, "the metric has no value in %s; add an FX row for %s", r.Currency, m.Unit)
				}
				f.Native, f.NativeUnit, f.Rate = m.Metric.Value, m.Unit, m.Rate
				f.Value, f.Unit = m.Value, r.Currency
			}
			f.Measure, f.Entity, f.Period = norm(m.Metric.Metric), norm(m.Entity), m.Period.String()
			f.Sources = AppendUnique(nil, m.Source)
			return f, nil
		}
		for i := range in.Metrics {
			if match(&in.Metrics[i]) {
				return Figure{}, &missingFigure{"the metric's source is dated after the cut-off"}
			}
		}
		return Figure{}, errorf(ErrFigureRef, "no metric has entity %q, metric %q and period %s%s; copy them from the Metrics sheet",
			ref.Metric[0], ref.Metric[1], ref.Metric[2], basisWords(ref.Metric))
	}
	// A total of counted pledges. A group is named by its short or its
	// full name; the filter matches the name the report shows it by.
	for i, x := range ref.Filters {
		if x.Field != "group" {
			continue
		}
		shown, names, ok := r.groupNamed(x.Value)
		if !ok {
			return Figure{}, errorf(ErrFigureRef, "no investor group is named %q; use a group's short or full name: %s", x.Value, strings.Join(names, ", "))
		}
		ref.Filters[i].Value = shown
	}
	g := Group{}
	var filters []any
	for _, x := range ref.Filters {
		key := "claim.cmp.filter"
		if x.Not {
			key = "claim.cmp.filter.not"
		}
		filters = append(filters, phrase(key, phrase("claim.cmp.field."+x.Field), x.Value))
	}
	var srcs []string
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if !p.Counted || !matchAll(p, ref.Filters) {
			continue
		}
		g.Count++
		if math.IsNaN(p.Value) {
			g.Undisclosed++
			continue
		}
		g.Total += p.Value
		g.Qualifier = g.Qualifier.Sum(p.Amount.Qualifier)
		for _, s := range p.Sources {
			srcs = AppendUnique(srcs, s)
		}
	}
	if g.Count == g.Undisclosed {
		if n := r.laterMatches(ref.Filters); n > 0 {
			later := "1 pledge that matches is"
			if n > 1 {
				later = fmt.Sprintf("%d pledges that match are", n)
			}
			return Figure{}, &missingFigure{fmt.Sprintf("no counted pledge with a stated amount matches %s yet; %s announced after the cut-off", s, later)}
		}
		return Figure{}, errorf(ErrFigureRef, "no counted pledge with a stated amount matches %s; check the filters against the Pledges sheet", s)
	}
	if g.Undisclosed > 0 {
		g.Qualifier = g.Qualifier.Sum(AtLeast)
	}
	f.Value, f.Unit, f.Money, f.Qualifier, f.Sources = g.Total, r.Currency, true, g.Qualifier, capSources(srcs)
	f.Measure = measurePledged
	words := phrase("claim.cmp.total", g.Count-g.Undisclosed)
	if len(filters) > 0 {
		words = phrase("claim.cmp.total.of", g.Count-g.Undisclosed, List{Items: filters, Join: JoinComma})
	}
	f.Label, f.Words = English(words.Key, words.Args...), words
	return f, nil
}

// laterMatches counts the pledges with a stated amount that match fs but
// are announced after the cut-off: a total of them is a figure of a
// later month, not a mistake.
func (r *Report) laterMatches(fs []Filter) int {
	n := 0
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if p.Excluded == ExcludedCutoff && !math.IsNaN(p.Value) && matchAll(p, fs) {
			n++
		}
	}
	return n
}

func basisWords(m []string) string {
	if len(m) == 4 {
		return " and basis " + m[3]
	}
	return ""
}

func matchAll(p *PledgeRow, fs []Filter) bool {
	for _, f := range fs {
		var ok bool
		switch f.Field {
		case "group":
			ok = norm(p.Group) == norm(f.Value)
		case "investor":
			ok = norm(p.Investor) == norm(f.Value)
		case "region":
			ok = norm(p.Region) == norm(f.Value)
		case "type":
			ok = norm(p.InvestorType.String()) == norm(f.Value)
		case "kind":
			ok = norm(p.Kind.String()) == norm(f.Value)
		case "year":
			ok = !p.Undated() && strconv.Itoa(p.Announced.Year()) == f.Value
		case "sector":
			for _, s := range p.Sectors {
				ok = ok || norm(s) == norm(f.Value)
			}
		}
		if ok == f.Not {
			return false
		}
	}
	return true
}

// work computes one comparison from its two figures.
func work(c *ComparisonSpec, l, r Figure) (Comparison, error) {
	out := Comparison{Spec: c, Left: l, Right: r}
	for _, s := range l.Sources {
		out.Sources = AppendUnique(out.Sources, s)
	}
	for _, s := range r.Sources {
		out.Sources = AppendUnique(out.Sources, s)
	}
	out.Sources = capSources(out.Sources)
	pace := c.How == "pace" || c.How == "pace share"
	if !pace || c.Right != "" {
		if l.Unit != r.Unit && !(c.How == "ratio" && r.Unit == "x") {
			return out, errorf(ErrFigureRef, "the figures are in different units (%s and %s); compare figures of one unit", unitWord(l), unitWord(r))
		}
		if c.How != "difference" && r.Value == 0 {
			return out, errorf(ErrFigureRef, "the right figure is 0; a %s needs a figure other than 0", c.How)
		}
	}
	switch c.How {
	case "ratio":
		out.Value, out.Qualifier, out.Unit = l.Value/r.Value, l.Qualifier.Ratio(r.Qualifier), "x"
		if r.Unit == "x" && l.Unit != "x" {
			out.Unit = l.Unit
		}
	case "share":
		out.Value, out.Qualifier, out.Unit = l.Value/r.Value, l.Qualifier.Ratio(r.Qualifier), "%"
	case "growth":
		out.Value, out.Qualifier, out.Unit = l.Value/r.Value-1, l.Qualifier.Ratio(r.Qualifier), "%"
	case "difference":
		out.Value, out.Qualifier, out.Unit = l.Value-r.Value, l.Qualifier.Sum(r.Qualifier.flip()), l.Unit
		if l.Unit == "%" {
			out.Unit = "pp"
		}
	case "pace", "pace share":
		unit := "x"
		if c.How == "pace share" {
			unit = "%"
		}
		ly := cmp.Or(c.LeftYears, l.Years)
		if ly <= 0 {
			return out, errorf(ErrFigureRef, "a pace needs the years the left figure spans; enter them in left_years")
		}
		if c.Right == "" {
			if l.Unit != "x" || c.RightYears <= 0 {
				return out, errorf(ErrFigureRef, "with no right figure, the left must be a multiple (unit x) of a total over right_years; enter a right figure or right_years")
			}
			out.Value, out.Qualifier, out.Unit = l.Value*c.RightYears/ly, l.Qualifier, unit
			break
		}
		ry := cmp.Or(c.RightYears, r.Years)
		if ry <= 0 {
			return out, errorf(ErrFigureRef, "a pace needs the years the right figure spans; enter them in right_years")
		}
		out.Left.Years, out.Right.Years = ly, ry
		out.Value, out.Qualifier, out.Unit = (l.Value/ly)/(r.Value/ry), l.Qualifier.Ratio(r.Qualifier), unit
	default:
		return out, errorf(ErrEnum, "say how to compare: %s", strings.Join(Hows, ", "))
	}
	if math.IsNaN(out.Value) || math.IsInf(out.Value, 0) {
		return out, errorf(ErrFigureRef, "the comparison gives no finite number; check the figures")
	}
	out.Sentence, out.Finding = comparisonSentence(&out)
	return out, nil
}

func unitWord(f Figure) string {
	switch {
	case f.Money:
		return "money"
	case f.Unit == "":
		return "a plain number"
	}
	return f.Unit
}

// FormatComparison renders a comparison's value in its unit, qualifier
// included: "more than 3.33x", "at least 2.2%", "327 percentage points".
func FormatComparison(c *Comparison) string {
	switch c.Unit {
	case "x":
		return Qualified(c.Qualifier, FormatMultiple(c.Value, c.Qualifier), false)
	case "%":
		return Qualified(c.Qualifier, sign(c)+FormatPercent(c.Value, c.Qualifier), true)
	case "pp":
		return Qualified(c.Qualifier, sign(c)+strconv.FormatFloat(roundFor(c.Value, 1, c.Qualifier), 'f', -1, 64)+" percentage points", false)
	}
	return Qualified(c.Qualifier, FormatValue(c.Value, c.Unit, c.Left.Money, c.Qualifier), false)
}

// figureWords words one side of a comparison with its bound and basis:
// "at least US$17.7B a year (pledged over 3 years)", "US$38.7B
// (estimate)". x is the figure as the finding holds it (a yearly pace
// already divided by its years), shown with dec decimals in its scale;
// the basis is named when named is set.
func figureWords(f Figure, x Fact, perYear bool, dec int, named bool) any {
	x.Form, x.Decimals = FormValue, factDecimals(f, dec)
	basis := Phrase{}
	if f.Basis != "" && (named || !perYear) {
		basis = basisOfFigure(f.Basis)
	}
	if perYear && f.Years > 0 {
		lead := Phrase{}
		if basis.Key != "" {
			lead = phrase("claim.cmp.lead", basis)
		}
		if f.Years == 1 {
			return phrase("claim.cmp.fig.oneyear", x, lead)
		}
		return phrase("claim.cmp.fig.years", x, lead, f.Years)
	}
	if basis.Key != "" && named {
		return phrase("claim.cmp.fig.basis", x, basis)
	}
	return x
}

// basisOfFigure names the basis of a compared figure: "pledged",
// "forecast", "actual".
func basisOfFigure(b string) Phrase {
	if _, ok := englishTexts["claim.cmp.basis."+b]; ok {
		return phrase("claim.cmp.basis." + b)
	}
	return phrase("claim.basis.other", b)
}

// shownAt is a value as formatAt shows it, in whole units.
func shownAt(v float64, f Figure, dec int) float64 {
	switch {
	case f.Money && ScaleOf(v).Suffix != "":
		sc := ScaleOf(v)
		return roundFor(v/sc.Div, max(dec, 1), Exact) * sc.Div
	case f.Money:
		return roundFor(v, 2, Exact)
	}
	return roundFor(v, valueDecimals(f, max(dec, 1)), Exact)
}

// valueDecimals is the number of decimals a figure that is not money is
// shown with when it takes dec-1 more than FormatValue gives it (one for
// a percentage, two for anything else).
func valueDecimals(f Figure, dec int) int {
	if f.Unit == "%" {
		return dec
	}
	return dec + 1
}

// factDecimals is Fact.Decimals for a figure shown with dec: the
// decimals in its scale for money, its decimals for anything else, 0
// for as FormatValue shows it.
func factDecimals(f Figure, dec int) int {
	switch {
	case f.Money:
		return dec
	case dec <= 1:
		return 0
	}
	return valueDecimals(f, dec)
}

// shownResult is a comparison's result as FormatComparison shows it, in
// the unit it is shown in (55.2 for 55.2%), and its decimals.
func shownResult(c *Comparison) (float64, int) {
	switch c.Unit {
	case "x":
		return roundFor(c.Value, 2, Exact), 2
	case "%":
		return roundFor(c.Value*100, 1, Exact), 1
	case "pp":
		return roundFor(c.Value, 1, Exact), 1
	}
	if c.Left.Money {
		return math.NaN(), 0
	}
	return roundFor(c.Value, 2, Exact), 2
}

// comparisonFinding builds the finding a comparison states. Its figures
// are shown with the fewest decimals (one, as everywhere, when that
// suffices) from which its result, worked out again, rounds to the
// result shown: FiguresShowDigits.
func comparisonFinding(c *Comparison) (*Finding, [2]int) {
	claims := map[string]Claim{"ratio": ClaimRatio, "share": ClaimShare, "difference": ClaimDifference,
		"growth": ClaimGrowth, "pace": ClaimPace, "pace share": ClaimPace}
	f := &Finding{Claim: claims[c.Spec.How], Rounding: FiguresShowDigits}
	pace := c.Spec.How == "pace" || c.Spec.How == "pace share"
	fact := func(x Figure) Fact {
		v := x.Value
		if pace && x.Years > 0 {
			v /= x.Years
		}
		return Fact{Label: x.Label, Value: v, Qualifier: x.Qualifier,
			Basis: x.Basis, Unit: x.Unit, Money: x.Money, Sources: x.Sources, Shown: math.NaN()}
	}
	f.Figures = []Fact{fact(c.Left)}
	if c.Spec.Right != "" {
		f.Figures = append(f.Figures, fact(c.Right))
	}
	f.Result = Fact{Value: c.Value, Qualifier: c.Qualifier, Unit: c.Unit, Money: c.Left.Money, Sources: c.Sources}
	f.Result.Shown, f.Digits = shownResult(c)
	if c.Qualifier == Mixed {
		// No result is stated: see comparisonSentence.
		f.Result.Shown = math.NaN()
	}
	dec := [2]int{1, 1}
	if len(f.Figures) == 2 {
		sameScale := c.Left.Money == c.Right.Money && c.Left.Unit == c.Right.Unit &&
			(!c.Left.Money || ScaleOf(f.Figures[0].Value) == ScaleOf(f.Figures[1].Value))
			// The fewest extra decimals, the left figure's first.
	search:
		for extra := 0; extra <= 8; extra++ {
			for dl := 1 + min(extra, 4); dl >= 1 && extra-(dl-1) <= 4; dl-- {
				d := [2]int{dl, 1 + extra - (dl - 1)}
				if sameScale && d[0] != d[1] {
					// One format per magnitude: two figures of one scale
					// are shown alike.
					continue
				}
				f.Figures[0].Shown, f.Figures[1].Shown = shownAt(f.Figures[0].Value, c.Left, d[0]), shownAt(f.Figures[1].Value, c.Right, d[1])
				if v, ok := f.Recompute(true); !ok || f.reproduces(v) {
					dec = d
					break search
				}
			}
		}
	}
	for i, x := range []Figure{c.Left, c.Right}[:len(f.Figures)] {
		f.Figures[i].Shown = shownAt(f.Figures[i].Value, x, dec[i])
	}
	if len(f.Figures) == 1 {
		f.Figures[0].Shown = math.NaN()
	}
	return f, dec
}

func comparisonSentence(c *Comparison) (string, *Finding) {
	words := func(x Figure) any {
		if x.Words != nil {
			return x.Words
		}
		return x.Label
	}
	var label any = Entered{c.Spec.Label, c.Spec.LabelHant, c.Spec.LabelHans}
	if c.Spec.Label == "" {
		label = words(c.Left)
		if c.Spec.Right != "" {
			label = phrase("claim.cmp.label", words(c.Left), words(c.Right))
		}
	}
	f, dec := comparisonFinding(c)
	pace := c.Spec.How == "pace" || c.Spec.How == "pace share"
	result := f.Result
	switch c.Unit {
	case "x":
		result.Form = FormMultiple
	case "%":
		result.Form, result.Signed = FormShare, sign(c) != ""
	case "pp":
		result.Form, result.Signed = FormPoints, sign(c) != ""
	default:
		result.Form = FormValue
	}
	result.Money = result.Form == FormValue && c.Left.Money
	f.Result = result
	var stated any = result
	if c.Qualifier == Mixed {
		// Figures bounded both ways bound no result: say so, and state
		// none.
		stated = phrase("claim.cmp.nobound." + strings.ReplaceAll(c.Spec.How, " ", ""))
	}
	// The bases are named where a side is not an actual figure or the
	// two differ.
	named := !(actualBasis(c.Left.Basis) && actualBasis(c.Right.Basis))
	var detail Phrase
	switch {
	case pace && c.Spec.Right == "":
		ly, total := cmp.Or(c.Spec.LeftYears, c.Left.Years), Fact{Value: c.Left.Value, Qualifier: c.Left.Qualifier, Unit: c.Left.Unit, Form: FormValue, Shown: math.NaN()}
		detail = phrase("claim.cmp.pace.total", ly, total, c.Spec.RightYears)
		if !actualBasis(c.Left.Basis) {
			// A total that is a plan or a forecast is named as one.
			detail = phrase("claim.cmp.pace.total.basis", ly, total, c.Spec.RightYears, basisNoun(&Metric{Basis: c.Left.Basis}))
		}
	case c.Spec.Right != "" && c.Right.Unit == "x" && c.Left.Unit != "x":
		// A figure divided by a multiple: what it was before it grew so.
		detail = phrase("claim.cmp.divided", figureWords(c.Left, f.Figures[0], false, dec[0], named), figureWords(c.Right, f.Figures[1], false, dec[1], named))
	case c.Spec.Right != "":
		detail = phrase("claim.cmp.against", figureWords(c.Left, f.Figures[0], pace, dec[0], true), figureWords(c.Right, f.Figures[1], pace, dec[1], true))
	}
	f.word("claim.cmp", label, stated, detail)
	return f.Text, f
}

func actualBasis(b string) bool { return b == "" || b == "actual" }

// sign marks a growth or a difference above zero with "+", so that it
// reads as a change: "+1.0%".
func sign(c *Comparison) string {
	if (c.Spec.How == "growth" || c.Spec.How == "difference") && c.Value > 0 {
		return "+"
	}
	return ""
}

// measurePledged is the measure of pledges and totals of pledges.
const measurePledged = "pledged money"

// unlike says how two figures of a comparison differ in kind, or ""
// when they are alike (see RuleComparable).
func unlike(c *ComparisonSpec, l, r Figure) string {
	if c.Right == "" {
		return "" // a pace against a multiple of the left's own past
	}
	if r.Unit == "x" && l.Unit != "x" {
		if l.Entity != r.Entity {
			return fmt.Sprintf("a figure of %q divided by a multiple of %q", l.Entity, r.Entity)
		}
		return ""
	}
	if l.Measure != r.Measure {
		return fmt.Sprintf("%q against %q, two different measures", l.Measure, r.Measure)
	}
	pace := c.How == "pace" || c.How == "pace share"
	if l.Period != r.Period && !pace {
		return fmt.Sprintf("periods %s and %s differ", l.Period, r.Period)
	}
	return ""
}

// displayIn converts two figures compared in their own currency for
// display, naming each rate: " (In US$ at 7.1698 CNY per US$ of
// 2025-02-24: US$39.07B against US$38.69B.)"
func displayIn(l, r Figure) Phrase {
	var rates any = rateWords(l)
	if r.Rate != l.Rate {
		rates = List{Items: []any{rateWords(l), rateWords(r)}, Join: JoinAnd}
	}
	fact := func(x Figure) Fact {
		return Fact{Value: x.Value, Qualifier: x.Qualifier, Unit: x.Unit, Money: true, Form: FormValue, Decimals: 2, Shown: math.NaN()}
	}
	return phrase("claim.cmp.native", Currency(l.NativeUnit), Currency(l.Unit), rates, fact(l), fact(r))
}

// rateWords names the rate a figure was converted at, as units of its
// own currency per unit of the reporting currency: "7.1698 CNY per USD
// (FX of 2025-02-24)".
func rateWords(f Figure) Phrase {
	per := ftoa(math.Round(f.Native/f.Value*1e4) / 1e4)
	if f.Rate != nil && !f.Rate.Date.IsZero() {
		return phrase("claim.cmp.rate.dated", per, Currency(f.NativeUnit), Currency(f.Unit), f.Rate.Date)
	}
	return phrase("claim.cmp.rate", per, Currency(f.NativeUnit), Currency(f.Unit))
}
