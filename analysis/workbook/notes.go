package workbook

import (
	"strconv"
	"strings"

	"pledgewatch/analysis"
)

// checksColumns declares the list of warnings.
var checksColumns = columns{
	{"severity", "Severity", 10, true},
	{"file", "File", 22, true},
	{"sheet", "Sheet", 12, true},
	{"cell", "Cell", 7, true},
	{"column", "Column", 12, true},
	{"value", "Value", 24, true},
	{"message", "Message", 80, true},
}

// writeChecks lists every warning about the inputs, and the counts of
// those left out of the list.
func (b *book) writeChecks() error {
	var warnings []*analysis.Problem
	var dropped []string
	if ps := b.r.Problems; ps != nil {
		warnings = ps.Warnings()
		dropped = ps.Dropped(analysis.SevWarning)
	}
	n := len(warnings) + len(dropped)
	const headerRow = 3
	var tables []table
	if n > 0 {
		tables = []table{{name: "Checks", col: 1, row: headerRow, last: headerRow + n, header: b.heads(checksColumns, "")}}
	}
	s := b.open(sheetChecks, sheetOpts{widths: checksColumns.widths(), freeze: headerRow, tables: tables})
	s.set(1, 1, b.text(b.tr("Checks: warnings about the inputs"), look{title: true}))
	if n == 0 {
		s.set(headerRow, 1, b.text(b.tr("The inputs passed every check."), look{}))
		return s.close()
	}
	s.set(2, 1, b.text(b.tr("The figures were computed; these rows point at inputs worth a second look. At most %d warnings of one kind are listed, the rest are counted.",
		analysis.MaxPerKind), look{italic: true}))
	s.header(tables[0])
	row := headerRow + 1
	for _, p := range warnings {
		cell := p.Cell
		if cell == "" && p.Row > 0 {
			cell = b.tr("row %s", strconv.Itoa(p.Row))
		}
		msg := ""
		if p.Err != nil {
			msg = p.Err.Error()
		}
		s.set(row, 1,
			b.text(b.p.Term(p.Severity.String()), look{top: true}),
			b.text(p.File, look{wrap: true}),
			b.text(p.Sheet, look{top: true}),
			b.text(cell, look{top: true}),
			b.text(p.Column, look{top: true}),
			b.text(p.Value, look{wrap: true}),
			b.text(msg, look{wrap: true}))
		row++
	}
	for _, d := range dropped {
		s.set(row, 1, b.text(b.p.Term(analysis.SevWarning.String()), look{}), nil, nil, nil, nil, nil, b.text(d, look{wrap: true}))
		row++
	}
	return s.close()
}

// fxColumns declares the table of rates.
var fxColumns = columns{
	{"currency", "Currency", 10, true},
	{"per usd", "Per USD", 12, true},
	{"date", "Date", 11, true},
	{"source", "Source", 50, true},
	{"note", "Note", 50, true},
	{"input", "Input", 30, true},
}

func (b *book) writeFX() error {
	r := b.r
	const headerRow = 3
	var tables []table
	if len(r.Rates) > 0 {
		tables = []table{{name: "FXRates", col: 1, row: headerRow, last: headerRow + len(r.Rates), header: b.heads(fxColumns, r.Currency)}}
	}
	s := b.open(sheetFX, sheetOpts{widths: fxColumns.widths(), freeze: headerRow, tables: tables})
	s.set(1, 1, b.text(b.tr("FX: units of each currency per US dollar"), look{title: true}))
	s.banner(2, 5, b.fixed(analysis.RuleConversion)+" "+b.fixed(analysis.RuleDollar))
	if len(r.Rates) == 0 {
		s.set(headerRow, 1, b.text(b.tr("No FX rates: every amount is in US dollars."), look{}))
		return s.close()
	}
	s.header(tables[0])
	for i, x := range r.Rates {
		s.set(headerRow+1+i, 1,
			b.text(x.Currency, look{top: true}),
			b.num(x.PerUSD, numberFormat(x.PerUSD, 6), look{top: true}),
			b.date(x.Date, look{top: true}),
			b.text(x.Source, look{wrap: true}),
			b.text(x.Note, look{wrap: true}),
			b.text(x.Loc.Ref().String(), look{wrap: true}))
	}
	return s.close()
}

// rules are the rules of the analysis, written on the About sheet.
var rules = []struct{ name, text string }{
	{"Conversion", analysis.RuleConversion},
	{"Qualifiers", analysis.RuleQualifier},
	{"Sectors", analysis.RuleSector},
	{"Per year", analysis.RulePerYear},
	{"Counted", analysis.RuleCounted},
	{"What is money", analysis.RuleKind},
	{"AI scope", analysis.RuleScope},
	{"Relations", analysis.RuleRelation},
	{"Restatements", analysis.RuleRestated},
	{"Likely repeats", analysis.RuleRepeat},
	{"Dates", analysis.RuleDate},
	{"Comparisons", analysis.RuleComparison},
	{"Duplicates", analysis.RuleDuplicate},
	{"Multiple and CAGR", analysis.RuleCAGR},
	{"Stated US dollars", analysis.RuleStatedUSD},
	{"Changes", analysis.RuleMatching},
}

var (
	filesHeader = []string{"File", "SHA-256", "Sheet", "Table", "Rows"}
	rulesHeader = []string{"Rule", "Text"}
)

