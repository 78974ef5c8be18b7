package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pledgewatch/analysis"
)

// spec is one chart as data: everything it shows, decided before any
// drawing, so that what is drawn (and NeedsCJK) is decided in one place.
// Its first panel is embedded; a chart whose first panel is dwarfed by
// one or two bars, or that sets two measures side by side, has more.
type spec struct {
	name        string // file name without ".png", sanitised
	title       string // the finding, in words computed from the data
	subtitle    string // the scope: what is counted, since and as of when
	legend      []legendItem
	notes       []string     // footnotes above the source line
	sources     []string     // "ABMedia 2025-09-25"; at most maxCitedSources
	moreSources int          // distinct sources cited beyond sources: "and N more"
	moreCJK     bool         // one of those more holds Chinese, Japanese or Korean
	srcWords    *sourceWords // the source line's words; nil is English
	panel
	more []panel // drawn below the first panel, each on its own scale
	// finding is the claim of the title; subFinding and noteFindings
	// are the subtitle and the notes, one for each of notes.
	finding      *analysis.Finding
	subFinding   *analysis.Finding
	noteFindings []*analysis.Finding
}

// panel is one plot of a chart: bars of one measure on one value axis.
type panel struct {
	heading string // above the panel, when a chart has several
	// headingFinding words heading in every language, when it is one.
	headingFinding *analysis.Finding
	horizontal     bool // bars grow to the right, categories top to bottom
	bars           []bar
	axis           string  // value axis label with its unit: "US$ billion"
	scale          float64 // values are divided by scale on the axis
	percent        bool    // a percentage axis
	shares         bool    // shares of a whole: the axis runs 0-100% when they fit
}

// panels returns every panel of s, the first one first.
func (s *spec) panels() []panel {
	return append([]panel{s.panel}, s.more...)
}

// bar is one category of a chart.
type bar struct {
	label string  // category, drawn beside (horizontal) or under the bar
	value float64 // in whole units; divided by spec.scale to draw
	// assumed is the part of value that comes from an assumed equal split
	// rather than a stated figure; it is drawn hatched after the rest.
	assumed float64
	text    string // value label at the end of the bar; "\n" separates lines
	// textFinding and labelFinding word text and label in every
	// language, where the program makes them (not names as entered).
	textFinding, labelFinding *analysis.Finding
	tone                      tone
	bound                     bound // a lower or upper bound is drawn with a marker at the end
	// measure names what value measures ("money USD", "growth %", "share %
	// of Hong Kong companies"); every bar of a panel has the same.
	measure string
	// A bullet: inner, when hasInner, is a second figure of the same
	// measure (delivered of pledged) drawn as a narrow dark bar inside
	// this one, with its own bound.
	inner      float64
	innerBound bound
	hasInner   bool
	// mark, when hasMark, is a tick across the bar at that value: where
	// the inner bar would end if delivery were on pace.
	mark    float64
	hasMark bool
}

// bound says whether a bar's value is a bound rather than a value.
type bound int

const (
	boundNone  bound = iota
	boundLower       // at least, more than: an arrow points on past the end
	boundUpper       // at most, less than: the end is notched back
)

// boundOf is the bound a qualifier makes of a figure.
func boundOf(q analysis.Qualifier) bound {
	switch {
	case q.Lower():
		return boundLower
	case q.Upper():
		return boundUpper
	}
	return boundNone
}

// legendItem is one key of a chart's legend, drawn under the subtitle.
type legendItem struct {
	tone    tone
	hatched bool  // the swatch is hatched: an assumed figure
	bound   bound // the swatch is a bar end with this marker
	inner   bool  // the swatch is a bullet: a dark inner bar in a light one
	mark    bool  // the swatch is a light bar with a pace tick
	text    string
}

// Measures of bars.
const (
	measureCount  = "count"
	measureGrowth = "growth %"
)

func measureMoney(cur string) string { return "money " + cur }

// tone is the colour role of a bar.
type tone int

const (
	toneMain  tone = iota
	toneAlt        // the second side of a comparison
	toneLight      // a planned or estimated figure
	toneMuted      // "others"
)

// Chart sizes and names.
const (
	topGroups    = 15 // bars before the rest are summed as "others"
	maxSurveyBar = 10 // survey bars per chart, so that long labels get two lines
	maxNameLen   = 80
	// maxCitedSources is the most sources a spec keeps; the rest are only
	// counted. A footer shows two lines of sources, and even sources of
	// one zero-width character with no date fit at most about 320 to two
	// lines of the widest page (TestMaxCitedSources), so no footer could
	// show more.
	maxCitedSources = 500
)

// build turns a report into chart specs: those of analysis.Catalogue
// drawn as pictures, in its order. Charts without data are left out.
func build(r *analysis.Report) []spec {
	c := newCitations(r.Pledges)
	c.scope = scope(r) // every chart states it, and it reads every pledge
	var out []spec
	for _, ch := range analysis.Catalogue() {
		if ch.DrawnBy(analysis.Picture) {
			out = append(out, drawers[ch.ID](r, c)...)
		}
	}
	uniqueNames(out)
	return out
}

// drawers make the specs of each chart of analysis.Catalogue that is
// drawn as a picture. Each reads its figures through its entry of the
// catalogue (analysis.ChartOf) and returns no spec when there are none.
var drawers = map[analysis.ChartID]func(*analysis.Report, *citations) []spec{
	analysis.ChartInvestors: one(investorSpec),
	analysis.ChartSectors:   one(sectorSpec),
	analysis.ChartYears:     one(yearSpec),
	analysis.ChartRegions:   one(regionSpec),
	analysis.ChartDisclosed: one(disclosedSpec),
	analysis.ChartTrends:    trendSpecs,
	analysis.ChartHongKong:  one(hongKongSpec),
	analysis.ChartSchemes:   one(schemesSpec),
	analysis.ChartSurveys:   surveySpecs,
	analysis.ChartGrowth:    growthSpecs,
	analysis.ChartHistory:   uncited(historySpec),
	analysis.ChartProgress:  uncited(progressSpec),
	analysis.ChartDelivered: uncited(deliveryHistorySpec),
}

