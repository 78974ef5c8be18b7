package workbook

import "pledgewatch/analysis"

func metricsHeader(cur string) []string {
	return []string{"Entity", "Metric", "Period", "Value as entered", "Value", "Unit", "Qualifier", "Basis",
		"Written as a change", "Value (" + cur + ")", "Rate used (units of the currency per US$)", "Source", "Source date", "Note", "Input"}
}

// writeMetrics streams every metric row, like the pledges.
func (b *book) writeMetrics() error {
	r := b.r
	hdr := metricsHeader(r.Currency)
	t := table{name: "MetricList", col: 1, row: 1, last: 1 + max(len(r.Metrics), 1), header: hdr}
	s := b.open(sheetMetrics, sheetOpts{
		widths: []float64{30, 30, 11, 24, 15, 7, 11, 10, 10, 15, 11, 36, 11, 50, 36},
		freeze: 1, tables: []table{t}})
	s.header(t)
	if len(r.Metrics) == 0 {
		s.set(2, 1, b.text("no metrics", look{italic: true}))
	}
	cells := make([]any, len(hdr))
	var converted []float64
	for i := range r.Metrics {
		converted = append(converted, r.Metrics[i].Value)
	}
	valueFmt := columnUnit(converted).format(r.Currency)
	for i := range r.Metrics {
		m := &r.Metrics[i]
		cells[0] = b.text(m.Entity, look{})
		cells[1] = b.text(m.Metric.Metric, look{})
		cells[2] = b.text(m.Period.String(), look{})
		cells[3] = b.text(m.ValueText, look{})
		format := metricFormat(m.Metric.Value, m.Unit, m.Money)
		if m.Change {
			format = signed(format)
		}
		cells[4] = b.num(stored(m.Metric.Value, m.Unit), format, look{})
		cells[5] = b.text(m.Unit, look{indent: true})
		cells[6] = b.text(m.Qualifier.Label(), look{})
		cells[7] = b.text(m.Basis, look{})
		cells[8] = b.text(analysis.YesNo(m.Change), look{})
		cells[9] = b.num(m.Value, valueFmt, look{})
		cells[10] = nil
		if m.Money && m.Rate.PerUSD > 0 {
			cells[10] = b.num(m.Rate.PerUSD, numberFormat(m.Rate.PerUSD, 6), look{})
		}
		cells[11] = b.link(m.URL, m.Source)
		cells[12] = b.date(m.SourceDate, look{})
		cells[13] = b.text(m.Note, look{})
		cells[14] = b.text(m.Loc.Ref.String(), look{})
		s.set(2+i, 1, cells...)
	}
	return s.close()
}
