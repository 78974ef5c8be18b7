package workbook

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
)

// namedReport is changedReport with an Entities sheet that gathers the
// Alibaba names into one group and gives it Chinese short names.
func namedReport(t testing.TB) *analysis.Report {
	t.Helper()
	in := testInputs(t)
	in.Entities = []analysis.Entity{
		{Name: "Alibaba Group", Short: "Alibaba", ShortHant: "阿里巴巴集團", ShortHans: "阿里巴巴集团"},
		{Name: "Alibaba Entrepreneurs Fund", Group: "Alibaba Group"},
	}
	r, probs := analysis.Build(in, analysis.Options{Currency: "USD", AsOf: day("2025-11-30")})
	if probs.HasErrors() {
		t.Fatalf("build: %v", probs.Err())
	}
	_, prev := changedReport(t)
	ps, cs := prev.Snapshot("2025-10"), r.Snapshot("2025-11")
	c := analysis.Compare(ps, cs)
	r.Changes = &c
	r.History = analysis.History([]analysis.Snapshot{ps}, cs)
	return r
}

// namedMeta is the Meta of namedReport r in language l, with the
// group's short name in that script.
func namedMeta(t testing.TB, r *analysis.Report, l lang.Lang) Meta {
	m := langMeta(t, l)
	m.Lang = m.Lang.WithNames(r.LocalGroupNames(l == lang.Traditional))
	return m
}

// An investor group is shown by its Chinese short name on Investors and
// in the Pledges group column, and the formulas that sum it find it
// there; the investor column keeps the name as entered.
func TestLocalGroupNames(t *testing.T) {
	r := namedReport(t)
	f := open(t, writeBook(t, r, namedMeta(t, r, lang.Traditional)))
	p := lang.New(lang.Traditional)
	inv, pl := p.Sprintf("sheet."+sheetInvestors), p.Sprintf("sheet."+sheetPledges)
	row := strconv.Itoa(findRow(t, f, inv, "A", "阿里巴巴集團"))
	var want float64
	for _, g := range r.ByInvestor {
		if g.Key == "Alibaba" {
			want = g.Total
		}
	}
	if got := rawFloat(t, f, inv, colGroupTotal+row); want == 0 || !same(got, want) {
		t.Errorf("阿里巴巴集團 total = %v, want %v", got, want)
	}
	if fm := formula(t, f, inv, colGroupTotal+row); !strings.Contains(fm, `"=阿里巴巴集團"`) {
		t.Errorf("the group's total does not find it by its short name: %s", fm)
	}
	ali := strconv.Itoa(findRow(t, f, pl, "A", "alibaba-ai-infra-2025"))
	if got := raw(t, f, pl, pletter("group")+ali); got != "阿里巴巴集團" {
		t.Errorf("Pledges group = %q", got)
	}
	if got := raw(t, f, pl, pletter("investor")+ali); got != "Alibaba Group" {
		t.Errorf("Pledges investor = %q, want the name as entered", got)
	}
	// Simplified script, and English untouched.
	hans := open(t, writeBook(t, r, namedMeta(t, r, lang.Simplified)))
	findRow(t, hans, lang.New(lang.Simplified).Sprintf("sheet."+sheetInvestors), "A", "阿里巴巴集团")
	en := open(t, writeBook(t, r, testMeta(t)))
	findRow(t, en, sheetInvestors, "A", "Alibaba")
}

// langMeta is testMeta with the texts in language l.
func langMeta(t testing.TB, l lang.Lang) Meta {
	m := testMeta(t)
	m.Lang = lang.New(l)
	return m
}

func hasHan(s string) bool {
	for _, c := range s {
		if unicode.Is(unicode.Han, c) {
			return true
		}
	}
	return false
}

