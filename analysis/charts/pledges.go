package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"pledgewatch/analysis"
)

// Region keys the Hong Kong against mainland chart looks for, folded.
var (
	hongKongRegions = []string{"hong kong", "hong kong sar", "hk"}
	mainlandRegions = []string{"mainland china", "mainland", "china", "prc"}
)

// yearSpec counts counted pledges by the year they were announced, each
// year's bar labelled with its count and stated amount. Years holding a
// pledge whose date is not stated by its source are marked.
func yearSpec(r *analysis.Report, c *citations) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartYears)
	years := ch.Groups(r)
	dated := r.Total.Count - r.DateNotStated.Count // the pledges of the bars
	if len(years) == 0 || dated < 2 {              // one pledge is not a distribution
		return spec{}, false
	}
	approx := map[string]int{}
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if p.Counted && p.Approximate {
			approx[strconv.Itoa(p.Announced.Year())]++
		}
	}
	s := spec{name: ch.Name}
	s.setSubtitle(say(analysis.ClaimScope, "words.years.subtitle", c.scope))
	s.scale, s.axis = 1, "Pledges"
	lead := years[0]
	var marked, approxPledges int
	var qs []analysis.Qualifier
	for _, g := range years {
		if g.Count > lead.Count {
			lead = g
		}
		label := g.Key
		if n := max(g.Approximate, approx[g.Key]); n > 0 {
			label += "*"
			marked++
			approxPledges += n
		}
		txt := strconv.Itoa(g.Count)
		var tf *analysis.Finding
		if g.Undisclosed < g.Count {
			tf = say(analysis.ClaimCount, "words.lines", txt, moneyFinding(g.Total, r.Currency, g.Qualifier))
			txt = tf.Text
			qs = append(qs, g.Qualifier)
		}
		s.bars = append(s.bars, bar{label: label, value: float64(g.Count), text: txt, textFinding: tf, measure: measureCount})
	}
	// The bars count only pledges with a stated date; the title says so
	// when some have none.
	key := "words.years."
	if r.DateNotStated.Count > 0 {
		key = "words.years.dated."
	}
	switch {
	case len(years) == 1:
		s.setTitle(say(analysis.ClaimCount, key+"all", dated, lead.Key))
	case 2*lead.Count > dated:
		s.setTitle(say(analysis.ClaimCount, key+"most", lead.Key, lead.Count, dated))
	default:
		s.setTitle(say(analysis.ClaimCount, key+"more", lead.Key, lead.Count, dated))
	}
	s.addNote(say(analysis.ClaimScope, "words.years.bars"))
	if marked > 0 {
		s.addNote(say(analysis.ClaimCount, "words.years.approximate", approxPledges))
	}
	if r.DateNotStated.Count > 0 {
		s.addNote(say(analysis.ClaimCount, "words.years.undated", r.DateNotStated.Count))
	}
	s.addLegendNote(qs)
	c.all().setOn(&s)
	return s, true
}

