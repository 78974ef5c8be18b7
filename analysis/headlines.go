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
	// Topic is what the headline is about, in English; TopicKey the
	// message that words it.
	Topic     string
	TopicKey  string
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
func basisPhrase(m *Metric, figure Fact, end bool) Phrase {
	period := m.Period
	switch m.Basis {
	case "budget", "estimate", "plan":
		return phrase("claim.trend.at."+m.Basis, figure, period)
	case "forecast":
		if end {
			return phrase("claim.trend.at.expected", figure, period)
		}
		return phrase("claim.trend.at.forecast", figure, period)
	}
	return phrase("claim.trend.at.actual", figure, period)
}

// basisNoun names a figure by its basis: "the budget", "the actual
// figure".
func basisNoun(m *Metric) Phrase {
	if actual(m) {
		return phrase("claim.basis.actual")
	}
	if _, ok := englishTexts["claim.basis."+m.Basis]; ok {
		return phrase("claim.basis." + m.Basis)
	}
	return phrase("claim.basis.other", m.Basis)
}

// basisWord names a basis: "actual", "forecast".
func basisWord(b string) Phrase {
	if b == "actual" {
		return phrase("claim.basis.word.actual")
	}
	return basisNoun(&Metric{Basis: b})
}

func actual(m *Metric) bool { return m.Basis == "" || m.Basis == "actual" }

// TrendSentence describes a trend in one sentence, in English: the
// Text of TrendFinding.
func TrendSentence(t *Trend) string { return TrendFinding(t).Text }

// TrendFinding states a trend: its first and last points and, where
// their bounds allow one, the multiple between them and its compound
// annual growth rate. "Rose" and "fell" are said only between actual
// figures; a series whose ends are a budget, an estimate, a plan or a
// forecast is worded as such, and its growth is what the figures imply,
// not what happened.
func TrendFinding(t *Trend) *Finding {
	first, last := t.First(), t.Last()
	var what any = t.Metric
	if t.Basis != "" {
		what = phrase("claim.trend.what", t.Metric, basisWord(t.Basis))
	}
	point := func(p *Metric) Fact {
		return Fact{Label: p.Metric, Value: p.Value, Qualifier: p.Qualifier, Basis: p.Basis, Unit: t.Unit, Money: t.Money,
			Period: p.Period.String(), Sources: AppendUnique(nil, p.Source), Form: FormValue, Shown: math.NaN()}
	}
	ff, lf := point(first), point(last)
	f := &Finding{Claim: ClaimTrend, Figures: []Fact{ff, lf}, Result: Fact{Value: t.Multiple, Qualifier: t.MultipleQ, Unit: "x", Form: FormMultiple, Shown: math.NaN()}}
	var body Phrase
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
		body = phrase("claim.trend."+verb, t.Entity, what, ff, first.Period, lf, last.Period)
	} else {
		body = phrase("claim.trend.basis", t.Entity, what, basisPhrase(first, ff, false), basisPhrase(last, lf, true))
	}
	var multiple, cagr Phrase
	if t.HasMultiple && t.MultipleQ != Mixed {
		multiple = phrase("claim.trend.multiple", f.Result)
		if !facts {
			multiple = phrase("claim.trend.multiple.of", f.Result, basisNoun(first))
		}
	}
	if t.HasCAGR && t.MultipleQ != Mixed {
		g := Fact{Value: t.CAGR, Qualifier: t.MultipleQ, Unit: "%", Form: FormShare, Shown: math.NaN()}
		key := "claim.trend.cagr"
		if !facts {
			key = "claim.trend.cagr.implied"
		}
		cagr = phrase(key, g, Count{t.Years, "year"})
	}
	return f.word("claim.trend", body, multiple, cagr, Phrase{})
}

// perYearTotal sums the per-year values of counted pledges with a span,
// with the qualifier of exactly those pledges, into sum; n is how many
// such pledges state a value. An undisclosed pledge with a span makes the
// sum a lower bound. Only like things are summed: when the pledges with a
// span are of more than one kind (a company's plan and a government
// scheme), like is false and there is no sum to state. Only the sum and
// the count are kept, not a figure per pledge: a book may hold a million.
func perYearTotal(rows []PledgeRow) (sum Fact, n int, like bool) {
	undisclosed := false
	like = true
	first := "" // the kind of the first pledge summed
	for i := range rows {
		p := &rows[i]
		if !p.Counted || p.Years <= 0 {
			continue
		}
		if n > 0 && first != likeKind(p) {
			like = false
		}
		if math.IsNaN(p.PerYear) {
			undisclosed = true
			continue
		}
		sum.Value += p.PerYear
		sum.Qualifier = sum.Qualifier.Sum(p.Amount.Qualifier)
		if n == 0 {
			first = likeKind(p)
		}
		n++
	}
	if undisclosed {
		sum.Qualifier = sum.Qualifier.Sum(AtLeast)
	}
	return sum, n, like
}