// one makes a drawer of a chart drawn once, if at all.
func one(f func(*analysis.Report, *citations) (spec, bool)) func(*analysis.Report, *citations) []spec {
	return func(r *analysis.Report, c *citations) []spec {
		if s, ok := f(r, c); ok {
			return []spec{s}
		}
		return nil
	}
}

// uncited makes a drawer of a chart drawn once, if at all, that cites no
// pledge.
func uncited(f func(*analysis.Report) (spec, bool)) func(*analysis.Report, *citations) []spec {
	return one(func(r *analysis.Report, _ *citations) (spec, bool) { return f(r) })
}

// Leaders and the rest.
const (
	// dwarfRatio is how many times the next bar a leading bar must be for
	// the rest to get a panel of their own, on their own scale.
	dwarfRatio = 8
	maxLeaders = 3 // at most this many bars lead
)

// item is one bar of a money chart before it is laid out.
type item struct {
	label       string
	value       float64 // reporting currency; 0 when nothing is stated
	assumed     float64 // part of value from an assumed equal split
	q           analysis.Qualifier
	count       int // pledges, disclosed or not
	undisclosed int
	tone        tone
	members     int // items summed in this one; 0 for a single item
	// labelFinding words label in every language when the program
	// makes it ("All 2 other sectors").
	labelFinding *analysis.Finding
}

func groupItems(gs []analysis.Group) []item {
	out := make([]item, len(gs))
	for i, g := range gs {
		out[i] = item{label: g.Key, value: g.Total, q: g.Qualifier, count: g.Count, undisclosed: g.Undisclosed}
	}
	return out
}

// moneyLayout is a money chart laid out: its panels, the leaders when
// the rest have a panel of their own, and what was left out.
type moneyLayout struct {
	panels  []panel
	leaders []item // the bars that dwarf the rest; nil when none do
	// first is the item of the largest stated amount; count the items
	// with a stated amount. Only the items drawn are kept: a chart of a
	// million schemes draws topGroups and sums the rest.
	first  item
	count  int
	hidden []string // items with no amount stated: not drawn
	sum    float64  // of the stated amounts
	qs     []analysis.Qualifier
}

// largestFirst returns the positions of items by value, largest first,
// in the order given where equal: as sort.SliceStable sorts them by
// "value greater than". It sorts the items' positions with
// slices.SortStableFunc, the same algorithm making the same comparisons:
// a report of many schemes has as many items, and moving them about
// while sorting, by reflection, took most of the schemes chart's time.
func largestFirst(items []item, pos []int32) []int32 {
	slices.SortStableFunc(pos, func(i, j int32) int {
		switch {
		case items[i].value > items[j].value:
			return -1
		case items[j].value > items[i].value:
			return 1
		}
		return 0
	})
	return pos
}

// layoutMoney lays out items as horizontal bars in the reporting
// currency. Items with no stated amount are not drawn (the caller counts
// them in a note); past topGroups the rest are summed in one bar. When
// up to maxLeaders bars are each dwarfRatio times the next, and two bars
// or more are left, the first panel sets the leaders against the rest
// summed, and a second panel shows the rest on their own scale.
func layoutMoney(items []item, cur, what, rest string) moneyLayout {
	var l moneyLayout
	pos := make([]int32, 0, len(items))
	for i, it := range items {
		if it.count > 0 && it.undisclosed == it.count && it.value == 0 {
			l.hidden = append(l.hidden, it.label)
			continue
		}
		pos = append(pos, int32(i))
		l.sum += it.value
	}
	pos = largestFirst(items, pos)
	l.count = len(pos)
	drawn := min(len(pos), topGroups+1)
	if len(pos) > topGroups+1 {
		drawn = topGroups
	}
	shown := make([]item, drawn, drawn+1)
	for i := range shown {
		shown[i] = items[pos[i]]
	}
	if len(shown) > 0 {
		l.first = shown[0]
	}
	if drawn < len(pos) {
		o := sumItemsAt(items, pos[topGroups:], "")
		o.labelFinding = say(analysis.ClaimCount, "words.bar.others", len(pos)-topGroups, analysis.Word(what))
		o.label = o.labelFinding.Text
		shown = append(shown, o)
	}
	k := 0
	for i := 1; i <= maxLeaders && i < len(shown)-1; i++ { // the rest: two bars or more
		if shown[i].value > 0 && shown[i-1].value >= dwarfRatio*shown[i].value {
			k = i
			break
		}
	}
	if k == 0 {
		l.panels = []panel{moneyPanel(shown, cur, &l.qs)}
		return l
	}
	l.leaders = shown[:k]
	others := sumItems(shown[k:], "")
	others.labelFinding = say(analysis.ClaimCount, "words.bar.allother", countItems(shown[k:]), analysis.Word(what))
	others.label = others.labelFinding.Text
	first := moneyPanel(append(append([]item(nil), shown[:k]...), others), cur, &l.qs)
	first.headingFinding = say(analysis.ClaimScope, "words.panel.all", analysis.Word(what))
	first.heading = first.headingFinding.Text
	second := moneyPanel(shown[k:], cur, &l.qs)
	second.heading = rest
	if second.heading == "" {
		second.headingFinding = say(analysis.ClaimScope, "words.panel.rest", analysis.Word(what))
		second.heading = second.headingFinding.Text
	}
	l.panels = []panel{first, second}
	return l
}

// countItems counts the items, an "Others" item by the items it sums.
func countItems(its []item) int {
	n := 0
	for _, it := range its {
		n += max(it.members, 1)
	}
	return n
}

func sumItems(its []item, label string) item {
	o := item{label: label, tone: toneMuted}
	for i := range its {
		o.add(&its[i])
	}
	return o
}

// sumItemsAt sums the items at positions pos, in that order.
func sumItemsAt(items []item, pos []int32, label string) item {
	o := item{label: label, tone: toneMuted}
	for _, p := range pos {
		o.add(&items[p])
	}
	return o
}

// add adds it to the sum o.
func (o *item) add(it *item) {
	o.members += max(it.members, 1)
	o.value += it.value
	o.assumed += it.assumed
	o.q = o.q.Sum(it.q) // Exact is the identity
	o.count += it.count
	o.undisclosed += it.undisclosed
}

