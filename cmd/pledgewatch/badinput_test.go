package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/cryptotest"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/store"
)

var update = flag.Bool("update", false, "rewrite the bad-input corpus in testdata/bad")

// A badCase is one kind of bad input: how its inputs folder is made, and
// (in testdata/bad/NAME/want.txt) the exit code and the exact lines the
// program must print on stderr.
type badCase struct {
	name  string
	files func(t *testing.T) map[string][]byte
}

var pledgeHeader = []any{"id", "announced", "investor", "investor_type", "program", "amount", "currency", "unit", "qualifier", "years", "sectors", "region", "status", "source", "url", "stated_usd"}

// baseBook returns a valid workbook; edit changes it before it is saved.
func baseBook(t *testing.T, edit func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Pledges")
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	rows := [][]any{
		pledgeHeader,
		{"ali-1", time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC), "Alibaba Group", "company", "Cloud and AI infrastructure", 380, "CNY", "billion", "at least", 3, "cloud; AI infrastructure", "Mainland China", "announced", "CNA", "https://example.org/a", "US$53 billion"},
		{"aef-1", time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC), "Alibaba Entrepreneurs Fund", "fund", "AI fund", "1.5亿美元", "", "", "", "", "financial services; healthcare", "Hong Kong", "committed", "Star Daily", "", ""},
		{"hk-1", time.Date(2022, 10, 19, 0, 0, 0, 0, time.UTC), "Hong Kong Government", "government", "RAISe+ Scheme", "HK$10 billion", "", "", "", "", "research", "Hong Kong", "announced", "HK Government", "", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Pledges", cell, &r)
	}
	f.SetCellStyle("Pledges", "B2", "B4", date)
	f.NewSheet("Metrics")
	metrics := [][]any{
		{"entity", "metric", "period", "value", "unit", "basis", "source"},
		{"Big four", "AI capex", "2023", "less than US$13 billion", "", "budget", "ABMedia"},
		{"Big four", "AI capex", "2025", "US$32 billion", "", "forecast", "ABMedia"},
	}
	for i, r := range metrics {
		f.SetSheetRow("Metrics", fmt.Sprintf("A%d", i+1), &r)
	}
	f.NewSheet("FX")
	fx := [][]any{{"currency", "per_usd", "date", "source"}, {"CNY", 7.1698, "2025-02-24", "implied"}, {"HKD", 7.8, "1983-10-17", "peg"}}
	for i, r := range fx {
		f.SetSheetRow("FX", fmt.Sprintf("A%d", i+1), &r)
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// replaceCell rewrites one cell of sheet1 (Pledges) in the zip, for cell
// kinds excelize does not write (a cached error value).
func replaceCell(t *testing.T, book []byte, ref, xml string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	re := regexp.MustCompile(`<c r="` + ref + `"[^>]*?(/>|>.*?</c>)`)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			if !re.Match(data) {
				t.Fatalf("cell %s not found", ref)
			}
			data = re.ReplaceAll(data, []byte(xml))
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}

func one(name string, data []byte) map[string][]byte { return map[string][]byte{name: data} }

func ptr[T any](v T) *T { return &v }

func badCases() []badCase {
	set := func(cell string, v any) func(t *testing.T) map[string][]byte {
		return func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) { f.SetCellValue("Pledges", cell, v) }))
		}
	}
	setMetric := func(cell string, v any) func(t *testing.T) map[string][]byte {
		return func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) { f.SetCellValue("Metrics", cell, v) }))
		}
	}
	return []badCase{
		{"ok-warnings", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) {
				f.SetCellValue("Pledges", "N4", "")                 // missing source
				f.SetCellValue("Pledges", "Q1", "analyst")          // unknown column
				f.SetCellValue("Pledges", "P2", "US$60 billion")    // stated conversion 12% off
				f.SetCellValue("Pledges", "O3", "javascript:alert") // unsafe link
				f.SetSheetRow("Pledges", "A5", &[]any{"aef-2", "2025-01-05", "Alibaba Entrepreneurs Fund", "fund", "AI fund", "US$0.16 billion", "", "", "", "", "", "Hong Kong", "committed", "cls.cn"})
				f.SetSheetRow("Pledges", "A6", &[]any{"future-1", "2099-01-01", "Someone", "fund", "Later fund", "US$1 billion", "", "", "", "", "", "Hong Kong", "announced", "x"})
			}))
		}},
		{"missing-column", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) { f.SetCellValue("Pledges", "F1", "sum") }))
		}},
		{"required-empty", set("C3", "")},
		{"control-character", func(t *testing.T) map[string][]byte {
			// Excel writes a control character as an _xHHHH_ escape.
			return one("pledges.xlsx", replaceCell(t, baseBook(t, nil), "C3", `<c r="C3" t="inlineStr"><is><t>Tencent_x001B_[2J_x0007_</t></is></c>`))
		}},
		{"decimal-comma", set("F3", "about 5,3 billion")},
		{"ambiguous-date", set("B3", "03/04/2025")},
		{"unknown-currency", set("G2", "dollarz")},
		{"unknown-unit", set("H2", "gazillion")},
		{"no-fx-row", set("F4", "€2 billion")},
		{"negative-amount", set("F4", "-5")},
		{"bad-period", setMetric("C3", "next year")},
		{"duplicate-id", set("A3", "ali-1")},
		{"error-value", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", replaceCell(t, baseBook(t, nil), "F3", `<c r="F3" t="e"><f>#REF!*2</f><v>#REF!</v></c>`))
		}},
		{"formula-no-value", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", replaceCell(t, baseBook(t, nil), "F3", `<c r="F3"><f>100*2</f></c>`))
		}},
		{"old-xls", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...))
		}},
		{"csv-renamed", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", []byte("announced,investor,program,amount\n2025-02-24,Alibaba,Cloud,US$53 billion\n"))
		}},
		{"truncated-zip", func(t *testing.T) map[string][]byte {
			b := baseBook(t, nil)
			return one("pledges.xlsx", b[:len(b)/2])
		}},
		{"password", func(t *testing.T) map[string][]byte {
			// The encryption's salt and key come from crypto/rand: a
			// fixed source keeps the file the same from one update to
			// the next.
			cryptotest.SetGlobalRandom(t, 1)
			f := excelize.NewFile()
			var buf bytes.Buffer
			if err := f.Write(&buf, excelize.Options{Password: "secret"}); err != nil {
				t.Fatal(err)
			}
			return one("pledges.xlsx", buf.Bytes())
		}},
		{"empty-pledges", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) {
				for _, c := range []string{"2", "3", "4"} {
					f.RemoveRow("Pledges", 2)
					_ = c
				}
			}))
		}},
		{"empty-metrics", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) {
				f.RemoveRow("Metrics", 2)
				f.RemoveRow("Metrics", 2)
			}))
		}},
		{"amount-overflow", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) {
				f.SetCellValue("Pledges", "F4", 1e300)
				f.SetCellValue("Pledges", "G4", "HKD")
				f.SetCellValue("Pledges", "H4", "trillion")
			}))
		}},
		{"implausible-date", set("B3", "0225-02-24")},
		{"yen-sign", set("G2", "¥")},
		{"long-note", func(t *testing.T) map[string][]byte {
			book := baseBook(t, func(f *excelize.File) {
				f.SetCellValue("Pledges", "Q1", "note")
				f.SetCellValue("Pledges", "Q3", "short")
			})
			return one("pledges.xlsx", replaceCell(t, book, "Q3", `<c r="Q3" t="inlineStr"><is><t>`+strings.Repeat("long ", 6554)+`</t></is></c>`))
		}},
		{"merged-cells", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) {
				f.SetSheetRow("Pledges", "A5", &[]any{"hk-2", "2024-02-28", "Hong Kong Government", "government", "AI Subsidy Scheme", 3, "HKD", "billion", "", 3, "", "Hong Kong", "withdrawn", "HK Budget"})
				f.SetSheetRow("Pledges", "A6", &[]any{"hk-3", "2024-10-16", "Hong Kong Government", "government", "I&T Industry-Oriented Fund", 10, "HKD", "", "", "", "", "Hong Kong", "", "HK Policy Address"})
				f.MergeCell("Pledges", "H5", "H6")
				f.MergeCell("Pledges", "M5", "M6")
			}))
		}},
		{"unread-files", func(t *testing.T) map[string][]byte {
			return map[string][]byte{
				"pledges.xlsx": baseBook(t, nil),
				"more.ods":     []byte("PK\x03\x04"),
				"more.xlsb":    []byte("PK\x03\x04"),
				"more.tsv":     []byte("announced\tinvestor\n"),
				"more.numbers": []byte("PK\x03\x04"),
				"more.xlsm": baseBook(t, func(f *excelize.File) { // read as an .xlsx is
					f.DeleteSheet("Metrics")
					f.DeleteSheet("FX")
					f.RemoveRow("Pledges", 3)
					f.RemoveRow("Pledges", 3)
					f.SetSheetRow("Pledges", "A2", &[]any{"tx-1", "2025-03-01", "Tencent", "company", "AI data centres", "US$20 billion", "", "", "", "", "", "Mainland China", "announced", "Reuters", "", ""})
				}),
				"investors.csv": []byte("investor\nAlibaba\n"),
			}
		}},
		{"many-errors", func(t *testing.T) map[string][]byte {
			return one("pledges.xlsx", baseBook(t, func(f *excelize.File) {
				for i := 5; i < 65; i++ {
					f.SetSheetRow("Pledges", fmt.Sprintf("A%d", i), &[]any{fmt.Sprintf("x-%d", i), "2025-02-24", "X", "fund", fmt.Sprintf("P%d", i), "1,5", "USD"})
				}
			}))
		}},
	}
}

