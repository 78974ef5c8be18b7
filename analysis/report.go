package analysis

import (
	"cmp"
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Options steers Build.
type Options struct {
	// Currency is the reporting currency; empty means USD.
	Currency string
	// AsOf is the cut-off: pledges announced after it, and metrics whose
	// source is dated after it, are left out. Zero means no cut-off.
	AsOf time.Time
	// Today is the date a pledge may not be announced after without a
	// warning. Zero turns the check off.
	Today time.Time
	// Month is the report month, YYYY-MM. When set, Build compares the
	// report with the latest of Earlier (the snapshots of the earlier
	// reports, oldest first) and fills Changes and History, so that the
	// report it returns is finished.
	Month   string
	Earlier []Snapshot
}

// Rules applied by Build, written into the report so readers can check them.
const (
	RuleConversion = "Amounts are converted with the latest FX rate dated on or before the announcement date, else the earliest rate of that currency; metrics with the rate on or before the end of their period."
	RuleQualifier  = "A sum that includes an \"at least\" or \"more than\" amount is itself a lower bound; an approximate amount counts at its stated value; a sum that leaves out undisclosed pledges is \"at least\"; lower and upper bounds together give \"mixed bounds\". Sentences round figures to the digits shown; the cells keep the unrounded values."
	RuleSector     = "Fund size by sector: sector names are first mapped to the analyst's own list (Sector names sheet); a pledge naming several sectors is split by the shares its source gives, else equally (an assumption, shown apart); a pledge naming none counts under \"(unspecified)\"."
	RulePerYear    = "Per-year value: the amount divided by the years the commitment spans; pledges without a span have none."
	RuleCounted    = "Totals count every commitment of money except withdrawn ones, repeats of a pledge entered twice, restatements and parts of other pledges, pledges replaced by later ones, and pledges announced after the cut-off; signals without money and amounts per recipient are listed but never counted."
	RuleDuplicate  = "A pledge is taken as entered twice when investor and program match (ignoring case), the announcements are at most 31 days apart, and the amounts differ by at most 15% after conversion; the first is kept with the sources of both."
	RuleCAGR       = "Multiple = last / first; CAGR = multiple^(1/years) - 1, for yearly periods only; a ratio of bounds keeps the bound (32 over less than 13 is more than 2.46x)."
	RuleStatedUSD  = "Where a source states a US-dollar equivalent, it is compared with the FX sheet; a difference above 5% is a warning."
)

// maxMembers caps the investor names listed under one group.
const maxMembers = 50

// Bounds of plausible figures: a pledge announced earlier, or larger, is
// a warning to check, not an error.
const (
	PlausibleSince = 1990
	WorldOutputUSD = 110e12 // the world's yearly output, about US$110 trillion
)

// DateNotStatedKey is the key of Report.DateNotStated: it sorts after
// every year.
const DateNotStatedKey = "date not stated"

// Unspecified is the group key for pledges that name no sector, region or
// investor type.
const Unspecified = "(unspecified)"

// Keys of Report.HongKong: government schemes, and every other investor.
const (
	HongKongPublic  = "Public schemes"
	HongKongPrivate = "Private funds and companies"
)

// PledgeRow is a pledge with its normalised figures. A report holds one
// per pledge, so the fields are ordered to pack: Counted and Approximate
// share a word (120 bytes, not 128, on a 64-bit platform).
type PledgeRow struct {
	*Pledge
	Value   float64  // in the reporting currency; NaN when undisclosed
	USD     float64  // in US dollars; NaN when undisclosed
	PerYear float64  // Value / Years; NaN when either is unknown
	Rate    *Rate    // rate used for the pledge's currency; NoRate when none
	Sources []string // the pledge's source, plus those of its repeats
	Counted bool     // counted in totals
	// Approximate is set when the announced date is not stated by the
	// source (DateBasis report date or elsewhere).
	Approximate bool
	Excluded    Exclusion // why it is not counted, if it is not
	// Stage is the furthest stage of delivery the evidence reports by
	// the cut-off; StageNone when there is none.
	Stage Stage
	// ExcludedBy is the index in Report.Pledges of the pledge Excluded
	// names, when it names one (see Exclusion.NamesPledge and
	// Report.ExcludedText). It is a 32-bit index beside the one-byte
	// fields so that the five share a word of the row.
	ExcludedBy int32
	// Group is the display name of the investor's group (the investor
	// itself when it belongs to none); totals by investor are by group.
	Group string
}

// MetricRow is a metric with its value in the reporting currency where it
// is money.
type MetricRow struct {
	*Metric
	Value float64 // in the reporting currency; NaN when not money
	Rate  *Rate   // rate used; NoRate when none
}

// Group is one line of a group-by over counted pledges.
type Group struct {
	Key         string
	Count       int // pledges counted, disclosed or not
	Undisclosed int
	Total       float64 // reporting currency
	Qualifier   Qualifier
	PerYear     float64 // sum of per-year values of pledges with a span
	Share       float64 // of the dimension's total
	// Approximate counts the pledges whose announced date is not stated by
	// their source; it matters for groups by year.
	Approximate int
	// Assumed is the part of Total that comes from splitting a pledge
	// equally across its sectors because its source gives no shares
	// (sectors only).
	Assumed float64
	// Members lists the distinct investor names counted in a group of
	// investors, in the order first met; for a member (ByMember), the
	// spellings it was written in, case aside.
	Members []string
	// Parent is the investor group a member belongs to (ByMember only).
	Parent string
}

// Step is the change between two consecutive points of a series.
type Step struct {
	From, To   *Metric
	Change     float64
	ChangeQ    Qualifier
	Growth     float64 // To/From - 1
	GrowthQ    Qualifier
	HasGrowth  bool
	YearOnYear bool // consecutive years
}

// Trend compares the points of one metric series: same entity, metric
// and unit, two or more periods.
type Trend struct {
	Entity, Metric, Unit string
	Money                bool
	Basis                string // set when the series was split by basis
	Points               []*Metric
	Change               float64 // last - first
	ChangeQ              Qualifier
	Multiple             float64 // last / first
	MultipleQ            Qualifier
	HasMultiple          bool
	Years                int
	CAGR                 float64
	HasCAGR              bool
	Steps                []Step
	// Finding states the trend in the reporting currency; Build fills it.
	Finding *Finding
}

// First returns the earliest point.
func (t *Trend) First() *Metric { return t.Points[0] }

// Last returns the latest point.
func (t *Trend) Last() *Metric { return t.Points[len(t.Points)-1] }

// Gapless reports whether each point of the series is of the period
// right after the point before: only then may the points be joined by a
// line, which would otherwise show values for the periods between them
// that no source gives.
func (t *Trend) Gapless() bool {
	for i := 1; i < len(t.Points); i++ {
		if !t.Points[i-1].Period.Next(t.Points[i].Period) {
			return false
		}
	}
	return true
}

// Sources returns the distinct sources of the series' points.
func (t *Trend) Sources() []string {
	var out []string
	for _, p := range t.Points {
		out = AppendUnique(out, p.Source)
	}
	return out
}

// Report is the result of Build: everything the workbook and the charts show.
type Report struct {
	Currency string
	AsOf     time.Time

	Pledges []PledgeRow
	Metrics []MetricRow
	Trends  []Trend

	Total      Group
	ByInvestor []Group
	// ByMember breaks the investor groups of more than one name down by
	// investor name, in the order of ByInvestor; Parent names the group.
	ByMember       []Group
	ByInvestorType []Group
	ByRegion       []Group
	BySector       []Group
	ByYear         []Group
	// DateNotStated sums the counted pledges whose source gives no date
	// (before a date, or unknown): in the total, in no year of ByYear.
	DateNotStated Group
	// HongKong compares Hong Kong public schemes (investor type
	// government) with private money (every other type) in Hong Kong.
	HongKong []Group
	// Broader sums, by region, the broader programmes that include AI
	// and state no AI share: listed beside the AI totals, never added
	// to them (see RuleScope).
	Broader []Group

	Headlines []Headline
	// Signals are the rows that are not money (licences, partnerships,
	// plans without a figure); PerRecipient the amounts per recipient.
	// Both stay in Pledges too, never counted.
	Signals      int
	PerRecipient int
	Comparisons  []Comparison
	// Progress follows each tracked pledge against its evidence of
	// delivery, in the order of Pledges; Evidence holds the evidence
	// rows up to the cut-off, by pledge and date.
	Progress []Progress
	// NoEvidence sums the pledges followed for delivery when the inputs
	// hold no evidence; Progress is then empty.
	NoEvidence Untracked
	Evidence   []EvidenceRow
	Entities   []Entity
	Rates      []Rate
	Files      []InputFile
	Problems   *Problems

	// Changes compares the report with the previous month's; nil when no
	// comparison was made. History holds the headline totals of every
	// report so far, this one included. Build fills both when given the
	// report month (Options.Month) and the earlier reports' snapshots.
	Changes *Changes
	History []HistoryPoint

	entities  *entityIndex
	sectorMap map[string]string // folded sector name -> the analyst's sector
}

// Build normalises the inputs and computes every comparison. Problems of
// severity error mean the report must not be written; Build still returns
// all of them at once.
func Build(in Inputs, opt Options) (*Report, *Problems) {
	probs := &Problems{}
	cur := opt.Currency
	if cur == "" {
		cur = "USD"
	}
	rates, rp := NewRates(in.Rates)
	for _, p := range rp {
		probs.Add(p)
	}
	r := &Report{Currency: cur, AsOf: opt.AsOf, Files: in.Files, Problems: probs}
	if !rates.Has(cur) {
		probs.Add(&Problem{Severity: SevError, File: "FX", Err: errorf(ErrNoRate,
			"the reporting currency %s has no FX row; add a row with currency %s and its per_usd rate, or choose --currency USD", cur, cur)})
	}

	r.Entities = in.Entities
	r.entities = newEntityIndex(in.Entities, probs)
	r.sectorMap = newSectorMap(in.SectorNames, probs)
	r.Pledges = normalisePledges(in.Pledges, rates, cur, opt, probs)
	r.classify(probs)
	r.relate(probs)
	r.findRepeats(probs)
	r.progress(in.Progress, rates, opt, probs)
	r.Metrics = normaliseMetrics(in.Metrics, rates, cur, opt, probs)
	r.Trends = trends(r.Metrics)
	r.groupPledges()
	r.Rates = rates.All()
	r.Comparisons = r.compare(in, probs)
	r.Headlines = headlines(r)
	if opt.Month != "" {
		r.compareWithEarlier(opt.Earlier, opt.Month)
	}
	r.entities.frozen = true
	return r, probs
}

// convert turns v in currency from into the reporting currency to, on date.
func convert(v float64, from, to string, on time.Time, rates *Rates) (val, usd float64, used *Rate, ok bool) {
	rf, ok1 := rates.Lookup(from, on)
	rt, ok2 := rates.Lookup(to, on)
	if !ok1 || !ok2 {
		return math.NaN(), math.NaN(), NoRate, false
	}
	usd = v / rf.PerUSD
	return usd * rt.PerUSD, usd, rf, true
}

func normalisePledges(in []Pledge, rates *Rates, cur string, opt Options, probs *Problems) []PledgeRow {
	rows := make([]PledgeRow, len(in))
	// Each row starts with its own source; one backing array serves all,
	// and a merge (capacity one) copies the list before it grows.
	sources := make([]string, len(in))
	withID := 0
	for i := range in {
		if in[i].ID != "" {
			withID++
		}
	}
	ids := make(map[string]int, withID)
	for i := range in {
		p := &in[i]
		row := PledgeRow{Pledge: p, Value: math.NaN(), USD: math.NaN(), PerYear: math.NaN(), Rate: NoRate, Counted: true}
		if p.Source != "" {
			sources[i] = p.Source
			row.Sources = sources[i : i+1 : i+1]
		} else {
			probs.Add(p.Loc.Problem(SevWarning, "source", "", errorf(ErrNoSource, "no source; name the publication or document the figure comes from")))
		}
		if p.ID != "" {
			k := IDKey(p.ID)
			if first, ok := ids[k]; ok {
				probs.Add(p.Loc.Problem(SevError, "id", p.ID, errorf(ErrDuplicateID,
					"id already used at %s; give each pledge its own id", in[first].Loc.Ref())))
			} else {
				ids[k] = i
			}
		}
		if !p.Amount.Undisclosed {
			if !rates.Has(p.Amount.Currency) {
				probs.Add(noRate(p.Loc, p.Amount.Currency))
			} else if v, usd, rate, ok := convert(p.Amount.Value, p.Amount.Currency, cur, p.Announced, rates); ok {
				row.Value, row.USD, row.Rate = v, usd, rate
				if p.Years > 0 {
					row.PerYear = v / p.Years
				}
				if usd > WorldOutputUSD {
					probs.Add(p.Loc.Problem(SevWarning, "amount", p.AmountText, errorf(ErrImplausible,
						"%s is more than the world's yearly economic output (about US$110 trillion); check the amount and its unit", FormatMoney(usd, "USD", Exact))))
				}
				if p.StatedUSD > 0 && p.Amount.Currency == "CNY" && strings.ContainsAny(p.AmountText, "¥￥") && !strings.Contains(p.AmountText, "CN") {
					// Yuan trade at about 7 to the dollar, yen at about 150:
					// a stated dollar figure tells which ¥ the source meant.
					if implied := p.Amount.Value / p.StatedUSD; implied > 40 {
						probs.Add(p.Loc.Problem(SevWarning, "amount", p.AmountText, errorf(ErrImplausible,
							"the source's US-dollar figure implies %s per US$, which fits the yen, not the yuan; write JPY (or JP¥) if the amount is in yen, CNY if in yuan",
							ftoa(math.Round(implied)))))
					}
				}
				if p.StatedUSD > 0 {
					if d := math.Abs(usd-p.StatedUSD) / p.StatedUSD; d > 0.05 {
						probs.Add(p.Loc.Problem(SevWarning, "stated_usd", FormatMoney(p.StatedUSD, "USD", Exact), errorf(ErrStatedRate,
							"the source's US-dollar figure differs by %.1f%% from %s converted at %s %s per US$ (%s); check the FX sheet or the amount",
							d*100, p.AmountText, ftoa(rate.PerUSD), rate.Currency, rate.Date.Format(DateLayout))))
					}
				}
			}
		}
		switch {
		case !opt.AsOf.IsZero() && p.Announced.After(opt.AsOf):
			row.Counted, row.Excluded = false, ExcludedCutoff
			probs.Add(p.Loc.Problem(SevWarning, "announced", p.Announced.Format(DateLayout), errorf(ErrAfterCutoff,
				"announced after the cut-off %s; left out of this month's figures", opt.AsOf.Format(DateLayout))))
		case p.Status == PledgeWithdrawn:
			row.Counted, row.Excluded = false, ExcludedWithdrawn
		}
		if y := p.Announced.Year(); y < PlausibleSince && !p.Announced.IsZero() {
			probs.Add(p.Loc.Problem(SevWarning, "announced", p.Announced.Format(DateLayout), errorf(ErrImplausible,
				"announced in %d, before AI investment was tracked (%d); check the year", y, PlausibleSince)))
		}
		if !opt.Today.IsZero() && p.Announced.After(opt.Today) {
			probs.Add(p.Loc.Problem(SevWarning, "announced", p.Announced.Format(DateLayout), errorf(ErrFutureDate,
				"announced in the future (today is %s); check the date", opt.Today.Format(DateLayout))))
		}
		rows[i] = row
	}
	// One sort serves both the duplicate check and the output: by date,
	// investor, program, then input order. What it compares is copied
	// into a flat slice first, as reading it from the pledges, which lie
	// in input order, dominates at a million rows.
	type sortKey struct {
		day               int64
		investor, program string
	}
	keys := make([]sortKey, len(rows))
	order := make([]int, len(rows))
	for i := range rows {
		p := rows[i].Pledge
		keys[i] = sortKey{p.Announced.Unix(), p.Investor, p.Program}
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &keys[i], &keys[j]
		if a.day != b.day {
			return cmp.Compare(a.day, b.day)
		}
		if c := strings.Compare(a.investor, b.investor); c != 0 {
			return c
		}
		if c := strings.Compare(a.program, b.program); c != 0 {
			return c
		}
		return i - j
	})
	markDuplicates(rows, order, probs)
	permute(rows, order)
	return rows
}

