package sheets

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func genExp(n int) []byte {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Pledges")
	sw, _ := f.NewStreamWriter("Pledges")
	ds, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	hdr := []any{"id", "announced", "investor", "investor_type", "program", "amount", "currency", "unit", "qualifier", "years", "start_year", "sectors", "region", "status", "source", "url", "source_date", "stated_usd", "note"}
	sw.SetRow("A1", hdr)
	rnd := rand.New(rand.NewSource(1))
	inv := []string{"Alibaba Group", "Tencent", "HKSAR Government", "Baidu", "ByteDance"}
	for i := 0; i < n; i++ {
		d := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.Intn(2000))
		row := []any{fmt.Sprintf("p-%d", i), excelize.Cell{StyleID: ds, Value: d}, inv[rnd.Intn(len(inv))], "company",
			fmt.Sprintf("Program %d", rnd.Intn(1000)), float64(rnd.Intn(1000)) / 10, "USD", "billion", "about", 3, 2025,
			"cloud; AI infrastructure", "Hong Kong", "announced", "Reuters", "https://example.com/a", excelize.Cell{StyleID: ds, Value: d}, nil, "note text"}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, row)
	}
	sw.Flush()
	var b bytes.Buffer
	f.Write(&b)
	return b.Bytes()
}
func ptr(s string) *string { return &s }

func TestExpExcelize(t *testing.T) {
	data := genExp(100000)
	t.Logf("size %d", len(data))
	t0 := time.Now()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	rows, _ := f.Rows("Pledges")
	n := 0
	for rows.Next() {
		c, _ := rows.Columns()
		n += len(c)
	}
	t.Logf("open %v rows %v cells %d", t1.Sub(t0), time.Since(t1), n)
}

func TestExpWrite(t *testing.T) {
	data := genExp(100000)
	os.WriteFile("/tmp/gen/p100k.xlsx", data, 0o644)
}