// moneyPanel is a panel of horizontal money bars on their own scale.
func moneyPanel(its []item, cur string, qs *[]analysis.Qualifier) panel {
	p := panel{horizontal: true}
	m := 0.0
	for _, it := range its {
		m = math.Max(m, it.value)
		tf := moneyFinding(it.value, cur, it.q)
		if it.undisclosed > 0 && it.undisclosed < it.count {
			tf = say(analysis.ClaimCount, "words.bar.unstated", tf, it.undisclosed, it.count)
		}
		txt := tf.Text
		p.bars = append(p.bars, bar{label: it.label, value: it.value, assumed: it.assumed, text: txt, textFinding: tf,
			labelFinding: it.labelFinding, tone: it.tone, bound: boundOf(it.q), measure: measureMoney(cur)})
		*qs = append(*qs, it.q)
	}
	p.scale, p.axis = moneyAxis(cur, m)
	return p
}

// hiddenNote says which items have no stated amount and are not drawn.
func hiddenNote(hidden []string, what string) *analysis.Finding {
	if len(hidden) == 0 {
		return nil
	}
	return say(analysis.ClaimCount, "words.hidden."+what, len(hidden), strings.Join(hidden, "; "))
}

// boundLegend is the legend of the bound markers the bars use.
func boundLegend(ps []panel) []legendItem {
	var lower, upper bool
	for _, p := range ps {
		for _, b := range p.bars {
			lower = lower || b.bound == boundLower || b.hasInner && b.innerBound == boundLower
			upper = upper || b.bound == boundUpper || b.hasInner && b.innerBound == boundUpper
		}
	}
	var out []legendItem
	if lower {
		out = append(out, legendItem{bound: boundLower, text: "at least the figure shown (open end)"})
	}
	if upper {
		out = append(out, legendItem{bound: boundUpper, text: "at most the figure shown"})
	}
	return out
}

// setPanels puts a layout's panels on s, with the bound legend.
func (s *spec) setPanels(ps []panel) {
	s.panel, s.more = ps[0], ps[1:]
	s.legend = append(s.legend, boundLegend(ps)...)
}

// investorSpec: who pledges the stated money.
func investorSpec(r *analysis.Report, c *citations) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartInvestors)
	gs := ch.Groups(r)
	if !anyPositive(gs) {
		return spec{}, false
	}
	l := layoutMoney(groupItems(gs), r.Currency, "investors", "")
	s := spec{name: ch.Name}
	s.setSubtitle(say(analysis.ClaimScope, "words.investors.subtitle", c.scope))
	lead := l.first
	part, whole := stated(lead.label, lead.value, r.Currency), stated("", l.sum, r.Currency)
	switch {
	case l.count == 1:
		s.setTitle(say(analysis.ClaimCount, "words.investors.only", lead.label))
	case 2*lead.value >= l.sum:
		s.setTitle(worded(analysis.ShareFinding("words.investors.share", part, whole, lead.label)))
	default:
		s.setTitle(worded(analysis.ShareFinding("words.investors.leads", part, whole, lead.label)))
	}
	s.setPanels(l.panels)
	s.addNote(undisclosedNote(r))
	s.addNote(hiddenNote(l.hidden, "investors"))
	s.addLegendNote(l.qs)
	c.all().setOn(&s)
	return s, true
}

// undisclosedNote says how many counted pledges state no amount.
func undisclosedNote(r *analysis.Report) *analysis.Finding {
	n := r.Total.Undisclosed
	if n == 0 {
		return say(analysis.ClaimCount, "words.undisclosed.none", r.Total.Count)
	}
	return say(analysis.ClaimCount, "words.undisclosed.some", n, r.Total.Count)
}

// stated is a stated amount of the report, as a share's figure.
func stated(label string, v float64, cur string) analysis.Fact {
	return analysis.Fact{Label: label, Value: v, Unit: cur, Money: true, Shown: math.NaN()}
}

// sectorSpec: where the stated money goes, stated allocations apart from
// assumed equal splits.
func sectorSpec(r *analysis.Report, c *citations) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartSectors)
	gs := ch.Groups(r)
	if !anyPositive(named(gs)) { // a lone "(unspecified)" bar says nothing
		return spec{}, false
	}
	assumed := assumedBySector(gs)
	its := groupItems(gs)
	var anyAssumed bool
	for i := range its {
		its[i].assumed = math.Min(assumed[its[i].label], its[i].value)
		anyAssumed = anyAssumed || its[i].assumed > 0
	}
	l := layoutMoney(its, r.Currency, "sectors", "")
	s := spec{name: ch.Name}
	s.setSubtitle(say(analysis.ClaimScope, "words.sectors.subtitle", c.scope))
	lead := l.leaders
	if lead == nil {
		lead = []item{l.first}
	}
	var names []string
	var v, a float64
	for _, it := range lead {
		names = append(names, it.label)
		v += it.value
		a += it.assumed
	}
	names[0] = upperFirst(names[0])
	key := "words.sectors.take"
	if len(names) == 1 {
		key = "words.sectors.takes"
	}
	if l.count == 1 {
		key = "words.sectors.only"
	}
	if a > v/2 {
		key += ".assumed"
	}
	if l.count == 1 {
		s.setTitle(say(analysis.ClaimCount, key, names[0]))
	} else {
		s.setTitle(worded(analysis.ShareFinding(key, stated(andList(names), v, r.Currency), stated("", l.sum, r.Currency), analysis.Names(names))))
	}
	if anyAssumed {
		s.legend = append(s.legend,
			legendItem{tone: toneMain, text: "stated for the sector"},
			legendItem{tone: toneMain, hatched: true, text: "assumed: a multi-sector amount split equally"})
	}
	s.setPanels(l.panels)
	s.addNote(hiddenNote(l.hidden, "sectors"))
	s.addLegendNote(l.qs)
	c.all().setOn(&s)
	return s, true
}

// assumedBySector is, per sector, the part of its total that comes from
// pledges split equally among several sectors because their source gives
// no shares: an assumption, not a stated allocation (analysis.Group.Assumed).
func assumedBySector(sectors []analysis.Group) map[string]float64 {
	out := map[string]float64{}
	for _, g := range sectors {
		if g.Assumed > 0 {
			out[g.Key] = g.Assumed
		}
	}
	return out
}

