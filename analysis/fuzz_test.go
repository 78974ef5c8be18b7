package analysis

import (
	"math"
	"strconv"
	"testing"
)

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"more than US$50 billion", "HK$10 billion", "0.15 billion", "3800亿元", "1.5亿美元",
		"undisclosed", "about 5,3 billion", "41%", "+8%", "1,234,567.89", "€2bn", "超过3800亿元", "$-5", "1.2.3", "US$ 32.0B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAmount(s)
		if err != nil {
			if (&Problem{Err: err}).Kind() == nil {
				t.Fatalf("ParseAmount(%q) error %v wraps no known kind", s, err)
			}
			return
		}
		if a.Undisclosed {
			return
		}
		if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
			t.Fatalf("ParseAmount(%q) = %v, not finite", s, a.Value)
		}
		if a.Currency != "" {
			if _, err := ParseCurrency(a.Currency); err != nil {
				t.Fatalf("ParseAmount(%q) currency %q does not parse", s, a.Currency)
			}
		}
		// The canonical form reads back as the same amount.
		canon := strconv.FormatFloat(math.Abs(a.Value), 'f', -1, 64) + " " + a.Currency
		b, err := ParseAmount(canon)
		if err != nil || b.Value != math.Abs(a.Value) || b.Currency != a.Currency {
			t.Fatalf("ParseAmount(%q) = %v; canonical %q reads back as %v, %v", s, a.Value, canon, b.Value, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-02-24", "03/04/2025", "24.02.2025", "Feb 24, 2025", "2025年2月24日", "2025-02-30", "2025-02-24T10:00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		back, err := ParseDate(d.Format(DateLayout))
		if err != nil || !back.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v does not round-trip: %v %v", s, d, back, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025", "2024Q4", "FY2025Q3", "FY2025", "2024H1", "2024-12", "2025-02-24", "Q4 2024", "2024Q5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePeriod(%q) = %v does not round-trip: %v %v", s, p, back, err)
		}
	})
}
