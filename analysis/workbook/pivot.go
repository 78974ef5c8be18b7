package workbook

import (
	"math"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// pivotColumns declares the source table of the pivot table: a line per
// investor group, year, region, investor type and kind of the counted
// pledges (analysis.PivotRows), with their count and summed value. The
// value is stored in the unit its header names (US$ bn): a pivot table
// takes only the built-in number formats, none of which scales.
var pivotColumns = columns{
	{"group", "Investor group", 30, false},
	{"year", "Year", 8, false},
	{"region", "Region", 16, false},
	{"investor type", "Investor type", 13, false},
	{"kind", "Kind", 11, false},
	{"pledges", "Pledges", 9, false},
	{"undisclosed", "Undisclosed", 11, false},
	{"value", "Value (%s)", 14, false},
	{"qualifier", "Qualifier", 11, false},
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

// writePivot writes the Pivot sheet in normal mode: the source table, a
// pivot table of its counted value by investor group and year, and
// slicers by region, investor type and kind. The source holds a line per
// combination, never a line per pledge, and the pivot cache holds no
// records: Excel builds them from the source when the workbook opens
// (refreshOnLoad), so a book of a million pledges costs no more here than
// its combinations.
func (b *book) writePivot() error {
	f, r := b.f, b.r
	name := b.sheetName(sheetPivot)
	rows := r.PivotRows()
	var years []int
	for _, row := range rows {
		if !slices.Contains(years, row.Year) {
			years = append(years, row.Year)
		}
	}
	// The pivot table spreads its years over columns from B, with a grand
	// total after them; the slicers stand a column further on, and the
	// source table after them. Only the pivot table is printed.
	slicerCol := len(years) + 4
	srcCol := slicerCol + 4
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
	for i, c := range pivotColumns {
		col := analysis.ColumnLetters(srcCol + i)
		if err := f.SetColWidth(name, col, col, c.width); err != nil {
			return err
		}
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
	note := b.tr("Excel builds this pivot table from the table to its right when the workbook opens, and the slicers filter it by region, investor type and kind. A sum keeps no bound: where a line of the source table is at least its value, so is every sum that includes it; the Investors sheet gives each total with its qualifier.")
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
	if len(rows) == 0 {
		return set("A4", b.tr("No counted pledges."), look{italic: true})
	}

	// The source table.
	var values []float64
	for _, row := range rows {
		values = append(values, row.Value)
	}
	u := columnUnit(values)
	div := math.Pow(1000, float64(len(u.commas)))
	hdr := b.heads(pivotColumns, r.Currency)
	hdr[pivotColumns.index("value")] = b.moneyHead(pivotColumns[pivotColumns.index("value")].header, r.Currency, u)
	first := analysis.ColumnLetters(srcCol)
	header := make([]any, len(hdr))
	for i, h := range hdr {
		header[i] = h
	}
	if err := f.SetSheetRow(name, first+"1", &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(name, first+"1", analysis.ColumnLetters(srcCol+len(hdr)-1)+"1", b.st.id(look{head: true})); err != nil {
		return err
	}
	line := make([]any, len(pivotColumns))
	for i, row := range rows {
		clear(line)
		line[pivotColumns.index("group")] = b.p.Name(row.Group)
		if row.Year != 0 {
			line[pivotColumns.index("year")] = row.Year
		}
		line[pivotColumns.index("region")] = row.Region
		line[pivotColumns.index("investor type")] = row.InvestorType
		line[pivotColumns.index("kind")] = kindLabel(row.Kind)
		line[pivotColumns.index("pledges")] = row.Count
		line[pivotColumns.index("undisclosed")] = row.Undisclosed
		// Lines of pledges that state no amount leave the value empty,
		// not 0.
		if row.Count > row.Undisclosed {
			line[pivotColumns.index("value")] = row.Value / div
			line[pivotColumns.index("qualifier")] = b.qual(row.Qualifier)
		}
		if err := f.SetSheetRow(name, first+strconv.Itoa(i+2), &line); err != nil {
			return err
		}
	}
	// Number formats, a column at a time.
	for _, c := range []struct{ key, format string }{{"year", fmtYear}, {"pledges", fmtCount}, {"undisclosed", fmtCount}, {"value", "#,##0.00"}} {
		col := analysis.ColumnLetters(srcCol + pivotColumns.index(c.key))
		if err := f.SetCellStyle(name, col+"2", col+strconv.Itoa(len(rows)+1), b.st.id(look{numFmt: c.format})); err != nil {
			return err
		}
	}
	lastCol, lastRow := analysis.ColumnLetters(srcCol+len(pivotColumns)-1), strconv.Itoa(len(rows)+1)
	if err := f.AddTable(name, &excelize.Table{Range: first + "1:" + lastCol + lastRow, Name: "PivotSource", StyleName: tableStyle}); err != nil {
		return err
	}

	// The pivot table and its slicers.
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
		DataRange:           name + "!$" + first + "$1:$" + lastCol + "$" + lastRow,
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
	return b.st.err
}
