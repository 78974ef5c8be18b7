package sheets

import (
	"strings"
	"testing"
)

// TestYearsBound reads years at and past the bound: each span past 100
// years, and a year typed into years, is an error at its cell.
func TestYearsBound(t *testing.T) {
	csv := "announced,investor,program,amount,years,source\n" +
		"2025-02-24,A,AI,US$1 billion,3,Star\n" +
		"2025-02-24,B,AI,US$1 billion,100,Star\n" +
		"2025-02-24,C,AI,US$1 billion,2025,Star\n" +
		"2025-02-24,D,AI,US$1 billion,1e300,Star\n" +
		"2025-02-24,E,AI,US$1 billion,293,Star\n"
	rd := &Reader{}
	if err := rd.ReadCSV(strings.NewReader(csv), "pledges.csv"); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(problemLines(&rd.Problems), "\n")
	want := strings.Join([]string{
		`error: pledges.csv, cell E4 (years): "2025": 2025 is a year, not a number of years; put the first year in start_year and the length of the span here, such as 3`,
		`error: pledges.csv, cell E5 (years): "1e300": more than 100 years; give how many years the span runs, such as 3 for "over the next three years"`,
		`error: pledges.csv, cell E6 (years): "293": more than 100 years; give how many years the span runs, such as 3 for "over the next three years"`,
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if n := len(rd.Inputs.Pledges); n != 2 {
		t.Errorf("%d pledges kept, want the 2 with a span within the bound", n)
	}
}