// andList joins names: "a", "a and b", "a, b and c".
func andList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// scope is the subtitle's statement of what the figures cover: cumulative
// since the earliest counted pledge, as of the cut-off, and whether
// anything was announced in the report month.
func scope(r *analysis.Report) *analysis.Finding {
	first, fresh := 0, 0
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if !p.Counted || p.Announced.IsZero() || p.Undated() {
			continue
		}
		if y := p.Announced.Year(); p.DateStated() && (first == 0 || y < first) {
			first = y
		}
		if !r.AsOf.IsZero() && p.Announced.Year() == r.AsOf.Year() && p.Announced.Month() == r.AsOf.Month() {
			fresh++
		}
	}
	var parts analysis.Parts
	if first > 0 {
		parts = append(parts, analysis.Say(analysis.ClaimScope, "words.scope.since", strconv.Itoa(first)))
	}
	if !r.AsOf.IsZero() {
		parts = append(parts, analysis.Say(analysis.ClaimScope, "words.scope.asof", r.AsOf))
		month := analysis.Month(time.Date(r.AsOf.Year(), r.AsOf.Month(), 1, 0, 0, 0, 0, time.UTC))
		if fresh == 0 {
			parts = append(parts, analysis.Say(analysis.ClaimScope, "words.scope.none", month))
		} else {
			parts = append(parts, analysis.Say(analysis.ClaimCount, "words.scope.new", fresh, month))
		}
	}
	return say(analysis.ClaimScope, "words.scope", parts)
}

func anyPositive(gs []analysis.Group) bool {
	for _, g := range gs {
		if g.Total > 0 {
			return true
		}
	}
	return false
}

// named leaves out the "(unspecified)" group.
func named(gs []analysis.Group) []analysis.Group {
	var out []analysis.Group
	for _, g := range gs {
		if g.Key != analysis.Unspecified {
			out = append(out, g)
		}
	}
	return out
}

func maxTotal(gs []analysis.Group) float64 {
	m := 0.0
	for _, g := range gs {
		m = math.Max(m, g.Total)
	}
	return m
}

// groupText is the value label of a group: "≥ US$32.0B", or "undisclosed"
// when no pledge of the group has an amount.
func groupText(g analysis.Group, cur string) *analysis.Finding {
	if g.Count > 0 && g.Undisclosed == g.Count {
		return say(analysis.ClaimScope, "words.word", analysis.Word("undisclosed"))
	}
	return moneyFinding(g.Total, cur, g.Qualifier)
}

// qualSymbols are the marks put before a figure with a qualifier.
var qualSymbols = []struct {
	q      analysis.Qualifier
	symbol string
}{
	{analysis.AtLeast, "≥"}, {analysis.MoreThan, ">"}, {analysis.AtMost, "≤"}, {analysis.LessThan, "<"}, {analysis.About, "~"},
}

// qualified puts the qualifier's mark before a figure: "≥ US$32.0B",
// "~5.3%"; a figure of mixed bounds says so after it.
func qualified(q analysis.Qualifier, figure string) string {
	if q == analysis.Mixed {
		return figure + " (mixed bounds)"
	}
	for _, x := range qualSymbols {
		if x.q == q {
			if q == analysis.About {
				return x.symbol + figure
			}
			return x.symbol + " " + figure
		}
	}
	return figure
}

// moneyFinding is a bar's amount with the mark of its bound, as
// moneyText writes it in English, worded in every language.
func moneyFinding(v float64, cur string, q analysis.Qualifier) *analysis.Finding {
	key := "words.money"
	if q == analysis.Mixed {
		key = "words.money.mixed"
	}
	for _, x := range qualSymbols {
		if x.q == q {
			key += "." + x.symbol
		}
	}
	return say(analysis.ClaimFigure, key, analysis.BarAmount{Value: v, Currency: cur, Qualifier: q})
}

func moneyText(v float64, cur string, q analysis.Qualifier) string {
	return qualified(q, analysis.FormatMoney(v, cur, q))
}

// moneyWords is a sum as a sentence has it: "at least US$32.0B".
func moneyWords(v float64, cur string, q analysis.Qualifier) string {
	return analysis.Qualified(q, analysis.FormatMoney(v, cur, q), false)
}

// addLegendNote adds a footnote explaining the marks used, in a fixed
// order.
func (s *spec) addLegendNote(used []analysis.Qualifier) {
	var parts analysis.Words
	for _, x := range qualSymbols {
		for _, q := range used {
			if q == x.q {
				parts = append(parts, analysis.Word(x.symbol+" "+x.q.String()))
				break
			}
		}
	}
	if len(parts) == 0 {
		return
	}
	s.addNote(say(analysis.ClaimScope, "words.marks", parts))
}

// moneyAxis picks the unit of a money axis from its largest value.
func moneyAxis(cur string, max float64) (float64, string) {
	scale, word := scaleFor(max)
	return scale, strings.TrimSpace(strings.TrimSpace(analysis.Symbol(cur)) + " " + word)
}

// scaleFor picks a scale word for an axis; below ten thousand the plain
// numbers read well.
func scaleFor(max float64) (float64, string) {
	if math.Abs(max) < 1e4 {
		return 1, ""
	}
	sc := analysis.ScaleOf(max)
	return sc.Div, sc.Word
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// cite names a source with its date: "CNA 2025-02-24".
func cite(source string, date time.Time) string {
	if !singleSpaced(source) {
		source = strings.Join(strings.Fields(source), " ")
	}
	if source == "" || date.IsZero() {
		return source
	}
	var buf [32]byte
	d := date.AppendFormat(buf[:0], analysis.DateLayout)
	if strings.Contains(source, string(d)) {
		return source
	}
	return source + " " + string(d)
}

// singleSpaced reports whether s has its words separated by single plain
// spaces and no space at either end, so that joining its fields with
// spaces gives s back.
func singleSpaced(s string) bool {
	space := true // no space may start s
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (space || r != ' ') {
			return false
		}
		space = sp
	}
	return s == "" || !space
}

// citations cites the sources of a report's pledges for the charts of
// one build. Each distinct source and date is cited once, and the dates
// of merged sources are looked up in one pass over the pledges, when
// first needed; each chart's list then costs a map lookup per source.
type citations struct {
	pledges   []analysis.PledgeRow
	firstDate map[string]time.Time // a merged source is cited with the date of its own row
	bySource  map[string]dated     // a source as written, with the first date it was cited with
	byKey     map[citeKey]int      // the same source with other dates
	index     map[string]int       // a citation's index into texts
	texts     []string             // distinct citations in the order first met
	every     *cited               // the sources of all counted pledges, once asked for
	scope     *analysis.Finding    // the charts' common scope: see scope
}

