package sheets

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
)

// templateRows is how far down the template's dropdowns reach.
const templateRows = 5000

// WriteTemplate writes a blank inputs workbook to w: a sheet for every
// table of the contract with its columns in order, a note on each header
// saying what goes there, a dropdown on each column with a list of
// values, and one example row per sheet, taken from the default dataset.
// The reader reads it without an error.
func WriteTemplate(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: "Calibri", Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return err
	}
	fmtDate := "yyyy-mm-dd"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &fmtDate, Alignment: &excelize.Alignment{Horizontal: "left"}})
	if err != nil {
		return err
	}
	for i, s := range specs {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.sheet)
		} else {
			_, err = f.NewSheet(s.sheet)
		}
		if err == nil {
			err = templateSheet(f, s, head, date)
		}
		if err != nil {
			return fmt.Errorf("template sheet %s: %w", s.sheet, err)
		}
	}
	_, err = f.WriteTo(w)
	return err
}

func templateSheet(f *excelize.File, s *tableSpec, head, date int) error {
	sheet := s.sheet
	for i, c := range s.columns {
		col := analysis.ColumnLetters(i + 1)
		cell := col + "1"
		if err := f.SetCellValue(sheet, cell, c.name); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, templateWidth(c)); err != nil {
			return err
		}
		if err := f.AddComment(sheet, excelize.Comment{Cell: cell, Author: "pledgewatch", Text: headerNote(c),
			Width: 320, Height: 180}); err != nil {
			return err
		}
		if err := setExample(f, sheet, col+"2", c, date); err != nil {
			return err
		}
		if len(c.choices) == 0 {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = col + "2:" + col + strconv.Itoa(templateRows)
		if err := dv.SetDropList(c.choices); err != nil {
			return fmt.Errorf("column %s: %w", c.name, err)
		}
		if c.open {
			dv.SetError(excelize.DataValidationErrorStyleInformation, c.name,
				"Not one of the usual values; kept, and read if the contract allows it.")
		} else {
			dv.SetError(excelize.DataValidationErrorStyleStop, c.name,
				"Choose one of: "+strings.Join(c.choices, ", ")+".")
		}
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	last := analysis.ColumnLetters(len(s.columns))
	if err := f.SetCellStyle(sheet, "A1", last+"1", head); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// setExample writes the example value of a column, as a date or number
// where it is one.
func setExample(f *excelize.File, sheet, cell string, c column, date int) error {
	if c.example == "" {
		return nil
	}
	switch c.kind {
	case kindDate:
		t, err := time.Parse(analysis.DateLayout, c.example)
		if err != nil {
			return fmt.Errorf("column %s: example %q: %w", c.name, c.example, err)
		}
		if err := f.SetCellValue(sheet, cell, t); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, date)
	case kindNumber, kindYear:
		if v, err := strconv.ParseFloat(c.example, 64); err == nil {
			return f.SetCellValue(sheet, cell, v)
		}
	}
	return f.SetCellStr(sheet, cell, c.example)
}

// templateWidth is a column's width: enough for its name and example,
// within reason.
func templateWidth(c column) float64 {
	n := max(len(c.name), len([]rune(c.example)), 10)
	if c.kind == kindDate {
		n = max(n, 12)
	}
	return float64(min(n+2, 45))
}

// headerNote is the text of a header's note: whether the column is
// required and what it holds, without the Markdown of the contract.
func headerNote(c column) string {
	req := "Optional."
	switch {
	case c.requiredDoc != "":
		req = "Required: " + c.requiredDoc + "."
	case c.required:
		req = "Required."
	}
	text := req + " " + plainText(c.doc)
	if len(c.aliases) > 0 {
		text += " Also read under the header " + strings.Join(c.aliases, ", ") + "."
	}
	return text
}

// plainText drops the Markdown of a contract text: code quotes, and links
// (which keep their words and point to the inputs README).
func plainText(md string) string {
	var b strings.Builder
	for len(md) > 0 {
		i := strings.IndexByte(md, '[')
		if i < 0 {
			b.WriteString(md)
			break
		}
		j := strings.Index(md[i:], "](")
		k := -1
		if j > 0 {
			k = strings.IndexByte(md[i+j:], ')')
		}
		if j < 0 || k < 0 {
			b.WriteString(md[:i+1])
			md = md[i+1:]
			continue
		}
		b.WriteString(md[:i])
		b.WriteString(md[i+1 : i+j])
		b.WriteString(" in the inputs README")
		md = md[i+j+k+1:]
	}
	return strings.ReplaceAll(b.String(), "`", "")
}
