package workbook

import (
	"math"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// pivotColumns declares the Pivot source sheet, the source of the pivot
// table: a line per
// investor group, year, region, investor type and kind of the counted
// pledges (analysis.PivotRows), with their count and summed value. The
// value is stored in the unit its header names (US$ bn): a pivot table
// takes only the built-in number formats, none of which scales.
var pivotColumns = columns{
	{"group", "Investor group", 30, true},
	{"year", "Year", 8, true},
	{"region", "Region", 16, true},
	{"investor type", "Investor type", 13, true},
	{"kind", "Kind", 11, true},
	{"pledges", "Pledges", 9, true},
	{"undisclosed", "Undisclosed", 11, true},
	{"value", "Value (%s)", 14, true},
	{"qualifier", "Qualifier", 11, true},
}

// pivotSlicers are the columns of pivotColumns the slicers filter by, as
// filter fields of the pivot table. (The inputs have no column of AI
// scope, so no slicer filters by it.)
var pivotSlicers = []string{"region", "investor type", "kind"}

// Places on the Pivot sheet.
const (
	pivotNoteRow  = 2
	pivotFilters  = 4   // the first row of the pivot table's filter fields, above the table
	pivotKeyWidth = 36  // column A: the investor groups
	pivotYearW    = 12  // a column per year
	pivotFormat   = 4   // the built-in number format #,##0.00
	slicerWidth   = 180 // pixels
	slicerHeight  = 190
)

// writePivot writes the Pivot sheet in normal mode, with a pivot table of
// the counted value by investor group and year and slicers by region,
// investor type and kind, and streams its source table on the Pivot
// source sheet. The source holds a line per combination, never a line per
// pledge, and the pivot cache holds no records: Excel builds them from the
// source when the workbook opens (refreshOnLoad). The pivot table is
// declared while the source sheet holds only its header, the one row
// excelize reads, and the source rows are streamed after.
func (b *book) writePivot() error {
	f, r := b.f, b.r
	name, srcName := b.sheetName(sheetPivot), b.sheetName(sheetPivotSource)
	rows := r.PivotRows()
	var years []int
	for _, row := range rows {
		if !slices.Contains(years, row.Year) {
			years = append(years, row.Year)
		}
	}
	// The pivot table spreads its years over columns from B, with a grand
	// total after them; the slicers stand a column further on, off the
	// printed page.
	slicerCol := len(years) + 4
	if err := b.pageSetup(name, 0); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "A", "A", pivotKeyWidth); err != nil {
		return err
	}
	lastPivot := analysis.ColumnLetters(len(years) + 2)
	if err := f.SetColWidth(name, "B", lastPivot, pivotYearW); err != nil {
		return err
	}
	set := func(cell string, v any, lk look) error {
		if err := f.SetCellValue(name, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(name, cell, cell, b.st.id(lk))
	}
	if err := set("A1", b.tr("Pivot: counted value by investor group and year of announcement (%s)", b.cur()), look{title: true}); err != nil {
		return err
	}
	note := b.tr("Excel builds this pivot table from the Pivot source sheet when the workbook opens, and the slicers filter it by region, investor type and kind. A sum keeps no bound: where a line of the source is at least its value, so is every sum that includes it; the Investors sheet gives each total with its qualifier. The column without a year holds the pledges whose source gives no date, which no year's total counts.")
	if err := set("A2", note, look{note: true, italic: true}); err != nil {
		return err
	}
	if err := f.MergeCell(name, "A2", lastPivot+"2"); err != nil {
		return err
	}
	noteWidth := pivotKeyWidth + pivotYearW*float64(len(years)+1)
	if err := f.SetRowHeight(name, pivotNoteRow, min(float64(lineCount(note, noteWidth, false))*lineHeight+2, maxHeight)); err != nil {
		return err
	}

	// The source's header, and the pivot table and slicers over it.
	var values []float64
	for _, row := range rows {
		values = append(values, row.Value)
	}
	u := columnUnit(values)
	hdr := b.heads(pivotColumns, r.Currency)
	hdr[pivotColumns.index("value")] = b.moneyHead(pivotColumns[pivotColumns.index("value")].header, r.Currency, u)
	if len(rows) == 0 {
		if err := set("A4", b.tr("No counted pledges."), look{italic: true}); err != nil {
			return err
		}
		return b.writePivotSource(hdr, rows, u)
	}
	header := make([]any, len(hdr))
	for i, h := range hdr {
		header[i] = h
	}
	if err := f.SetSheetRow(srcName, "A1", &header); err != nil {
		return err
	}
	field := func(key string) string { return hdr[pivotColumns.index(key)] }
	var filters []excelize.PivotTableField
	for _, k := range pivotSlicers {
		filters = append(filters, excelize.PivotTableField{Data: field(k)})
	}
	// The filter fields take a row each above the table, and a row
	// is left between them and it.
	top := pivotFilters + len(filters) + 1
	end := strconv.Itoa(top + len(rows) + 3)
	if err := f.AddPivotTable(&excelize.PivotTableOptions{
		DataRange:           srcName + "!$A$1:$" + pivotColumns.letter(pivotColumns[len(pivotColumns)-1].key) + "$" + strconv.Itoa(len(rows)+1),
		PivotTableRange:     name + "!$A$" + strconv.Itoa(top) + ":$" + lastPivot + "$" + end,
		Name:                "CountedValue",
		Rows:                []excelize.PivotTableField{{Data: field("group")}},
		Columns:             []excelize.PivotTableField{{Data: field("year")}},
		Data:                []excelize.PivotTableField{{Data: field("value"), Name: b.tr("Counted value (%s)", b.unitName(u, r.Currency)), Subtotal: "Sum", NumFmt: pivotFormat}},
		Filter:              filters,
		RowGrandTotals:      true,
		ColGrandTotals:      true,
		ShowRowHeaders:      true,
		ShowColHeaders:      true,
		ShowLastColumn:      true,
		PivotTableStyleName: "PivotStyleLight16",
	}); err != nil {
		return err
	}
	for i, k := range pivotSlicers {
		cell := analysis.ColumnLetters(slicerCol) + strconv.Itoa(pivotFilters+i*11)
		if err := f.AddSlicer(name, &excelize.SlicerOptions{Name: field(k), Cell: cell, TableSheet: name, TableName: "CountedValue",
			Caption: field(k), Width: slicerWidth, Height: slicerHeight}); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name,
		RefersTo: quoteSheet(name) + "!$A$1:$" + lastPivot + "$" + end}); err != nil {
		return err
	}
	return b.writePivotSource(hdr, rows, u)
}