// dated is the citation of a source with date: its index into
// citations.texts, or -1 for none.
type dated struct {
	date time.Time
	id   int
}

// citeKey is a source as written with a date other than the one kept
// in citations.bySource. Dates are compared as values: one instant in two
// representations makes two keys, which are cited once each and then
// merged by their text.
type citeKey struct {
	source string
	date   time.Time
}

// cited is a list of distinct citations: the first maxCitedSources of
// them, and how many more there are.
type cited struct {
	sources []string
	more    int
	moreCJK bool // one of the more holds Chinese, Japanese or Korean
}

func newCitations(pledges []analysis.PledgeRow) *citations {
	return &citations{pledges: pledges, bySource: map[string]dated{}, byKey: map[citeKey]int{}, index: map[string]int{}}
}

// setOn makes c the sources of s.
func (c cited) setOn(s *spec) {
	s.sources, s.moreSources, s.moreCJK = slices.Clip(c.sources), c.more, c.moreCJK
}

// id is the index in c.texts of the citation of source and date, or -1
// when it cites nothing.
func (c *citations) id(source string, date time.Time) int {
	d, ok := c.bySource[source]
	if !ok {
		id := c.intern(cite(source, date))
		c.bySource[source] = dated{date, id}
		return id
	}
	if d.date.Equal(date) && d.date.Location() == date.Location() { // the same instant in the same zone: the same citation
		return d.id
	}
	k := citeKey{source, date}
	id, ok := c.byKey[k]
	if !ok {
		id = c.intern(cite(source, date))
		c.byKey[k] = id
	}
	return id
}

// intern is the index of citation t in c.texts, adding it if it is new;
// -1 if t is empty.
func (c *citations) intern(t string) int {
	if t == "" {
		return -1
	}
	id, ok := c.index[t]
	if !ok {
		id = len(c.texts)
		c.texts = append(c.texts, t)
		c.index[t] = id
	}
	return id
}

// dateOf is the date of the first pledge row with source.
func (c *citations) dateOf(source string) time.Time {
	if c.firstDate == nil {
		c.firstDate = map[string]time.Time{}
		for i := range c.pledges {
			if _, ok := c.firstDate[c.pledges[i].Source]; !ok {
				c.firstDate[c.pledges[i].Source] = c.pledges[i].SourceDate
			}
		}
	}
	return c.firstDate[source]
}

// all cites the sources of every counted pledge.
func (c *citations) all() cited {
	if c.every == nil {
		all := c.pledgeSources(func(*analysis.PledgeRow) bool { return true })
		c.every = &all
	}
	return *c.every
}

// pledgeSources cites the sources of the counted pledges that keep
// accepts, in the report's order, including those of repeats that were
// merged into a pledge.
func (c *citations) pledgeSources(keep func(*analysis.PledgeRow) bool) cited {
	var out cited
	var seen []bool // by index into c.texts
	add := func(source string, date time.Time) {
		id := c.id(source, date)
		if id < 0 {
			return
		}
		for len(seen) <= id {
			seen = append(seen, false)
		}
		if seen[id] {
			return
		}
		seen[id] = true
		if len(out.sources) < maxCitedSources {
			out.sources = append(out.sources, c.texts[id])
			return
		}
		out.more++
		out.moreCJK = out.moreCJK || hasCJK(c.texts[id])
	}
	for i := range c.pledges {
		p := &c.pledges[i]
		if !p.Counted || !keep(p) {
			continue
		}
		add(p.Source, p.SourceDate)
		for _, s := range p.Sources {
			if s != p.Source {
				add(s, c.dateOf(s))
			}
		}
	}
	return out
}

// trendSpecs draw a chart per metric series of two periods or more.
func trendSpecs(r *analysis.Report, _ *citations) []spec {
	ch := analysis.ChartOf(analysis.ChartTrends)
	ts := ch.Trends(r)
	var out []spec
	for i := range ts {
		if s, ok := trendSpec(r, &ts[i], i, ch.Name); ok {
			out = append(out, s)
		}
	}
	return out
}

// trendSpec is a bar per period of one metric series; its name is base,
// a hyphen and the series.
func trendSpec(r *analysis.Report, t *analysis.Trend, index int, base string) (spec, bool) {
	if len(t.Points) < 2 {
		return spec{}, false
	}
	what := t.Metric
	if t.Basis != "" {
		what += " (" + t.Basis + ")"
	}
	var s spec
	s.setTitle(trendTitle(t))
	s.name = base + "-" + sanitise(t.Entity+" "+what)
	if s.name == base+"-" {
		s.name = fmt.Sprintf("%s-%d", base, index+1)
	}
	max := 0.0
	for _, p := range t.Points {
		max = math.Max(max, math.Abs(p.Value))
	}
	s.scale, s.axis = valueAxis(t.Unit, t.Money, max)
	s.percent = t.Unit == "%" // Build makes no series of signed changes
	s.shares = s.percent
	var qs []analysis.Qualifier
	light := false
	for _, p := range t.Points {
		label := p.Period.String()
		var lf, tf *analysis.Finding
		tn := toneMain
		if t.Basis == "" && p.Basis != "" && p.Basis != "actual" {
			lf = say(analysis.ClaimScope, "words.trend.period", label, analysis.Word(p.Basis))
			label = lf.Text
			tn, light = toneLight, true
		}
		txt := qualified(p.Qualifier, analysis.FormatValue(p.Value, t.Unit, t.Money, p.Qualifier))
		if t.Money {
			tf = moneyFinding(p.Value, t.Unit, p.Qualifier)
			txt = tf.Text
		}
		if t.Unit == "rank" {
			tf = say(analysis.ClaimScope, "words.trend.rank", strconv.FormatFloat(p.Value, 'f', -1, 64))
			txt = qualified(p.Qualifier, tf.Text)
			tf = nil
		}
		s.bars = append(s.bars, bar{label: label, labelFinding: lf, value: p.Value, tone: tn, text: txt, textFinding: tf,
			bound: boundOf(p.Qualifier), measure: "trend " + t.Unit})
		qs = append(qs, p.Qualifier)
		s.sources = analysis.AppendUnique(s.sources, cite(p.Source, p.SourceDate))
	}
	sub := []any{analysis.Word(s.axis), t.First().Period.String(), t.Last().Period.String()}
	switch {
	case t.HasMultiple && t.MultipleQ != analysis.Mixed && t.HasCAGR && t.Years > 1:
		s.setSubtitle(say(analysis.ClaimGrowth, "words.trend.subtitle.years", append(sub, cagrFact(t), t.Years)...))
	case t.HasMultiple && t.MultipleQ != analysis.Mixed && t.HasCAGR:
		s.setSubtitle(say(analysis.ClaimGrowth, "words.trend.subtitle.cagr", append(sub, cagrFact(t))...))
	default:
		s.setSubtitle(say(analysis.ClaimScope, "words.trend.subtitle", sub...))
	}
	if light {
		if slices.ContainsFunc(s.bars, func(b bar) bool { return b.tone == toneMain }) {
			s.legend = append(s.legend, legendItem{tone: toneMain, text: "actual"})
		}
		s.legend = append(s.legend, legendItem{tone: toneLight, text: "planned, budgeted, estimated or forecast"})
	}
	s.legend = append(s.legend, boundLegend([]panel{s.panel})...)
	if t.Money && t.Unit != r.Currency {
		s.addNote(say(analysis.ClaimScope, "words.trend.currency", analysis.Word(t.Unit), analysis.Word(r.Currency)))
	}
	s.addLegendNote(qs)
	return s, true
}

