package sheets_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/sheets"
)

// Reading a CSV file: records go into Inputs, problems into Problems,
// each at its cell.
func ExampleReader_ReadCSV() {
	const data = `announced,investor,program,amount,currency
2025-02-24,Alibaba Group,AI infrastructure,380 billion,CNY
2025-02-26,HKSAR Government,AI subsidy scheme,HK$10 billion,
24/02/2025,Tencent,Data centres,"about 5,3 billion",USD
`
	var rd sheets.Reader
	if err := rd.ReadCSV(strings.NewReader(data), "inputs/pledges.csv"); err != nil {
		log.Fatal(err) // only reading the io.Reader can fail
	}
	for _, p := range rd.Inputs.Pledges {
		fmt.Printf("%s: %s = %g %s\n", p.Investor, p.AmountText, p.Amount.Value, p.Amount.Currency)
	}
	for _, p := range rd.Problems.List() {
		fmt.Println(p.Severity, p)
	}
	// Output:
	// Alibaba Group: 380 billion CNY = 3.8e+11 CNY
	// HKSAR Government: HK$10 billion = 1e+10 HKD
	// error inputs/pledges.csv, cell A4 (announced): "24/02/2025": cannot read the date; use the ISO form 2025-02-24
	// error inputs/pledges.csv, cell D4 (amount): "about 5,3 billion": cannot read "5,3" as a number; use 5.3
}

// Reading a workbook: the Pledges, Metrics and FX sheets are read by
// name; the header may sit below a title.
func ExampleReader_ReadXLSX() {
	f := excelize.NewFile()
	_ = f.SetSheetName("Sheet1", "FX")
	_ = f.SetSheetRow("FX", "A1", &[]any{"Exchange rates, units per US dollar"})
	_ = f.SetSheetRow("FX", "A3", &[]any{"Currency", "Per USD", "Date", "Source"})
	_ = f.SetSheetRow("FX", "A4", &[]any{"HKD", 7.8, "2025-01-31", "HKMA"})
	_ = f.SetSheetRow("FX", "A5", &[]any{"EUR", "0,92", "2025-01-31", "ECB"})
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		log.Fatal(err)
	}

	var rd sheets.Reader
	if err := rd.ReadXLSX(&b, "inputs/rates.xlsx"); err != nil {
		log.Fatal(err)
	}
	for _, r := range rd.Inputs.Rates {
		fmt.Printf("row %d: %s %g per US$ on %s\n", r.Loc.Row(), r.Currency, r.PerUSD, r.Date.Format("2006-01-02"))
	}
	for _, p := range rd.Problems.List() {
		fmt.Println(p.Severity, p)
	}
	fmt.Printf("%+v\n", rd.Inputs.Files[0].Tables)
	// Output:
	// row 4: HKD 7.8 per US$ on 2025-01-31
	// error inputs/rates.xlsx: sheet "FX", cell B5 (per_usd): "0,92": cannot read "0,92" as a number; use 0.92
	// [{Sheet:FX Table:fx Rows:1}]
}
