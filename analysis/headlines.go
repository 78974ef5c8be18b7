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
// with a span makes it a lower bound.
func perYearTotal(rows []PledgeRow) (v float64, q Qualifier, n int) {
	undisclosed := false
	for i := range rows {
		p := &rows[i]
		if !p.Counted || p.Years <= 0 {
			continue
		}
		if math.IsNaN(p.PerYear) {
			undisclosed = true
			continue
		}
		v += p.PerYear
		q = q.Sum(p.Amount.Qualifier)
		n++
	}
	if undisclosed {
		q = q.Sum(AtLeast)
	}
	return v, q, n
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
		if v, q, n := perYearTotal(r.Pledges); n > 0 {
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
		s := fmt.Sprintf("The largest single pledge is %s's %s: %s", big.Investor, big.Program,
			Qualified(big.Amount.Qualifier, FormatMoney(big.Amount.Value, big.Amount.Currency, big.Amount.Qualifier), false))
		if big.Amount.Currency != cur {
			s += fmt.Sprintf(" (%s)", Qualified(big.Amount.Qualifier, FormatMoney(big.Value, cur, big.Amount.Qualifier), false))
		}
		if big.Years > 0 {
			s += fmt.Sprintf(" over %s years, %s a year", ftoa(big.Years), Qualified(big.Amount.Qualifier, FormatMoney(big.PerYear, cur, big.Amount.Qualifier), false))
		}
		s += ", announced " + big.Announced.Format(DateLayout)
		if big.Approximate {
			s += " (date approximate)"
		}
		hs = append(hs, Headline{Topic: "Largest pledge", Sentence: s + ".", Value: big.Value, Kind: HeadlineMoney,
			Qualifier: big.Amount.Qualifier, Sources: capSources(big.Sources), Ref: HeadlineRef{Kind: RefPledge, Index: i}})
	}
	if len(r.ByInvestor) > 0 && r.ByInvestor[0].Total > 0 {
		g := r.ByInvestor[0]
		who := g.Key
		if len(g.Members) > 1 || len(g.Members) == 1 && g.Members[0] != g.Key {
			who += fmt.Sprintf(" (%s: %s)", plural(len(g.Members), "entity", "entities"), strings.Join(g.Members, ", "))
		}
		s := fmt.Sprintf("%s pledged the most: %s in %s with a stated amount", who, money(g, cur),
			plural(g.Count-g.Undisclosed, "pledge", "pledges"))
		if g.Undisclosed > 0 {
			s += fmt.Sprintf(" and %d more that state none", g.Undisclosed)
		}
		s += fmt.Sprintf(", %s of the summed total.", FormatPercent(g.Share, Exact))
		hs = append(hs, Headline{Topic: "Largest investor group", Sentence: s, Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool { return p.Group == g.Key }), Ref: HeadlineRef{Kind: RefGroup, Key: g.Key}})
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
			Sources: c.Sources, Ref: HeadlineRef{Kind: RefComparison, Index: i}})
	}
	for i := range r.Trends {
		t := &r.Trends[i]
		if !t.HasMultiple || t.MultipleQ == Mixed {
			continue
		}
		sentence := TrendSentence(t)
		if t.Money && t.Unit != cur {
			// A series keeps the currency its source states; the multiple
			// and the growth rate do not depend on it.
			sentence += " (In " + t.Unit + " as the source states them, not converted to " + cur + ".)"
		}
		hs = append(hs, Headline{Topic: "Trend", Sentence: sentence, Value: t.Multiple, Kind: HeadlineMultiple,
			Qualifier: t.MultipleQ, Sources: capSources(t.Sources()), Ref: HeadlineRef{Kind: RefTrend, Index: i}})
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
		for _, x := range named[:min(3, len(named))] {
			parts = append(parts, fmt.Sprintf("%s %s", x.Key, money(x, cur)))
		}
		note := ""
		for _, x := range named[:min(3, len(named))] {
			if x.Assumed > 0 {
				note = " (where a source gives no shares, an amount naming several sectors is split equally, an assumption)"
			}
		}
		hs = append(hs, Headline{Topic: "Fund money by sector", Sentence: fmt.Sprintf("By sector, the most money targets %s%s.",
			strings.Join(parts, ", "), note), Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
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
	var restated, parts, replaced, twice, withdrawn int
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
