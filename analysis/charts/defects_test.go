package charts

import (
	"strings"
	"testing"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/internal/readtest"
	"pledgewatch/analysis/lang"
)

// shippedReport is the report of the shipped inputs for October 2025.
func shippedReport(t *testing.T, currency string) *analysis.Report {
	t.Helper()
	rd := readtest.Read(t, "../../inputs/pledgewatch.xlsx", "inputs/pledgewatch.xlsx")
	r, probs := analysis.Build(rd.Inputs, analysis.Options{Currency: currency, AsOf: time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC)})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	return r
}

// TestTitleFindings holds every chart title built as a finding to the
// rules, on the shipped report.
func TestTitleFindings(t *testing.T) {
	n, keyed := 0, 0
	for _, s := range build(shippedReport(t, "USD")) {
		if s.finding == nil {
			continue
		}
		n++
		if s.finding.Text != s.title && s.finding.Claim == analysis.ClaimLargest {
			t.Errorf("%s: finding %q, title %q", s.name, s.finding.Text, s.title)
		}
		for _, err := range s.finding.Check() {
			t.Errorf("%s: %v", s.name, err)
		}
		// The catalogue's English is the title.
		if s.finding.Key != "" {
			keyed++
			if got := lang.New(lang.English).Finding(s.finding); got != s.title {
				t.Errorf("%s: catalogue words %q, title %q", s.name, got, s.title)
			}
		}
	}
	if n < 2 || keyed < 2 {
		t.Errorf("%d titles built as findings, want the growth and regions charts'", n)
	}
}

// TestChartDefects names each defect of the October 2025 charts and
// shows it gone.
func TestChartDefects(t *testing.T) {
	by := map[string]spec{}
	for _, s := range build(shippedReport(t, "USD")) {
		by[s.name] = s
	}
	t.Run("growth-rates title speaks for the 2 drawn of more", func(t *testing.T) {
		s := by["growth-rates"]
		// Metrics holds 12 growth rates, net profit's +333% the highest.
		if strings.Contains(s.title, "of 2 growth rates") || !strings.Contains(s.title, "net profit growth (YoY) 333%, the highest of 12 growth rates in Metrics") {
			t.Errorf("title %q", s.title)
		}
		if f := s.finding; f == nil || f.Set.Size != 12 || f.Result.Value != 333 {
			t.Errorf("finding %+v", f)
		}
	})
	t.Run("17 times from two lower bounds", func(t *testing.T) {
		s := by["hong-kong-vs-mainland-china"]
		if strings.Contains(s.title, "times") || !strings.Contains(s.title, "both are lower bounds, so no multiple follows") {
			t.Errorf("title %q", s.title)
		}
		if s.finding == nil || s.finding.Claim != analysis.ClaimSide {
			t.Errorf("finding %+v", s.finding)
		}
	})
}

// TestRegionMultiple: where a bound follows, the multiple is stated
// with it, rounded the way that keeps it true.
func TestRegionMultiple(t *testing.T) {
	for _, c := range []struct {
		x    float64
		q    analysis.Qualifier
		want string
	}{
		{17.99, analysis.AtLeast, "at least 17 times"},
		{2.46, analysis.MoreThan, "at least 2.4 times"},
		{2.41, analysis.AtMost, "at most 2.5 times"},
		{17.4, analysis.Exact, "17 times"},
	} {
		if got := timesWords(c.x, c.q); got != c.want {
			t.Errorf("timesWords(%v, %v) = %q, want %q", c.x, c.q, got, c.want)
		}
	}
}

// TestTitlesInChinese: with a Chinese printer, the titles built as
// findings are worded by the catalogue, the investor's name as entered.
func TestTitlesInChinese(t *testing.T) {
	font := cjkFont(t)
	plan := PlanCharts(shippedReport(t, "USD"))
	charts, err := plan.Render(Options{Font: font, Lang: lang.New(lang.Traditional), Width: 600, Height: 350})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, c := range charts {
		titles[c.Name] = c.Title
	}
	if got := titles["growth-rates.png"]; !strings.Contains(got, "在「指標」工作表所列12項增長率中最高") {
		t.Errorf("growth title %q", got)
	}
	if got := titles["hong-kong-vs-mainland-china.png"]; !strings.Contains(got, "兩者均為下限") {
		t.Errorf("regions title %q", got)
	}
	if got := titles["pledges-by-investor.png"]; got != "Alibaba佔已列明金額的AI投資承諾的99%" {
		t.Errorf("investor title %q", got)
	}
}
