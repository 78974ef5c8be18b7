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
type spec struct {
	name        string // file name without ".png", sanitised
	title       string
	subtitle    string
	notes       []string // footnotes above the source line
	sources     []string // "ABMedia 2025-09-25"; at most maxCitedSources
	moreSources int      // distinct sources cited beyond sources: "and N more"
	moreCJK     bool     // one of those more holds Chinese, Japanese or Korean
	horizontal  bool     // bars grow to the right, categories top to bottom
	bars        []bar
	axis        string  // value axis label with its unit: "US$ billion"
	scale       float64 // values are divided by scale on the axis
	percent     bool    // a 0-100% axis
}

// bar is one category of a chart.
type bar struct {
	label string  // category, drawn beside (horizontal) or under the bar
	value float64 // in whole units; divided by spec.scale to draw
	text  string  // value label at the end of the bar; "\n" separates lines
	tone  tone
}

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

// Keys of Report.HongKong, as analysis.Build names them.
const (
	hkPublic  = "Public schemes"
	hkPrivate = "Private funds and companies"
)

// build turns a report into chart specs in a fixed order: investors,
// sectors, trends, Hong Kong, surveys, history. Charts without data are
// left out.
func build(r *analysis.Report) []spec {
	c := newCitations(r.Pledges)
	var out []spec
	add := func(s spec, ok bool) {
		if ok {
			out = append(out, s)
		}
	}
	add(groupSpec(r, c, "pledges-by-investor", "AI investment pledges by investor", r.ByInvestor, "investors",
		"Counted pledges by investor"))
	if anyPositive(named(r.BySector)) { // a lone "(unspecified)" bar says nothing
		add(groupSpec(r, c, "fund-size-by-sector", "AI fund size by sector", r.BySector, "sectors",
			"Counted pledges by sector; multi-sector amounts split equally across their sectors"))
	}
	for i := range r.Trends {
		add(trendSpec(r, &r.Trends[i], i))
	}
	add(hongKongSpec(r, c))
	out = append(out, surveySpecs(r)...)
	add(historySpec(r))
	uniqueNames(out)
	return out
}