func headlines(r *Report) []Headline {
	var hs []Headline
	cur := r.Currency
	for i := range r.Trends {
		r.Trends[i].Finding = r.trendFinding(&r.Trends[i])
	}
	if r.Total.Count > 0 {
		hs = append(hs, totalHeadline(r))
	}
	if h, ok := progressHeadline(r); ok {
		hs = append(hs, h)
	}
	if f := notAdded(r); f != nil {
		hs = append(hs, Headline{Topic: English("topic.notadded"), TopicKey: "topic.notadded", Sentence: f.Text, Value: float64(len(r.Pledges) - r.Total.Count), Kind: HeadlineCount, Finding: f})
	}
	if i := largest(r.Pledges); i >= 0 {
		big := &r.Pledges[i]
		set := largestSet(r.Pledges)
		q := big.Amount.Qualifier
		set.Result = Fact{Ref: HeadlineRef{Kind: RefPledge, Index: i}, Label: big.Program, Value: big.Value, Qualifier: q,
			Unit: cur, Money: true, Sources: big.Sources, Shown: math.NaN()}
		stated := Fact{Value: big.Amount.Value, Qualifier: q, Unit: big.Amount.Currency, Money: true, Shown: math.NaN()}
		var conv, span, approx Phrase
		if big.Amount.Currency != cur {
			conv = phrase("claim.converted", set.Result)
		}
		if big.Years > 0 {
			py := Fact{Value: big.PerYear, Qualifier: q, Unit: cur, Money: true, Shown: math.NaN()}
			span = phrase("claim.largest.span", big.Years, py)
			if big.Years == 1 {
				span = phrase("claim.largest.span.one", big.Years, py)
			}
		}
		if big.Approximate {
			approx = phrase("claim.largest.approximate")
		}
		// The date as the source gives it: one the stake is known to
		// predate keeps its "before"; none is no date.
		var when any = big.Announced
		switch big.DateBasis {
		case DateBefore:
			when = phrase("claim.date.before", big.Announced)
		case DateUnknown:
			when = phrase("claim.date.unknown")
		}
		set.word("claim.largest.pledge", Count{set.Set.Size, "pledge"}, big.Investor, big.Program, stated, conv, span, when, approx)
		hs = append(hs, Headline{Topic: English("topic.largest"), TopicKey: "topic.largest", Sentence: set.Text, Value: big.Value, Kind: HeadlineMoney,
			Qualifier: big.Amount.Qualifier, Sources: capSources(big.Sources), Ref: HeadlineRef{Kind: RefPledge, Index: i}, Finding: set})
	}
	if len(r.ByInvestor) > 0 && r.ByInvestor[0].Total > 0 {
		g := r.ByInvestor[0]
		var members Phrase
		if len(g.Members) > 1 || len(g.Members) == 1 && g.Members[0] != g.Key {
			names := make([]any, len(g.Members))
			for i, m := range g.Members {
				names[i] = m
			}
			members = phrase("claim.group.members", Count{len(g.Members), "entity"}, List{Items: names, Join: JoinComma})
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
		set.Result = Fact{Ref: HeadlineRef{Kind: RefGroup, Key: g.Key}, Label: g.Key, Value: g.Total, Qualifier: g.Qualifier, Unit: cur, Money: true, Shown: math.NaN()}
		var none Phrase
		if g.Undisclosed > 0 {
			none = phrase("claim.group.none", g.Undisclosed)
		}
		share := Fact{Value: g.Share, Unit: "%", Form: FormShare, Shown: math.NaN()}
		key := "claim.group"
		if stated <= 1 {
			key = "claim.group.only"
		}
		set.word(key, g.Key, members, stated, set.Result, Count{g.Count - g.Undisclosed, "pledge"}, none, share)
		hs = append(hs, Headline{Topic: English("topic.group"), TopicKey: "topic.group", Sentence: set.Text, Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
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
		side := func(g Group) Phrase {
			if g.Count == 0 {
				return phrase("claim.hk.nopledge")
			}
			if g.Count == g.Undisclosed {
				return phrase("claim.hk.nostated", Count{g.Count, "pledge"})
			}
			var without Phrase
			if g.Undisclosed > 0 {
				without = phrase("claim.hk.without", g.Undisclosed)
			}
			return phrase("claim.hk.side", Fact{Ref: HeadlineRef{Kind: RefHongKong, Key: g.Key}, Value: g.Total, Qualifier: g.Qualifier, Unit: cur, Money: true, Shown: math.NaN()},
				Count{g.Count - g.Undisclosed, "pledge"}, without)
		}
		f := &Finding{Claim: ClaimSide, Result: Fact{Ref: HeadlineRef{Kind: RefHongKong, Key: HongKongPublic}, Value: pub.Total, Qualifier: pub.Qualifier, Unit: cur, Money: true, Shown: math.NaN()}}
		if pub.Count == 0 {
			f.Result.Ref = HeadlineRef{}
		}
		f.word("claim.hk", side(pub), side(priv))
		hs = append(hs, Headline{Topic: English("topic.hk"), TopicKey: "topic.hk", Sentence: f.Text, Value: pub.Total, Kind: HeadlineMoney, Qualifier: pub.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool { return strings.EqualFold(p.Region, "Hong Kong") }),
			Ref:     HeadlineRef{Kind: RefHongKong, Key: HongKongPublic}, Finding: f})
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
		hs = append(hs, Headline{Topic: English("topic.comparison"), TopicKey: "topic.comparison", Sentence: c.Sentence, Value: c.Value, Kind: k, Qualifier: c.Qualifier,
			Sources: c.Sources, Ref: HeadlineRef{Kind: RefComparison, Index: i}, Finding: c.Finding})
	}
	for i := range r.Trends {
		t := &r.Trends[i]
		if !t.HasMultiple || t.MultipleQ == Mixed {
			continue
		}
		f := t.Finding
		f.Result.Ref = HeadlineRef{Kind: RefTrend, Index: i}
		hs = append(hs, Headline{Topic: English("topic.trend"), TopicKey: "topic.trend", Sentence: f.Text, Value: t.Multiple, Kind: HeadlineMultiple,
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
		set := &Finding{Claim: ClaimLargest, Set: Set{Name: "sectors with a stated amount", Size: len(named), Drawn: min(3, len(named))}}
		for _, x := range named {
			set.Figures = append(set.Figures, Fact{Ref: HeadlineRef{Kind: RefSector, Key: x.Key}, Label: x.Key, Value: x.Total,
				Qualifier: x.Qualifier, Unit: cur, Money: true, Shown: math.NaN()})
		}
		var parts []any
		for i, x := range named[:min(3, len(named))] {
			parts = append(parts, phrase("claim.sector.item", x.Key, set.Figures[i]))
		}
		var which any = parts[0]
		if len(parts) > 1 {
			which = phrase("claim.sector.then", parts[0], List{Items: parts[1:], Join: JoinAnd})
		}
		set.Result = Fact{Ref: HeadlineRef{Kind: RefSector, Key: g.Key}, Label: g.Key, Value: g.Total, Qualifier: g.Qualifier, Unit: cur, Money: true, Shown: math.NaN()}
		var note Phrase
		for _, x := range named[:min(3, len(named))] {
			if x.Assumed > 0 {
				note = phrase("claim.sector.assumed")
			}
		}
		if len(named) > 1 {
			set.word("claim.sector", len(named), which, note)
		} else {
			set.word("claim.sector.one", len(named), which, note)
		}
		var secBuf [8]string
		var shareBuf [8]float64
		hs = append(hs, Headline{Topic: English("topic.sector"), TopicKey: "topic.sector", Sentence: set.Text, Finding: set, Value: g.Total, Kind: HeadlineMoney, Qualifier: g.Qualifier,
			Sources: sourcesOf(r.Pledges, func(p *PledgeRow) bool {
				names, _ := r.sectorSplit(p, secBuf[:0], shareBuf[:0])
				return hasSector(names, g.Key)
			}), Ref: HeadlineRef{Kind: RefSector, Key: g.Key}})
	}
	return hs
}

// notAdded says which rows are listed but not summed, and why: "Listed
// but not added to any total: 1 restatement of an earlier pledge, 1
// amount per recipient (HK$100,000 per start-up), 3 signals without
// money."; nil when every row is summed.
func notAdded(r *Report) *Finding {
	var restated, parts, replaced, twice, withdrawn, later, broader, notAI int
	var per []any
	for i := range r.Pledges {
		p := &r.Pledges[i]
		switch {
		case p.Counted:
		case p.Excluded == ExcludedRestates:
			restated++
		case p.Excluded == ExcludedPartOf:
			parts++
		case p.Excluded == ExcludedReplaced:
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
			stated := Fact{Value: p.Amount.Value, Qualifier: p.Amount.Qualifier, Unit: p.Amount.Currency, Money: true, Form: FormWhole, Shown: math.NaN()}
			var conv Phrase
			if p.Amount.Currency != r.Currency && !math.IsNaN(p.Value) {
				conv = phrase("claim.converted", Fact{Value: p.Value, Qualifier: p.Amount.Qualifier, Unit: r.Currency, Money: true, Form: FormWhole, Shown: math.NaN()})
			}
			per = append(per, phrase("claim.notadded.per", stated, p.Per, conv))
		}
	}
	var out []any
	add := func(n int, noun string) {
		if n > 0 {
			out = append(out, Count{n, noun})
		}
	}
	add(restated, "restatement")
	add(parts, "part")
	add(replaced, "replaced")
	add(twice, "twice")
	add(withdrawn, "withdrawn")
	add(broader, "broader")
	add(notAI, "notai")
	add(later, "later")
	if r.PerRecipient > 0 {
		out = append(out, phrase("claim.notadded.perlist", Count{r.PerRecipient, "perrecipient"}, List{Items: per, Join: JoinSemi}))
	}
	add(r.Signals, "signal")
	if len(out) == 0 {
		return nil
	}
	f := &Finding{Claim: ClaimCount, Result: Fact{Value: float64(len(r.Pledges) - r.Total.Count), Shown: math.NaN()}}
	return f.word("claim.notadded", List{Items: out, Join: JoinSemi})
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
// counted pledge with a stated value, held by reference (Set.Rows).
func largestSet(rows []PledgeRow) *Finding {
	n := 0
	for i := range rows {
		if p := &rows[i]; p.Counted && !math.IsNaN(p.Value) {
			n++
		}
	}
	return &Finding{Claim: ClaimLargest, Set: Set{Name: "counted pledges with a stated amount", Size: n, Drawn: n, Rows: RefPledge}}
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

// trendFinding states a trend in the reporting currency: a money series
// in another currency is put in it at the rate of its last point, which
// every other sentence uses for that figure too, so that its multiple and
// growth rate stay the source's; where that point has no rate, the
// sentence says the figures are the source's.
func (r *Report) trendFinding(t *Trend) *Finding {
	if !t.Money || t.Unit == r.Currency {
		return TrendFinding(t)
	}
	ct, ok := r.trendIn(t)
	if !ok {
		f := TrendFinding(t)
		return f.word(f.Key, f.Args[0], f.Args[1], f.Args[2], phrase("claim.trend.unconverted", Currency(t.Unit), Currency(r.Currency)))
	}
	f := TrendFinding(ct)
	return f.word(f.Key, f.Args[0], f.Args[1], f.Args[2], phrase("claim.trend.converted", Currency(r.Currency), Currency(t.Unit)))
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

// totalHeadline states the total of the counted pledges with a stated
// amount, how many state none, and, where the pledges with a span are
// all of one kind, what they come to a year.
func totalHeadline(r *Report) Headline {
	cur := r.Currency
	stated := r.Total.Count - r.Total.Undisclosed
	// The figures summed are the counted rows of the Pledges sheet, all
	// of one kind (counted pledges); the result is the report's total,
	// by reference, so that the finding stays small on a book of a
	// million rows.
	f := &Finding{Claim: ClaimTotal, Set: Set{Name: "counted pledges with a stated amount", Size: stated, Drawn: stated, Rows: RefPledge}}
	f.Result = Fact{Ref: HeadlineRef{Kind: RefTotal}, Value: r.Total.Total, Qualifier: r.Total.Qualifier, Unit: cur, Money: true,
		Sources: sourcesOf(r.Pledges, func(*PledgeRow) bool { return true }), Shown: math.NaN()}
	var none, year Phrase
	switch u := r.Total.Undisclosed; {
	case u == 1:
		none = phrase("claim.total.none.one")
	case u > 1:
		none = phrase("claim.total.none", u)
	}
	if py, n, like := perYearTotal(r.Pledges); n > 0 && like {
		y := Fact{Value: py.Value, Qualifier: py.Qualifier, Unit: cur, Money: true, Shown: math.NaN()}
		year = phrase("claim.total.year", Count{n, "pledge"}, y)
		if n == 1 {
			year = phrase("claim.total.year.one", Count{n, "pledge"}, y)
		}
	}
	key := "claim.total"
	if stated == 1 {
		key = "claim.total.one"
	}
	f.word(key, Count{stated, "pledge"}, f.Result, none, year)
	return Headline{Topic: English("topic.total"), TopicKey: "topic.total", Sentence: f.Text, Value: r.Total.Total, Kind: HeadlineMoney,
		Qualifier: r.Total.Qualifier, Sources: f.Result.Sources, Ref: HeadlineRef{Kind: RefTotal}, Finding: f}
}
