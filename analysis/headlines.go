package analysis

import (
	"fmt"
	"math"
	"strings"
)

// HeadlineKind says what a headline's number is.
type HeadlineKind int

// Headline kinds.
const (
	HeadlineMoney HeadlineKind = iota
	HeadlineMultiple
	HeadlinePercent
	HeadlineCount
)

// Headline is one comparison for the Summary: a readable sentence with its
// number and its sources.
type Headline struct {
	Topic     string
	Sentence  string
	Value     float64
	Kind      HeadlineKind
	Qualifier Qualifier
	Sources   []string
	// Ref names the figure of the report that Value is, if any, so that
	// a renderer can point at the place where it shows that figure.
	Ref HeadlineRef
	// Finding is the claim the sentence states, where it is built as
	// one: its kind, its figures and the set it speaks for.
	Finding *Finding
}

// RefKind says which figure of a report a headline's number is.
type RefKind int

// Kinds of reference. RefNone is a number of the headline's own (a count
// of rows, say) that no list of the report holds.
const (
	RefNone       RefKind = iota
	RefTotal              // the total of every counted pledge: Report.Total
	RefPledge             // the value of Report.Pledges[Index]
	RefGroup              // the total of the investor group Key of Report.ByInvestor
	RefSector             // the total of the sector Key of Report.BySector
	RefHongKong           // the total of the side Key of Report.HongKong
	RefComparison         // the result of Report.Comparisons[Index]
	RefTrend              // the multiple of Report.Trends[Index]
	RefRegion             // the total of the region Key of Report.ByRegion
)

// HeadlineRef names the figure of a report that a headline's number is:
// its kind, and its row of the report's list by index or by key. Where a
// renderer shows that figure is the renderer's business.
type HeadlineRef struct {
	Kind  RefKind
	Index int    // of a pledge, a comparison or a trend
	Key   string // of an investor group, a sector or a Hong Kong side
}

const maxSources = 6

