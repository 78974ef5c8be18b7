package xlsxscan_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// printer is a Sink that prints the cells of columns A and C.
type printer struct{}

func (printer) Wants(col int) bool { return col == 1 || col == 3 }

func (printer) Row(n int, cells []xlsxscan.Cell) bool {
	for _, c := range cells {
		kind := map[xlsxscan.Kind]string{xlsxscan.Text: "text", xlsxscan.Number: "number", xlsxscan.NoValue: "formula without a value"}[c.Kind]
		if c.Format == xlsxscan.DateFormat {
			kind += " formatted as a date"
		}
		fmt.Printf("row %d, column %d: %s %q\n", n, c.Col, kind, c.Text())
	}
	return true
}

// Reading the cells of each worksheet of a workbook: what a cell holds
// comes as stored, a date as its serial number with a date format.
func ExampleWorkbook_ReadSheet() {
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"Investor", "ignored", "Announced"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{"Alibaba", 1, time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)})
	_ = f.SetCellFormula("Sheet1", "A3", "A2")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		log.Fatal(err)
	}

	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		log.Fatal(err)
	}
	wb, err := xlsxscan.Open(zr, xlsxscan.Options{})
	if err != nil {
		log.Fatal(err)
	}
	if err := wb.LoadStyles(); err != nil {
		log.Fatal(err)
	}
	for _, sh := range wb.Sheets() {
		fmt.Printf("sheet %q (%s)\n", sh.Name, sh.Type)
		if err := wb.ReadSheet(sh.Part, printer{}); err != nil {
			log.Fatal(err)
		}
	}
	// Output:
	// sheet "Sheet1" (worksheet)
	// row 1, column 1: text "Investor"
	// row 1, column 3: text "Announced"
	// row 2, column 1: text "Alibaba"
	// row 2, column 3: number formatted as a date "45712"
	// row 3, column 1: formula without a value "A2"
}
