package analysis

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
)

// Snapshot is what a report keeps of itself for the next month's
// comparison: every normalised pledge and metric under a stable key, and
// the headline totals. It is stored beside the workbook.
type Snapshot struct {
	Month    string          `json:"month"`
	AsOf     string          `json:"as_of"`
	Currency string          `json:"currency"`
	Totals   SnapshotTotals  `json:"totals"`
	Pledges  []SnapshotEntry `json:"pledges"`
	Metrics  []SnapshotEntry `json:"metrics"`
}

// SnapshotTotals are the headline totals of a report.
type SnapshotTotals struct {
	Total          float64            `json:"total"`
	Qualifier      string             `json:"qualifier"`
	Count          int                `json:"count"`
	Undisclosed    int                `json:"undisclosed"`
	ByInvestorType map[string]float64 `json:"by_investor_type"`
	ByRegion       map[string]float64 `json:"by_region"`
	// Delivered is the sum of the amounts delivered (disbursed or spent)
	// of the counted pledges, with its qualifier; nil when the evidence
	// states none, and in snapshots written before it was kept.
	Delivered          *float64 `json:"delivered,omitempty"`
	DeliveredQualifier string   `json:"delivered_qualifier,omitempty"`
}

// SnapshotEntry is one pledge or metric: its key, a label for people, and
// the fields compared from month to month.
type SnapshotEntry struct {
	Key    string   `json:"key"`
	Label  string   `json:"label"`
	Value  *float64 `json:"value,omitempty"` // reporting currency; nil when undisclosed or not money
	Fields []string `json:"fields"`          // in the order of PledgeFields or MetricFields
}

// A snapshot field: its name and how a row gives its value.
type snapField[T any] struct {
	name  string
	value func(*T) string
}

// The fields compared from month to month, in the order of
// SnapshotEntry.Fields. A field added later is appended: a snapshot
// written before it has fewer fields, read as empty.
var (
	pledgeSnapshot = []snapField[PledgeRow]{
		{"amount", func(p *PledgeRow) string { return p.AmountText }},
		{"currency", func(p *PledgeRow) string { return p.Amount.Currency }},
		{"qualifier", func(p *PledgeRow) string { return p.Amount.Qualifier.Label() }},
		{"status", func(p *PledgeRow) string { return p.Status.String() }},
		{"sectors", func(p *PledgeRow) string { return strings.Join(p.Sectors, "; ") }},
		{"source", func(p *PledgeRow) string { return strings.Join(p.Sources, "; ") }},
		{"counted", func(p *PledgeRow) string { return YesNo(p.Counted) }},
		{"stage", func(p *PledgeRow) string { return p.Stage.String() }},
	}
	metricSnapshot = []snapField[MetricRow]{
		{"value", func(m *MetricRow) string { return m.ValueText }},
		{"unit", func(m *MetricRow) string { return m.Unit }},
		{"qualifier", func(m *MetricRow) string { return m.Qualifier.Label() }},
		{"basis", func(m *MetricRow) string { return m.Basis }},
		{"source", func(m *MetricRow) string { return m.Source }},
	}
	// PledgeFields and MetricFields name the fields of pledge and metric
	// entries.
	PledgeFields = fieldNames(pledgeSnapshot)
	MetricFields = fieldNames(metricSnapshot)
)

func fieldNames[T any](fs []snapField[T]) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

func fieldValues[T any](fs []snapField[T], row *T) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.value(row)
	}
	return out
}

// PledgeKey is the stable key that matches a pledge across months: its id
// where given, else investor, program and announcement date, lower-cased
// with blanks collapsed ("alibaba group|cloud and ai infrastructure|2025-02-24").
func PledgeKey(p *Pledge) string {
	if p.ID != "" {
		return "id:" + IDKey(p.ID)
	}
	return norm(p.Investor) + "|" + norm(p.Program) + "|" + p.Announced.Format(DateLayout)
}

// MetricKey is the stable key of a metric: entity, metric, period, basis.
func MetricKey(m *Metric) string {
	return norm(m.Entity) + "|" + norm(m.Metric) + "|" + m.Period.String() + "|" + m.Basis
}

// Snapshot returns what the report keeps for next month, entries
// included. For big reports, SnapshotHead with PledgeEntries and
// MetricEntries give the same without holding every entry at once.
func (r *Report) Snapshot(month string) Snapshot {
	s := r.SnapshotHead(month)
	for e := range r.PledgeEntries() {
		s.Pledges = append(s.Pledges, e)
	}
	for e := range r.MetricEntries() {
		s.Metrics = append(s.Metrics, e)
	}
	return s
}

