package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
)

// These tests open the workbook in LibreOffice, a real spreadsheet: one
// recalculates every formula and compares the results with the cached
// values pledgewatch wrote; the other checks what the cells display.
// They, and the other LibreOffice tests of the package, share one
// conversion (libreOffice), and are skipped when soffice is not
// installed, and with -short.

// profile returns the registrymodifications.xcu of the private profile
// soffice runs with. It always tells LibreOffice it was already started
// at this version (ooSetupLastVersion, given a version above any real
// one): otherwise every headless start counts as the first after an
// update and runs LibreOffice's graphics self-tests, which took 4 of its
// 6.7 s of processor time per start on the test machine. With recalc, it
// also makes LibreOffice recalculate every formula of an xlsx on load
// instead of keeping the cached values.
func profile(recalc bool) string {
	items := `<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>` + "\n"
	if recalc {
		items += `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>` + "\n"
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
` + items + `</oor:items>
`
}

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

// The LibreOffice tests share one conversion of all the books they
// check. Each start of soffice costs about 3 s of processor time on a
// 2-core machine whatever it converts, while each further book in the
// same invocation adds under a second; so the books
// are built together the first time a test asks for one and converted
// by one soffice invocation per output: to xlsx with the recalculating
// profile, to html with one that keeps the cached values, the two side
// by side. One invocation cannot do both: the last --convert-to applies
// to every file, and the profile sets recalculation for all of them.
// Two other ways were tried and dropped: a soffice left running, to
// which later invocations hand their documents through its pipe, exits
// after the first conversion handed to it; driving one through UNO needs
// python3-uno, which the test machines do not have.
//
// A test calls libreOffice before t.Parallel, so that the conversion
// runs while the package's other tests do, and then waits for it.

// loConversion is one soffice invocation: the books it converts, by
// name, to which format and with which profile.
type loConversion struct {
	to     string
	recalc bool
	books  []string
}

// loConversions are all the conversions the tests check.
var loConversions = []loConversion{
	{"xlsx", true, []string{"probe", "changed", "reversed", "progress", "chinese", "chinese-hans"}},
	{"html", false, []string{"changed"}},
	// The printed books: see print_libreoffice_test.go.
	{"pdf", false, printedBooks},
}

// loFixture holds the books the LibreOffice tests convert and, once
// done is closed, what LibreOffice made of them. Tests only read it.
type loFixture struct {
	once    sync.Once
	done    chan struct{}
	changed *analysis.Report // the report of the books "changed" and "reversed"
	books   map[string][]byte
	out     map[string][]byte // by book name and format, "changed.html"
	err     error
}

var loShared = loFixture{done: make(chan struct{})}

// loBooks builds the books the LibreOffice tests convert: a probe whose
// cached value is wrong, the test report compared with an earlier one,
// the same with every table sorted the other way round, the report
// with evidence of delivery, a report in Traditional Chinese, and the
// books printed to PDF: the shipped inputs' in US and Hong Kong dollars
// and one of 200 generated pledges.
func loBooks(t testing.TB) (*analysis.Report, map[string][]byte) {
	r, _, changed := changedBook(t)
	named := namedReport(t)
	return r, map[string][]byte{
		"shipped":      writeBook(t, shippedReportAt(t, "USD", "2025-11"), Meta{Version: "test", Month: "2025-11"}),
		"shipped-hkd":  writeBook(t, shippedReportAt(t, "HKD", "2025-11"), Meta{Version: "test", Month: "2025-11"}),
		"generated":    writeBook(t, bigReport(t, 200), testMeta(t)),
		"chinese":      writeBook(t, named, namedMeta(t, named, lang.Traditional)),
		"chinese-hans": writeBook(t, named, namedMeta(t, named, lang.Simplified)),
		"probe":        recalcProbe(t),
		"changed":      changed,
		"reversed":     reversedBook(t, r, changed),
		"progress":     writeBook(t, progressReport(t), testMeta(t)),
	}
}

// libreOffice builds the books and starts converting them, the first
// time it is called; it skips the test when LibreOffice is not used.
func libreOffice(t *testing.T) *loFixture {
	t.Helper()
	bin := soffice(t)
	loShared.once.Do(func() {
		// A builder that fails ends this test; the others are told.
		loShared.err = errors.New("the books for LibreOffice could not be built (see the first test that asked for them)")
		built := false
		defer func() {
			if !built {
				close(loShared.done)
			}
		}()
		loShared.changed, loShared.books = loBooks(t)
		loShared.err, built = nil, true
		go loShared.convertAll(bin)
	})
	// No test ends, and so no test binary exits, while soffice runs.
	t.Cleanup(func() { <-loShared.done })
	return &loShared
}

// convertAll runs every conversion and closes done.
func (f *loFixture) convertAll(bin string) {
	defer close(f.done)
	out := map[string][]byte{}
	errs := make([]error, len(loConversions))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, c := range loConversions {
		wg.Go(func() {
			conv, err := convertBooks(bin, f.books, c)
			errs[i] = err
			mu.Lock()
			defer mu.Unlock()
			maps.Copy(out, conv)
		})
	}
	wg.Wait()
	f.out, f.err = out, errors.Join(errs...)
}

// convertBooks converts the books of c in one soffice invocation, with
// a private profile in a directory removed afterwards, and returns what
// it wrote by book name and format.
func convertBooks(bin string, books map[string][]byte, c loConversion) (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "pledgewatch-libreoffice-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	prof := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(prof, "user"), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(prof, "user", "registrymodifications.xcu"), []byte(profile(c.recalc)), 0o644); err != nil {
		return nil, err
	}
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.Mkdir(in, 0o755); err != nil {
		return nil, err
	}
	args := []string{"--headless", "-env:UserInstallation=file://" + prof, "--convert-to", c.to, "--outdir", out}
	for _, name := range c.books {
		path := filepath.Join(in, name+".xlsx")
		if err := os.WriteFile(path, books[name], 0o644); err != nil {
			return nil, err
		}
		args = append(args, path)
	}
	if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("soffice --convert-to %s: %w\n%s", c.to, err, msg)
	}
	conv := map[string][]byte{}
	for _, name := range c.books {
		b, err := os.ReadFile(filepath.Join(out, name+"."+c.to))
		if err != nil {
			return nil, fmt.Errorf("soffice --convert-to %s wrote no %s: %w", c.to, name, err)
		}
		conv[name+"."+c.to] = b
	}
	return conv, nil
}

// book returns the book called name as written by pledgewatch.
func (f *loFixture) book(name string) []byte { return f.books[name] }

// converted waits for the conversions and returns what LibreOffice made
// of the book called name in format to.
func (f *loFixture) converted(t *testing.T, name, to string) []byte {
	t.Helper()
	<-f.done
	if f.err != nil {
		t.Fatal(f.err)
	}
	b, ok := f.out[name+"."+to]
	if !ok {
		t.Fatalf("no conversion of %s to %s is listed in loConversions", name, to)
	}
	return b
}

// recalcProbe is a book whose one formula, 1+1, has the cached value 3:
// a LibreOffice that recalculates replaces it.
func recalcProbe(t testing.TB) []byte {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{Formula: "1+1", Value: 3}}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var probe bytes.Buffer
	if err := f.Write(&probe); err != nil {
		t.Fatal(err)
	}
	return probe.Bytes()
}

// LibreOffice recalculates every formula to the value pledgewatch cached.
func TestLibreOfficeRecalculates(t *testing.T) {
	lo := libreOffice(t)
	t.Parallel()
	// First make sure the profile does recalculate: a wrong cached value
	// must be replaced.
	if got := raw(t, open(t, lo.converted(t, "probe", "xlsx")), "Sheet1", "A1"); got != "2" {
		t.Fatalf("LibreOffice did not recalculate: 1+1 = %q", got)
	}

	// The report compared with an earlier one, so that the Changes and
	// History formulas are recalculated too.
	orig, recalc := open(t, lo.book("changed")), open(t, lo.converted(t, "changed", "xlsx"))
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
	lo := libreOffice(t)
	t.Parallel()
	page := string(lo.converted(t, "changed", "html"))
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