// trendTitle states what the series shows: the last point as a multiple
// of the first ("2025 forecast more than 2.46x the 2023 budget"), or the
// last point when no multiple can be given.
func trendTitle(t *analysis.Trend) *analysis.Finding {
	name := analysis.Say(analysis.ClaimScope, "words.trend.name", t.Entity, t.Metric)
	if t.Basis != "" {
		name = analysis.Say(analysis.ClaimScope, "words.trend.name.basis", t.Entity, t.Metric, analysis.Word(t.Basis))
	}
	point := func(p *analysis.Metric, article string) any {
		if p.Basis != "" && p.Basis != "actual" {
			return analysis.Say(analysis.ClaimScope, "words.trend.point"+article, p.Period.String(), analysis.Word(p.Basis))
		}
		return p.Period.String()
	}
	last := t.Last()
	fact := func(p *analysis.Metric) analysis.Fact {
		return analysis.Fact{Label: p.Metric, Value: p.Value, Qualifier: p.Qualifier, Unit: t.Unit, Money: t.Money, Basis: p.Basis,
			Period: p.Period.String(), Sources: []string{p.Source}, Shown: math.NaN()}
	}
	var f *analysis.Finding
	if t.HasMultiple && t.MultipleQ != analysis.Mixed && t.Multiple > 0 {
		f = analysis.Say(analysis.ClaimTrend, "words.trend.multiple", name, point(last, ""),
			analysis.Fact{Value: t.Multiple, Qualifier: t.MultipleQ, Unit: "x", Shown: math.NaN()}, point(t.First(), ".the"))
		f.Figures = []analysis.Fact{fact(last), fact(t.First())}
	} else {
		f = analysis.Say(analysis.ClaimTrend, "words.trend.last", name, fact(last), point(last, ""))
		f.Figures = []analysis.Fact{fact(last)}
	}
	return worded(f)
}

// cagrFact is the compound yearly growth of a series as its subtitle
// states it, in percent.
func cagrFact(t *analysis.Trend) analysis.Fact {
	return analysis.Fact{Value: t.CAGR * 100, Qualifier: t.MultipleQ, Unit: "%", Shown: math.NaN()}
}

// valueAxis picks the scale and label of a metric's value axis.
func valueAxis(unit string, money bool, max float64) (float64, string) {
	if money {
		return moneyAxis(unit, max)
	}
	if unit == "%" {
		return 1, "Percent"
	}
	scale, word := scaleFor(max)
	name := unit
	switch unit {
	case "", "count":
		name = "Count"
	case "rank":
		return 1, "Rank (1 = first)"
	}
	if word != "" {
		name += ", " + word
	}
	return scale, name
}

// hongKongSpec sets Hong Kong's public schemes beside private money.
func hongKongSpec(r *analysis.Report, c *citations) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartHongKong)
	hk := ch.Groups(r)
	if !anyPositive(hk) {
		return spec{}, false
	}
	groups := []analysis.Group{{Key: analysis.HongKongPublic}, {Key: analysis.HongKongPrivate}}
	for _, g := range hk {
		switch g.Key {
		case analysis.HongKongPublic:
			groups[0] = g
		case analysis.HongKongPrivate:
			groups[1] = g
		default:
			groups = append(groups, g)
		}
	}
	var sum float64
	lead := groups[0]
	for _, g := range groups {
		sum += g.Total
		if g.Total > lead.Total {
			lead = g
		}
	}
	s := spec{name: ch.Name}
	if lead.Total == sum {
		s.setTitle(say(analysis.ClaimShare, "words.hongkong.all", analysis.Word(strings.ToLower(lead.Key))))
	} else {
		s.setTitle(worded(analysis.ShareFinding("words.hongkong.share", stated(lead.Key, lead.Total, r.Currency), stated("", sum, r.Currency), analysis.Word(lead.Key))))
	}
	s.setSubtitle(say(analysis.ClaimScope, "words.hongkong.subtitle", c.scope))
	s.scale, s.axis = moneyAxis(r.Currency, maxTotal(groups))
	var qs []analysis.Qualifier
	for i, g := range groups {
		tf := say(analysis.ClaimCount, "words.hongkong.none")
		if g.Count > 0 {
			count := say(analysis.ClaimCount, "words.hongkong.count", g.Count)
			if g.Undisclosed > 0 && g.Undisclosed < g.Count {
				count = say(analysis.ClaimCount, "words.hongkong.count.some", g.Count, g.Undisclosed)
			}
			tf = say(analysis.ClaimCount, "words.lines", groupText(g, r.Currency), count)
		}
		txt := tf.Text
		if g.Undisclosed < g.Count {
			qs = append(qs, g.Qualifier)
		}
		tn := toneMain
		if i > 0 {
			tn = toneAlt
		}
		s.bars = append(s.bars, bar{label: g.Key, value: g.Total, text: txt, textFinding: tf, labelFinding: say(analysis.ClaimScope, "words.word", analysis.Word(g.Key)),
			tone: tn, bound: boundOf(g.Qualifier), measure: measureMoney(r.Currency)})
	}
	s.legend = boundLegend([]panel{s.panel})
	s.addLegendNote(qs)
	c.pledgeSources(func(p *analysis.PledgeRow) bool { return strings.EqualFold(p.Region, "Hong Kong") }).setOn(&s)
	return s, true
}

