package workbook

import (
	"bytes"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// These tests open the workbook in LibreOffice, a real spreadsheet: one
// recalculates every formula and compares the results with the cached
// values pledgewatch wrote; the other checks what the cells display.
// They are skipped when soffice is not installed, and with -short.

// recalcProfile makes LibreOffice recalculate every formula of an xlsx on
// load instead of keeping the cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

func soffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice tests are slow")
	}
	path, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	return path
}

// convert converts the workbook in data with LibreOffice and returns the
// converted file.
func convert(t *testing.T, data []byte, to string, recalc bool) []byte {
	t.Helper()
	bin := soffice(t)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if recalc {
		if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(bin, "--headless", "-env:UserInstallation=file://"+profile, "--convert-to", to, "--outdir", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	conv, err := os.ReadFile(filepath.Join(out, "book."+to))
	if err != nil {
		t.Fatal(err)
	}
	return conv
}

// LibreOffice recalculates every formula to the value pledgewatch cached.
func TestLibreOfficeRecalculates(t *testing.T) {
	// First make sure the profile does recalculate: a wrong cached value
	// must be replaced.
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	_ = sw.SetRow("A1", []any{excelize.Cell{Formula: "1+1", Value: 3}})
	_ = sw.Flush()
	var probe bytes.Buffer
	if err := f.Write(&probe); err != nil {
		t.Fatal(err)
	}
	if got := raw(t, open(t, convert(t, probe.Bytes(), "xlsx", true)), "Sheet1", "A1"); got != "2" {
		t.Fatalf("LibreOffice did not recalculate: 1+1 = %q", got)
	}

	// The report compared with an earlier one, so that the Changes and
	// History formulas are recalculated too.
	r, _ := changedReport(t)
	data := writeBook(t, r, testMeta(t))
	orig, recalc := open(t, data), open(t, convert(t, data, "xlsx", true))
	checked := 0
	for _, sheet := range sheetNames {
		if sheet == sheetCharts {
			continue
		}
		rows, err := orig.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fm := formula(t, orig, sheet, cell)
				if fm == "" {
					continue
				}
				checked++
				want, got := raw(t, orig, sheet, cell), raw(t, recalc, sheet, cell)
				w, err1 := strconv.ParseFloat(want, 64)
				g, err2 := strconv.ParseFloat(got, 64)
				switch {
				case err1 == nil && err2 == nil:
					if math.Abs(w-g) > 1e-9*math.Max(1, math.Abs(w)) {
						t.Errorf("%s!%s = %s: pledgewatch cached %v, LibreOffice computes %v", sheet, cell, fm, w, g)
					}
				case want != got:
					t.Errorf("%s!%s = %s: pledgewatch cached %q, LibreOffice computes %q", sheet, cell, fm, want, got)
				}
			}
		}
	}
	t.Logf("%d formulas recalculated by LibreOffice match", checked)
	if checked < 40 {
		t.Errorf("only %d formulas checked", checked)
	}
}

var tags = regexp.MustCompile(`<[^>]+>`)

// The cells display as an analyst expects in a real spreadsheet.
func TestLibreOfficeDisplay(t *testing.T) {
	r, _ := changedReport(t)
	page := string(convert(t, writeBook(t, r, testMeta(t)), "html", false))
	text := html.UnescapeString(tags.ReplaceAllString(page, " "))
	for _, want := range []string{
		"US$ 53.0B",             // at least 380 bn yuan at 7.1698
		"Per year (US$ bn)",     // the unit of the yearly third (17.7)
		"CN¥ 380.00B",           // the amount as converted from, in the column's one unit
		"HK$ 10.00B",            // Hong Kong fund
		"US$ 150.0M",            // 1.5亿美元
		"US$ 13.0B",             // the 2023 capex bound
		"US$ 32.0B",             // 2025 capex
		"2.46x",                 // the multiple, a lower bound
		"56.9%",                 // the CAGR
		"2025-02-24",            // dates
		"7.1698",                // FX rate
		"+8%",                   // a metric written as a change
		"=1+1",                  // text stays text
		"more than 2.46x",       // the Summary sentence
		"CNA; The Paper (澎湃新闻)", // a linked source
		"-US$ 1.6B",             // the change of the total since 2025-10
		"+US$ 150.0M",           // a new investor type
		"-100.0%",               // a region gone
		"+25.0%",                // government: HK$8B to HK$10B
		"8 HKD billion",         // a revised amount, before
		"US$ 67.7B",             // the 2025-10 total on History
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice does not show %q", want)
		}
	}
	if strings.Contains(text, "###") {
		t.Error("a column is too narrow for its numbers (###)")
	}
}
