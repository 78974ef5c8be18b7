package workbook

import (
	"bytes"
	"strconv"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/lang"
)

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
	r, _ := changedReport(t)
	en := open(t, writeBook(t, r, testMeta(t)))
	enSheets := en.GetSheetList()
	for _, l := range []lang.Lang{lang.Traditional, lang.Simplified} {
		t.Run(l.String(), func(t *testing.T) {
			data := writeBook(t, r, langMeta(t, l))
			if again := writeBook(t, r, langMeta(t, l)); !bytes.Equal(data, again) {
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
