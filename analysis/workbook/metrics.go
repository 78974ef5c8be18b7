package workbook

import "pledgewatch/analysis"

// metricColumns declares the Metrics sheet.
var metricColumns = columns{
	{"entity", "Entity", 20, true},
	{"metric", "Metric", 24, true},
	{"period", "Period", 9, true},
	{"as entered", "Value as entered", 16, true},
	{"value", "Value", 13, true},
	{"unit", "Unit", 8, true},
	{"qualifier", "Qualifier", 10, true},
	{"basis", "Basis", 9, true},
	{"change", "Written as a change", 9, true},
	{"converted", "Value (%s)", 13, true},
	{"source", "Source", 26, true},
	{"source date", "Source date", 11, true},
	{"rate", "Rate used (units of the currency per US$)", 11, false},
	{"note", "Note", 50, false},
	{"input", "Input", 36, false},
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
	t := table{name: "Metrics", col: 1, row: 1, last: 1 + max(len(r.Metrics), 1), header: hdr}
	if err := b.printArea(sheetMetrics, metricColumns, t.last); err != nil {
		return err
	}
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
		cells[mcEntity] = b.text(m.Entity, look{wrap: true})
		cells[mcMetric] = b.text(m.Metric.Metric, look{wrap: true})
		cells[mcPeriod] = b.text(m.Period.String(), look{top: true})
		cells[mcAsEntered] = b.text(m.ValueText, look{wrap: true})
		format := metricFormat(m.Metric.Value, m.Unit, m.Money)
		if m.Change {
			format = signed(format)
		}
		cells[mcValue] = b.num(stored(m.Metric.Value, m.Unit), format, look{top: true})
		cells[mcUnit] = b.text(m.Unit, look{indent: true, top: true})
		cells[mcQualifier] = b.text(b.qual(m.Qualifier), look{top: true})
		cells[mcBasis] = b.text(b.word(m.Basis), look{top: true})
		cells[mcChange] = b.text(b.word(analysis.YesNo(m.Change)), look{top: true})
		cells[mcConverted] = b.num(m.Value, valueFmt, look{top: true})
		cells[mcRate] = nil
		if m.Money && m.Rate.PerUSD > 0 {
			cells[mcRate] = b.num(m.Rate.PerUSD, numberFormat(m.Rate.PerUSD, 6), look{top: true})
		}
		cells[mcSource] = b.linkIn(m.URL, m.Source, look{wrap: true})
		cells[mcSourceDate] = b.date(m.SourceDate, look{top: true})
		cells[mcNote] = b.text(m.Note, look{top: true})
		cells[mcInput] = b.text(m.Loc.Ref().String(), look{top: true})
		s.set(2+i, 1, cells...)
	}
	return s.close()
}
