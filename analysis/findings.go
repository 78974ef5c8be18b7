package analysis

import (
	"fmt"
	"math"
	"strings"
)

// Claim is the kind of a finding: what its sentence says about its
// figures.
type Claim int

// Kinds of claim.
const (
	ClaimTotal      Claim = iota // a sum of like figures
	ClaimLargest                 // the largest (highest) of a set
	ClaimShare                   // a part of a whole, as a percentage
	ClaimRatio                   // one figure over another, as a multiple
	ClaimDifference              // one figure less another
	ClaimGrowth                  // one figure over another, less one
	ClaimPace                    // two yearly paces set against each other
	ClaimTrend                   // the first and last point of a series
	ClaimCount                   // a number of rows
	ClaimStatus                  // a pledge's delivery, judged on its evidence
	ClaimChange                  // a figure against last month's
	ClaimSide                    // two figures side by side, no result drawn
	ClaimScope                   // what a chart or sheet covers, or how to read it: no result drawn
	ClaimFigure                  // one figure as its source reports it
)

var claimNames = [...]string{"total", "largest", "share", "ratio", "difference", "growth", "pace", "trend", "count", "status", "change", "side by side", "scope", "figure"}

// String names the kind of claim.
func (c Claim) String() string {
	if c < 0 || int(c) >= len(claimNames) {
		return "?"
	}
	return claimNames[c]
}

// Fact is one figure of the report that a finding rests on: a reference
// to where the report holds it, and the value with everything a reader
// needs to weigh it.
type Fact struct {
	Ref       HeadlineRef
	Label     string
	Value     float64
	Qualifier Qualifier
	// Basis is actual, budget, estimate, plan, forecast or pledge; ""
	// for actual.
	Basis   string
	Unit    string // ISO code for money, "%", "x", "pp" or a word
	Money   bool
	Period  string
	Sources []string
	// Like says what kind of thing the figure is (a company's plan, a
	// government scheme): only figures alike in it are summed.
	Like string
	// Shown is the value as the sentence shows it, rounded; NaN when
	// the sentence does not show it.
	Shown float64
	// Form says how a sentence writes the figure; Decimals, for money,
	// the decimals in its scale when more than one; Signed puts a + before
	// a figure above zero.
	Form     Form
	Decimals int
	Signed   bool
}

// Set is what a finding speaks for: "growth rates in Metrics", 9 of
// them, of which Drawn are in the chart.
type Set struct {
	Name  string
	Size  int
	Drawn int
	// Rows is RefPledge when the set is the counted pledges with a
	// stated amount of Report.Pledges: its figures are those rows, by
	// reference, and the finding's Figures lists none of them, as a book
	// of a million rows would otherwise hold a million copies of its
	// pledges (192 MB). Report.CheckFindings works the result out again
	// from the rows. RefNone for any other set.
	Rows RefKind
	// Chart, with Rows, names the chart whose pledges with a stated
	// amount are the set (Chart.Pledges: Hong Kong's public schemes);
	// "" for the counted pledges with a stated amount.
	Chart string
}

// Rounding says how a finding's shown result relates to its shown
// figures.
type Rounding int

// Roundings.
const (
	// FiguresShowDigits: the figures are shown with enough digits that
	// the result, worked out from them and rounded as shown, is the
	// stated one.
	FiguresShowDigits Rounding = iota
	// ResultFromShown: the result is worked out from the figures as
	// shown.
	ResultFromShown
)

// Finding is one claim of the report: its kind, the figures it rests on,
// the set it speaks for, and the result it states. Text is its English
// sentence; renderers in other languages build theirs from the same
// value.
type Finding struct {
	Claim   Claim
	Figures []Fact
	Result  Fact
	Set     Set
	// Digits is the number of decimals the result is shown with.
	Digits   int
	Rounding Rounding
	Text     string
	// Key names the catalogue message that words the finding in every
	// language (package lang), and Args fill it: a Fact is a figure the
	// printer formats in its language, a string a name as entered, an
	// int a count. A finding with no Key is worded in English only, by
	// Text.
	Key  string
	Args []any
}

