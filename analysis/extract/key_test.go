package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pledgewatch/analysis"
)

// want is one figure an article holds, as its key gives it.
type want struct {
	text     string
	kind     Kind
	value    float64
	currency string
	qual     analysis.Qualifier
}

// keyed is a test article written for these tests, with the key of its
// figures and the texts that are not figures (dates, codes, phone
// numbers, ids).
type keyed struct {
	file string
	date string
	figs []want
	not  []string
}

var (
	exact = analysis.Exact
	least = analysis.AtLeast
	more  = analysis.MoreThan
	most  = analysis.AtMost
	about = analysis.About
)

var keys = []keyed{
	{file: "en.txt", date: "2026-03-12", figs: []want{
		{"HK$2-3 billion", Money, 2e9, "HKD", least}, {"HK$2-3 billion", Money, 3e9, "HKD", most}, // headline
		{"HK$2-3 billion", Money, 2e9, "HKD", least}, {"HK$2-3 billion", Money, 3e9, "HKD", most},
		{"HK$250,000 per start-up", Money, 250000, "HKD", exact},
		{"4.5%", Percent, 4.5, "", exact},
		{"HK$38.20 a share", Price, 38.2, "HKD", exact},
		{"more than 120", Count, 120, "", more},
		{"third", Rank, 3, "", exact},
		{"two billion dollars", Money, 2e9, "USD", exact},
		{"about HK$15.6 billion", Money, 15.6e9, "HKD", about},
		{"2030", Year, 2030, "", exact},
		{"about 12 per cent", Percent, 12, "", about},
		{"US$1.8 billion", Money, 1.8e9, "USD", exact},
		{"Nearly 40%", Percent, 40, "", about},
	}, not: []string{"12 March 2026", "March 12, 2026", "0388.HK", "2025", "2024", "+852 2345 6789", "(852) 3123-4567", "20260312001", "four years"}},
	{file: "zh-Hans.txt", date: "2026-03-15", figs: []want{
		{"50亿元", Money, 5e9, "CNY", exact},
		{"约50亿元", Money, 5e9, "CNY", about},
		{"不少于12亿元", Money, 1.2e9, "CNY", least},
		{"86.4亿元", Money, 8.64e9, "CNY", exact},
		{"百分之三十", Percent, 30, "", exact},
		{"超过9亿元", Money, 9e8, "CNY", more},
		{"18", Count, 18, "", exact},
		{"第二", Rank, 2, "", exact},
		{"2030年", Year, 2030, "", exact},
		{"3.2%", Percent, 3.2, "", exact},
		{"45.6元/股", Price, 45.6, "CNY", exact},
	}, not: []string{"2026年3月15日", "3月15日", "688123", "15日", "2025年", "010-8888 6666", "五年"}},
	{file: "zh-Hant.txt", date: "2026-04-02", figs: []want{
		{"逾100億港元", Money, 1e10, "HKD", more}, // headline
		{"逾100億港元", Money, 1e10, "HKD", more},
		{"最多50萬港元", Money, 5e5, "HKD", most},
		{"約百分之七十", Percent, 70, "", about},
		{"近40%", Percent, 40, "", about},
		{"超過1,200", Count, 1200, "", more},
		{"約300", Count, 300, "", about},
		{"2.5%", Percent, 2.5, "", exact},
		{"380.2港元", Price, 380.2, "HKD", exact},
	}, not: []string{"2026年4月2日", "00700", "2123 4567"}},
	{file: "de.txt", date: "2026-05-20", figs: []want{
		{"1,5 Milliarden Euro", Money, 1.5e9, "EUR", exact},
		{"2028", Year, 2028, "", exact},
		{"rund 1,5 Mrd. Euro", Money, 1.5e9, "EUR", about},
		{"7,5 Prozent", Percent, 7.5, "", exact},
		{"840 Millionen Euro", Money, 8.4e8, "EUR", exact},
		{"knapp 95 Millionen Euro", Money, 9.5e7, "EUR", about},
		{"Mehr als 300", Count, 300, "", more},
		{"4.200", Count, 4200, "", exact},
		{"4", Rank, 4, "", exact},
		{"23,40 Euro je Aktie", Price, 23.4, "EUR", exact},
		{"2,1 %", Percent, 2.1, "", exact},
	}, not: []string{"20. Mai 2026", "123456", "2027", "0211 555 0100"}},
	// Written after the extractor, without changing it to fit.
	{file: "en2.txt", date: "2026-07-08", figs: []want{
		{"RMB 12bn", Money, 1.2e10, "CNY", exact}, {"RMB 12bn", Money, 1.2e10, "CNY", exact},
		{"up to 12 billion yuan", Money, 1.2e10, "CNY", most},
		{"roughly 1,500", Count, 1500, "", about},
		{"40,000", Count, 40000, "", exact},
		{"2028", Year, 2028, "", exact},
		{"6.8 per cent", Percent, 6.8, "", exact},
		{"52.30 yuan", Price, 52.3, "CNY", exact},
		{"about US$9.6 billion", Money, 9.6e9, "USD", about},
		{"18%", Percent, 18, "", exact},
		{"640 million yuan", Money, 6.4e8, "CNY", exact},
		{"third", Rank, 3, "", exact},
	}, not: []string{"2026-07-08", "688981.SS", "0755-8123 4567"}},
	{file: "zh-Hans2.txt", date: "2026-07-09", figs: []want{
		{"超百亿元", Money, 1e10, "CNY", more},
		{"30亿元", Money, 3e9, "CNY", exact},
		{"超过150亿元", Money, 1.5e10, "CNY", more},
		{"约800", Count, 800, "", about},
		{"超过2000", Count, 2000, "", more},
		{"约60%", Percent, 60, "", about},
		{"45%", Percent, 45, "", exact},
		{"12.6亿元", Money, 1.26e9, "CNY", exact},
	}, not: []string{"2026年7月9日", "2019年"}},
	{file: "en.html", date: "2026-06-03", figs: []want{
		{"US$400\u00a0million", Money, 4e8, "USD", exact}, // headline
		{"US$400\u00a0million", Money, 4e8, "USD", exact},
		{"US$250 million", Money, 2.5e8, "USD", exact},
		{"60%", Percent, 60, "", exact},
		{"at least 25", Count, 25, "", least},
		{"up to HK$1.2 billion", Money, 1.2e9, "HKD", most},
		{"2028", Year, 2028, "", exact},
	}, not: []string{"12345", "US$999 billion", "HK$77 billion"}},
}

