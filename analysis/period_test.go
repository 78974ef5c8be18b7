package analysis

import "testing"

// TestPeriodNext holds Next to the periods that follow one another
// directly, and to nothing else: a gap, another kind, the same period.
func TestPeriodNext(t *testing.T) {
	for _, c := range []struct {
		p, q string
		want bool
	}{
		{"2023", "2024", true},
		{"2023", "2025", false},
		{"2024", "2023", false},
		{"2024", "2024", false},
		{"FY2023", "FY2024", true},
		{"2023", "FY2024", false},
		{"2024 H1", "2024 H2", true},
		{"2024 H2", "2025 H1", true},
		{"2024 H1", "2025 H1", false},
		{"2024 Q4", "2025 Q1", true},
		{"2024 Q2", "2024 Q4", false},
		{"2024-12", "2025-01", true},
		{"2024-11", "2025-01", false},
		{"2024-02-28", "2024-02-29", true},
		{"2024-02-28", "2024-03-01", false},
	} {
		p, err := ParsePeriod(c.p)
		if err != nil {
			t.Fatalf("%s: %v", c.p, err)
		}
		q, err := ParsePeriod(c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if got := p.Next(q); got != c.want {
			t.Errorf("(%s).Next(%s) = %v, want %v", c.p, c.q, got, c.want)
		}
	}
}

// TestTrendGapless holds a series with a missing year to be one with a
// gap, and a series of consecutive years to be one without.
func TestTrendGapless(t *testing.T) {
	series := func(periods ...string) *Trend {
		tr := &Trend{}
		for _, s := range periods {
			p, err := ParsePeriod(s)
			if err != nil {
				t.Fatal(err)
			}
			tr.Points = append(tr.Points, &Metric{Period: p})
		}
		return tr
	}
	if series("2023", "2025").Gapless() {
		t.Error("2023, 2025 is taken for a series without a gap")
	}
	if !series("2023", "2024", "2025").Gapless() {
		t.Error("2023, 2024, 2025 is taken for a series with a gap")
	}
	if series("2022", "2023", "2025").Gapless() {
		t.Error("2022, 2023, 2025 is taken for a series without a gap")
	}
}