// Bound is the qualifier a claim's result takes from its figures' bounds:
// a ratio of a lower bound over an exact figure is a lower bound, a
// ratio of two lower bounds has none (Mixed).
func (f *Finding) Bound() Qualifier {
	var q Qualifier
	switch f.Claim {
	case ClaimRatio, ClaimShare, ClaimGrowth, ClaimPace:
		if len(f.Figures) == 1 {
			return f.Figures[0].Qualifier
		}
		if len(f.Figures) == 2 {
			return f.Figures[0].Qualifier.Ratio(f.Figures[1].Qualifier)
		}
	case ClaimDifference:
		if len(f.Figures) == 2 {
			return f.Figures[0].Qualifier.Sum(f.Figures[1].Qualifier.flip())
		}
	case ClaimTotal:
		for _, x := range f.Figures {
			q = q.Sum(x.Qualifier)
		}
		return q
	case ClaimLargest:
		return f.Result.Qualifier
	}
	return f.Result.Qualifier
}

// Recompute works out the result of a finding from its figures; ok is
// false for a claim whose result is not arithmetic on them.
func (f *Finding) Recompute(shown bool) (v float64, ok bool) {
	val := func(x Fact) float64 {
		if shown {
			return x.Shown
		}
		return x.Value
	}
	fs := f.Figures
	switch f.Claim {
	case ClaimTotal:
		for _, x := range fs {
			v += val(x)
		}
		return v, len(fs) > 0
	case ClaimLargest:
		v = math.Inf(-1)
		for _, x := range fs {
			v = math.Max(v, val(x))
		}
		return v, len(fs) > 0
	case ClaimRatio, ClaimShare, ClaimPace:
		if len(fs) == 2 {
			return val(fs[0]) / val(fs[1]), true
		}
	case ClaimGrowth:
		if len(fs) == 2 {
			return val(fs[0])/val(fs[1]) - 1, true
		}
	case ClaimDifference:
		if len(fs) == 2 {
			return val(fs[0]) - val(fs[1]), true
		}
	}
	return 0, false
}

// likeKind names what kind of money a pledge is, for the rule that only
// like things are summed: a government scheme and a company's spending
// plan are not one kind of money.
func likeKind(p *PledgeRow) string {
	return p.InvestorType.String()
}

// bareMultiple finds a multiple stated without a bound ("17 times",
// "19.66x") in a sentence.
func bareMultiple(s string) bool {
	return strings.Contains(s, " times ") || strings.Contains(s, " times.") || multipleRE(s)
}

func multipleRE(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == 'x' && s[i-1] >= '0' && s[i-1] <= '9' && (i+1 == len(s) || !isLetter(s[i+1])) {
			return true
		}
	}
	return false
}

// basisWords are the words that say a figure is not an actual one.
var basisTerms = map[string][]string{
	"budget":   {"budget"},
	"estimate": {"estimate"},
	"forecast": {"forecast", "expected"},
	"plan":     {"plan"},
}

// Check holds a finding to the rules every claim obeys, and returns the
// ways it breaks them:
//   - a superlative names its set and that set's true size;
//   - a ratio, share or difference carries the bound that follows from
//     its figures' bounds, and states no bare figure when none follows;
//   - only like things are summed;
//   - a budget, an estimate, a plan or a forecast is worded as such, and
//     never said to have risen or fallen;
//   - the result stated can be reproduced from the figures as shown.
func (f *Finding) Check() []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s finding %q: %s", f.Claim, f.Text, fmt.Sprintf(format, args...)))
	}
	switch f.Claim {
	case ClaimLargest:
		if f.Set.Name == "" || f.Set.Size < len(f.Figures) || f.Set.Size < 1 {
			bad("the set is %q of %d for %d figures", f.Set.Name, f.Set.Size, len(f.Figures))
		}
		if n := fmt.Sprint(f.Set.Size); f.Set.Size > 1 && !strings.Contains(f.Text, " of "+n+" ") && !strings.Contains(f.Text, " of the "+n+" ") &&
			!strings.HasPrefix(f.Text, "Of the "+n+" ") {
			bad("the sentence does not give the set's size, %d", f.Set.Size)
		}
		if v, ok := f.Recompute(false); ok && v > f.Result.Value {
			bad("the set holds %v, more than the largest stated, %v", v, f.Result.Value)
		}
	case ClaimRatio, ClaimShare, ClaimDifference, ClaimGrowth, ClaimPace:
		want := f.Bound()
		if f.Result.Qualifier != want {
			bad("the result is %q, its figures' bounds give %q", f.Result.Qualifier.Label(), want.Label())
		}
		if want == Mixed && f.Claim == ClaimRatio && bareMultiple(f.Text) {
			bad("a ratio of figures bounded both ways states a multiple")
		}
	case ClaimSide:
		if bareMultiple(f.Text) {
			bad("figures set side by side state a multiple")
		}
	case ClaimTotal:
		for _, x := range f.Figures[min(1, len(f.Figures)):] {
			if x.Like != f.Figures[0].Like {
				bad("it sums unlike things: %q and %q", f.Figures[0].Like, x.Like)
				break
			}
		}
	}
	for _, x := range f.Figures {
		words, ok := basisTerms[x.Basis]
		if !ok {
			continue
		}
		if !containsAny(f.Text, words) {
			bad("a %s figure is not worded as one", x.Basis)
		}
		if containsAny(f.Text, []string{" rose ", " fell ", " grew "}) {
			bad("a %s figure is said to have moved", x.Basis)
		}
	}
	if v, ok := f.Recompute(true); ok && !f.reproduces(v) {
		bad("its figures as shown give %v, not the %v stated", v, f.Result.Shown)
	}
	return errs
}

