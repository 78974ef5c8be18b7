package extract

import (
	"strings"
	"testing"
	"time"
)

// TestMatchStatus checks the three statuses against the shipped inputs: a
// figure a row holds, one a row holds with another qualifier or another
// value of the same subject and date, and one no row holds.
func TestMatchStatus(t *testing.T) {
	in := shippedInputs(t)
	var plan string
	for _, p := range in.Pledges {
		if p.ID == "alibaba-ai-infra-2025" {
			plan = rowName(p.Loc, p.ID)
		}
	}
	if plan == "" {
		t.Fatal("the shipped inputs have no pledge alibaba-ai-infra-2025")
	}
	day := time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		text   string
		date   time.Time
		status Status
		row    string
	}{
		{"Alibaba will invest at least 380 billion yuan in AI.", time.Time{}, InInputs, plan},
		{"阿里巴巴将投入超过3800亿元。", time.Time{}, Differs, plan},
		{"Alibaba will invest 400 billion yuan in AI.", day, Differs, plan},
		{"Alibaba will invest 400 billion yuan in AI.", time.Time{}, New, ""},
		// The same figure of another subject is no match.
		{"Harbour Capital will invest at least 380 billion yuan in AI.", time.Time{}, New, ""},
		{"Harbour Capital said 41% of its staff work on AI.", time.Time{}, New, ""},
		// Naming Hong Kong says nothing of whose figure it is.
		{"Hong Kong's Harbour Capital will spend HK$3 billion on AI.", time.Time{}, New, ""},
	}
	for _, c := range cases {
		figs := Figures(Article{File: "a.txt", Text: c.text, Date: c.date})
		if len(figs) != 1 {
			t.Fatalf("%q: %d figures, want 1", c.text, len(figs))
		}
		Match(figs, in)
		f := figs[0]
		if f.Status != c.status || f.Row != c.row {
			t.Errorf("%q: %s %q, want %s %q", c.text, f.Status, f.Row, c.status, c.row)
		}
		if f.Status != New && !strings.Contains(f.Row, "row ") {
			t.Errorf("%q: row %q names no row number", c.text, f.Row)
		}
	}
}
