package sheets

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// sh is a sheet of a test workbook: rows from row 1, nil for an empty
// cell or row.
type sh struct {
	name string
	rows [][]any
}

// Cell values for book beyond plain strings and numbers.
type (
	// styled is a value with a number format ("0%", "yyyy-mm-dd").
	styled struct {
		v      any
		format string
	}
	// formula is a formula written without a saved value, as excelize's
	// SetCellFormula does.
	formula string
)

// day is a date cell, formatted yyyy-mm-dd as Excel shows a typed date.
func day(y int, m time.Month, d int) styled {
	return styled{time.Date(y, m, d, 0, 0, 0, 0, time.UTC), "yyyy-mm-dd"}
}

// book writes a workbook with excelize in normal mode, as a user's
// program or Excel would.
func book(tb testing.TB, sheets ...sh) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	styles := map[string]int{}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			tb.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				var err error
				switch v := v.(type) {
				case formula:
					err = f.SetCellFormula(s.name, ref, string(v))
				case styled:
					id, ok := styles[v.format]
					if !ok {
						format := v.format
						if id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
							tb.Fatal(err)
						}
						styles[v.format] = id
					}
					if err = f.SetCellValue(s.name, ref, v.v); err == nil {
						err = f.SetCellStyle(s.name, ref, ref, id)
					}
				default:
					err = f.SetCellValue(s.name, ref, v)
				}
				if err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	return xlsxtest.Write(tb, f)
}

// is returns an inline-string cell.
func is(ref, text string) string {
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
}

// num returns a number cell with an optional style.
func num(ref, v string, style int) string {
	if style == 0 {
		return fmt.Sprintf(`<c r="%s"><v>%s</v></c>`, ref, v)
	}
	return fmt.Sprintf(`<c r="%s" s="%d"><v>%s</v></c>`, ref, style, v)
}

// row returns a row element.
func row(n int, cells ...string) string {
	return fmt.Sprintf(`<row r="%d">%s</row>`, n, strings.Join(cells, ""))
}

// headerRow writes names as inline strings in row n from column A.
func headerRow(n int, names ...string) string {
	var cells []string
	for i, name := range names {
		cells = append(cells, is(analysis.ColumnLetters(i+1)+strconv.Itoa(n), name))
	}
	return row(n, cells...)
}

// Summaries of records, for comparing with a want list.

func pledgeLine(p analysis.Pledge) string {
	amount := "undisclosed"
	if !p.Amount.Undisclosed {
		amount = strings.TrimSpace(fmt.Sprintf("%s %s %s", p.Amount.Qualifier, strconv.FormatFloat(p.Amount.Value, 'g', -1, 64), p.Amount.Currency))
	}
	return line(p.Loc, "id", p.ID, "announced", ymd(p.Announced), "investor", p.Investor, "type", p.InvestorType.String(),
		"program", p.Program, "amount", fmt.Sprintf("%q = %s", p.AmountText, amount), "years", g(p.Years),
		"start", strconv.Itoa(p.StartYear), "sectors", strings.Join(p.Sectors, "|"), "region", p.Region,
		"status", p.Status.String(), "source", p.Source, "url", p.URL, "source_date", ymd(p.SourceDate),
		"stated_usd", g(p.StatedUSD), "note", p.Note)
}

func metricLine(m analysis.Metric) string {
	v := strings.TrimSpace(fmt.Sprintf("%s %s %s", m.Qualifier, g(m.Value), m.Unit))
	if m.Money {
		v += " (money)"
	}
	if m.Change {
		v += " (change)"
	}
	return line(m.Loc, "entity", m.Entity, "metric", m.Metric, "period", m.Period.String(),
		"value", fmt.Sprintf("%q = %s", m.ValueText, v), "basis", m.Basis, "source", m.Source, "url", m.URL,
		"source_date", ymd(m.SourceDate), "note", m.Note)
}

func rateLine(r analysis.Rate) string {
	return line(r.Loc, "currency", r.Currency, "per_usd", g(r.PerUSD), "date", ymd(r.Date), "source", r.Source, "note", r.Note)
}

func line(l analysis.Loc, kv ...string) string {
	var b strings.Builder
	if l.Sheet() != "" {
		fmt.Fprintf(&b, "%s ", l.Sheet())
	}
	fmt.Fprintf(&b, "row %d:", l.Row())
	for i := 0; i < len(kv); i += 2 {
		if v := kv[i+1]; v != "" && v != "0" {
			fmt.Fprintf(&b, " %s=%s", kv[i], v)
		}
	}
	return b.String()
}

func ymd(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(analysis.DateLayout)
}

func g(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// problemLines renders problems with their severity.
func problemLines(ps *analysis.Problems) []string {
	var out []string
	for _, p := range ps.List() {
		out = append(out, p.Severity.String()+": "+p.Error())
	}
	return out
}