// regionSpec sets Hong Kong against mainland China: stated amounts in
// one panel, counts of pledges in another.
func regionSpec(r *analysis.Report, c *citations) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartRegions)
	regions := ch.Groups(r)
	var hk, ml *analysis.Group
	var other analysis.Parts
	for i := range regions {
		g := &regions[i]
		k := strings.ToLower(strings.TrimSpace(g.Key))
		switch {
		case hk == nil && containsFold(hongKongRegions, k):
			hk = g
		case ml == nil && containsFold(mainlandRegions, k):
			ml = g
		default:
			other = append(other, say(analysis.ClaimCount, "words.regions.region", g.Key, g.Count))
		}
	}
	if hk == nil || ml == nil || hk.Total+ml.Total <= 0 {
		return spec{}, false
	}
	sides := []*analysis.Group{ml, hk}
	s := spec{name: ch.Name}
	s.setSubtitle(say(analysis.ClaimScope, "words.regions.subtitle", c.scope))
	fact := func(g *analysis.Group) analysis.Fact {
		return analysis.Fact{Ref: analysis.HeadlineRef{Kind: analysis.RefRegion, Key: g.Key}, Label: g.Key, Value: g.Total,
			Qualifier: g.Qualifier, Unit: r.Currency, Money: true, Shown: math.NaN()}
	}
	big, small := ml, hk
	if hk.Total > ml.Total {
		big, small = hk, ml
	}
	f := analysis.RatioFinding(fact(big), fact(small))
	s.finding = f
	// A multiple is stated only where a bound follows from the two
	// totals' bounds: two lower bounds bound no ratio.
	switch {
	case f.Claim == analysis.ClaimRatio && small.Total > 0 && big.Total >= 2*small.Total:
		s.title = fmt.Sprintf("Stated AI pledges for %s are %s %s's", regionName(big, ml), timesWords(f.Result.Value, f.Result.Qualifier), regionName(small, ml))
		f.Key = "finding.ratio.mainland"
		if big == hk {
			f.Key = "finding.ratio.hongkong"
		}
		f.Args = []any{timesFact(f.Result)}
	case f.Claim == analysis.ClaimSide && small.Total > 0:
		s.title = fmt.Sprintf("Stated AI pledges: mainland China %s, Hong Kong %s; both are lower bounds, so no multiple follows",
			moneyWords(ml.Total, r.Currency, ml.Qualifier), moneyWords(hk.Total, r.Currency, hk.Qualifier))
		f.Key = "finding.side.regions.lower"
		if !ml.Qualifier.Lower() || !hk.Qualifier.Lower() {
			s.title = fmt.Sprintf("Stated AI pledges: mainland China %s, Hong Kong %s; their bounds allow no multiple",
				moneyWords(ml.Total, r.Currency, ml.Qualifier), moneyWords(hk.Total, r.Currency, hk.Qualifier))
			f.Key = "finding.side.regions"
		}
		f.Args = []any{fact(ml), fact(hk)}
	default:
		f.Key, f.Args = "words.regions.both", []any{fact(ml), fact(hk)}
	}
	s.setTitle(worded(f))
	money := panel{horizontal: true, heading: "Stated amount"}
	count := panel{horizontal: true, heading: "Number of pledges", scale: 1}
	var qs []analysis.Qualifier
	for i, g := range sides {
		tn := toneMain
		if i > 0 {
			tn = toneAlt
		}
		tf := moneyFinding(g.Total, r.Currency, g.Qualifier)
		var cf *analysis.Finding
		if g.Undisclosed == g.Count {
			tf = say(analysis.ClaimScope, "words.regions.nonestated")
		}
		txt := tf.Text
		money.bars = append(money.bars, bar{label: g.Key, value: g.Total, text: txt, textFinding: tf, tone: tn,
			bound: boundOf(g.Qualifier), measure: measureMoney(r.Currency)})
		qs = append(qs, g.Qualifier)
		ctext := strconv.Itoa(g.Count)
		if g.Undisclosed > 0 {
			cf = say(analysis.ClaimCount, "words.regions.count", g.Count, g.Undisclosed)
			ctext = cf.Text
		}
		count.bars = append(count.bars, bar{label: g.Key, value: float64(g.Count), text: ctext, textFinding: cf, tone: tn, measure: measureCount})
	}
	money.scale, money.axis = moneyAxis(r.Currency, math.Max(ml.Total, hk.Total))
	s.setPanels([]panel{money, count})
	if len(other) > 0 {
		s.addNote(say(analysis.ClaimCount, "words.regions.other", other))
	}
	s.addLegendNote(qs)
	c.pledgeSources(func(p *analysis.PledgeRow) bool {
		k := strings.ToLower(strings.TrimSpace(p.Region))
		return containsFold(hongKongRegions, k) || containsFold(mainlandRegions, k)
	}).setOn(&s)
	return s, true
}

func containsFold(list []string, k string) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

// regionName names a side of the regions chart.
func regionName(g, mainland *analysis.Group) string {
	if g == mainland {
		return "mainland China"
	}
	return "Hong Kong"
}

// timesFact is a multiple as the title states it: rounded the way that
// keeps its bound true (see timesWords), in unit "times".
func timesFact(x analysis.Fact) analysis.Fact {
	x.Unit, x.Value = "times", timesRounded(x.Value, x.Qualifier)
	return x
}

// timesRounded rounds a multiple to a whole number from 10 up, else to
// one decimal: a lower bound down, an upper bound up.
func timesRounded(x float64, q analysis.Qualifier) float64 {
	p := 10.0
	if x >= 10 {
		p = 1
	}
	switch {
	case q.Lower():
		return math.Floor(x*p) / p
	case q.Upper():
		return math.Ceil(x*p) / p
	}
	return math.Round(x*p) / p
}

// timesWords is a ratio with its bound in words: "more than 19 times".
// A lower bound is rounded down and an upper bound up, so that the
// words stay true.
func timesWords(x float64, q analysis.Qualifier) string {
	x = timesRounded(x, q)
	switch {
	case q.Lower():
		return "at least " + timesText(x)
	case q.Upper():
		return "at most " + timesText(x)
	case q == analysis.About:
		return "about " + timesText(x)
	}
	return timesText(x)
}

