package charts

import (
	"strings"
	"testing"
)

// TestYearsRestOnStatedDates: on the shipped report the by-year chart
// counts only the pledges with a date (6 of the 12 counted: the five
// 'earlier' Alibaba stakes and HKIC's investments have none), says so,
// and the scope line's "since" is the 2018 the source states.
func TestYearsRestOnStatedDates(t *testing.T) {
	r := shippedReport(t, "USD")
	var title, notes, subtitle string
	for _, s := range PlanCharts(r).specs {
		if s.name == "pledges-by-year" {
			title, notes, subtitle = s.title, strings.Join(s.notes, " "), s.subtitle
		}
	}
	// By hand: 2018 (T-Head), 2024 (AI Subsidy Scheme, Alibaba fund,
	// Sealos, Dify) and 2025 (the 380 bn yuan plan): 1 + 4 + 1 = 6.
	if title != "Most dated AI pledges were announced in 2024: 4 of 6" {
		t.Errorf("title %q", title)
	}
	if !strings.Contains(notes, "Date not stated: 6 pledges counted in the totals but in no year") {
		t.Errorf("notes %q", notes)
	}
	if !strings.Contains(subtitle, "cumulative since 2018") {
		t.Errorf("subtitle %q", subtitle)
	}
}
