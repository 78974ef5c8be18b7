package workbook

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/internal/readtest"
	"pledgewatch/analysis/lang"
)

// shippedReport builds the report of the shipped inputs for October 2025
// in a reporting currency.
func shippedReport(t *testing.T, currency string) *analysis.Report {
	t.Helper()
	return shippedReportAt(t, currency, "2025-10")
}

// shippedReportAt is the report of the shipped inputs for a month, in a
// currency.
func shippedReportAt(t testing.TB, currency, month string) *analysis.Report {
	t.Helper()
	m, err := time.Parse("2006-01", month)
	if err != nil {
		t.Fatal(err)
	}
	rd := readtest.Read(t, "../../inputs/pledgewatch.xlsx", "inputs/pledgewatch.xlsx")
	r, probs := analysis.Build(rd.Inputs, analysis.Options{Currency: currency, AsOf: m.AddDate(0, 1, -1), Month: month})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	return r
}

// foreignAmount finds an amount in US dollars in a sentence of a report
// in another currency, in English or Chinese.
var foreignAmount = regexp.MustCompile(`US\$[0-9]|[0-9](萬億|万亿|億|亿|萬|万)?美元`)

// TestSentencesPlaceFindings: in every language and in two reporting
// currencies, the workbook places each finding as the printer words it,
// the Summary's topics and sentences, the Comparisons sheet's and the
// Trends sheet's; a headline's sentence shows the figure its cell holds,
// and a comparison's headline is the sentence of its row on Comparisons.
// With Hong Kong dollars, no sentence states an amount in US dollars.
func TestSentencesPlaceFindings(t *testing.T) {
	for _, cur := range []string{"USD", "HKD"} {
		r := shippedReport(t, cur)
		for _, l := range []lang.Lang{lang.English, lang.Traditional, lang.Simplified} {
			p := lang.New(l)
			m := testMeta(t)
			m.Lang = p
			f := open(t, writeBook(t, r, m))
			name := func(s string) string { return p.Sprintf("sheet." + s) }
			get := func(sheet string, col, row int) string {
				cell, _ := excelize.CoordinatesToCellName(col, row)
				v, err := f.GetCellValue(name(sheet), cell)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			where := cur + " " + l.String()
			shown := map[analysis.RefKind]int{}
			for i, h := range r.Headlines {
				row := summaryHeaderRow + 1 + i
				if h.Finding == nil || h.TopicKey == "" {
					t.Errorf("%s: headline %q is not a finding", where, h.Topic)
					continue
				}
				topic, sentence := get(sheetSummary, 1, row), get(sheetSummary, 2, row)
				if want := p.Phrase(analysis.Phrase{Key: h.TopicKey}); topic != want {
					t.Errorf("%s: topic %q, want %q", where, topic, want)
				}
				if want := p.Finding(h.Finding); sentence != want {
					t.Errorf("%s: sentence %q, want %q", where, sentence, want)
				}
				if cur != "USD" && foreignAmount.MatchString(sentence) {
					t.Errorf("%s: %q states US dollars", where, sentence)
				}
				// The figure of the cell, shown as the sentence shows its
				// result, is in the sentence.
				cell, _ := excelize.CoordinatesToCellName(3, row)
				raw, _ := f.GetCellValue(name(sheetSummary), cell, excelize.Options{RawCellValue: true})
				v, err := strconv.ParseFloat(raw, 64)
				res := h.Finding.Result
				if h.Ref.Kind != analysis.RefNone && res.Ref == h.Ref {
					shown[h.Ref.Kind]++
					if err != nil {
						t.Errorf("%s: %s holds %q, not a number", where, cell, raw)
						continue
					}
					res.Value = v
					if shown := p.Figure(res); !strings.Contains(sentence, shown) && !boundOnVerb(p, res, shown, sentence) {
						t.Errorf("%s: %s holds %v, shown %q, not in %q", where, cell, v, shown, sentence)
					}
				}
				if h.Ref.Kind == analysis.RefComparison {
					if got := get(sheetComparisons, comparisonColumns.index("comparison")+1, comparisonFirst+h.Ref.Index); got != sentence {
						t.Errorf("%s: the Summary says %q, Comparisons %q", where, sentence, got)
					}
				}
			}
			// The totals', Hong Kong's, every comparison's and the
			// trends' cells are among those checked.
			for _, k := range []analysis.RefKind{analysis.RefTotal, analysis.RefHongKong, analysis.RefTrend} {
				if shown[k] == 0 {
					t.Errorf("%s: no headline's cell of kind %d checked against its sentence", where, k)
				}
			}
			if shown[analysis.RefComparison] != len(r.Comparisons) || len(r.Comparisons) == 0 {
				t.Errorf("%s: %d comparisons' cells checked against their sentences, want all %d", where, shown[analysis.RefComparison], len(r.Comparisons))
			}
			for i := range r.Trends {
				tr := &r.Trends[i]
				got := get(sheetTrends, trendColumns.index("sentence")+1, 5+i)
				if want := p.Finding(tr.Finding); got != want {
					t.Errorf("%s: trend sentence %q, want %q", where, got, want)
				}
				if cur != "USD" && foreignAmount.MatchString(got) {
					t.Errorf("%s: trend %q states US dollars", where, got)
				}
			}
		}
	}
}

// boundOnVerb says whether sentence states the multiple x, shown as
// shown, in the Chinese order "X超過Y的N倍": its bound word before the
// verb and its figure after 的, in one clause.
func boundOnVerb(p *lang.Printer, x analysis.Fact, shown, sentence string) bool {
	if p.Lang == lang.English || x.Unit != "x" || x.Qualifier == analysis.Exact {
		return false
	}
	b := p.Term(x.Qualifier.String())
	bare, ok := strings.CutPrefix(shown, b)
	if !ok {
		return false
	}
	return regexp.MustCompile(regexp.QuoteMeta(b) + `[^，。；：]*的` + regexp.QuoteMeta(bare)).MatchString(sentence)
}
