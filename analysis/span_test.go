package analysis

import (
	"errors"
	"math"
	"testing"
)

// TestDaysBeyondDuration counts days across spans longer than the 292
// years a time.Duration holds.
func TestDaysBeyondDuration(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"1900-01-01", "2200-01-01", 109573},
		{"2200-01-01", "1900-01-01", -109573},
		{"2000-01-01", "2050-01-01", 18263},
	} {
		if got := Days(day(c.a), day(c.b)); got != c.want {
			t.Errorf("Days(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestSpanBound checks the bound on years: 100 is the most, a year typed
// into years is named as such, and a span past the bound given straight to
// Build has no period rather than a wrong one.
func TestSpanBound(t *testing.T) {
	for _, c := range []struct {
		years float64
		want  string // "" for no error
	}{
		{3, ""},
		{0.5, ""},
		{100, ""},
		{100.5, "more than 100 years; give how many years the span runs, such as 3 for \"over the next three years\""},
		{2025, "2025 is a year, not a number of years; put the first year in start_year and the length of the span here, such as 3"},
		{1e300, "more than 100 years; give how many years the span runs, such as 3 for \"over the next three years\""},
	} {
		err := CheckSpan(c.years)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%v: %v", c.years, err)
		case c.want != "" && (err == nil || err.Error() != c.want || !errors.Is(err, ErrNumber)):
			t.Errorf("%v: %v, want %q", c.years, err, c.want)
		}
	}

	p := at(pledge("long", "2000-01-01", "Long Capital", "fund", "century fund", "US$100 million", "", 100, "", "Hong Kong", "X"), 2)
	huge := at(pledge("huge", "2000-01-01", "Huge Capital", "fund", "endless fund", "US$100 million", "", 1e300, "", "Hong Kong", "X"), 3)
	in := ratesInputs(p, huge)
	in.Progress = []Evidence{
		evidence("long", "2040-01-01", "spent", "US$10 million", "cumulative"),
		evidence("huge", "2040-01-01", "spent", "US$10 million", "cumulative"),
	}
	r, probs := Build(in, Options{AsOf: day("2050-01-01")})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if len(r.Progress) != 2 {
		t.Fatalf("%d pledges followed, want 2", len(r.Progress))
	}
	long, endless := progressOf(t, r, "long"), progressOf(t, r, "huge")
	if got, want := long.Elapsed, 18263.0/36525; math.Abs(got-want) > 1e-12 {
		t.Errorf("100 years from 2000, at 2050: elapsed %v, want %v", got, want)
	}
	if _, end := r.Pledges[long.Pledge].Period(); !end.Equal(day("2100-01-01")) {
		t.Errorf("100 years from 2000 end on %v", end)
	}
	if _, end := r.Pledges[endless.Pledge].Period(); !math.IsNaN(endless.Elapsed) || !end.IsZero() || endless.HasPeriod() {
		t.Errorf("1e300 years: elapsed %v, end %v; want no period", endless.Elapsed, end)
	}
}