// timesText is a ratio in words: "19 times", "2.5 times".
func timesText(x float64) string {
	if x >= 10 {
		return strconv.FormatFloat(math.Round(x), 'f', 0, 64) + " times"
	}
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) + " times"
}

// disclosedSpec counts the counted pledges with and without a stated
// amount.
func disclosedSpec(r *analysis.Report, c *citations) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartDisclosed)
	total := ch.Groups(r)[0]
	n, un := total.Count, total.Undisclosed
	if n < 2 { // one pledge is not a distribution
		return spec{}, false
	}
	s := spec{name: ch.Name}
	s.setSubtitle(say(analysis.ClaimScope, "words.disclosed.subtitle", c.scope))
	switch {
	case un == 0:
		s.setTitle(say(analysis.ClaimCount, "words.disclosed.all", n))
	case un == n:
		s.setTitle(say(analysis.ClaimCount, "words.disclosed.none", n))
	default:
		s.setTitle(say(analysis.ClaimCount, "words.disclosed.some", un, n))
	}
	s.horizontal, s.scale, s.axis = true, 1, "Pledges"
	s.bars = []bar{
		{label: "Amount stated", value: float64(n - un), text: strconv.Itoa(n - un), measure: measureCount},
		{label: "No amount stated", value: float64(un), text: strconv.Itoa(un), tone: toneMuted, measure: measureCount},
	}
	s.addNote(say(analysis.ClaimScope, "words.disclosed.note"))
	var left []any
	if r.Signals > 0 {
		left = append(left, say(analysis.ClaimCount, "words.disclosed.signals", r.Signals))
	}
	if r.PerRecipient > 0 {
		left = append(left, say(analysis.ClaimCount, "words.disclosed.perrecipient", r.PerRecipient))
	}
	switch len(left) {
	case 1:
		s.addNote(say(analysis.ClaimCount, "words.disclosed.left", left...))
	case 2:
		s.addNote(say(analysis.ClaimCount, "words.disclosed.left.both", left...))
	}
	c.all().setOn(&s)
	return s, true
}

// schemesSpec draws Hong Kong's public schemes one by one: counted
// pledges in Hong Kong by government investors with a stated amount.
func schemesSpec(r *analysis.Report, c *citations) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartSchemes)
	var unstated int
	schemes := ch.Pledges(r)
	// A scheme a line: the lists are made once at their most, every
	// scheme, and each label worked out once.
	its := make([]item, 0, len(schemes))
	in := make(map[*analysis.PledgeRow]bool, len(schemes))
	// The title sums the drawn schemes, all of one kind (government), by
	// reference to their rows: a book of a million rows may hold a
	// quarter of a million schemes.
	sum := analysis.Fact{Unit: r.Currency, Money: true, Shown: math.NaN()}
	for _, p := range schemes {
		in[p] = true
		if math.IsNaN(p.Value) {
			unstated++
			continue
		}
		its = append(its, item{label: schemeLabel(p), value: p.Value, q: p.Amount.Qualifier, count: 1})
		sum.Value += p.Value
		sum.Qualifier = sum.Qualifier.Sum(p.Amount.Qualifier)
	}
	if len(its) == 0 {
		return spec{}, false
	}
	l := layoutMoney(its, r.Currency, "schemes", "")
	s := spec{name: ch.Name}
	s.setSubtitle(say(analysis.ClaimScope, "words.schemes.subtitle", c.scope))
	set := analysis.Set{Name: "Hong Kong public schemes with a stated amount", Size: len(its), Drawn: len(its), Rows: analysis.RefPledge, Chart: ch.Name}
	if l.count == 1 {
		s.setTitle(worded(analysis.TotalOfRows("words.schemes.one", set, sum, l.first.label)))
	} else {
		s.setTitle(worded(analysis.TotalOfRows("words.schemes.total", set, sum, l.count)))
	}
	s.setPanels(l.panels)
	if unstated > 0 {
		s.addNote(say(analysis.ClaimCount, "words.schemes.unstated", unstated))
	}
	s.addLegendNote(l.qs)
	c.pledgeSources(func(p *analysis.PledgeRow) bool { return in[p] }).setOn(&s)
	return s, true
}

// schemeLabel is a short name for a scheme: its program up to the first
// bracket or colon, which starts an explanation; the investor when there
// is no program.
func schemeLabel(p *analysis.PledgeRow) string {
	name := strings.TrimSpace(p.Program)
	if name == "" {
		return p.Investor
	}
	if i := strings.IndexAny(name, "(:;"); i > 0 {
		if short := strings.TrimSpace(name[:i]); len(strings.Fields(short)) >= 2 {
			name = short
		}
	}
	return name
}