// sourcesOf lists the distinct sources of the counted rows that keep
// accepts, in row order, capped by capSources. A set keeps it linear when
// every row has a source of its own.
func sourcesOf(rows []PledgeRow, keep func(*PledgeRow) bool) []string {
	var out []string
	seen := map[string]bool{}
	for i := range rows {
		if rows[i].Counted && keep(&rows[i]) {
			for _, s := range rows[i].Sources {
				if s != "" && !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	return capSources(out)
}

func capSources(s []string) []string {
	if len(s) > maxSources {
		return append(s[:maxSources:maxSources], fmt.Sprintf("and %d more", len(s)-maxSources))
	}
	return s
}

// basisPhrase words one end of a series by its basis: "budgeted at less
// than US$13.0B for 2023", "expected to reach US$32.0B in 2025",
// "US$32.0B in 2025" for an actual.
func basisPhrase(m *Metric, figure string, end bool) string {
	switch m.Basis {
	case "budget":
		return fmt.Sprintf("budgeted at %s for %s", figure, m.Period)
	case "estimate":
		return fmt.Sprintf("estimated at %s for %s", figure, m.Period)
	case "plan":
		return fmt.Sprintf("planned at %s for %s", figure, m.Period)
	case "forecast":
		if end {
			return fmt.Sprintf("expected to reach %s in %s", figure, m.Period)
		}
		return fmt.Sprintf("forecast at %s for %s", figure, m.Period)
	}
	if end {
		return fmt.Sprintf("%s in %s", figure, m.Period)
	}
	return fmt.Sprintf("%s in %s", figure, m.Period)
}

// basisNoun names a figure by its basis: "the budget", "the actual
// figure".
func basisNoun(m *Metric) string {
	if actual(m) {
		return "actual figure"
	}
	return m.Basis
}

func actual(m *Metric) bool { return m.Basis == "" || m.Basis == "actual" }

// TrendSentence describes a trend in one sentence. "Rose" and "fell" are
// said only between actual figures; a series whose ends are a budget, an
// estimate, a plan or a forecast is worded as such, and its growth is
// what the figures imply, not what happened.
func TrendSentence(t *Trend) string {
	first, last := t.First(), t.Last()
	what := t.Metric
	if t.Basis != "" {
		what += " (" + t.Basis + ")"
	}
	ff := Qualified(first.Qualifier, FormatValue(first.Value, t.Unit, t.Money, first.Qualifier), false)
	lf := Qualified(last.Qualifier, FormatValue(last.Value, t.Unit, t.Money, last.Qualifier), false)
	var s string
	facts := actual(first) && actual(last)
	if facts {
		verb := "changed"
		switch {
		case t.ChangeQ == Mixed || t.ChangeQ == About && t.Change == 0:
		case t.Change > 0 && !t.ChangeQ.Upper():
			verb = "rose"
		case t.Change < 0 && !t.ChangeQ.Lower():
			verb = "fell"
		}
		s = fmt.Sprintf("%s: %s %s from %s in %s to %s in %s", t.Entity, what, verb, ff, first.Period, lf, last.Period)
	} else {
		s = fmt.Sprintf("%s: %s %s, %s", t.Entity, what, basisPhrase(first, ff, false), basisPhrase(last, lf, true))
	}
	if t.HasMultiple && t.MultipleQ != Mixed {
		s += ", " + Qualified(t.MultipleQ, FormatMultiple(t.Multiple, t.MultipleQ), false)
		if !facts {
			s += " the " + basisNoun(first)
		}
	}
	if t.HasCAGR && t.MultipleQ != Mixed {
		g := "a compound annual growth rate"
		if !facts {
			g = "an implied compound annual growth rate"
		}
		s += fmt.Sprintf(", %s %s over %s", g, Qualified(t.MultipleQ, FormatPercent(t.CAGR, t.MultipleQ), true), plural(t.Years, "year", "years"))
	}
	return s + "."
}

func money(g Group, cur string) string {
	return Qualified(g.Qualifier, FormatMoney(g.Total, cur, g.Qualifier), false)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// perYearTotal sums the per-year values of counted pledges with a span,
// with the qualifier of exactly those pledges; an undisclosed pledge
// with a span makes it a lower bound. Only like things are summed: when
// the pledges with a span are of more than one kind (a company's plan
// and a government scheme), like is false and there is no sum to state.
func perYearTotal(rows []PledgeRow) (f *Finding, like bool) {
	undisclosed := false
	f = &Finding{Claim: ClaimTotal}
	like = true
	for i := range rows {
		p := &rows[i]
		if !p.Counted || p.Years <= 0 {
			continue
		}
		if len(f.Figures) > 0 && f.Figures[0].Like != likeKind(p) {
			like = false
		}
		if math.IsNaN(p.PerYear) {
			undisclosed = true
			continue
		}
		f.Result.Value += p.PerYear
		f.Result.Qualifier = f.Result.Qualifier.Sum(p.Amount.Qualifier)
		f.Figures = append(f.Figures, Fact{Ref: HeadlineRef{Kind: RefPledge, Index: i}, Label: p.Program, Value: p.PerYear,
			Qualifier: p.Amount.Qualifier, Money: true, Like: likeKind(p), Shown: math.NaN()})
	}
	if undisclosed {
		f.Result.Qualifier = f.Result.Qualifier.Sum(AtLeast)
	}
	return f, like
}

func headlines(r *Report) []Headline {
	var hs []Headline
	cur := r.Currency
	if r.Total.Count > 0 {
		stated := r.Total.Count - r.Total.Undisclosed
		s := fmt.Sprintf("%s with a stated amount total %s", plural(stated, "pledge", "pledges"), money(r.Total, cur))
		if stated == 1 {
			s = fmt.Sprintf("1 pledge with a stated amount comes to %s", money(r.Total, cur))
		}
		switch u := r.Total.Undisclosed; {
		case u == 1:
			s += "; 1 more states none"
		case u > 1:
			s += fmt.Sprintf("; %d more state none", u)
		}
		if f, like := perYearTotal(r.Pledges); len(f.Figures) > 0 && like {
			n, v, q := len(f.Figures), f.Result.Value, f.Result.Qualifier
			s += fmt.Sprintf(". The %s with a stated amount and span %s to %s a year", plural(n, "pledge", "pledges"),
				plural1(n, "comes", "come"), Qualified(q, FormatMoney(v, cur, q), false))
		}
		hs = append(hs, Headline{Topic: "Total pledged", Sentence: s + ".", Value: r.Total.Total, Kind: HeadlineMoney,
			Qualifier: r.Total.Qualifier, Sources: sourcesOf(r.Pledges, func(*PledgeRow) bool { return true }), Ref: HeadlineRef{Kind: RefTotal}})
	}
	if h, ok := progressHeadline(r); ok {
		hs = append(hs, h)
	}
	if s := notAdded(r); s != "" {
		hs = append(hs, Headline{Topic: "Not added", Sentence: s, Value: float64(len(r.Pledges) - r.Total.Count), Kind: HeadlineCount})
	}
	if i := largest(r.Pledges); i >= 0 {
		big := &r.Pledges[i]
		set := largestSet(r.Pledges)
		s := fmt.Sprintf("The largest of the %s with a stated amount is %s's %s: %s", plural(len(set.Figures), "pledge", "pledges"), big.Investor, big.Program,
			Qualified(big.Amount.Qualifier, FormatMoney(big.Amount.Value, big.Amount.Currency, big.Amount.Qualifier), false))
		if big.Amount.Currency != cur {
			s += fmt.Sprintf(" (%s)", Qualified(big.Amount.Qualifier, FormatMoney(big.Value, cur, big.Amount.Qualifier), false))
		}
		if big.Years > 0 {
			s += fmt.Sprintf(" over %s, %s a year", plural1(int(big.Years), "1 year", ftoa(big.Years)+" years"), Qualified(big.Amount.Qualifier, FormatMoney(big.PerYear, cur, big.Amount.Qualifier), false))
		}
		s += ", announced " + big.Announced.Format(DateLayout)
		if big.Approximate {
			s += " (date approximate)"
		}
		set.Text = s + "."
		set.Result = Fact{Ref: HeadlineRef{Kind: RefPledge, Index: i}, Label: big.Program, Value: big.Value, Qualifier: big.Amount.Qualifier,
			Unit: cur, Money: true, Sources: big.Sources, Shown: math.NaN()}
		hs = append(hs, Headline{Topic: "Largest pledge", Sentence: set.Text, Value: big.Value, Kind: HeadlineMoney,
			Qualifier: big.Amount.Qualifier, Sources: capSources(big.Sources), Ref: HeadlineRef{Kind: RefPledge, Index: i}, Finding: set})
	}
	if len(r.ByInvestor) > 0 && r.ByInvestor[0].Total > 0 {
		g := r.ByInvestor[0]
		who := g.Key
		if len(g.Members) > 1 || len(g.Members) == 1 && g.Members[0] != g.Key {
			who += fmt.Sprintf(" (%s: %s)", plural(len(g.Members), "entity", "entities"), strings.Join(g.Members, ", "))
		}
		stated := 0
		set := &Finding{Claim: ClaimLargest}
		for _, x := range r.ByInvestor {
			if x.Count > x.Undisclosed {
				stated++
				set.Figures = append(set.Figures, Fact{Ref: HeadlineRef{Kind: RefGroup, Key: x.Key}, Label: x.Key, Value: x.Total,
					Qualifier: x.Qualifier, Unit: cur, Money: true, Shown: math.NaN()})
			}
		}
		set.Set = Set{Name: "investor groups with a stated amount", Size: stated, Drawn: stated}
		most := "the most"
		if stated > 1 {
			most = fmt.Sprintf("the most of the %d investor groups with a stated amount", stated)
		}
		s := fmt.Sprintf("%s pledged %s: %s in %s with a stated amount", who, most, money(g, cur),
			plural(g.Count-g.Undisclosed, "pledge", "pledges"))
		if g.Undisclosed > 0 {
			s += fmt.Sprintf(" and %d more that state none", g.Undisclosed)
		}
		s += fmt.Sprintf(", %s of the summed total.", FormatPercent(g.Share, Exact))
		set.Text = s
		set.Result = Fact{Ref: HeadlineRef{Kind: RefGroup, Key: g.Key}, Label: g.Key, Value: g.Total, Qualifier: g.Qualifier, Unit: cur, Money: true, Shown: math.NaN()}
		hs = append(hs, Headline{Topic: "Largest investor group", Sentence: s, Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool { return p.Group == g.Key }), Ref: HeadlineRef{Kind: RefGroup, Key: g.Key}, Finding: set})
	}
	if len(r.HongKong) > 0 {
		var pub, priv Group
		for _, g := range r.HongKong {
			if g.Key == HongKongPublic {
				pub = g
			} else {
				priv = g
			}
		}
		side := func(g Group) string {
			if g.Count == g.Undisclosed {
				return fmt.Sprintf("no stated amount (%s)", plural(g.Count, "pledge", "pledges"))
			}
			s := fmt.Sprintf("%s (%s with a stated amount", money(g, cur), plural(g.Count-g.Undisclosed, "pledge", "pledges"))
			if g.Undisclosed > 0 {
				s += fmt.Sprintf(", %d without", g.Undisclosed)
			}
			return s + ")"
		}
		s := fmt.Sprintf("In Hong Kong, public schemes total %s against %s from private funds and companies.", side(pub), side(priv))
		hs = append(hs, Headline{Topic: "Hong Kong: public vs private", Sentence: s, Value: pub.Total, Kind: HeadlineMoney, Qualifier: pub.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool { return strings.EqualFold(p.Region, "Hong Kong") }),
			Ref:     HeadlineRef{Kind: RefHongKong, Key: HongKongPublic}})
	}
	hs = append(hs, broaderHeadlines(r)...)
	for i := range r.Comparisons {
		c := &r.Comparisons[i]
		k := HeadlineMultiple
		switch c.Unit {
		case "%":
			k = HeadlinePercent
		case "x":
		default:
			k = HeadlineCount
			if c.Left.Money {
				k = HeadlineMoney
			}
		}
		hs = append(hs, Headline{Topic: "Comparison", Sentence: c.Sentence, Value: c.Value, Kind: k, Qualifier: c.Qualifier,
			Sources: c.Sources, Ref: HeadlineRef{Kind: RefComparison, Index: i}, Finding: c.Finding})
	}
	for i := range r.Trends {
		t := &r.Trends[i]
		if !t.HasMultiple || t.MultipleQ == Mixed {
			continue
		}
		sentence := TrendSentence(t)
		if t.Money && t.Unit != cur {
			// One currency to a sheet: the series is put in the reporting
			// currency at the rate of its last point, which every other
			// sentence uses for that figure too, so that its multiple and
			// growth rate stay the source's.
			if ct, ok := r.trendIn(t); ok {
				sentence = TrendSentence(ct)
				sentence += " (In " + cur + " at the rate of the last figure's date; the source states " + t.Unit + ".)"
			} else {
				sentence += " (In " + t.Unit + " as the source states them, not converted to " + cur + ".)"
			}
		}
		f := &Finding{Claim: ClaimTrend, Text: sentence, Result: Fact{Ref: HeadlineRef{Kind: RefTrend, Index: i}, Value: t.Multiple,
			Qualifier: t.MultipleQ, Unit: "x", Shown: math.NaN()}}
		for _, p := range []*Metric{t.First(), t.Last()} {
			f.Figures = append(f.Figures, Fact{Label: p.Metric, Value: p.Value, Qualifier: p.Qualifier,
				Basis: p.Basis, Unit: t.Unit, Money: t.Money, Period: p.Period.String(), Sources: AppendUnique(nil, p.Source), Shown: math.NaN()})
		}
		hs = append(hs, Headline{Topic: "Trend", Sentence: sentence, Value: t.Multiple, Kind: HeadlineMultiple,
			Qualifier: t.MultipleQ, Sources: capSources(t.Sources()), Ref: HeadlineRef{Kind: RefTrend, Index: i}, Finding: f})
	}
	var named []Group
	for _, g := range r.BySector {
		if g.Key != Unspecified && g.Total > 0 {
			named = append(named, g)
		}
	}
	if len(named) > 0 {
		g := named[0]
		parts := []string{}
		set := &Finding{Claim: ClaimLargest, Set: Set{Name: "sectors with a stated amount", Size: len(named), Drawn: min(3, len(named))}}
		for _, x := range named {
			set.Figures = append(set.Figures, Fact{Ref: HeadlineRef{Kind: RefSector, Key: x.Key}, Label: x.Key, Value: x.Total,
				Qualifier: x.Qualifier, Unit: cur, Money: true, Shown: math.NaN()})
		}
		for _, x := range named[:min(3, len(named))] {
			parts = append(parts, fmt.Sprintf("%s (%s)", x.Key, money(x, cur)))
		}
		which := parts[0]
		if len(parts) > 1 {
			which += ", then " + strings.Join(parts[1:len(parts)-1], ", ")
			if len(parts) > 2 {
				which += " and "
			}
			which += parts[len(parts)-1]
		}
		of := "By sector"
		if len(named) > 1 {
			of = fmt.Sprintf("Of the %d sectors with a stated amount", len(named))
		}
		set.Result = Fact{Ref: HeadlineRef{Kind: RefSector, Key: g.Key}, Label: g.Key, Value: g.Total, Qualifier: g.Qualifier, Unit: cur, Money: true, Shown: math.NaN()}
		note := ""
		for _, x := range named[:min(3, len(named))] {
			if x.Assumed > 0 {
				note = " (where a source gives no shares, an amount naming several sectors is split equally, an assumption)"
			}
		}
		set.Text = fmt.Sprintf("%s, the most money targets %s%s.", of, which, note)
		hs = append(hs, Headline{Topic: "Fund money by sector", Sentence: set.Text, Finding: set, Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool {
				names, _ := r.sectorSplit(p, nil, nil)
				return hasSector(names, g.Key)
			}), Ref: HeadlineRef{Kind: RefSector, Key: g.Key}})
	}
	return hs
}

// notAdded says which rows are listed but not summed, and why: "Not
// added: 1 restatement of an earlier pledge, 1 amount per recipient
// (HK$100K per start-up), 3 signals without money."
func notAdded(r *Report) string {
	var restated, parts, replaced, twice, withdrawn, later, broader, notAI int
	var per []string
	for i := range r.Pledges {
		p := &r.Pledges[i]
		switch {
		case p.Counted:
		case strings.HasPrefix(p.Excluded, "restates "):
			restated++
		case strings.HasPrefix(p.Excluded, "part of "):
			parts++
		case strings.HasPrefix(p.Excluded, "replaced by "):
			replaced++
		case p.Excluded == ExcludedTwice:
			twice++
		case p.Excluded == ExcludedWithdrawn:
			withdrawn++
		case p.Excluded == ExcludedCutoff:
			later++
		case p.Excluded == ExcludedBroader:
			broader++
		case p.Excluded == ExcludedNotAI:
			notAI++
		case p.Excluded == ExcludedPer && len(per) < 3:
			per = append(per, Qualified(p.Amount.Qualifier, FormatWhole(p.Amount.Value, p.Amount.Currency, p.Amount.Qualifier), false)+" per "+p.Per)
		}
	}
	var out []string
	add := func(n int, one, many string) {
		if n > 0 {
			out = append(out, plural(n, one, many))
		}
	}
	add(restated, "restatement of an earlier pledge (the same money reported again)", "restatements of earlier pledges (the same money reported again)")
	add(parts, "part of a larger pledge", "parts of larger pledges")
	add(replaced, "pledge replaced by a later one", "pledges replaced by later ones")
	add(twice, "pledge entered twice", "pledges entered twice")
	add(withdrawn, "withdrawn pledge", "withdrawn pledges")
	add(broader, "broader programme that includes AI (listed beside the totals)", "broader programmes that include AI (listed beside the totals)")
	add(notAI, "pledge not for AI", "pledges not for AI")
	add(later, "pledge announced after the cut-off", "pledges announced after the cut-off")
	if r.PerRecipient > 0 {
		out = append(out, plural(r.PerRecipient, "amount per recipient", "amounts per recipient")+" ("+strings.Join(per, "; ")+")")
	}
	add(r.Signals, "signal without money (a licence, a partnership or a plan with no figure)", "signals without money (licences, partnerships or plans with no figure)")
	if len(out) == 0 {
		return ""
	}
	return "Listed but not added to any total: " + strings.Join(out, "; ") + "."
}

func hasSector(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// largestSet is the set the largest pledge is the largest of: every
// counted pledge with a stated value.
func largestSet(rows []PledgeRow) *Finding {
	f := &Finding{Claim: ClaimLargest}
	for i := range rows {
		p := &rows[i]
		if p.Counted && !math.IsNaN(p.Value) {
			f.Figures = append(f.Figures, Fact{Ref: HeadlineRef{Kind: RefPledge, Index: i}, Label: p.Program, Value: p.Value,
				Qualifier: p.Amount.Qualifier, Money: true, Shown: math.NaN()})
		}
	}
	f.Set = Set{Name: "counted pledges with a stated amount", Size: len(f.Figures), Drawn: len(f.Figures)}
	return f
}

// largest is the index of the counted pledge of the largest stated
// value, the first of equals; -1 when none states one.
func largest(rows []PledgeRow) int {
	best := -1
	for i := range rows {
		p := &rows[i]
		if !p.Counted || math.IsNaN(p.Value) {
			continue
		}
		if best < 0 || p.Value > rows[best].Value {
			best = i
		}
	}
	return best
}

// trendIn returns a copy of a money series in the reporting currency,
// every point at the rate of its last point (the rate a comparison of
// that figure uses), so that the multiple is the source's; false when
// the last point has no rate.
func (r *Report) trendIn(t *Trend) (*Trend, bool) {
	last := t.Last()
	rate := math.NaN()
	for i := range r.Metrics {
		if r.Metrics[i].Metric == last {
			rate = r.Metrics[i].Value / last.Value
		}
	}
	if math.IsNaN(rate) || math.IsInf(rate, 0) || rate <= 0 {
		return nil, false
	}
	ct := *t
	ct.Unit = r.Currency
	ct.Points = make([]*Metric, len(t.Points))
	for i, p := range t.Points {
		c := *p
		c.Value, c.Unit = p.Value*rate, r.Currency
		ct.Points[i] = &c
	}
	return &ct, true
}