// score counts the figures of the key found with the right text, kind,
// value, currency and qualifier.
func score(t *testing.T, k keyed, figs []Figure) (found int) {
	t.Helper()
	used := make([]bool, len(figs))
	for _, w := range k.figs {
		hit := false
		for i, f := range figs {
			if !used[i] && f.Text == w.text && f.Kind == w.kind && same(f.Value, w.value) && f.Currency == w.currency && f.Qualifier == w.qual {
				used[i], hit = true, true
				found++
				break
			}
		}
		if !hit {
			t.Logf("%s: missed %q (%s %g %s %s)", k.file, w.text, w.kind, w.value, w.currency, w.qual.Label())
		}
	}
	for i, f := range figs {
		if !used[i] {
			t.Logf("%s: not in the key: %q (%s %g %s %s)", k.file, f.Text, f.Kind, f.Value, f.Currency, f.Qualifier.Label())
		}
	}
	return found
}

// TestKeyedArticles measures recall and precision against the key of each
// test article, in English, Simplified and Traditional Chinese and German,
// and checks that dates, stock codes, phone numbers and ids are not read
// as figures.
func TestKeyedArticles(t *testing.T) {
	const minRecall, minPrecision = 0.9, 0.9
	totalKey, totalFigs, totalFound := 0, 0, 0
	for _, k := range keys {
		b, err := os.ReadFile(filepath.Join("testdata", "articles", k.file))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Decode(k.file, b)
		if err != nil {
			t.Fatalf("%s: %v", k.file, err)
		}
		if got := a.Date.Format(time.DateOnly); got != k.date {
			t.Errorf("%s: date %s, want %s", k.file, got, k.date)
		}
		figs := Figures(a)
		found := score(t, k, figs)
		recall := float64(found) / float64(len(k.figs))
		precision := float64(found) / float64(max(len(figs), 1))
		t.Logf("%s: %d of %d key figures found, %d reported: recall %.2f, precision %.2f", k.file, found, len(k.figs), len(figs), recall, precision)
		if recall < minRecall || precision < minPrecision {
			t.Errorf("%s: recall %.2f (want at least %.2f), precision %.2f (want at least %.2f)", k.file, recall, minRecall, precision, minPrecision)
		}
		totalKey, totalFigs, totalFound = totalKey+len(k.figs), totalFigs+len(figs), totalFound+found
		for _, n := range k.not {
			at := strings.Index(a.Text, n)
			if at < 0 && !strings.Contains(string(b), n) {
				t.Fatalf("%s: %q is not in the article", k.file, n)
			}
			// Text of a script or style is gone from the article's text.
			for ; at >= 0; at = nextIndex(a.Text, n, at) {
				for _, f := range figs {
					if f.Start < at+len(n) && at < f.End {
						t.Errorf("%s: %q reported as a figure %q (%s), inside %q", k.file, n, f.Text, f.Kind, n)
					}
				}
			}
		}
		for _, f := range figs {
			if a.Text[f.Start:f.End] != f.Text {
				t.Errorf("%s: figure text %q is not the article's text at its offsets", k.file, f.Text)
			}
		}
	}
	t.Logf("all articles: recall %.3f (%d of %d), precision %.3f (%d of %d)", float64(totalFound)/float64(totalKey), totalFound, totalKey,
		float64(totalFound)/float64(totalFigs), totalFound, totalFigs)
}

func nextIndex(s, sub string, after int) int {
	i := strings.Index(s[after+1:], sub)
	if i < 0 {
		return -1
	}
	return after + 1 + i
}
