// Command benchrun measures pledgewatch end to end on generated inputs of
// growing size, and the floor that excelize alone sets on the same files.
//
// Usage:
//
//	benchrun [-dir bench] [-rows 10000,100000,1048575] [-evidence=false] [-floor=false]
//
// For each size it writes a deterministic inputs folder (fixed seed;
// several currencies, text amounts with qualifiers and Chinese units,
// multi-sector rows, some undisclosed and withdrawn pledges, a Progress
// sheet of evidence of delivery for about a tenth of the pledges with an
// amount unless -evidence=false, a Metrics and an FX sheet), builds pledgewatch, runs it as a child process, and prints
// wall time, seconds per 100k rows and the child's peak RSS. The floor is
// the time excelize needs to read the Pledges sheet's raw values with its
// Rows iterator and to stream-write one sheet of the same size.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	dir := flag.String("dir", "bench", "folder for generated inputs and outputs")
	rowsFlag := flag.String("rows", "10000,100000,1048575", "comma-separated pledge row counts")
	floor := flag.Bool("floor", true, "also measure the excelize floor")
	withEvidence := flag.Bool("evidence", true, "give the generated books a Progress sheet of evidence of delivery")
	flag.Parse()
	if err := run(*dir, *rowsFlag, *floor, *withEvidence); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

func run(dir, rowsFlag string, floor, withEvidence bool) error {
	var sizes []int
	for _, s := range strings.Split(rowsFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 1048575 {
			return fmt.Errorf("-rows: %q is not a row count between 1 and 1048575", s)
		}
		sizes = append(sizes, n)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(dir, "pledgewatch")
	build := exec.Command("go", "build", "-o", bin, "./cmd/pledgewatch")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	fmt.Printf("%-19s %9s %10s %12s %11s %11s %8s\n", "rows", "run s", "s/100k", "peak RSS MB", "floor rd s", "floor wr s", "run/floor")
	for _, label := range []string{"shipped"} {
		secs, rss, err := runOnce(bin, "inputs", filepath.Join(dir, "out-shipped"))
		if err != nil {
			return err
		}
		fmt.Printf("%-19s %9.3f %10s %12.0f %11s %11s %8s\n", label, secs, "-", rss, "-", "-", "-")
	}
	for _, n := range sizes {
		name := strconv.Itoa(n)
		if !withEvidence {
			name += "-noevidence"
		}
		in := filepath.Join(dir, "inputs-"+name)
		path := filepath.Join(in, "bench.xlsx")
		if _, err := os.Stat(path); err != nil {
			if err := os.MkdirAll(in, 0o755); err != nil {
				return err
			}
			if err := generate(path, n, withEvidence); err != nil {
				return fmt.Errorf("generate %d rows: %w", n, err)
			}
		}
		secs, rss, err := runOnce(bin, in, filepath.Join(dir, "out-"+name))
		if err != nil {
			return err
		}
		frd, fwr, ratio := "-", "-", "-"
		if floor {
			rd, wr, err := measureFloor(path, n)
			if err != nil {
				return err
			}
			frd, fwr = fmt.Sprintf("%.2f", rd), fmt.Sprintf("%.2f", wr)
			ratio = fmt.Sprintf("%.2fx", secs/(rd+wr))
		}
		fmt.Printf("%-19s %9.2f %10.2f %12.0f %11s %11s %8s\n", name, secs, secs/float64(n)*1e5, rss, frd, fwr, ratio)
	}
	return nil
}

// runOnce runs pledgewatch as a child and returns its wall time and peak
// resident memory in MB.
func runOnce(bin, inputs, out string) (float64, float64, error) {
	cmd := exec.Command(bin, "run", "--inputs", inputs, "--out", out, "--month", "2025-11", "--quiet")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("pledgewatch on %s: %w\n%s", inputs, err, stderr.String())
	}
	secs := time.Since(start).Seconds()
	return secs, peakRSS(cmd.ProcessState), nil
}

