package sheets

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

var benchColumns = []string{"id", "announced", "investor", "investor_type", "program", "amount", "currency", "unit",
	"qualifier", "years", "start_year", "sectors", "region", "status", "source", "url", "source_date",
	"stated_usd", "note"}

// pledgeRows calls emit with n rows of plausible pledges, the same for the
// same seed: dates as time.Time, amounts a mix of numbers and texts, nil
// for an empty cell. The row slice is reused.
func pledgeRows(n int, seed int64, emit func(i int, row []any)) {
	rnd := rand.New(rand.NewSource(seed))
	investors := []string{"Alibaba Group", "Tencent Holdings", "HKSAR Government", "Baidu", "ByteDance", "JD.com",
		"Hong Kong Investment Corporation", "Cyberport", "SenseTime", "Lenovo"}
	types := []string{"company", "government", "fund", "individual", "other"}
	sectors := []string{"cloud computing; AI infrastructure", "data centres", "AI chips; semiconductors",
		"robotics", "", "healthcare AI; biotech", "fintech"}
	regions := []string{"Hong Kong", "Mainland China", "Greater Bay Area", "Singapore", ""}
	texts := []string{"more than US$50 billion", "HK$10 billion", "3800亿元", "1.5亿美元", "undisclosed", "about €2 billion"}
	units := []string{"billion", "million", ""}
	day0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	row := make([]any, len(benchColumns))
	for i := 0; i < n; i++ {
		d := day0.AddDate(0, 0, rnd.Intn(2000))
		row[0] = fmt.Sprintf("p-%06d", i)
		row[1] = d
		row[2] = investors[rnd.Intn(len(investors))]
		row[3] = types[rnd.Intn(len(types))]
		row[4] = fmt.Sprintf("AI programme %d of %s", rnd.Intn(100000), row[2])
		if rnd.Intn(4) == 0 {
			row[5], row[6], row[7], row[8] = texts[rnd.Intn(len(texts))], nil, nil, nil
		} else {
			row[5], row[6], row[7], row[8] = float64(1+rnd.Intn(10000))/10, "USD", units[rnd.Intn(len(units))], nil
			if rnd.Intn(3) == 0 {
				row[8] = "about"
			}
		}
		row[9] = 1 + rnd.Intn(10)
		row[10] = 2020 + rnd.Intn(10)
		row[11] = sectors[rnd.Intn(len(sectors))]
		row[12] = regions[rnd.Intn(len(regions))]
		row[13] = "announced"
		row[14] = "Reuters"
		row[15] = fmt.Sprintf("https://example.com/news/%d", rnd.Int63())
		row[16] = d.AddDate(0, 0, rnd.Intn(5))
		row[17] = nil
		row[18] = fmt.Sprintf("Row %d: recorded from the company statement; figures rounded by the source.", i)
		emit(i, row)
	}
}

// pledgeWorkbook writes a workbook whose Pledges sheet holds pledgeRows,
// with the excelize StreamWriter: dates are date cells, strings inline.
func pledgeWorkbook(tb testing.TB, n int, seed int64) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Pledges"); err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Pledges")
	if err != nil {
		tb.Fatal(err)
	}
	ymd := "yyyy-mm-dd"
	ds, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ymd})
	if err != nil {
		tb.Fatal(err)
	}
	header := make([]any, len(benchColumns))
	for i, c := range benchColumns {
		header[i] = c
	}
	if err := sw.SetRow("A1", header); err != nil {
		tb.Fatal(err)
	}
	pledgeRows(n, seed, func(i int, row []any) {
		for j, v := range row {
			if d, ok := v.(time.Time); ok {
				row[j] = excelize.Cell{StyleID: ds, Value: d}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	})
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	return xlsxtest.Write(tb, f)
}

// pledgeCSV writes pledgeRows as a CSV file, dates in ISO form.
func pledgeCSV(tb testing.TB, n int, seed int64) []byte {
	tb.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rec := make([]string, len(benchColumns))
	if err := w.Write(benchColumns); err != nil {
		tb.Fatal(err)
	}
	pledgeRows(n, seed, func(i int, row []any) {
		for j, v := range row {
			switch v := v.(type) {
			case nil:
				rec[j] = ""
			case time.Time:
				rec[j] = v.Format(time.DateOnly)
			default:
				rec[j] = fmt.Sprint(v)
			}
		}
		if err := w.Write(rec); err != nil {
			tb.Fatal(err)
		}
	})
	w.Flush()
	return b.Bytes()
}

// BenchmarkReadXLSX reads a 100,000-row Pledges sheet; ns/row is the time
// per pledge row, B/op and allocs/op are per whole workbook.
func BenchmarkReadXLSX(b *testing.B) {
	const rows = 100_000
	data := pledgeWorkbook(b, rows, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var rd Reader
		if err := rd.ReadXLSX(bytes.NewReader(data), "pledges.xlsx"); err != nil {
			b.Fatal(err)
		}
		if len(rd.Inputs.Pledges) != rows || rd.Problems.HasErrors() {
			b.Fatalf("%d pledges, errors: %v", len(rd.Inputs.Pledges), rd.Problems.Err())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}

// BenchmarkExcelizeRows is the baseline this package's reader replaced:
// excelize's streaming row iterator with raw cell values, over the same
// workbook, doing nothing with the values.
func BenchmarkExcelizeRows(b *testing.B) {
	const rows = 100_000
	data := pledgeWorkbook(b, rows, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		it, err := f.Rows("Pledges")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for it.Next() {
			if _, err := it.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := it.Close(); err != nil || n != rows+1 {
			b.Fatalf("%d rows, %v", n, err)
		}
		f.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}

// BenchmarkReadCSV reads the same 100,000 pledges from a CSV file.
func BenchmarkReadCSV(b *testing.B) {
	const rows = 100_000
	data := pledgeCSV(b, rows, 1)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var rd Reader
		if err := rd.ReadCSV(bytes.NewReader(data), "pledges.csv"); err != nil {
			b.Fatal(err)
		}
		if len(rd.Inputs.Pledges) != rows || rd.Problems.HasErrors() {
			b.Fatalf("%d pledges, errors: %v", len(rd.Inputs.Pledges), rd.Problems.Err())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}
