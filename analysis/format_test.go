package analysis

import (
	"math"
	"strings"
	"testing"
)

func TestScaleOf(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{
		{0, ""}, {999.99, ""}, {-999, ""}, {math.NaN(), ""},
		{1e3, "K"}, {-25e3, "K"}, {1e6, "M"}, {999.9e6, "M"}, {1e9, "B"}, {3.8e11, "B"}, {1e12, "T"}, {math.Inf(1), "T"},
	} {
		if got := ScaleOf(tt.v).Suffix; got != tt.want {
			t.Errorf("ScaleOf(%v).Suffix = %q, want %q", tt.v, got, tt.want)
		}
	}
	if s := ScaleOf(1); s.Div != 1 || s.Word != "" || s.Commas != "" {
		t.Errorf("ScaleOf(1) = %+v, want no scale", s)
	}
	// Each step's words agree: an Excel comma divides by a thousand.
	for _, s := range scales {
		if d := math.Pow(1000, float64(strings.Count(s.Commas, ","))); d != s.Div {
			t.Errorf("%s: commas %q divide by %v, Div is %v", s.Word, s.Commas, d, s.Div)
		}
	}
}

// TestGrouped writes numbers with commas between thousands, as a reader
// expects them in English text.
func TestGrouped(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		d    int
		want string
	}{
		{1048576, 0, "1,048,576"}, {-12500.5, 1, "-12,500.5"}, {999, 0, "999"}, {0, 2, "0.00"}, {2.5e9, 0, "2,500,000,000"},
	} {
		if got := Grouped(tc.v, tc.d); got != tc.want {
			t.Errorf("Grouped(%v, %d) = %q, want %q", tc.v, tc.d, got, tc.want)
		}
	}
	if got := FormatWhole(100000, "HKD", Exact); got != "HK$100,000" {
		t.Errorf("FormatWhole = %q", got)
	}
}
