package workbook

import "testing"

// TestYearFormat: a metric whose value is a year is shown as one (2024),
// never with a thousands separator (2,024); a count keeps the separator.
func TestYearFormat(t *testing.T) {
	if got := metricFormat(2024, "year", false); got != "0" {
		t.Errorf("year format %q, want %q", got, "0")
	}
	if got := metricFormat(12345, "count", false); got == fmtYear {
		t.Errorf("a count is formatted as a year: %q", got)
	}
}
