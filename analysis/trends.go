package analysis

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// trends builds a Trend for every series with two or more periods. A
// series whose periods repeat (an actual and an estimate for one quarter)
// is split by basis; what still repeats is left out of the comparison.
func trends(rows []MetricRow) []Trend {
	type key struct{ entity, metric, unit string }
	groups := map[key][]*Metric{}
	var keys []key
	for i := range rows {
		m := rows[i].Metric
		unit := m.Unit
		if m.Change {
			unit = "change " + unit
		}
		k := key{norm(m.Entity), norm(m.Metric), unit}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], m)
	}
	ents, mets, units := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		ents[i], mets[i], units[i] = k.entity, k.metric, k.unit
	}
	var out []Trend
	for _, i := range orderSeries(ents, mets, units) {
		pts := groups[keys[i]]
		if len(pts) < 2 || pts[0].Change {
			// Signed values (+14% on one day, +9% on another) are changes,
			// not levels: lining them up as a series would compare unlike things.
			continue
		}
		if repeats(pts) {
			byBasis := map[string][]*Metric{}
			var bases []string
			for _, p := range pts {
				if byBasis[p.Basis] == nil {
					bases = append(bases, p.Basis)
				}
				byBasis[p.Basis] = append(byBasis[p.Basis], p)
			}
			sort.Strings(bases)
			for _, b := range bases {
				if sub := byBasis[b]; len(sub) >= 2 && !repeats(sub) {
					t := newTrend(sub)
					t.Basis = b
					out = append(out, t)
				}
			}
			continue
		}
		out = append(out, newTrend(pts))
	}
	return out
}

// norm is s in lower case with its words joined by single spaces.
func norm(s string) string {
	if normal(s) {
		return s // the common case, without allocating
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// normal reports whether s is its own norm: ASCII without capitals or
// white space other than single spaces between words.
func normal(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf || c >= 'A' && c <= 'Z':
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		}
	}
	return true
}

func repeats(pts []*Metric) bool {
	seen := map[Period]bool{}
	for _, p := range pts {
		if seen[p.Period] {
			return true
		}
		seen[p.Period] = true
	}
	return false
}

// newTrend compares the points of one series.
func newTrend(pts []*Metric) Trend {
	pts = append([]*Metric(nil), pts...)
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Period.Less(pts[j].Period) })
	t := Trend{Entity: pts[0].Entity, Metric: pts[0].Metric, Unit: pts[0].Unit, Money: pts[0].Money, Points: pts}
	first, last := t.First(), t.Last()
	t.Change = last.Value - first.Value
	t.ChangeQ = last.Qualifier.Sum(first.Qualifier.flip())
	if first.Value > 0 && last.Value >= 0 && !first.Change && !last.Change {
		t.Multiple, t.MultipleQ, t.HasMultiple = last.Value/first.Value, last.Qualifier.Ratio(first.Qualifier), true
		if years, ok := YearsBetween(first.Period, last.Period); ok && years > 0 && last.Value > 0 {
			t.Years = years
			t.CAGR, t.HasCAGR = math.Pow(t.Multiple, 1/float64(years))-1, true
		}
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		s := Step{From: a, To: b, Change: b.Value - a.Value, ChangeQ: b.Qualifier.Sum(a.Qualifier.flip())}
		if a.Value > 0 && !a.Change && !b.Change {
			s.Growth, s.GrowthQ, s.HasGrowth = b.Value/a.Value-1, b.Qualifier.Ratio(a.Qualifier), true
		}
		if y, ok := YearsBetween(a.Period, b.Period); ok && y == 1 {
			s.YearOnYear = true
		}
		t.Steps = append(t.Steps, s)
	}
	return t
}
