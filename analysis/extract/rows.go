package extract

import (
	"strconv"
	"strings"
	"time"

	"pledgewatch/analysis"
)

// Column is one column of the Candidates sheet: its header and what a
// figure puts in it.
type Column struct {
	Name  string
	Value func(f *Figure) any
}

// Columns are the columns of the Candidates sheet, in order.
var Columns = []Column{
	{"file", func(f *Figure) any { return f.File }},
	{"text", func(f *Figure) any { return f.Text }},
	{"value", func(f *Figure) any { return f.Value }},
	{"currency", func(f *Figure) any { return f.Currency }},
	{"qualifier", func(f *Figure) any { return f.Qualifier.Label() }},
	{"kind", func(f *Figure) any { return string(f.Kind) }},
	{"sentence", func(f *Figure) any { return f.Sentence }},
	{"date", func(f *Figure) any { return dateText(f.Date) }},
	{"table", func(f *Figure) any { return f.Table }},
	{"status", func(f *Figure) any { return string(f.Status) }},
	{"row", func(f *Figure) any { return f.Row }},
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(analysis.DateLayout)
}

// Row returns the new figure figs[i] as a row of its table, keyed by the
// contract's column names, with what the article says and nothing else:
// the investor, entity, program and metric are left for the analyst. It
// returns nil for a figure that is not new, or that converts another
// (its amount goes into that one's stated_usd).
func Row(figs []Figure, i int) map[string]string {
	f := &figs[i]
	if f.Status != New || f.Converts >= 0 {
		return nil
	}
	row := map[string]string{
		"qualifier":   qualifierCell(f.Qualifier),
		"source":      f.File,
		"source_date": dateText(f.Date),
		"note":        "from the article: " + f.Sentence,
	}
	switch f.Table {
	case Pledges:
		amount, unit := scaled(f.Value, f.Scale)
		// The article's date stands in for the announcement's, and says
		// so: the analyst replaces it when the text gives the day.
		if !f.Date.IsZero() {
			row["announced"], row["date_basis"] = dateText(f.Date), dateBasisReport
		}
		row["amount"], row["unit"], row["currency"], row["per"] = amount, unit, f.Currency, f.Per
		for j := i + 1; j < len(figs) && figs[j].Start < f.End+32 && figs[j].File == f.File; j++ {
			if figs[j].Converts == i && figs[j].Currency == "USD" {
				row["stated_usd"] = figs[j].Text
			}
		}
	case Metrics:
		switch f.Kind {
		case Money, Price:
			amount, unit := scaled(f.Value, f.Scale)
			row["value"], row["unit"] = strings.TrimSpace(amount+" "+unit), f.Currency
		case Percent:
			row["value"], row["unit"] = numberText(f.Value)+"%", "%"
		default:
			row["value"], row["unit"] = numberText(f.Value), string(f.Kind)
		}
	}
	return row
}

// dateBasisReport is the date basis of an announced date that is the
// article's own.
var dateBasisReport = analysis.DateBases[1]

// qualifierCell is a qualifier as the contract's qualifier column takes
// it: empty for an exact figure.
func qualifierCell(q analysis.Qualifier) string {
	return q.String()
}

// scaled writes a value in the scale the article used: 3.8e11 with the
// scale 1e8 is "3800" and "亿".
func scaled(v, scale float64) (string, string) {
	name := analysis.ScaleName(scale)
	if scale == 0 || scale == 1 {
		return numberText(v), ""
	}
	if strings.HasPrefix(name, "x") { // 千亿: written in 亿
		scale, name = 1e8, "亿"
	}
	return numberText(v / scale), name
}

func numberText(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	// Division by a scale can leave float noise: 0.15 billion -> 0.15000000000000002.
	if len(s) > 12 {
		s = strconv.FormatFloat(v, 'g', 12, 64)
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			s = strconv.FormatFloat(f, 'f', -1, 64)
		}
	}
	return s
}