// SnapshotHead returns the snapshot without its entries: the month and
// the headline totals.
func (r *Report) SnapshotHead(month string) Snapshot {
	s := Snapshot{Month: month, Currency: r.Currency}
	if !r.AsOf.IsZero() {
		s.AsOf = r.AsOf.Format(DateLayout)
	}
	s.Totals = SnapshotTotals{Total: r.Total.Total, Qualifier: r.Total.Qualifier.Label(), Count: r.Total.Count,
		Undisclosed: r.Total.Undisclosed, ByInvestorType: map[string]float64{}, ByRegion: map[string]float64{}}
	for _, g := range r.ByInvestorType {
		s.Totals.ByInvestorType[g.Key] = g.Total
	}
	for _, g := range r.ByRegion {
		s.Totals.ByRegion[g.Key] = g.Total
	}
	if v, q, ok := r.DeliveredTotal(); ok {
		s.Totals.Delivered, s.Totals.DeliveredQualifier = &v, q.Label()
	}
	return s
}

// DeliveredTotal sums the amounts delivered of the counted pledges, as
// Progress gives them, with the qualifier of the sum; ok is false when
// no counted pledge has an amount disbursed or spent.
func (r *Report) DeliveredTotal() (v float64, q Qualifier, ok bool) {
	for i := range r.Progress {
		pr := &r.Progress[i]
		if math.IsNaN(pr.Delivered) || !r.Pledges[pr.Pledge].Counted {
			continue
		}
		v += pr.Delivered
		q = q.Sum(pr.DeliveredQ)
		ok = true
	}
	return v, q, ok
}

// PledgeEntries yields the snapshot entry of every pledge up to the
// cut-off, made one at a time.
func (r *Report) PledgeEntries() iter.Seq[SnapshotEntry] {
	return func(yield func(SnapshotEntry) bool) {
		for i := range r.Pledges {
			p := &r.Pledges[i]
			if p.Excluded == ExcludedCutoff {
				continue
			}
			e := SnapshotEntry{Key: PledgeKey(p.Pledge), Label: p.Investor + " — " + p.Program, Fields: fieldValues(pledgeSnapshot, p)}
			if !math.IsNaN(p.Value) {
				v := p.Value
				e.Value = &v
			}
			if !yield(e) {
				return
			}
		}
	}
}

// MetricEntries yields the snapshot entry of every metric.
func (r *Report) MetricEntries() iter.Seq[SnapshotEntry] {
	return func(yield func(SnapshotEntry) bool) {
		for i := range r.Metrics {
			m := &r.Metrics[i]
			e := SnapshotEntry{Key: MetricKey(m.Metric), Label: m.Entity + " — " + m.Metric.Metric + " (" + m.Period.String() + ")", Fields: fieldValues(metricSnapshot, m)}
			if !math.IsNaN(m.Value) {
				v := m.Value
				e.Value = &v
			}
			if !yield(e) {
				return
			}
		}
	}
}

// Change is one difference between two months.
type Change struct {
	Table string // "pledge" or "metric"
	Kind  string // "new", "removed" or "revised"
	Key   string
	Label string
	Field string // for revisions: the field that changed
	Old   string
	New   string
	// names and values are the fields of a new or removed entry, which
	// Old or New sum up; see Summary.
	names, values []string
}

// FieldValue is one field of a pledge or metric and its value, as the
// month-to-month comparison reads it.
type FieldValue struct{ Field, Value string }

// Summary lists the fields of a new or removed entry that Old or New sum
// up ("amount: ...; currency: ..."), in order; nil for a revision.
func (c *Change) Summary() []FieldValue {
	var out []FieldValue
	for k, f := range c.names {
		if k < len(c.values) && c.values[k] != "" && f != "counted" {
			out = append(out, FieldValue{f, c.values[k]})
		}
	}
	return out
}

// TotalChange is the change of one headline total.
type TotalChange struct {
	Dimension string // "total", "investor type", "region"
	Key       string
	Old, New  float64
}

// Changes is what changed since the previous report.
type Changes struct {
	Previous string // the previous report's month; "" when there is none
	Currency string // currency of the previous totals
	Items    []Change
	Totals   []TotalChange
}

// Compare lists what changed from prev to cur: new, removed and revised
// pledges and metrics (by key), and the change of the headline totals.
func Compare(prev, cur Snapshot) Changes {
	return compare(prev, cur, slices.Values(cur.Pledges), slices.Values(cur.Metrics))
}

// CompareReport is Compare against the report itself, whose entries are
// made one at a time rather than held.
func CompareReport(prev Snapshot, r *Report, month string) Changes {
	return compare(prev, r.SnapshotHead(month), r.PledgeEntries(), r.MetricEntries())
}

