package analysis

import (
	"slices"
	"strings"
)

// ChartID names one charted comparison of the catalogue.
type ChartID int

// The charted comparisons, in the order of Catalogue.
const (
	ChartInvestors ChartID = iota
	ChartSectors
	ChartYears
	ChartRegions
	ChartDisclosed
	ChartTrends
	ChartHongKong
	ChartSchemes
	ChartSurveys
	ChartGrowth
	ChartHistory
	ChartProgress
	ChartDelivered
)

// Renderers is a set of the renderers that draw a chart.
type Renderers uint8

// Renderers of charts.
const (
	// Picture: package charts draws the chart as a PNG, a PNG at twice
	// the size and an SVG, and the workbook shows the PNG.
	Picture Renderers = 1 << iota
	// Native: the workbook draws a native chart on its Charts sheet,
	// reading the cells of the sheet that holds the figures.
	Native
)

// Chart is one charted comparison: what it compares, the figures of a
// report it draws, and which renderers draw it. How it is drawn (layout,
// panels, colours, chart type, the finding its title states) is each
// renderer's own.
type Chart struct {
	ID ChartID
	// Name is the chart's file name without extension; a chart drawn
	// once per series adds the series: "trend-" and the series' name.
	Name string
	// Title says what the chart compares: "Counted pledges by investor".
	// A native chart shows it with the unit as its title.
	Title string
	// Note qualifies the figures, after the unit in a native chart's
	// title: "several sectors split equally".
	Note string
	// Each is set for a chart drawn once per series of its figures (a
	// metric series, a survey) rather than once for the report.
	Each  bool
	Drawn Renderers

	// The figures, taken from a report. Exactly one is set.
	Groups   func(*Report) []Group        // a bar per group
	Pledges  func(*Report) []*PledgeRow   // a bar per pledge
	Metrics  func(*Report) []*Metric      // a bar per metric row
	Trends   func(*Report) []Trend        // a chart per series, a bar or point per period
	History  func(*Report) []HistoryPoint // a bar or point per monthly report
	Progress func(*Report) []Progress     // a bullet per pledge
}

// DrawnBy reports whether renderer r draws the chart.
func (c Chart) DrawnBy(r Renderers) bool { return c.Drawn&r != 0 }

// catalogue is every charted comparison, in the order the pictures are
// drawn; catalogue[id].ID is id.
var catalogue = [...]Chart{
	{ID: ChartInvestors, Name: "pledges-by-investor", Title: "Counted pledges by investor", Drawn: Picture | Native,
		Groups: func(r *Report) []Group { return r.ByInvestor }},
	{ID: ChartSectors, Name: "fund-size-by-sector", Title: "Fund size by sector", Note: "several sectors split equally", Drawn: Picture | Native,
		Groups: func(r *Report) []Group { return r.BySector }},
	{ID: ChartYears, Name: "pledges-by-year", Title: "Counted pledges by year of announcement", Drawn: Picture | Native,
		Groups: func(r *Report) []Group { return r.ByYear }},
	{ID: ChartRegions, Name: "hong-kong-vs-mainland-china", Title: "Counted pledges for Hong Kong against mainland China", Drawn: Picture,
		Groups: func(r *Report) []Group { return r.ByRegion }},
	{ID: ChartDisclosed, Name: "pledges-with-and-without-amount", Title: "Counted pledges with and without a stated amount", Drawn: Picture,
		Groups: func(r *Report) []Group { return []Group{r.Total} }},
	{ID: ChartTrends, Name: "trend", Title: "A metric series, period by period", Each: true, Drawn: Picture | Native,
		Trends: func(r *Report) []Trend { return r.Trends }},
	{ID: ChartHongKong, Name: "hong-kong-public-vs-private", Title: "Hong Kong public schemes against private money", Drawn: Picture,
		Groups: func(r *Report) []Group { return r.HongKong }},
	{ID: ChartSchemes, Name: "hong-kong-public-schemes", Title: "Hong Kong's public schemes one by one", Drawn: Picture,
		Pledges: hongKongSchemes},
	{ID: ChartSurveys, Name: "survey-percentages", Title: "The shares a survey reports", Each: true, Drawn: Picture,
		Metrics: func(r *Report) []*Metric { return percentLevels(r, false) }},
	{ID: ChartGrowth, Name: "growth-rates", Title: "Growth rates as reported", Drawn: Picture,
		Metrics: func(r *Report) []*Metric { return percentLevels(r, true) }},
	{ID: ChartHistory, Name: "history", Title: "Total AI pledges by report month", Drawn: Picture | Native,
		History: func(r *Report) []HistoryPoint { return r.History }},
	{ID: ChartProgress, Name: "progress-by-pledge", Title: "Pledged against delivered, by pledge", Drawn: Picture,
		Progress: func(r *Report) []Progress { return r.Progress }},
	{ID: ChartDelivered, Name: "delivered-history", Title: "Pledged against delivered, by report month", Drawn: Picture,
		History: func(r *Report) []HistoryPoint { return r.History }},
}

// Catalogue returns every charted comparison, in the order the pictures
// are drawn. A renderer draws those it is named for, each when the
// report has figures for it.
func Catalogue() []Chart { return slices.Clone(catalogue[:]) }

// ChartOf returns the charted comparison id.
func ChartOf(id ChartID) Chart { return catalogue[id] }

// chartNamed returns the charted comparison of the name.
func chartNamed(name string) (Chart, bool) {
	for _, c := range catalogue {
		if c.Name == name {
			return c, true
		}
	}
	return Chart{}, false
}

// hongKongSchemes are the counted pledges of Hong Kong's government.
func hongKongSchemes(r *Report) []*PledgeRow {
	var out []*PledgeRow
	for i := range r.Pledges {
		p := &r.Pledges[i]
		if p.Counted && strings.EqualFold(strings.TrimSpace(p.Region), "Hong Kong") && p.InvestorType == InvestorGovernment {
			out = append(out, p)
		}
	}
	return out
}

// percentLevels are the metric rows in percent that are not money: with
// growth set, every growth rate (+8%, more than 100%); else the shares
// that are levels (41% of firms use AI), not signed changes.
func percentLevels(r *Report, growth bool) []*Metric {
	var out []*Metric
	for i := range r.Metrics {
		m := r.Metrics[i].Metric
		// A growth rate is one whether it was written as a level ("more
		// than 100%") or with a sign ("+333%"); a share written with a
		// sign is a change, not a level.
		if m.Unit == "%" && !m.Money && isGrowth(m.Metric) == growth && (growth || !m.Change) {
			out = append(out, m)
		}
	}
	return out
}

// isGrowth reports whether a percentage metric is a rate of growth rather
// than a share: it names growth, an increase or a change.
func isGrowth(metric string) bool {
	m := " " + strings.ToLower(metric) + " "
	for _, w := range []string{"growth", "grew", "increase", "cagr", "change", " yoy", "year on year", "year-on-year", "增长", "增速"} {
		if strings.Contains(m, w) {
			return true
		}
	}
	return false
}
