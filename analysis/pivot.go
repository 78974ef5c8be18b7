package analysis

import (
	"cmp"
	"math"
	"slices"
)

// PivotRow is one line of the table a spreadsheet's pivot table reads:
// the counted pledges that share an investor group, a year of
// announcement, a region, an investor type and a kind, with how many
// they are, how many of them state no amount, and the sum of the stated
// values in the reporting currency with its bound. The lines are few
// where pledges are many (a line per combination, not per pledge), so
// that a pivot cache over them stays small.
type PivotRow struct {
	Group        string
	Year         int // 0 when the source gives no date (see Pledge.Undated)
	Region       string
	InvestorType string
	Kind         string // "" for a commitment of money, as on Pledges
	Count        int
	Undisclosed  int
	Value        float64 // sum of the stated values; 0 when none is stated
	Qualifier    Qualifier
}

// PivotRows gathers the counted pledges of the report into PivotRows,
// sorted by group, year, region, investor type and kind. A missing
// region or investor type is Unspecified, as in the group totals. The
// values are added in the order of the pledges.
func (r *Report) PivotRows() []PivotRow {
	type key struct {
		group       string
		year        int
		region, typ string
		kind        string
	}
	at := map[key]int{}
	var out []PivotRow
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if !p.Counted {
			continue
		}
		k := key{group: p.Group, region: p.Region, typ: p.InvestorType.String(), kind: p.Kind.String()}
		if !p.Undated() && !p.Announced.IsZero() {
			// A stake known only to predate a date is in no year, as in
			// the year totals.
			k.year = p.Announced.Year()
		}
		if k.region == "" {
			k.region = Unspecified
		}
		if k.typ == "" {
			k.typ = Unspecified
		}
		n, ok := at[k]
		if !ok {
			n = len(out)
			at[k] = n
			out = append(out, PivotRow{Group: k.group, Year: k.year, Region: k.region, InvestorType: k.typ, Kind: k.kind})
		}
		row := &out[n]
		row.Count++
		if math.IsNaN(p.Value) {
			row.Undisclosed++
			continue
		}
		row.Value += p.Value
		row.Qualifier = row.Qualifier.Sum(p.Amount.Qualifier)
	}
	slices.SortFunc(out, func(a, b PivotRow) int {
		return cmp.Or(cmp.Compare(a.Group, b.Group), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Region, b.Region),
			cmp.Compare(a.InvestorType, b.InvestorType), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}
