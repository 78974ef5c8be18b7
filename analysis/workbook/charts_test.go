package workbook

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// TestNativeCharts: the workbook draws natively the charts the catalogue
// names for it, no other, and each reads the cells that hold the figures
// the catalogue gives it.
func TestNativeCharts(t *testing.T) {
	for _, c := range analysis.Catalogue() {
		if c.DrawnBy(analysis.Native) != (natives[c.ID] != nil) {
			t.Errorf("%s: drawn natively %v, has a native chart %v", c.Name, c.DrawnBy(analysis.Native), natives[c.ID] != nil)
		}
	}
	r, _, data := changedBook(t)
	f := open(t, data)
	b := newBook(excelize.NewFile(), r, testMeta(t))
	// cells reads the cells of a range such as Investors!$A$6:$A$10.
	cells := func(rng string) []string {
		sheet, ref, _ := strings.Cut(rng, "!")
		from, to, _ := strings.Cut(strings.ReplaceAll(ref, "$", ""), ":")
		col, first, _ := excelize.SplitCellName(from)
		_, last, _ := excelize.SplitCellName(to)
		var out []string
		for row := first; row <= last; row++ {
			out = append(out, raw(t, f, sheet, col+strconv.Itoa(row)))
		}
		return out
	}
	drawn := 0
	for _, c := range analysis.Catalogue() {
		if !c.DrawnBy(analysis.Native) {
			continue
		}
		charts, _ := natives[c.ID](b, &c)
		var keys []string
		var values []float64
		switch {
		case c.Groups != nil:
			for _, g := range c.Groups(r) {
				keys, values = append(keys, g.Key), append(values, g.Total)
			}
		case c.History != nil:
			for _, h := range c.History(r) {
				keys, values = append(keys, h.Month), append(values, h.Total)
			}
		case c.Trends != nil:
			ts := c.Trends(r)
			if len(charts) != len(ts) {
				t.Fatalf("%s: %d charts of %d series", c.Name, len(charts), len(ts))
			}
			for i, ch := range charts {
				ps := ts[i].Points
				for k, v := range cells(ch.chart.Series[0].Values) {
					if x, _ := strconv.ParseFloat(v, 64); !same(x, ps[k].Value) {
						t.Errorf("%s %d, point %d: cell %s, figure %v", c.Name, i, k, v, ps[k].Value)
					}
				}
			}
			drawn += len(charts)
			continue
		default:
			t.Fatalf("%s: no figures the test knows", c.Name)
		}
		if len(charts) != 1 {
			t.Fatalf("%s: %d charts", c.Name, len(charts))
		}
		drawn++
		cats, vals := cells(charts[0].chart.Series[0].Categories), cells(charts[0].chart.Series[0].Values)
		for i := range cats {
			x, _ := strconv.ParseFloat(vals[i], 64)
			if cats[i] != keys[i] || !same(x, values[i]) {
				t.Errorf("%s, bar %d: cells %s %s, figures %s %v", c.Name, i, cats[i], vals[i], keys[i], values[i])
			}
		}
	}
	if drawn < 5 {
		t.Errorf("%d native charts drawn, want every kind", drawn)
	}
}

// TestNativeChartTitles: every native chart has a title of one short
// paragraph; what the chart cannot show (bounds, sources) is in the note
// beside it. A series with a gap between its periods is drawn as points,
// with no line across the periods no source gives; one without a gap as
// a line.
func TestNativeChartTitles(t *testing.T) {
	r, _, _ := changedBook(t)
	b := newBook(excelize.NewFile(), r, testMeta(t))
	const longest = 120 // characters of a title
	gapped, joined := 0, 0
	for _, c := range analysis.Catalogue() {
		if !c.DrawnBy(analysis.Native) {
			continue
		}
		charts, _ := natives[c.ID](b, &c)
		for i, ch := range charts {
			ps := ch.chart.Title.Paragraph
			if len(ps) != 1 || len(ps[0].Text) > longest || strings.Contains(ps[0].Text, "\n") {
				t.Errorf("%s %d: title %+v, want one line of at most %d characters", c.Name, i, ps, longest)
			}
			if c.Trends == nil {
				continue
			}
			if ch.note == "" {
				t.Errorf("%s %d: no note beside the chart", c.Name, i)
			}
			tr := c.Trends(r)[i]
			none := ch.chart.Series[0].Line.Type == excelize.LineNone
			if none != !tr.Gapless() {
				t.Errorf("%s %d (%s): line hidden %v, series without gaps %v", c.Name, i, tr.Metric, none, tr.Gapless())
			}
			if none {
				gapped++
			} else {
				joined++
			}
		}
	}
	if gapped == 0 {
		t.Error("the test report has no series with a gap: the test checks nothing about gaps")
	}
	t.Logf("%d series drawn as points, %d as lines", gapped, joined)
}