// surveySpecs draws the shares each survey reports (41% of firms use
// AI) as horizontal bars on a 0-100% axis, one chart per survey (entity);
// growth rates, which are not shares, have a chart of their own
// (growthSpecs). Shares that describe the sample (the share of
// respondents that are SMEs) are not findings: they are stated in a
// note, not drawn.
func surveySpecs(r *analysis.Report, _ *citations) []spec {
	type group struct {
		entity string
		rows   []*analysis.Metric // MetricRow.Value is NaN for non-money metrics
		sample []*analysis.Metric
	}
	ch := analysis.ChartOf(analysis.ChartSurveys)
	var groups []*group
	byKey := map[string]*group{}
	for _, m := range ch.Metrics(r) {
		k := strings.ToLower(strings.Join(strings.Fields(m.Entity), " "))
		g := byKey[k]
		if g == nil {
			g = &group{entity: m.Entity}
			byKey[k] = g
			groups = append(groups, g)
		}
		if isSample(m.Metric) {
			g.sample = append(g.sample, m)
		} else {
			g.rows = append(g.rows, m)
		}
	}
	var out []spec
	for gi, g := range groups {
		if len(g.rows) == 0 {
			continue
		}
		base := ch.Name
		if n := sanitise(g.entity); n != "" {
			base += "-" + n
		} else {
			base += fmt.Sprintf("-group-%d", gi+1)
		}
		specs := percentSpecs(base, g.entity, g.rows)
		if note := sampleNote(g.sample); note != nil {
			for i := range specs {
				specs[i].notes = append([]string{note.Text}, specs[i].notes...)
				specs[i].noteFindings = append([]*analysis.Finding{note}, specs[i].noteFindings...)
			}
		}
		out = append(out, specs...)
	}
	return out
}

// isSample reports whether a share describes who answered a survey
// rather than what they answered.
func isSample(metric string) bool {
	m := strings.ToLower(metric)
	return strings.Contains(m, "respondents") || strings.Contains(m, "sample")
}

// sampleNote states a survey's make-up: "Respondents: 75% SMEs, 25%
// large firms ...".
func sampleNote(rows []*analysis.Metric) *analysis.Finding {
	if len(rows) == 0 {
		return nil
	}
	rows = append([]*analysis.Metric(nil), rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Value > rows[j].Value })
	var parts []string
	for _, m := range rows {
		what := m.Metric
		for _, prefix := range []string{"share of respondents that are ", "share of respondents who are ", "share of respondents ", "respondents that are "} {
			if len(what) > len(prefix) && strings.EqualFold(what[:len(prefix)], prefix) {
				what = what[len(prefix):]
				break
			}
		}
		parts = append(parts, qualified(m.Qualifier, analysis.FormatValue(m.Value, "%", false, m.Qualifier))+" "+what)
	}
	return say(analysis.ClaimScope, "words.survey.sample", strings.Join(parts, ", "))
}

// percentSpecs draws the shares one survey reports, largest first,
// maxSurveyBar to a chart. Labels name the metric, with the period when
// the rows are of several periods. The title states the largest share
// about AI, or else the largest.
func percentSpecs(base, entity string, rows []*analysis.Metric) []spec {
	rows = append([]*analysis.Metric(nil), rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Value > rows[j].Value })
	var periods []string
	for _, m := range rows {
		periods = analysis.AppendUnique(periods, m.Period.String())
	}
	sort.Strings(periods)
	lead := rows[0]
	for _, m := range rows {
		if mentionsAI(m.Metric) {
			lead = m
			break
		}
	}
	leadFact := analysis.Fact{Label: lead.Metric, Value: lead.Value, Qualifier: lead.Qualifier, Unit: "%", Shown: math.NaN()}
	var out []spec
	parts := (len(rows) + maxSurveyBar - 1) / maxSurveyBar
	size := (len(rows) + parts - 1) / parts // even parts: 18 rows give 9 and 9
	for part := 0; part < parts; part++ {
		chunk := rows[part*size : min(len(rows), (part+1)*size)]
		s := spec{name: base}
		s.setSubtitle(say(analysis.ClaimScope, "words.survey.subtitle", periodSpan(periods)))
		s.horizontal, s.scale, s.axis, s.percent, s.shares = true, 1, "Percent of respondents", true, true
		if parts > 1 {
			s.setTitle(say(analysis.ClaimFigure, "words.survey.part", entity, lead.Metric, leadFact, part+1, parts))
			if part > 0 {
				s.name = fmt.Sprintf("%s-%d", base, part+1)
			}
		} else {
			s.setTitle(say(analysis.ClaimFigure, "words.survey.title", entity, lead.Metric, leadFact))
		}
		var qs []analysis.Qualifier
		for _, m := range chunk {
			label := upperFirst(m.Metric)
			if len(periods) > 1 {
				label += " (" + m.Period.String() + ")"
			}
			s.bars = append(s.bars, bar{label: label, value: m.Value, bound: boundOf(m.Qualifier), measure: "share % of " + entity,
				text: qualified(m.Qualifier, analysis.FormatValue(m.Value, "%", false, m.Qualifier))})
			qs = append(qs, m.Qualifier)
			s.sources = analysis.AppendUnique(s.sources, cite(m.Source, m.SourceDate))
		}
		s.legend = boundLegend([]panel{s.panel})
		s.addLegendNote(qs)
		out = append(out, s)
	}
	return out
}

// mentionsAI reports whether a metric's name has "AI" as a word.
func mentionsAI(metric string) bool {
	return slices.ContainsFunc(strings.FieldsFunc(metric, func(r rune) bool {
		return !unicode.IsLetter(r) || r >= utf8.RuneSelf && hasCJK(string(r))
	}), func(w string) bool { return w == "AI" })
}