// permute puts rows in the order given, in place: row order[k] moves to
// k. It follows each cycle of the permutation, marking the places it has
// filled in order, so that the rows are not copied into a second slice
// of their size (12.8 MB at 100,000 pledges).
func permute(rows []PledgeRow, order []int) {
	for i := range rows {
		if order[i] == i {
			continue
		}
		first := rows[i]
		j := i
		for {
			k := order[j]
			order[j] = j
			if k == i {
				rows[j] = first
				break
			}
			rows[j] = rows[k]
			j = k
		}
	}
}

// markDuplicates finds pledges entered twice (see RuleDuplicate), going
// through rows in date order; it keeps the first and adds the sources of
// the repeat to it. Candidates are found by a hash of the lower-cased
// investor and program and confirmed by comparing the texts; those
// announced more than 31 days before the row at hand are dropped from
// their list, so a pair repeated month after month is never compared
// with all of its past repeats.
//
// The candidates of a key are a list linked through next, from the
// oldest to the newest kept row: a map of lists as slices took a slice of
// its own per key, most of them of one row (14 MB allocated at 100,000
// pledges against 3 MB). The keys are hashed in input order, before the
// walk in date order, so that the rows are read where they lie; in date
// order the walk reads a row's texts only when its key has candidates.
func markDuplicates(rows []PledgeRow, order []int, probs *Problems) {
	const window = 31 * 24 * time.Hour
	type span struct{ first, last int32 } // rows of one key, by date
	keys := make([]uint64, len(rows))
	counted := 0
	var h maphash.Hash
	for i := range rows {
		p := &rows[i]
		if !p.Counted {
			continue
		}
		counted++
		h.Reset()
		writeLower(&h, strings.TrimSpace(p.Investor))
		h.WriteByte(0)
		writeLower(&h, strings.TrimSpace(p.Program))
		keys[i] = h.Sum64()
	}
	byKey := make(map[uint64]span, counted)
	next := make([]int32, len(rows)) // the next candidate of the same key; -1 ends the list
	for _, i := range order {
		p := &rows[i]
		if !p.Counted {
			continue
		}
		k := keys[i]
		list, ok := byKey[k]
		if !ok {
			list = span{-1, -1}
		}
		for list.first >= 0 && p.Announced.Sub(rows[list.first].Announced) > window {
			list.first = next[list.first]
		}
		if list.first < 0 {
			list.last = -1
		}
		var inv, prog string
		if list.first >= 0 {
			inv, prog = strings.TrimSpace(p.Investor), strings.TrimSpace(p.Program)
		}
		for j := list.first; j >= 0; j = next[j] {
			q := &rows[j]
			if !similar(p.USD, q.USD) || !lowerEqual(inv, strings.TrimSpace(q.Investor)) || !lowerEqual(prog, strings.TrimSpace(q.Program)) {
				continue
			}
			p.Counted, p.Excluded = false, ExcludedTwice
			for _, s := range p.Sources {
				q.Sources = AppendUnique(q.Sources, s)
			}
			detail := "same amount"
			if !math.IsNaN(p.USD) {
				detail = "amounts " + FormatMoney(q.USD, "USD", Exact) + " and " + FormatMoney(p.USD, "USD", Exact)
			}
			probs.Add(p.Loc.Problem(SevWarning, "program", p.Program, errorf(ErrDuplicatePledge,
				"same pledge as %s (same investor and program, announced within 31 days, %s); counted once, with the sources of both: %s",
				q.Loc.Ref(), detail, Listed(q.Sources, "; "))))
			break
		}
		if p.Counted {
			next[i] = -1
			if list.last >= 0 {
				next[list.last] = int32(i)
			} else {
				list.first = int32(i)
			}
			list.last = int32(i)
		}
		switch {
		case list.first < 0 && ok:
			delete(byKey, k)
		case list.first >= 0:
			byKey[k] = list
		}
	}
}

