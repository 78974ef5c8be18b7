package extract

import (
	"slices"
	"testing"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets"
)

// TestRowsUseContractColumns checks that the rows offered for pasting use
// only the columns the contract declares for their sheet, and read back
// as the figure they came from.
func TestRowsUseContractColumns(t *testing.T) {
	text := "Harbour Capital will invest at least 380 billion yuan (US$53 billion) in AI. " +
		"Its revenue was 2801.5亿元, up 8%, and it ranks third. It grants HK$100,000 per start-up."
	figs := Figures(Article{File: "a.txt", Text: text})
	Match(figs, &analysis.Inputs{})
	rows := 0
	for i, f := range figs {
		row := Row(figs, i)
		if f.Converts >= 0 {
			if row != nil {
				t.Errorf("%q converts another figure but has a row of its own", f.Text)
			}
			continue
		}
		if row == nil {
			t.Fatalf("%q: no row", f.Text)
		}
		rows++
		cols := sheets.Columns(f.Table)
		if len(cols) == 0 {
			t.Fatalf("%q: table %q is no sheet of the contract", f.Text, f.Table)
		}
		for name := range row {
			if !slices.Contains(cols, name) {
				t.Errorf("%q: column %q is not a column of %s", f.Text, name, f.Table)
			}
		}
		switch f.Table {
		case Pledges:
			a, err := analysis.ParseAmount(row["qualifier"] + " " + row["amount"] + " " + row["unit"] + " " + row["currency"])
			if err != nil || !same(a.Value, f.Value) || a.Currency != f.Currency || a.Qualifier != f.Qualifier {
				t.Errorf("%q: row amount %q %q %q %q reads as %+v (%v)", f.Text, row["qualifier"], row["amount"], row["unit"], row["currency"], a, err)
			}
			if f.Per != row["per"] {
				t.Errorf("%q: per %q, want %q", f.Text, row["per"], f.Per)
			}
		case Metrics:
			a, unit, _, err := analysis.MetricValue(row["value"], row["unit"], row["qualifier"])
			if err != nil || !same(a.Value, f.Value) {
				t.Errorf("%q: row value %q %q reads as %g %s (%v)", f.Text, row["value"], row["unit"], a.Value, unit, err)
			}
		}
		if f.Table == Pledges && (row["announced"] != "" || row["date_basis"] != "") {
			t.Errorf("%q: an article without a date gives the announced date %q (%s)", f.Text, row["announced"], row["date_basis"])
		}
		if row["investor"] != "" || row["entity"] != "" {
			t.Errorf("%q: a row names whom the figure is about: %v", f.Text, row)
		}
	}
	if rows != 5 {
		t.Errorf("%d rows, want 5", rows)
	}
	if row := Row(figs, 0); row["stated_usd"] != "US$53 billion" {
		t.Errorf("stated_usd %q, want the conversion in brackets", row["stated_usd"])
	}
}

func TestCandidateColumns(t *testing.T) {
	want := []string{"file", "text", "value", "currency", "qualifier", "kind", "sentence", "date", "table", "status", "row"}
	var got []string
	for _, c := range Columns {
		got = append(got, c.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("columns %v, want %v", got, want)
	}
}