// writePivotSource streams the source of the pivot table, a line per
// analysis.PivotRow, with its header hdr and the value in unit u.
func (b *book) writePivotSource(hdr []string, rows []analysis.PivotRow, u unit) error {
	t := table{name: "PivotSource", col: 1, row: 1, last: 1 + max(len(rows), 1), header: hdr}
	s := b.open(sheetPivotSource, sheetOpts{widths: pivotColumns.widths(), freeze: 1, tables: []table{t}})
	s.header(t)
	if len(rows) == 0 {
		s.set(2, 1, b.text(b.tr("No counted pledges."), look{italic: true}))
		return s.close()
	}
	div := math.Pow(1000, float64(len(u.commas)))
	var (
		line  = newRowCells(len(pivotColumns))
		text  = b.st.id(look{})
		count = b.st.id(look{numFmt: fmtCount})
		year  = b.st.id(look{numFmt: fmtYear})
		money = b.st.id(look{numFmt: "#,##0.00"})
	)
	for i, row := range rows {
		line.reset()
		line.put(pivotColumns.index("group"), text, b.p.Name(row.Group))
		if row.Year != 0 {
			line.put(pivotColumns.index("year"), year, row.Year)
		}
		line.put(pivotColumns.index("region"), text, row.Region)
		line.put(pivotColumns.index("investor type"), text, b.investorType(row.InvestorType))
		line.put(pivotColumns.index("kind"), text, b.word(kindLabel(row.Kind)))
		line.put(pivotColumns.index("pledges"), count, row.Count)
		line.put(pivotColumns.index("undisclosed"), count, row.Undisclosed)
		// Lines of pledges that state no amount leave the value empty,
		// not 0.
		if row.Count > row.Undisclosed {
			line.put(pivotColumns.index("value"), money, row.Value/div)
			line.put(pivotColumns.index("qualifier"), text, b.qual(row.Qualifier))
		}
		s.set(2+i, 1, line.cells...)
	}
	return s.close()
}