// groupSpec is a horizontal bar chart of group totals in the reporting
// currency: the top groups plus one bar for the rest. Every counted
// pledge is in one group or another (or, for sectors, several).
func groupSpec(r *analysis.Report, c *citations, name, title string, groups []analysis.Group, what, subtitle string) (spec, bool) {
	if !anyPositive(groups) {
		return spec{}, false
	}
	shown := groups
	if len(groups) > topGroups+1 {
		shown = append(shown[:topGroups:topGroups], others(groups[topGroups:], what))
		subtitle += fmt.Sprintf("; top %d of %d", topGroups, len(groups))
	}
	s := spec{name: name, title: title, subtitle: subtitle + asOf(r), horizontal: true}
	s.scale, s.axis = moneyAxis(r.Currency, maxTotal(shown))
	var qs []analysis.Qualifier
	for i, g := range shown {
		b := bar{label: g.Key, value: g.Total, text: groupText(g, r.Currency)}
		if i == topGroups && len(groups) > topGroups+1 {
			b.tone = toneMuted
		}
		s.bars = append(s.bars, b)
		if g.Undisclosed < g.Count {
			qs = append(qs, g.Qualifier)
		}
	}
	if n := r.Total.Undisclosed; n > 0 {
		s.notes = append(s.notes, fmt.Sprintf("%s of undisclosed amount counted but not summed; totals that include them are lower bounds (≥).",
			plural(n, "pledge", "pledges")))
	}
	s.notes = appendLegend(s.notes, qs)
	c.all().setOn(&s)
	return s, true
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

// others sums the groups that are not shown one by one.
func others(gs []analysis.Group, what string) analysis.Group {
	o := analysis.Group{Key: fmt.Sprintf("Others (%d %s)", len(gs), what)}
	for _, g := range gs {
		o.Count += g.Count
		o.Undisclosed += g.Undisclosed
		o.Total += g.Total
		o.PerYear += g.PerYear
		o.Share += g.Share
		o.Qualifier = o.Qualifier.Sum(g.Qualifier) // Exact is the identity
	}
	return o
}

// groupText is the value label of a group: "≥ US$32.0B", or "undisclosed"
// when no pledge of the group has an amount.
func groupText(g analysis.Group, cur string) string {
	if g.Count > 0 && g.Undisclosed == g.Count {
		return "undisclosed"
	}
	return moneyText(g.Total, cur, g.Qualifier)
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

func moneyText(v float64, cur string, q analysis.Qualifier) string {
	return qualified(q, analysis.FormatMoney(v, cur, q))
}

// appendLegend adds a footnote explaining the marks used, in a fixed order.
func appendLegend(notes []string, used []analysis.Qualifier) []string {
	var parts []string
	for _, x := range qualSymbols {
		for _, q := range used {
			if q == x.q {
				parts = append(parts, x.symbol+" "+x.q.String())
				break
			}
		}
	}
	if len(parts) == 0 {
		return notes
	}
	return append(notes, "Marks: "+strings.Join(parts, ", ")+".")
}

// moneyAxis picks the unit of a money axis from its largest value.
func moneyAxis(cur string, max float64) (float64, string) {
	scale, word := scaleFor(max)
	return scale, strings.TrimSpace(strings.TrimSpace(analysis.Symbol(cur)) + " " + word)
}

// scaleFor picks a scale word for an axis; below ten thousand the plain
// numbers read well.
func scaleFor(max float64) (float64, string) {
	a := math.Abs(max)
	switch {
	case a >= 1e12:
		return 1e12, "trillion"
	case a >= 1e9:
		return 1e9, "billion"
	case a >= 1e6:
		return 1e6, "million"
	case a >= 1e4:
		return 1e3, "thousand"
	}
	return 1, ""
}

func asOf(r *analysis.Report) string {
	if r.AsOf.IsZero() {
		return ""
	}
	return "; as of " + r.AsOf.Format(analysis.DateLayout)
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

// trendSpec is a bar per period of one metric series.
func trendSpec(r *analysis.Report, t *analysis.Trend, index int) (spec, bool) {
	if len(t.Points) < 2 {
		return spec{}, false
	}
	what := t.Metric
	if t.Basis != "" {
		what += " (" + t.Basis + ")"
	}
	s := spec{title: t.Entity + ": " + what}
	s.name = "trend-" + sanitise(t.Entity+" "+what)
	if s.name == "trend-" {
		s.name = fmt.Sprintf("trend-%d", index+1)
	}
	max := 0.0
	for _, p := range t.Points {
		max = math.Max(max, math.Abs(p.Value))
	}
	s.scale, s.axis = valueAxis(t.Unit, t.Money, max)
	s.percent = t.Unit == "%" // Build makes no series of signed changes
	var qs []analysis.Qualifier
	light := false
	for _, p := range t.Points {
		label := p.Period.String()
		tn := toneMain
		if t.Basis == "" && p.Basis != "" && p.Basis != "actual" {
			label += " (" + p.Basis + ")"
			tn, light = toneLight, true
		}
		txt := analysis.FormatValue(p.Value, t.Unit, t.Money, p.Qualifier)
		if t.Unit == "rank" {
			txt = "No. " + strconv.FormatFloat(p.Value, 'f', -1, 64)
		}
		s.bars = append(s.bars, bar{label: label, value: p.Value, tone: tn, text: qualified(p.Qualifier, txt)})
		qs = append(qs, p.Qualifier)
		s.sources = appendUnique(s.sources, cite(p.Source, p.SourceDate))
	}
	if t.HasMultiple && t.MultipleQ != analysis.Mixed {
		s.subtitle = fmt.Sprintf("%s to %s: %s", t.First().Period, t.Last().Period,
			analysis.Qualified(t.MultipleQ, analysis.FormatMultiple(t.Multiple, t.MultipleQ), false))
		if t.HasCAGR {
			s.subtitle += "; CAGR " + analysis.Qualified(t.MultipleQ, analysis.FormatPercent(t.CAGR, t.MultipleQ), true)
			if t.Years > 1 {
				s.subtitle += fmt.Sprintf(" over %d years", t.Years)
			}
		}
	}
	if light {
		s.notes = append(s.notes, "Lighter bars: planned, budgeted, estimated or forecast figures.")
	}
	s.notes = appendLegend(s.notes, qs)
	return s, true
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
	if !anyPositive(r.HongKong) {
		return spec{}, false
	}
	groups := []analysis.Group{{Key: hkPublic}, {Key: hkPrivate}}
	for _, g := range r.HongKong {
		switch g.Key {
		case hkPublic:
			groups[0] = g
		case hkPrivate:
			groups[1] = g
		default:
			groups = append(groups, g)
		}
	}
	s := spec{name: "hong-kong-public-vs-private", title: "Hong Kong: public schemes vs private money",
		subtitle: "Counted AI pledges in Hong Kong; public = government schemes, private = all other investors" + asOf(r)}
	s.scale, s.axis = moneyAxis(r.Currency, maxTotal(groups))
	var qs []analysis.Qualifier
	for i, g := range groups {
		txt := "no pledges"
		if g.Count > 0 {
			txt = groupText(g, r.Currency) + "\n" + plural(g.Count, "pledge", "pledges")
			if g.Undisclosed > 0 && g.Undisclosed < g.Count {
				txt += fmt.Sprintf(" (%d undisclosed)", g.Undisclosed)
			}
		}
		if g.Undisclosed < g.Count {
			qs = append(qs, g.Qualifier)
		}
		tn := toneMain
		if i > 0 {
			tn = toneAlt
		}
		s.bars = append(s.bars, bar{label: g.Key, value: g.Total, text: txt, tone: tn})
	}
	s.notes = appendLegend(s.notes, qs)
	c.pledgeSources(func(p *analysis.PledgeRow) bool { return strings.EqualFold(p.Region, "Hong Kong") }).setOn(&s)
	return s, true
}

// surveySpecs draws percentage levels (41% of firms use AI; not signed
// changes such as +8%) as horizontal bars on a 0-100% axis: one chart per
// entity with two or more such figures, and one chart gathering the
// entities that have a single figure, so that no chart holds a lone bar
// when it can be helped.
func surveySpecs(r *analysis.Report) []spec {
	type group struct {
		entity string
		rows   []*analysis.Metric // MetricRow.Value is NaN for non-money metrics
	}
	var groups []*group
	byKey := map[string]*group{}
	for i := range r.Metrics {
		m := r.Metrics[i].Metric
		if m.Unit != "%" || m.Change || m.Money {
			continue
		}
		k := strings.ToLower(strings.Join(strings.Fields(m.Entity), " "))
		g := byKey[k]
		if g == nil {
			g = &group{entity: m.Entity}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.rows = append(g.rows, m)
	}
	var own []*group
	rest := &group{}
	for _, g := range groups {
		if len(g.rows) > 1 {
			own = append(own, g)
		} else {
			rest.rows = append(rest.rows, g.rows...)
		}
	}
	charts := len(own)
	if len(rest.rows) > 0 {
		charts++
	}
	var out []spec
	for gi, g := range own {
		base := "survey-percentages"
		if charts > 1 {
			if n := sanitise(g.entity); n != "" {
				base += "-" + n
			} else {
				base += fmt.Sprintf("-group-%d", gi+1)
			}
		}
		out = append(out, percentSpecs(base, g.entity, g.rows, false)...)
	}
	if len(rest.rows) > 0 {
		base, title := "survey-percentages", "Reported percentages"
		if charts > 1 {
			base, title = "survey-percentages-other", "Other reported percentages"
		}
		if len(rest.rows) == 1 {
			title = rest.rows[0].Entity
		}
		out = append(out, percentSpecs(base, title, rest.rows, true)...)
	}
	return out
}

// percentSpecs draws percentage rows, largest first, maxSurveyBar to a
// chart. Labels name the metric, with the entity when the rows are of
// several entities and the period when they are of several periods.
func percentSpecs(base, title string, rows []*analysis.Metric, withEntity bool) []spec {
	rows = append([]*analysis.Metric(nil), rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Value > rows[j].Value })
	var periods []string
	for _, m := range rows {
		periods = appendUnique(periods, m.Period.String())
	}
	sort.Strings(periods)
	withEntity = withEntity && len(rows) > 1
	var out []spec
	parts := (len(rows) + maxSurveyBar - 1) / maxSurveyBar
	size := (len(rows) + parts - 1) / parts // even parts: 18 rows give 9 and 9
	for part := 0; part < parts; part++ {
		chunk := rows[part*size : min(len(rows), (part+1)*size)]
		s := spec{name: base, title: title, horizontal: true, scale: 1, axis: "Percent", percent: true,
			subtitle: "Percentages as reported, " + periodSpan(periods)}
		if parts > 1 {
			s.title += fmt.Sprintf(" (%d of %d)", part+1, parts)
			if part > 0 {
				s.name = fmt.Sprintf("%s-%d", base, part+1)
			}
		}
		var qs []analysis.Qualifier
		for _, m := range chunk {
			label := upperFirst(m.Metric)
			if withEntity {
				label = m.Entity + ": " + m.Metric
			}
			if len(periods) > 1 {
				label += " (" + m.Period.String() + ")"
			}
			s.bars = append(s.bars, bar{label: label, value: m.Value,
				text: qualified(m.Qualifier, analysis.FormatValue(m.Value, "%", false, m.Qualifier))})
			qs = append(qs, m.Qualifier)
			s.sources = appendUnique(s.sources, cite(m.Source, m.SourceDate))
		}
		s.notes = appendLegend(s.notes, qs)
		out = append(out, s)
	}
	return out
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

func periodSpan(ps []string) string {
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return ps[0]
	}
	return ps[0] + " to " + ps[len(ps)-1]
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
	var pts []analysis.HistoryPoint
	var other []string
	for _, h := range r.History {
		if h.Currency != "" && h.Currency != r.Currency {
			other = append(other, h.Month+" ("+h.Currency+")")
			continue
		}
		pts = append(pts, h)
	}
	if len(pts) < 2 {
		return spec{}, false
	}
	s := spec{name: "history", title: "Total AI pledges by report month", sources: []string{historySource}}
	max := 0.0
	var qs []analysis.Qualifier
	for _, h := range pts {
		max = math.Max(max, math.Abs(h.Total))
		q := labelQualifier(h.Qualifier)
		qs = append(qs, q)
		s.bars = append(s.bars, bar{label: h.Month, value: h.Total,
			text: moneyText(h.Total, r.Currency, q) + "\n" + plural(h.Count, "pledge", "pledges")})
	}
	s.scale, s.axis = moneyAxis(r.Currency, max)
	first, last := pts[0], pts[len(pts)-1]
	change := "no change"
	if d := last.Total - first.Total; d != 0 {
		sign := "+"
		if d < 0 {
			sign = "-"
		}
		change = sign + analysis.FormatMoney(math.Abs(d), r.Currency, analysis.Exact)
	}
	s.subtitle = fmt.Sprintf("Counted pledges in each monthly report, in %s; %s to %s: %s", r.Currency, first.Month, last.Month, change)
	if len(other) > 0 {
		s.notes = append(s.notes, "Left out, in another currency: "+strings.Join(other, ", ")+".")
	}
	s.notes = appendLegend(s.notes, qs)
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

// appendUnique appends s unless it is empty or already in list; for the
// short lists of a series' periods and sources.
func appendUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