func (b *book) writeAbout() error {
	r, m := b.r, b.m
	var warnings int
	var dropped []string
	if r.Problems != nil {
		warnings = len(r.Problems.Warnings())
		dropped = r.Problems.Dropped(analysis.SevWarning)
	}
	counted := 0
	for i := range r.Pledges {
		if r.Pledges[i].Counted {
			counted++
		}
	}
	type kv struct {
		k string
		v any
	}
	asOf := b.date(r.AsOf, look{left: true})
	if asOf == nil {
		asOf = b.text(b.tr("no cut-off"), look{})
	}
	warn := b.tr("%d listed on the Checks sheet", warnings)
	if len(dropped) > 0 {
		warn += "; " + strings.Join(dropped, "; ")
	}
	items := []kv{
		{"Program", b.text(strings.TrimSpace("pledgewatch "+m.Version), look{})},
		{"Run month", b.text(m.Month, look{})},
		{"As of", asOf},
		{"Document date", b.date(m.Created, look{left: true})},
		{"Reporting currency", b.text(r.Currency, look{})},
		{"Inputs folder", b.text(m.Inputs, look{})},
		{"Pledges", b.text(b.tr("%d (%d counted)", len(r.Pledges), counted), look{})},
		{"Metrics", b.integer(len(r.Metrics), look{left: true})},
		{"Trends", b.integer(len(r.Trends), look{left: true})},
		{"FX rates", b.integer(len(r.Rates), look{left: true})},
		{"Warnings", b.text(warn, look{wrap: true})},
	}
	row := 3
	row += len(items) + 1
	filesHead := row
	nFiles := 0
	for _, fi := range r.Files {
		nFiles += max(len(fi.Tables), 1)
	}
	filesLast := filesHead + 1 + max(nFiles, 1)
	rulesHead := filesLast + 2
	fxHead := rulesHead + 1 + len(rules) + 2
	tables := []table{
		{name: "InputFiles", col: 1, row: filesHead + 1, last: filesLast, header: b.headList(filesHeader)},
		{name: "RulesList", col: 1, row: rulesHead + 1, last: rulesHead + 1 + len(rules), header: b.headList(rulesHeader)},
		{name: "FXUsed", col: 1, row: fxHead + 1, last: fxHead + 1 + max(len(r.Rates), 1), header: b.headList(fxUsedHeader)},
	}
	if nFiles == 0 {
		tables = tables[1:]
	}
	s := b.open(sheetAbout, sheetOpts{widths: []float64{24, 100, 14, 10, 8}, tables: tables})
	s.set(1, 1, b.text(b.tr("About this workbook"), look{title: true}))
	for i, it := range items {
		s.set(3+i, 1, b.text(b.label(it.k), look{bold: true}), it.v)
	}
	s.set(filesHead, 1, b.text(b.tr("Input files"), look{bold: true}))
	if nFiles == 0 {
		s.set(filesHead+1, 1, b.text(b.tr("No input files were recorded."), look{italic: true}))
	} else {
		s.header(tables[0])
		row = filesHead + 2
		for _, fi := range r.Files {
			if len(fi.Tables) == 0 {
				s.set(row, 1, b.text(fi.Path, look{}), b.text(fi.SHA256, look{}))
				row++
			}
			for _, t := range fi.Tables {
				s.set(row, 1, b.text(fi.Path, look{}), b.text(fi.SHA256, look{}), b.text(t.Sheet, look{}), b.text(t.Table, look{}), b.integer(t.Rows, look{}))
				row++
			}
		}
	}
	s.set(rulesHead, 1, b.text(b.tr("Rules applied"), look{bold: true}))
	rt := tables[len(tables)-2]
	s.header(rt)
	for i, ru := range rules {
		s.set(rt.row+1+i, 1, b.text(b.fixed(ru.name), look{top: true}), b.text(b.fixed(ru.text), look{wrap: true}))
	}
	// The FX rows, with how many amounts each converted, so that any
	// figure can be traced to its rate.
	uses := map[*analysis.Rate]int{}
	for i := range r.Pledges {
		uses[r.Pledges[i].Rate]++
	}
	for i := range r.Metrics {
		uses[r.Metrics[i].Rate]++
	}
	s.set(fxHead, 1, b.text(b.tr("FX rows used"), look{bold: true}))
	ft := tables[len(tables)-1]
	s.header(ft)
	if len(r.Rates) == 0 {
		s.set(ft.row+1, 1, b.text(b.tr("No FX rows: every amount is in US dollars."), look{italic: true}))
	}
	for i := range r.Rates {
		x := &r.Rates[i]
		n := 0
		for rate, c := range uses {
			if rate.Currency == x.Currency && rate.Date.Equal(x.Date) {
				n += c
			}
		}
		s.set(ft.row+1+i, 1, b.text(b.tr("%s per US$ %s from %s", x.Currency, strconv.FormatFloat(x.PerUSD, 'f', -1, 64), x.Date.Format(analysis.DateLayout)), look{}),
			b.text(x.Source, look{wrap: true}), b.integer(n, look{}))
	}
	return s.close()
}

// fxUsedHeader heads the About sheet's list of FX rows.
var fxUsedHeader = []string{"FX row", "Source", "Amounts converted"}