// The Chinese workbooks hold the English one's figures, cell for cell,
// under Chinese sheet names and headers, and are rewritten byte for byte.
func TestLanguagesSameFigures(t *testing.T) {
	r := namedReport(t)
	en := open(t, writeBook(t, r, testMeta(t)))
	enSheets := en.GetSheetList()
	for _, l := range []lang.Lang{lang.Traditional, lang.Simplified} {
		t.Run(l.String(), func(t *testing.T) {
			data := writeBook(t, r, namedMeta(t, r, l))
			if again := writeBook(t, r, namedMeta(t, r, l)); !bytes.Equal(data, again) {
				t.Error("a second write differs from the first")
			}
			zh := open(t, data)
			zhSheets := zh.GetSheetList()
			if len(zhSheets) != len(enSheets) {
				t.Fatalf("%d sheets, English has %d", len(zhSheets), len(enSheets))
			}
			numbers, formulas := 0, 0
			for i, name := range zhSheets {
				if !hasHan(name) {
					t.Errorf("sheet %d is named %q", i+1, name)
				}
				if enSheets[i] == sheetCharts {
					continue
				}
				enRows, err := en.GetRows(enSheets[i], excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				zhRows, err := zh.GetRows(name, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				if len(enRows) != len(zhRows) {
					t.Errorf("%s: %d rows, English %s has %d", name, len(zhRows), enSheets[i], len(enRows))
					continue
				}
				for r := range enRows {
					for c := range max(len(enRows[r]), len(zhRows[r])) {
						cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
						var a, b string
						if c < len(enRows[r]) {
							a = enRows[r][c]
						}
						if c < len(zhRows[r]) {
							b = zhRows[r][c]
						}
						x, errA := strconv.ParseFloat(a, 64)
						y, errB := strconv.ParseFloat(b, 64)
						if errA != nil && errB != nil {
							continue
						}
						numbers++
						if errA != nil || errB != nil || x != y {
							t.Errorf("%s!%s = %q, English %s!%s = %q", name, cell, b, enSheets[i], cell, a)
						}
						if (formula(t, en, enSheets[i], cell) == "") != (formula(t, zh, name, cell) == "") {
							t.Errorf("%s!%s: a formula in one language only", name, cell)
						} else if formula(t, zh, name, cell) != "" {
							formulas++
						}
					}
				}
			}
			if numbers < 200 || formulas < 40 {
				t.Errorf("only %d numeric cells and %d formulas compared", numbers, formulas)
			}
			// The headers are Chinese.
			hdr, err := zh.GetRows(zhSheets[1])
			if err != nil || len(hdr) == 0 {
				t.Fatalf("no Pledges header: %v", err)
			}
			for c, h := range hdr[0] {
				if !hasHan(h) {
					t.Errorf("%s header %d = %q", zhSheets[1], c+1, h)
				}
			}
			// The Counted column holds the words for yes and no, and the
			// formulas that sum the counted pledges look for the word.
			yes, no := lang.New(l).Word("yes"), lang.New(l).Word("no")
			col := pledgeColumns.letter("counted")
			seen := map[string]int{}
			for row := 2; row < len(hdr); row++ {
				v, err := zh.GetCellValue(zhSheets[1], col+strconv.Itoa(row))
				if err != nil {
					t.Fatal(err)
				}
				seen[v]++
			}
			if seen[yes] == 0 || seen[yes]+seen[no] != len(hdr)-2 {
				t.Errorf("the Counted column holds %v, want only %q and %q", seen, yes, no)
			}
			// Investor types are words of the program: shown in Chinese.
			types := 0
			for row := 2; row < len(hdr); row++ {
				v, err := zh.GetCellValue(zhSheets[1], pledgeColumns.letter("investor type")+strconv.Itoa(row))
				if err != nil {
					t.Fatal(err)
				}
				if v != "" {
					types++
					if !hasHan(v) {
						t.Errorf("%s row %d: investor type %q", zhSheets[1], row, v)
					}
				}
			}
			if types == 0 {
				t.Error("no investor type to check")
			}
			if f := formula(t, zh, zhSheets[3], "B6"); !strings.Contains(f, `"`+yes+`"`) {
				t.Errorf("%s!B6 = %s, which does not look for %q", zhSheets[3], f, yes)
			}
		})
	}
}

func TestQuoteSheet(t *testing.T) {
	for in, want := range map[string]string{"Pledges": "Pledges", "FX": "FX", "承諾": "'承諾'", "It's": "'It''s'", "Sheet 1": "'Sheet 1'", "1st": "'1st'"} {
		if got := quoteSheet(in); got != want {
			t.Errorf("quoteSheet(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every header of every table has its texts in the catalogue, and the
// headers of one table stay distinct in every language, as an Excel
// table needs.
func TestHeadersInCatalogue(t *testing.T) {
	lists := map[string]columns{"pledge": pledgeColumns, "progress": progressColumns, "evidence": evidenceColumns, "metric": metricColumns,
		"trend": trendColumns, "step": stepColumns, "point": pointColumns, "summary": summaryColumns, "comparison": comparisonColumns,
		"change item": changeItemColumns, "change total": changeTotalColumns, "checks": checksColumns, "fx": fxColumns, "group": groupColumns}
	extra := [][]string{filesHeader, rulesHeader, fxUsedHeader}
	for _, l := range []lang.Lang{lang.English, lang.Traditional, lang.Simplified} {
		p := lang.New(l)
		b := &book{p: p, english: l == lang.English}
		for name, cs := range lists {
			seen := map[string]string{}
			for i, h := range b.heads(cs, "USD") {
				en := cs[i].header
				if en == "" {
					continue // the group tables' key column, named by its section
				}
				if m, ok := p.Lookup("col." + en); !ok || l == lang.English && m != en {
					t.Errorf("%s column %q: no catalogue text col.%s (or another English: %q)", name, en, en, m)
				}
				if prev, ok := seen[h]; ok {
					t.Errorf("%s: %s headers %q and %q both read %q", l, name, prev, en, h)
				}
				seen[h] = en
			}
		}
		for _, hs := range extra {
			for _, en := range hs {
				if _, ok := p.Lookup("col." + en); !ok {
					t.Errorf("header %q: no catalogue text", en)
				}
			}
		}
	}
}
