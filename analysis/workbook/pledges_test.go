package workbook

import (
	"testing"
	"time"

	"pledgewatch/analysis"
)

// TestExcelDate holds the serial numbers Excel gives whole days, and the
// cases left to excelize's own conversion.
func TestExcelDate(t *testing.T) {
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	hk := time.FixedZone("HKT", 8*3600)
	tests := []struct {
		in   time.Time
		want any
	}{
		{d(2025, 2, 24), 45712.0},
		{d(2025, 1, 1), 45658.0},
		{d(1900, 3, 1), 61.0}, // Excel counts a 29 February 1900
		{d(1900, 2, 28), d(1900, 2, 28)},
		{d(1899, 1, 1), d(1899, 1, 1)},
		{time.Date(2025, 2, 24, 12, 0, 0, 0, time.UTC), time.Date(2025, 2, 24, 12, 0, 0, 0, time.UTC)},
		{time.Date(2025, 2, 24, 0, 0, 0, 0, hk), time.Date(2025, 2, 24, 0, 0, 0, 0, hk)},
		{time.Date(2025, 2, 24, 0, 0, 0, 500, time.UTC), time.Date(2025, 2, 24, 0, 0, 0, 500, time.UTC)},
		{time.Time{}, nil},
	}
	for _, tt := range tests {
		if got := excelDate(tt.in); got != tt.want {
			t.Errorf("excelDate(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestRefNames holds that the Input column says what Ref.String says.
func TestRefNames(t *testing.T) {
	var n refNames
	for _, r := range []analysis.Ref{
		{File: "inputs/a.xlsx", Sheet: "Pledges", Row: 5},
		{File: "inputs/a.xlsx", Sheet: "Pledges", Row: 1048576},
		{File: "inputs/a.xlsx", Sheet: "Other \"sheet\"", Row: 2},
		{File: "inputs/pledges.csv", Row: 3},
		{File: "inputs/a.xlsx", Sheet: "Pledges"},
	} {
		if got, want := n.name(r), r.String(); got != want {
			t.Errorf("name(%+v) = %q, want %q", r, got, want)
		}
	}
}