// growthSpecs draws growth rates, each labelled with its entity and
// period, on an axis of their own: they are not shares and may pass 100%.
func growthSpecs(r *analysis.Report, _ *citations) []spec {
	ch := analysis.ChartOf(analysis.ChartGrowth)
	rows := ch.Metrics(r)
	if len(rows) == 0 {
		return nil
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Value > rows[j].Value })
	all := make([]analysis.Fact, len(rows))
	for i, m := range rows {
		all[i] = analysis.Fact{Label: m.Metric, Value: m.Value, Qualifier: m.Qualifier, Basis: m.Basis, Unit: "%", Period: m.Period.String()}
	}
	f := analysis.LargestFinding("growth rates in Metrics", all, min(len(rows), topGroups))
	if len(rows) > topGroups {
		rows = rows[:topGroups]
	}
	lead := rows[0]
	s := spec{name: ch.Name}
	f.Key, f.Args = "words.growth.one", []any{lead.Entity, lead.Metric, f.Result}
	if f.Set.Size > 1 {
		f.Key, f.Args = "finding.largest.growth", []any{lead.Entity, lead.Metric, f.Result, f.Set.Size}
	}
	s.setTitle(worded(f))
	if f.Set.Drawn < f.Set.Size {
		s.setSubtitle(say(analysis.ClaimScope, "words.growth.subtitle.drawn", f.Set.Drawn))
	} else {
		s.setSubtitle(say(analysis.ClaimScope, "words.growth.subtitle"))
	}
	s.horizontal, s.scale, s.axis, s.percent = true, 1, "Growth, percent", true
	var qs []analysis.Qualifier
	for _, m := range rows {
		label := fmt.Sprintf("%s: %s (%s)", m.Entity, m.Metric, m.Period)
		s.bars = append(s.bars, bar{label: label, value: m.Value, bound: boundOf(m.Qualifier), measure: measureGrowth,
			text: qualified(m.Qualifier, analysis.FormatValue(m.Value, "%", false, m.Qualifier))})
		qs = append(qs, m.Qualifier)
		s.sources = analysis.AppendUnique(s.sources, cite(m.Source, m.SourceDate))
	}
	s.legend = boundLegend([]panel{s.panel})
	s.addLegendNote(qs)
	return []spec{s}
}

// upperFirst capitalises a label's first letter: "share using AI" reads
// as "Share using AI" on its own line.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func periodSpan(ps []string) any {
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return ps[0]
	}
	return analysis.Say(analysis.ClaimScope, "words.span", ps[0], ps[len(ps)-1])
}

// uniqueNames gives repeated names a suffix: "-2", "-3".
func uniqueNames(ss []spec) {
	used := map[string]bool{}
	for i := range ss {
		n := ss[i].name
		for k := 2; used[n]; k++ {
			n = fmt.Sprintf("%s-%d", ss[i].name, k)
		}
		used[n] = true
		ss[i].name = n
	}
}

// historySource is the source line of the history chart: the totals come
// from the snapshots of earlier reports.
const historySource = "pledgewatch reports in the output folder"

// historySpec is a bar per monthly report: the total of its counted
// pledges, from Report.History. Reports in another currency than the
// reporting one are left out, with a note; the chart needs two reports.
func historySpec(r *analysis.Report) (spec, bool) {
	ch := analysis.ChartOf(analysis.ChartHistory)
	var pts []analysis.HistoryPoint
	var other []string
	for _, h := range ch.History(r) {
		if h.Currency != "" && h.Currency != r.Currency {
			other = append(other, h.Month+" ("+h.Currency+")")
			continue
		}
		pts = append(pts, h)
	}
	if len(pts) < 2 {
		return spec{}, false
	}
	s := spec{name: ch.Name, sources: []string{historySource}}
	max := 0.0
	var qs []analysis.Qualifier
	for _, h := range pts {
		max = math.Max(max, math.Abs(h.Total))
		q := labelQualifier(h.Qualifier)
		qs = append(qs, q)
		s.bars = append(s.bars, bar{label: h.Month, value: h.Total, bound: boundOf(q), measure: measureMoney(r.Currency),
			text:        moneyText(h.Total, r.Currency, q) + "\n" + plural(h.Count, "pledge", "pledges"),
			textFinding: say(analysis.ClaimCount, "words.lines", moneyFinding(h.Total, r.Currency, q), say(analysis.ClaimCount, "words.hongkong.count", h.Count))})
	}
	s.scale, s.axis = moneyAxis(r.Currency, max)
	first, last := pts[0], pts[len(pts)-1]
	s.setSubtitle(say(analysis.ClaimScope, "words.history.subtitle", analysis.Word(r.Currency), first.Month, last.Month))
	lastQ := labelQualifier(last.Qualifier)
	now := analysis.Fact{Value: last.Total, Qualifier: lastQ, Unit: r.Currency, Money: true, Shown: math.NaN()}
	switch d := last.Total - first.Total; {
	case d > 0:
		s.setTitle(say(analysis.ClaimChange, "words.history.up", now, last.Month,
			analysis.Fact{Value: d, Unit: r.Currency, Money: true, Shown: math.NaN()}, first.Month))
	case d < 0:
		s.setTitle(say(analysis.ClaimChange, "words.history.down", now, last.Month,
			analysis.Fact{Value: -d, Unit: r.Currency, Money: true, Shown: math.NaN()}, first.Month))
	default:
		s.setTitle(say(analysis.ClaimChange, "words.history.unchanged", now, last.Month, first.Month))
	}
	if len(other) > 0 {
		s.addNote(say(analysis.ClaimScope, "words.history.other", strings.Join(other, ", ")))
	}
	s.legend = boundLegend([]panel{s.panel})
	s.addLegendNote(qs)
	return s, true
}

// labelQualifier reads a qualifier back from its label ("at least",
// "exact", "mixed bounds"), as snapshots keep it.
func labelQualifier(s string) analysis.Qualifier {
	if s == analysis.Mixed.Label() {
		return analysis.Mixed
	}
	q, err := analysis.ParseQualifier(s)
	if err != nil {
		return analysis.Exact
	}
	return q
}