// TestBadInputsGolden runs every case of the corpus: the exit code and
// the exact stderr lines must match want.txt, and no report may appear
// for a case that exits non-zero. go test -run Golden -update rewrites
// the corpus.
func TestBadInputsGolden(t *testing.T) {
	for _, c := range badCases() {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join("testdata", "bad", c.name)
			inputs := filepath.Join(dir, "inputs")
			if *update {
				os.RemoveAll(inputs)
				os.MkdirAll(inputs, 0o755)
				for name, data := range c.files(t) {
					if err := os.WriteFile(filepath.Join(inputs, name), data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			before := snapshotDir(t, inputs)
			out := t.TempDir()
			code, _, stderr := runCmd(t, "run", "--inputs", inputs, "--out", out, "--month", "2025-11", "--log-format", "json")
			got := fmt.Sprintf("exit %d\n%s", code, problemLines(stderr))
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				os.WriteFile(wantFile, []byte(got), 0o644)
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			entries, _ := os.ReadDir(out)
			if code != exitOK {
				for _, e := range entries {
					if e.Name() != store.LockName {
						t.Errorf("exit %d but %s was written", code, e.Name())
					}
				}
			}
			if after := snapshotDir(t, inputs); after != before {
				t.Errorf("the run changed its inputs")
			}
		})
	}
}

// problemLines keeps the error and warning lines of stderr, with the
// inputs folder's path made relative so the corpus does not depend on
// where it is checked out.
func problemLines(stderr string) string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "error: ") || strings.HasPrefix(l, "warning: ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, _ := os.ReadDir(dir)
	names := []string{}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		data, _ := os.ReadFile(filepath.Join(dir, n))
		info, _ := os.Stat(filepath.Join(dir, n))
		fmt.Fprintf(&b, "%s %x %v\n", n, data, info.ModTime())
	}
	return b.String()
}

// TestImpossibleFlags checks the command-line mistakes that are usage
// errors (exit 2), with a message saying how to call the program.
func TestImpossibleFlags(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pledges.xlsx")
	if err := os.WriteFile(file, baseBook(t, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--month", "0000-01"}, `--month "0000-01": the year must be from 1900 to 2200, such as 2025-11`},
		{[]string{"--month", "2201-12"}, `--month "2201-12": the year must be from 1900 to 2200`},
		{[]string{"--inputs", file}, fmt.Sprintf("--inputs %q is a file; give the folder that holds it, such as --inputs %s", file, filepath.Dir(file))},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"run", "validate"} {
			out := t.TempDir()
			args := append([]string{cmd}, tt.args...)
			if cmd == "run" {
				args = append(args, "--out", out)
			}
			code, _, stderr := runCmd(t, args...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", args, code, firstLine(stderr), exitUsage, tt.want)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("%v: wrote %s", args, entries[0].Name())
			}
		}
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