// measureFloor times excelize alone: reading the Pledges sheet's raw
// values with the Rows iterator, and stream-writing one sheet of the
// same size and width.
func measureFloor(path string, n int) (float64, float64, error) {
	start := time.Now()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, 0, err
	}
	rows, err := f.Rows("Pledges")
	if err != nil {
		return 0, 0, err
	}
	cells, width := 0, 0
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return 0, 0, err
		}
		cells += len(cols)
		width = max(width, len(cols))
	}
	rows.Close()
	f.Close()
	rd := time.Since(start).Seconds()

	start = time.Now()
	w := excelize.NewFile()
	sw, err := w.NewStreamWriter("Sheet1")
	if err != nil {
		return 0, 0, err
	}
	row := make([]any, width)
	for i := 1; i <= n+1; i++ {
		for j := range row {
			if j%3 == 0 {
				row[j] = float64(i*j) + 0.5
			} else {
				row[j] = "text value " + strconv.Itoa(j)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, row); err != nil {
			return 0, 0, err
		}
	}
	if err := sw.Flush(); err != nil {
		return 0, 0, err
	}
	var buf bytes.Buffer
	if err := w.Write(&buf); err != nil {
		return 0, 0, err
	}
	return rd, time.Since(start).Seconds(), nil
}

var (
	investors = []struct{ name, typ, region string }{
		{"Alibaba Group", "company", "Mainland China"}, {"Tencent", "company", "Mainland China"},
		{"Baidu", "company", "Mainland China"}, {"JD.com", "company", "Mainland China"},
		{"Hong Kong Government", "government", "Hong Kong"}, {"HKSTP", "government", "Hong Kong"},
		{"Alibaba Entrepreneurs Fund", "fund", "Hong Kong"}, {"Sequoia China", "fund", "Mainland China"},
		{"Zhang Yiming", "individual", "Hong Kong"}, {"Cyberport", "government", "Hong Kong"},
		{"阿里巴巴创业者基金", "fund", "Hong Kong"}, {"深圳市政府", "government", "Mainland China"},
		{"European AI Partners", "fund", "Global"}, {"London Tech Capital", "fund", "Global"},
	}
	sectors = []string{"AI infrastructure", "cloud computing", "financial services", "consumer retail",
		"healthcare", "robotics", "semiconductors", "large models", "smart driving", "education"}
	statuses = []string{"announced", "announced", "committed", "committed", "deployed"}
)

// amount returns a realistic amount cell with its currency, unit and
// qualifier cells.
func amount(r *rand.Rand) (amt any, cur, unit, qual string) {
	v := float64(r.IntN(9900)+100) / 10
	switch r.IntN(12) {
	case 0:
		return "undisclosed", "", "", ""
	case 1:
		return fmt.Sprintf("more than US$%.1f billion", v), "", "", ""
	case 2:
		return fmt.Sprintf("%.0f亿元", v*10), "", "", ""
	case 3:
		return fmt.Sprintf("%.1f亿美元", v), "", "", ""
	case 4:
		return fmt.Sprintf("HK$%.1f billion", v), "", "", ""
	case 5:
		return v, "EUR", "million", "about"
	case 6:
		return v, "GBP", "million", ""
	case 7:
		return v, "CNY", "billion", "at least"
	case 8:
		return fmt.Sprintf("about %.1f", v), "US$", "bn", ""
	default:
		return v, "USD", "million", ""
	}
}

