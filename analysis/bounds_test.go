package analysis

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestFiguresAreFinite checks that a figure that overflows, or is beyond
// any real amount once its unit is applied, is an error and never a
// value that would make every sum infinite.
func TestFiguresAreFinite(t *testing.T) {
	huge := "1" + strings.Repeat("0", 300) // 1E+300 as a cell shows it
	tests := []struct {
		name         string
		amount, unit string
	}{
		{"overflow with unit", huge, "trillion"},
		{"overflow in text", huge + " trillion USD", ""},
		{"beyond any real amount", "2000000", "trillion"},
		{"beyond in text", "US$2000000 trillion", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := PledgeAmount(tt.amount, "USD", tt.unit, "")
			if !errors.Is(err, ErrNumber) || !strings.Contains(err.Error(), "too large") {
				t.Fatalf("PledgeAmount(%.20q, unit %q) = %v, %v; want a too-large ErrNumber", tt.amount, tt.unit, a.Value, err)
			}
			if _, _, _, err := MetricValue(tt.amount, strings.TrimSpace("USD "+tt.unit), ""); !errors.Is(err, ErrNumber) {
				t.Errorf("MetricValue(%.20q) error = %v; want ErrNumber", tt.amount, err)
			}
		})
	}
	if a, err := PledgeAmount("4", "USD", "trillion", ""); err != nil || a.Value != 4e12 {
		t.Errorf("US$4 trillion: %v, %v", a.Value, err)
	}
}

func TestImplausibleDates(t *testing.T) {
	tests := []struct {
		in   string
		want string // in the message; "" for no error
	}{
		{"2025-02-24", ""},
		{"1900-01-01", ""},
		{"2200-12-31", ""},
		{"0225-02-24", "the year 0225 is before 1900, so it is a typing error; enter the year in four digits, such as 2025-02-24"},
		{"1899-12-31", "before 1900"},
		{"2201-01-01", "after 2200"},
		{"2525-02-24T10:00:00", "after 2200"},
	}
	for _, tt := range tests {
		_, err := ParseDate(tt.in)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("ParseDate(%q): %v", tt.in, err)
		case tt.want != "" && (!errors.Is(err, ErrDate) || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("ParseDate(%q) error = %v; want ErrDate with %q", tt.in, err, tt.want)
		}
	}
	if err := CheckDate(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)); !errors.Is(err, ErrDate) {
		t.Errorf("CheckDate(1899-12-30) = %v; want ErrDate", err)
	}
	for _, p := range []string{"0225", "2525Q1", "FY3000", "0225-02-24"} {
		if _, err := ParsePeriod(p); !errors.Is(err, ErrPeriod) {
			t.Errorf("ParsePeriod(%q) error = %v; want ErrPeriod", p, err)
		}
	}
}

func TestAmbiguousCurrency(t *testing.T) {
	for _, s := range []string{"¥", "￥", "¥5 billion", "5 billion ¥", " ¥ "} {
		if err := AmbiguousCurrency(s); !errors.Is(err, ErrAmbiguousCurrency) || !strings.Contains(err.Error(), "write CNY or JPY") {
			t.Errorf("AmbiguousCurrency(%q) = %v; want the yen warning", s, err)
		}
	}
	for _, s := range []string{"CNY", "CN¥5 billion", "RMB¥", "JP¥", "yuan", "US$5", ""} {
		if err := AmbiguousCurrency(s); err != nil {
			t.Errorf("AmbiguousCurrency(%q) = %v; want nil", s, err)
		}
	}
	for in, want := range map[string]string{"CN¥": "CNY", "jp¥": "JPY", "¥": "CNY"} {
		if got, err := ParseCurrency(in); err != nil || got != want {
			t.Errorf("ParseCurrency(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
