package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/workbook"
)

// TestLineEndingsAndChineseNames runs the same CSV inputs written with
// Unix and with Windows line endings, from and into folders whose names
// hold spaces and Chinese characters, and checks that both give the same
// workbook.
func TestLineEndingsAndChineseNames(t *testing.T) {
	pledges := []string{
		"ID,Investor,Investor Type,Program,Amount,Currency,Announced,Region,Sectors,Source",
		`ali-1,阿里巴巴,company,"云计算与AI基础设施, 三年",3800亿元,,2025-02-24,Mainland China,AI infrastructure,The Paper (澎湃新闻)`,
		`cp-1,Cyberport,government,"Cyberport AI fund` + "\n" + `second round",more than HK$1.5 billion,,2025-05-05,Hong Kong,start-ups,SCMP`,
		"uk-1,UK Tech,company,London AI labs,500 million,GBP,2025-04-01,Global,,Times",
	}
	fx := []string{"Per USD,Currency,Date", "7.2,CNY,2025-01-01", "7.8,HKD,2025-01-01", "0.79,GBP,2025-01-01"}
	base := t.TempDir()
	books := map[string]*excelize.File{}
	inputs := map[string]string{}
	for _, eol := range []string{"\n", "\r\n"} {
		name := map[string]string{"\n": "LF", "\r\n": "CRLF"}[eol]
		in := filepath.Join(base, "输入 "+name)
		inputs[name] = in
		out := filepath.Join(base, "月度 报告 "+name)
		if err := os.MkdirAll(in, 0o755); err != nil {
			t.Fatal(err)
		}
		for file, lines := range map[string][]string{"pledges.csv": pledges, "fx.csv": fx} {
			text := strings.ReplaceAll(strings.Join(lines, "\n")+"\n", "\n", eol)
			if err := os.WriteFile(filepath.Join(in, file), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code, stdout, stderr := runCmd(t, "run", "--inputs", in, "--out", out, "--month", "2025-11", "--log-format", "json")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		want := filepath.Join(out, "2025-11", "pledgewatch-2025-11.xlsx")
		if got := strings.TrimSpace(stdout); got != want {
			t.Errorf("%s: printed %q, want %q", name, got, want)
		}
		f, err := excelize.OpenFile(want)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		books[name] = f
	}
	// The Input column names the file read: the same but for its folder.
	rowsOf := func(name, sheet string) [][]string {
		rows, err := books[name].GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for i := range r {
				r[i] = strings.ReplaceAll(r[i], inputs[name], "INPUTS")
			}
		}
		return rows
	}
	for _, sheet := range workbook.SheetNames() {
		if sheet == "About" {
			continue // it records each input file's SHA-256, which the line endings change
		}
		lf, crlf := rowsOf("LF", sheet), rowsOf("CRLF", sheet)
		if !slices.EqualFunc(lf, crlf, slices.Equal) {
			t.Errorf("%s differs:\nLF:   %q\nCRLF: %q", sheet, lf, crlf)
		}
	}
	rows := rowsOf("CRLF", "Pledges")
	cells := map[string]bool{}
	for _, r := range rows {
		for _, c := range r {
			cells[c] = true
			if strings.Contains(c, "\r") {
				t.Errorf("Pledges cell %q keeps a carriage return", c)
			}
		}
	}
	for _, want := range []string{"Cyberport AI fund\nsecond round", "阿里巴巴", "pledges.csv, row 3"} { // named in the inputs folder, whatever its path
		if !cells[want] {
			t.Errorf("Pledges sheet lacks %q: %q", want, rows)
		}
	}
}