// generate writes a deterministic bench workbook with n pledge rows, and
// a Progress sheet when withEvidence is set; the Pledges sheet is the same
// either way.
func generate(path string, n int, withEvidence bool) error {
	r := rand.New(rand.NewPCG(20251122, uint64(n)))
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Pledges"); err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Pledges")
	if err != nil {
		return err
	}
	header := []any{"id", "announced", "investor", "investor_type", "program", "amount", "currency", "unit",
		"qualifier", "years", "sectors", "region", "status", "source", "url", "note"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	row := make([]any, len(header))
	// Evidence draws from a source of its own, so that the Pledges sheet
	// stays what it was without a Progress sheet.
	ev := rand.New(rand.NewPCG(20251130, uint64(n)))
	var progress [][]any
	for i := 0; i < n; i++ {
		inv := investors[r.IntN(len(investors))]
		amt, cur, unit, qual := amount(r)
		var secs []string
		for k := r.IntN(3) + 1; k > 0; k-- {
			secs = append(secs, sectors[r.IntN(len(sectors))])
		}
		status := statuses[r.IntN(len(statuses))]
		if r.IntN(50) == 0 {
			status = "withdrawn"
		}
		years := any("")
		if r.IntN(3) == 0 {
			years = r.IntN(5) + 1
		}
		row[0] = fmt.Sprintf("bench-%07d", i+1)
		row[1] = excelize.Cell{StyleID: dateStyle, Value: base.AddDate(0, 0, r.IntN(6*365))}
		row[2], row[3] = inv.name, inv.typ
		row[4] = fmt.Sprintf("AI programme %d", i+1)
		row[5], row[6], row[7], row[8] = amt, cur, unit, qual
		row[9] = years
		row[10] = strings.Join(secs, "; ")
		row[11], row[12] = inv.region, status
		row[13] = fmt.Sprintf("Generated source %d", r.IntN(40))
		row[14] = ""
		if r.IntN(4) == 0 {
			row[14] = fmt.Sprintf("https://example.org/deal/%d", i+1)
		}
		row[15] = ""
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
		if amt != "undisclosed" && ev.IntN(10) == 0 {
			progress = append(progress, evidence(ev, row[0].(string), row[1].(excelize.Cell).Value.(time.Time))...)
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if withEvidence {
		if err := writeProgress(f, dateStyle, progress); err != nil {
			return err
		}
	}
	if err := writeSmallSheets(f, r); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// benchCutoff is the cut-off of the bench run's month: evidence after it
// would be left out with a warning, so none is generated.
var benchCutoff = time.Date(2025, 11, 30, 0, 0, 0, 0, time.UTC)

// evidenceCurrencies are the currencies of evidence amounts, each with
// an FX row.
var evidenceCurrencies = []string{"USD", "CNY", "HKD", "EUR", "GBP"}

// evidence returns the Progress rows of one pledge announced on day:
// committed, then disbursed as cumulative totals that do not fall, then
// spent in increments, some of them bounds; rows after the cut-off are
// left out.
func evidence(r *rand.Rand, id string, day time.Time) [][]any {
	cur := evidenceCurrencies[r.IntN(len(evidenceCurrencies))]
	var out [][]any
	add := func(days int, stage string, amt any, basis, qual string) {
		d := day.AddDate(0, 0, days)
		if d.After(benchCutoff) {
			return
		}
		c, unit := cur, "million"
		if amt == nil {
			c, unit = "", ""
		}
		out = append(out, []any{id, d, stage, amt, basis, c, unit, qual, fmt.Sprintf("Generated evidence %d", r.IntN(40))})
	}
	add(20+r.IntN(60), "committed", nil, "", "")
	total, at := float64(r.IntN(200)+10), 120
	for k := r.IntN(3) + 1; k > 0; k-- {
		at += 60 + r.IntN(200)
		add(at, "disbursed", total, "cumulative", "")
		total += float64(r.IntN(100))
	}
	for k := r.IntN(3); k > 0; k-- {
		at += 30 + r.IntN(200)
		qual := ""
		if r.IntN(4) == 0 {
			qual = "more than"
		}
		add(at, "spent", float64(r.IntN(80)+1), "increment", qual)
	}
	return out
}

// writeProgress writes the Progress sheet: the evidence rows in the
// order of their pledges.
func writeProgress(f *excelize.File, dateStyle int, rows [][]any) error {
	if _, err := f.NewSheet("Progress"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("Progress")
	if err != nil {
		return err
	}
	header := []any{"pledge_id", "date", "stage", "amount", "amount_basis", "currency", "unit", "qualifier", "source"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, row := range rows {
		row[1] = excelize.Cell{StyleID: dateStyle, Value: row[1]}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func writeSmallSheets(f *excelize.File, r *rand.Rand) error {
	if _, err := f.NewSheet("FX"); err != nil {
		return err
	}
	fx := [][]any{{"currency", "per_usd", "date", "source"},
		{"CNY", 7.1698, "2019-01-01", "bench"}, {"HKD", 7.8, "2019-01-01", "bench"},
		{"EUR", 0.92, "2019-01-01", "bench"}, {"GBP", 0.79, "2019-01-01", "bench"}}
	for i, row := range fx {
		if err := f.SetSheetRow("FX", fmt.Sprintf("A%d", i+1), &row); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet("Metrics"); err != nil {
		return err
	}
	if err := f.SetSheetRow("Metrics", "A1", &[]any{"entity", "metric", "period", "value", "unit", "basis", "source"}); err != nil {
		return err
	}
	row := 2
	for _, inv := range investors[:8] {
		v := float64(r.IntN(50) + 5)
		for y := 2019; y <= 2025; y++ {
			v *= 1 + float64(r.IntN(60))/100
			vals := []any{inv.name, "AI capital expenditure", y, fmt.Sprintf("US$%.1f billion", v), "", "actual", "bench"}
			if err := f.SetSheetRow("Metrics", fmt.Sprintf("A%d", row), &vals); err != nil {
				return err
			}
			row++
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