// writeLower writes s lower-cased (as strings.ToLower would) without
// making a new string.
func writeLower(h *maphash.Hash, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			var buf [utf8.UTFMax]byte
			for _, r := range s[i:] {
				h.Write(utf8.AppendRune(buf[:0], unicode.ToLower(r)))
			}
			return
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h.WriteByte(c)
	}
}

// lowerEqual reports whether strings.ToLower(a) == strings.ToLower(b).
func lowerEqual(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func similar(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	m := math.Max(math.Abs(a), math.Abs(b))
	return m == 0 || math.Abs(a-b) <= 0.15*m
}

// PeriodEnd returns the last day of a period, used to pick an FX rate.
func PeriodEnd(p Period) time.Time {
	switch p.Kind {
	case PeriodYear, PeriodFiscalYear:
		return time.Date(p.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case PeriodHalf:
		return time.Date(p.Year, time.Month(p.N*6)+1, 0, 0, 0, 0, 0, time.UTC)
	case PeriodQuarter, PeriodFiscalQuarter:
		return time.Date(p.Year, time.Month(p.N*3)+1, 0, 0, 0, 0, 0, time.UTC)
	case PeriodMonth:
		return time.Date(p.Year, time.Month(p.N)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return p.Day
}

func normaliseMetrics(in []Metric, rates *Rates, cur string, opt Options, probs *Problems) []MetricRow {
	var rows []MetricRow
	for i := range in {
		m := &in[i]
		if m.Source == "" {
			probs.Add(m.Loc.Problem(SevWarning, "source", "", errorf(ErrNoSource, "no source; name the publication or document the figure comes from")))
		}
		if !opt.AsOf.IsZero() && m.SourceDate.After(opt.AsOf) {
			probs.Add(m.Loc.Problem(SevWarning, "source_date", m.SourceDate.Format(DateLayout), errorf(ErrAfterCutoff,
				"source dated after the cut-off %s; left out of this month's figures", opt.AsOf.Format(DateLayout))))
			continue
		}
		row := MetricRow{Metric: m, Value: math.NaN(), Rate: NoRate}
		if m.Money {
			if !rates.Has(m.Unit) {
				probs.Add(m.Loc.Problem(SevError, "value", m.ValueText, errorf(ErrNoRate,
					"no FX row for %s; add a row to the FX sheet with currency %s, per_usd and date", m.Unit, m.Unit)))
			} else if v, _, rate, ok := convert(m.Value, m.Unit, cur, PeriodEnd(m.Period), rates); ok {
				row.Value, row.Rate = v, rate
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// groupPledges computes the totals of every dimension in one pass over
// the counted pledges, with plain maps; the compact results are then
// ranked.
func (r *Report) groupPledges() {
	type acc = map[string]*Group
	// One map per dimension, each a variable of its own: the pass looks
	// each pledge up in every dimension.
	investors, members, types, regions, sectors, years, hk := acc{}, acc{}, acc{}, acc{}, acc{}, acc{}, acc{}
	var p *PledgeRow
	var secBuf [8]string
	var shareBuf [8]float64
	// count adds the pledge at hand to g, val and perYear times share.
	count := func(g *Group, val, perYear float64, q Qualifier, share float64) {
		g.Count++
		if p.Approximate {
			g.Approximate++
		}
		if math.IsNaN(val) {
			g.Undisclosed++
			return
		}
		g.Total += val * share
		g.Qualifier = g.Qualifier.Sum(q)
		if !math.IsNaN(perYear) {
			g.PerYear += perYear * share
		}
	}
	// add counts the pledge at hand in the group key of d, and returns
	// the group.
	add := func(d acc, key string, val, perYear float64, q Qualifier, share float64) *Group {
		if key == "" {
			key = Unspecified
		}
		g := d[key]
		if g == nil {
			g = &Group{Key: key}
			d[key] = g
		}
		count(g, val, perYear, q, share)
		return g
	}
	total := &Group{Key: "All counted pledges"}
	broader := acc{}
	memberOf := map[string]string{} // investor as written -> member name
	yearKeys := map[int]string{}    // year -> its key, written once
	for i := range r.Pledges {
		p = &r.Pledges[i]
		if p.Excluded == ExcludedBroader {
			if g := add(broader, p.Region, p.Value, p.PerYear, p.Amount.Qualifier, 1); len(g.Members) < maxMembers {
				g.Members = append(g.Members, p.Program)
			}
		}
		if !p.Counted {
			continue
		}
		q := p.Amount.Qualifier
		m, ok := memberOf[p.Investor]
		if !ok {
			m = r.MemberOf(p.Investor)
			if len(memberOf) < 1<<16 {
				memberOf[p.Investor] = m
			}
		}
		if g := add(investors, p.Group, p.Value, p.PerYear, q, 1); len(g.Members) < maxMembers && !slices.Contains(g.Members, m) {
			g.Members = append(g.Members, m)
		}
		if g := add(members, m, p.Value, p.PerYear, q, 1); len(g.Members) < maxMembers && !slices.ContainsFunc(g.Members, func(s string) bool { return strings.EqualFold(s, p.Investor) }) {
			g.Members = append(g.Members, p.Investor) // its spellings, case aside
		}
		add(types, p.InvestorType.String(), p.Value, p.PerYear, q, 1)
		add(regions, p.Region, p.Value, p.PerYear, q, 1)
		if p.Undated() {
			add(years, DateNotStatedKey, p.Value, p.PerYear, q, 1)
		} else {
			y := p.Announced.Year()
			key, ok := yearKeys[y]
			if !ok {
				key = itoa(y)
				yearKeys[y] = key
			}
			add(years, key, p.Value, p.PerYear, q, 1)
		}
		if strings.EqualFold(p.Region, "Hong Kong") {
			k := HongKongPrivate
			if p.InvestorType == InvestorGovernment {
				k = HongKongPublic
			}
			add(hk, k, p.Value, p.PerYear, q, 1)
		}
		if len(p.Sectors) == 0 {
			add(sectors, Unspecified, p.Value, p.PerYear, q, 1)
		}
		names, shares := r.sectorSplit(p, secBuf[:0], shareBuf[:0])
		assumed := p.SectorShares == nil && len(names) > 1
		for k, s := range names {
			g := add(sectors, s, p.Value, p.PerYear, q, shares[k])
			if assumed && !math.IsNaN(p.Value) {
				g.Assumed += p.Value * shares[k]
			}
		}
		count(total, p.Value, p.PerYear, q, 1)
	}
	finish := func(d acc) []Group {
		var gs []Group
		var sum float64
		for _, g := range d {
			if g.Undisclosed > 0 {
				g.Qualifier = g.Qualifier.Sum(AtLeast)
			}
			sum += g.Total
			gs = append(gs, *g)
		}
		for i := range gs {
			if sum > 0 {
				gs[i].Share = gs[i].Total / sum
			}
		}
		return rankGroups(gs)
	}
	if total.Undisclosed > 0 {
		total.Qualifier = total.Qualifier.Sum(AtLeast)
	}
	total.Share = 1
	r.Total = *total
	r.ByInvestor = finish(investors)
	r.ByMember = r.members(finish(members))
	r.ByInvestorType = finish(types)
	r.ByRegion = finish(regions)
	r.BySector = finish(sectors)
	r.HongKong = finish(hk)
	r.ByYear = finish(years)
	r.Broader = finish(broader)
	sort.SliceStable(r.ByYear, func(i, j int) bool { return r.ByYear[i].Key < r.ByYear[j].Key })
	r.DateNotStated = Group{Key: DateNotStatedKey}
	if n := len(r.ByYear); n > 0 && r.ByYear[n-1].Key == DateNotStatedKey {
		// Its share is of the same total as the years'; it sits in none.
		r.DateNotStated, r.ByYear = r.ByYear[n-1], r.ByYear[:n-1]
	}
}

// members keeps the member lines of groups that gather more than one
// name, or one name other than their own, ordered as ByInvestor.
func (r *Report) members(ms []Group) []Group {
	rank := map[string]int{}
	for i, g := range r.ByInvestor {
		if len(g.Members) > 1 || len(g.Members) == 1 && g.Members[0] != g.Key {
			rank[g.Key] = i
		}
	}
	var out []Group
	for _, m := range ms {
		m.Parent = r.GroupOf(m.Key)
		if _, ok := rank[m.Parent]; ok {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Parent] < rank[out[j].Parent] })
	return out
}

// sectorSplit returns the sectors a pledge's amount goes to, mapped to
// the analyst's own list, with the share each gets: the shares the source
// gives, else equal parts. Sectors that map to one merge, their shares
// added. The slices are built in names and shares.
func (r *Report) sectorSplit(p *PledgeRow, names []string, shares []float64) ([]string, []float64) {
	for k, s := range p.Sectors {
		// With no names to map, norm (which allocates for a name with
		// capitals) is not called.
		if len(r.sectorMap) > 0 {
			if m, ok := r.sectorMap[norm(s)]; ok {
				s = m
			}
		}
		share := 1 / float64(len(p.Sectors))
		if p.SectorShares != nil {
			share = p.SectorShares[k]
		}
		if j := slices.Index(names, s); j >= 0 {
			shares[j] += share
			continue
		}
		names, shares = append(names, s), append(shares, share)
	}
	if p.SectorShares == nil && len(names) < len(p.Sectors) {
		// Names that merged split equally among what is left.
		for k := range shares {
			shares[k] = 1 / float64(len(names))
		}
	}
	return names, shares
}

// newSectorMap indexes the Sector names rows; a name mapped to two
// sectors is an error at the second row.
func newSectorMap(ns []SectorName, probs *Problems) map[string]string {
	m := map[string]string{}
	at := map[string]*SectorName{}
	for i := range ns {
		n := &ns[i]
		k := norm(n.Name)
		if prev, ok := m[k]; ok && prev != n.Sector {
			probs.Add(n.Loc.Problem(SevError, "sector", n.Sector, errorf(ErrConflict,
				"%q is already mapped to %q at %s; map each name to one sector", n.Name, prev, at[k].Loc.Ref())))
			continue
		}
		m[k], at[k] = n.Sector, n
	}
	return m
}

// noRate is the error of an amount in a currency the FX sheet has no row
// for, at the currency column, or at the amount when there is none.
func noRate(loc Loc, currency string) *Problem {
	col := "currency"
	if loc.Column("currency") == 0 {
		col = "amount"
	}
	return loc.Problem(SevError, col, currency, errorf(ErrNoRate,
		"no FX row for %s; add a row to the FX sheet with currency %s, per_usd and date", currency, currency))
}

// compareWithEarlier fills Changes and History from the earlier reports'
// snapshots, oldest first; of them only the latest keeps its entries.
func (r *Report) compareWithEarlier(earlier []Snapshot, month string) {
	ch := Changes{}
	if len(earlier) > 0 {
		ch = CompareReport(earlier[len(earlier)-1], r, month)
	}
	r.Changes = &ch
	r.History = History(earlier, r.SnapshotHead(month))
	r.PrependChanges()
}
