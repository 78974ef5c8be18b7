package workbook

import "pledgewatch/analysis"

// metricColumns declares the Metrics sheet.
var metricColumns = columns{
	{"entity", "Entity", 30, true},
	{"metric", "Metric", 30, true},
	{"period", "Period", 11, true},
	{"as entered", "Value as entered", 24, true},
	{"value", "Value", 15, true},
	{"unit", "Unit", 7, true},
	{"qualifier", "Qualifier", 11, true},
	{"basis", "Basis", 10, true},
	{"change", "Written as a change", 10, true},
	{"converted", "Value (%s)", 15, true},
	{"rate", "Rate used (units of the currency per US$)", 11, true},
	{"source", "Source", 36, true},
	{"source date", "Source date", 11, true},
	{"note", "Note", 50, true},
	{"input", "Input", 36, true},
}

// Places of the Metrics columns.
var (
	mcEntity, mcMetric, mcPeriod, mcAsEntered, mcValue  = metricColumns.index("entity"), metricColumns.index("metric"), metricColumns.index("period"), metricColumns.index("as entered"), metricColumns.index("value")
	mcUnit, mcQualifier, mcBasis, mcChange, mcConverted = metricColumns.index("unit"), metricColumns.index("qualifier"), metricColumns.index("basis"), metricColumns.index("change"), metricColumns.index("converted")
	mcRate, mcSource, mcSourceDate, mcNote, mcInput     = metricColumns.index("rate"), metricColumns.index("source"), metricColumns.index("source date"), metricColumns.index("note"), metricColumns.index("input")
)

// writeMetrics streams every metric row, like the pledges.
func (b *book) writeMetrics() error {
	r := b.r
	hdr := b.heads(metricColumns, r.Currency)
	var converted []float64
	for i := range r.Metrics {
		converted = append(converted, r.Metrics[i].Value)
	}
	valueUnit := columnUnit(converted)
	hdr[mcConverted] = b.moneyHead(metricColumns[mcConverted].header, r.Currency, valueUnit)
	valueFmt := valueUnit.plain()
	t := table{name: "MetricList", col: 1, row: 1, last: 1 + max(len(r.Metrics), 1), header: hdr}
	s := b.open(sheetMetrics, sheetOpts{
		widths: metricColumns.widths(),
		freeze: 1, tables: []table{t}})
	s.header(t)
	if len(r.Metrics) == 0 {
		s.set(2, 1, b.text(b.tr("no metrics"), look{italic: true}))
	}
	cells := make([]any, len(hdr))
	for i := range r.Metrics {
		m := &r.Metrics[i]
		cells[mcEntity] = b.text(m.Entity, look{})
		cells[mcMetric] = b.text(m.Metric.Metric, look{})
		cells[mcPeriod] = b.text(m.Period.String(), look{})
		cells[mcAsEntered] = b.text(m.ValueText, look{})
		format := metricFormat(m.Metric.Value, m.Unit, m.Money)
		if m.Change {
			format = signed(format)
		}
		cells[mcValue] = b.num(stored(m.Metric.Value, m.Unit), format, look{})
		cells[mcUnit] = b.text(m.Unit, look{indent: true})
		cells[mcQualifier] = b.text(b.qual(m.Qualifier), look{})
		cells[mcBasis] = b.text(m.Basis, look{})
		cells[mcChange] = b.text(analysis.YesNo(m.Change), look{})
		cells[mcConverted] = b.num(m.Value, valueFmt, look{})
		cells[mcRate] = nil
		if m.Money && m.Rate.PerUSD > 0 {
			cells[mcRate] = b.num(m.Rate.PerUSD, numberFormat(m.Rate.PerUSD, 6), look{})
		}
		cells[mcSource] = b.link(m.URL, m.Source)
		cells[mcSourceDate] = b.date(m.SourceDate, look{})
		cells[mcNote] = b.text(m.Note, look{})
		cells[mcInput] = b.text(m.Loc.Ref.String(), look{})
		s.set(2+i, 1, cells...)
	}
	return s.close()
}