func compare(prev, cur Snapshot, pledges, metrics iter.Seq[SnapshotEntry]) Changes {
	c := Changes{Previous: prev.Month, Currency: prev.Currency}
	c.Items = append(c.Items, diffEntries("pledge", prev.Pledges, pledges, PledgeFields)...)
	c.Items = append(c.Items, diffEntries("metric", prev.Metrics, metrics, MetricFields)...)
	c.Totals = append(c.Totals, TotalChange{Dimension: "total", Key: "all counted pledges", Old: prev.Totals.Total, New: cur.Totals.Total})
	c.Totals = append(c.Totals, diffTotals("investor type", prev.Totals.ByInvestorType, cur.Totals.ByInvestorType)...)
	c.Totals = append(c.Totals, diffTotals("region", prev.Totals.ByRegion, cur.Totals.ByRegion)...)
	return c
}

func diffEntries(table string, prev []SnapshotEntry, cur iter.Seq[SnapshotEntry], fields []string) []Change {
	old := make(map[string]*SnapshotEntry, len(prev))
	for i := range prev {
		old[prev[i].Key] = &prev[i]
	}
	seen := make(map[string]bool, len(prev))
	var out []Change
	for ce := range cur {
		e := &ce
		if _, ok := old[e.Key]; ok {
			seen[e.Key] = true
		}
		o, ok := old[e.Key]
		if !ok {
			out = append(out, Change{Table: table, Kind: "new", Key: e.Key, Label: e.Label, New: summarise(e, fields), names: fields, values: e.Fields})
			continue
		}
		for k, f := range fields {
			if field(o, k) != field(e, k) {
				out = append(out, Change{Table: table, Kind: "revised", Key: e.Key, Label: e.Label, Field: f, Old: field(o, k), New: field(e, k)})
			}
		}
	}
	for i := range prev {
		if !seen[prev[i].Key] {
			out = append(out, Change{Table: table, Kind: "removed", Key: prev[i].Key, Label: prev[i].Label, Old: summarise(&prev[i], fields),
				names: fields, values: prev[i].Fields})
		}
	}
	rank := map[string]int{"new": 0, "revised": 1, "removed": 2}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return rank[out[i].Kind] < rank[out[j].Kind]
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// field returns the k-th field of e, "" when a snapshot written by an
// older version has fewer.
func field(e *SnapshotEntry, k int) string {
	if k < len(e.Fields) {
		return e.Fields[k]
	}
	return ""
}

func summarise(e *SnapshotEntry, fields []string) string {
	var parts []string
	for k, f := range fields {
		if v := field(e, k); v != "" && f != "counted" {
			parts = append(parts, fmt.Sprintf("%s: %s", f, v))
		}
	}
	return strings.Join(parts, "; ")
}

func diffTotals(dim string, prev, cur map[string]float64) []TotalChange {
	keys := map[string]bool{}
	for k := range prev {
		keys[k] = true
	}
	for k := range cur {
		keys[k] = true
	}
	var ks []string
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	var out []TotalChange
	for _, k := range ks {
		out = append(out, TotalChange{Dimension: dim, Key: k, Old: prev[k], New: cur[k]})
	}
	return out
}

// HistoryPoint is the headline totals of one month's report.
type HistoryPoint struct {
	Month          string
	Currency       string
	Total          float64
	Qualifier      string
	Count          int
	ByInvestorType map[string]float64
	// Delivered is the total delivered of the counted pledges, when
	// HasDelivered: a report whose evidence states no amount delivered,
	// or one written before delivered totals were kept, has none.
	Delivered          float64
	DeliveredQualifier string
	HasDelivered       bool
}

// History lines up the totals of earlier snapshots and the current one,
// oldest first. Snapshots in another currency than cur are kept with their
// own currency; a month appears once (the current report wins).
func History(earlier []Snapshot, cur Snapshot) []HistoryPoint {
	by := map[string]HistoryPoint{}
	for _, s := range append(append([]Snapshot(nil), earlier...), cur) {
		h := HistoryPoint{Month: s.Month, Currency: s.Currency, Total: s.Totals.Total, Qualifier: s.Totals.Qualifier,
			Count: s.Totals.Count, ByInvestorType: s.Totals.ByInvestorType}
		if d := s.Totals.Delivered; d != nil {
			h.Delivered, h.DeliveredQualifier, h.HasDelivered = *d, s.Totals.DeliveredQualifier, true
		}
		by[s.Month] = h
	}
	var out []HistoryPoint
	for _, h := range by {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}