// reproduces reports whether v, worked out from the figures as shown,
// rounds to the result as shown.
func (f *Finding) reproduces(v float64) bool {
	if math.IsNaN(f.Result.Shown) {
		return true
	}
	for _, x := range f.Figures {
		if math.IsNaN(x.Shown) {
			return true
		}
	}
	got := roundFor(v*resultScale(f), f.Digits, Exact)
	return math.Abs(got-f.Result.Shown) < 1e-9*math.Max(1, math.Abs(got))
}

// resultScale is what a result is multiplied by to be shown: 100 for a
// percentage.
func resultScale(f *Finding) float64 {
	if f.Result.Unit == "%" && f.Claim != ClaimDifference {
		return 100
	}
	return 1
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Findings lists every claim of the report that this package builds:
// the Summary's headlines, the analyst's comparisons and the trends.
func (r *Report) Findings() []*Finding {
	var out []*Finding
	seen := map[*Finding]bool{}
	add := func(f *Finding) {
		if f != nil && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for i := range r.Headlines {
		add(r.Headlines[i].Finding)
	}
	for i := range r.Comparisons {
		add(r.Comparisons[i].Finding)
	}
	for i := range r.Trends {
		add(r.Trends[i].Finding)
	}
	return out
}

// RatioFinding sets figure a against figure b: the ratio a/b with the
// bound that follows from theirs. When none follows (both lower bounds,
// say), the claim is ClaimSide: the figures side by side, with no
// multiple.
func RatioFinding(a, b Fact) *Finding {
	f := &Finding{Claim: ClaimRatio, Figures: []Fact{a, b}, Digits: 2}
	f.Result = Fact{Value: a.Value / b.Value, Qualifier: f.Bound(), Unit: "x", Shown: math.NaN()}
	if f.Result.Qualifier == Mixed {
		f.Claim = ClaimSide
	}
	return f
}

// LargestFinding states the largest of a set of figures; set names the
// set, and every figure of it is given, drawn or not.
func LargestFinding(set string, all []Fact, drawn int) *Finding {
	f := &Finding{Claim: ClaimLargest, Figures: all, Set: Set{Name: set, Size: len(all), Drawn: drawn}}
	for i, x := range all {
		if i == 0 || x.Value > f.Result.Value {
			f.Result = x
		}
	}
	return f
}

// FactAt is the value of the report that a reference names, and false
// when it names none.
func (r *Report) FactAt(ref HeadlineRef) (float64, bool) {
	group := func(gs []Group) (float64, bool) {
		for _, g := range gs {
			if g.Key == ref.Key {
				return g.Total, true
			}
		}
		return 0, false
	}
	switch ref.Kind {
	case RefTotal:
		return r.Total.Total, true
	case RefPledge:
		if ref.Index >= 0 && ref.Index < len(r.Pledges) {
			return r.Pledges[ref.Index].Value, true
		}
	case RefGroup:
		return group(r.ByInvestor)
	case RefSector:
		return group(r.BySector)
	case RefHongKong:
		return group(r.HongKong)
	case RefRegion:
		return group(r.ByRegion)
	case RefComparison:
		if ref.Index >= 0 && ref.Index < len(r.Comparisons) {
			return r.Comparisons[ref.Index].Value, true
		}
	case RefTrend:
		if ref.Index >= 0 && ref.Index < len(r.Trends) {
			return r.Trends[ref.Index].Multiple, true
		}
	}
	return 0, false
}

// CheckFindings holds every finding of the report to the rules (Check),
// and to its figures: each figure and result that names a place in the
// report is the value the report holds there, and a result that is
// arithmetic on its figures is what they give.
func (r *Report) CheckFindings() []error {
	var errs []error
	for _, f := range r.Findings() {
		errs = append(errs, r.CheckFinding(f)...)
	}
	return errs
}

// CheckFinding holds one finding, of the report or of a chart drawn from
// it, to the rules (Finding.Check) and to the report: the figures it
// rests on by reference, and the rows of a set held by reference.
func (r *Report) CheckFinding(f *Finding) []error {
	errs := f.Check()
	for _, x := range append([]Fact{f.Result}, f.Figures...) {
		if x.Ref.Kind == RefNone {
			continue
		}
		if v, ok := r.FactAt(x.Ref); !ok || !nearly(v, x.Value) {
			errs = append(errs, fmt.Errorf("%q rests on %v at %+v, the report holds %v (%v)", f.Text, x.Value, x.Ref, v, ok))
		}
	}
	if v, ok := f.Recompute(false); ok && !nearly(v, f.Result.Value) {
		errs = append(errs, fmt.Errorf("%q states %v, its figures give %v", f.Text, f.Result.Value, v))
	}
	if f.Set.Rows == RefPledge {
		errs = append(errs, r.checkRows(f)...)
	}
	if f.Text == "" {
		errs = append(errs, fmt.Errorf("a %s finding has no sentence", f.Claim))
	}
	return errs
}

// checkRows holds a finding whose set is rows of the report held by
// reference (Set.Rows) to those rows: their number is the set's size,
// and the largest of them, or their sum, the result. The total of a
// chart's set (Set.Chart) is held to the bound of its rows too, and to
// summing only like things, money of one investor type: a guard, as the
// chart's selection takes one type (see Chart.Pledges).
func (r *Report) checkRows(f *Finding) []error {
	var errs []error
	n, sum, most := 0, 0.0, math.Inf(-1)
	var q Qualifier
	var like InvestorType
	add := func(p *PledgeRow) {
		if !p.Counted || math.IsNaN(p.Value) {
			return
		}
		if n == 0 {
			like = p.InvestorType
		} else if f.Set.Chart != "" && p.InvestorType != like {
			errs = append(errs, fmt.Errorf("%q sums unlike things: %s and %s money", f.Text, like, p.InvestorType))
		}
		n++
		sum += p.Value
		q = q.Sum(p.Amount.Qualifier)
		most = math.Max(most, p.Value)
	}
	if f.Set.Chart == "" {
		for i := range r.Pledges {
			add(&r.Pledges[i])
		}
	} else {
		c, ok := chartNamed(f.Set.Chart)
		if !ok || c.Pledges == nil {
			return append(errs, fmt.Errorf("%q speaks for the pledges of chart %q, which draws none", f.Text, f.Set.Chart))
		}
		for _, p := range c.Pledges(r) {
			add(p)
		}
		if f.Claim == ClaimTotal && q != f.Result.Qualifier {
			errs = append(errs, fmt.Errorf("%q states a sum %s, the %s sum %s", f.Text, f.Result.Qualifier, f.Set.Name, q))
		}
	}
	if n != f.Set.Size {
		errs = append(errs, fmt.Errorf("%q speaks for %d %s, the report holds %d", f.Text, f.Set.Size, f.Set.Name, n))
	}
	switch f.Claim {
	case ClaimLargest:
		if n > 0 && !nearly(most, f.Result.Value) {
			errs = append(errs, fmt.Errorf("%q states %v as the largest of the %s, the largest is %v", f.Text, f.Result.Value, f.Set.Name, most))
		}
	case ClaimTotal:
		if !nearly(sum, f.Result.Value) {
			errs = append(errs, fmt.Errorf("%q states %v as the sum of the %s, they sum to %v", f.Text, f.Result.Value, f.Set.Name, sum))
		}
	default:
		errs = append(errs, fmt.Errorf("a %s finding cannot speak for the %s by reference", f.Claim, f.Set.Name))
	}
	return errs
}

// nearly reports whether two computations of one figure agree (sums in a
// different order differ in the last bits).
func nearly(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}
