package sheets

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxscan"
)

// cell is one value of a row, as the xlsx scanner gives it; the CSV
// reader makes the same.
type cell = xlsxscan.Cell

// numberOf returns the value of a number cell.
func numberOf(c *cell) (float64, bool) {
	if c.Bytes != nil {
		return parseNumberBytes(c.Bytes)
	}
	return parseNumber(c.Str)
}

// parseNumberBytes reads a number as stored in a sheet: digits fast,
// anything else through strconv.
func parseNumberBytes(b []byte) (float64, bool) {
	b = xlsxscan.TrimSpace(b)
	if len(b) == 0 {
		return 0, false
	}
	// Fast path for the usual 45712 or 53.7: with at most 15 digits the
	// integer and the power of ten are exact, so one division rounds
	// correctly, as strconv would.
	if len(b) <= 16 {
		n, i, frac := int64(0), 0, -1
		for ; i < len(b); i++ {
			switch c := b[i]; {
			case c >= '0' && c <= '9':
				n = n*10 + int64(c-'0')
			case c == '.' && frac < 0 && i > 0:
				frac = i
			default:
				return parseNumber(string(b))
			}
		}
		switch {
		case frac < 0:
			return float64(n), true
		case frac < len(b)-1:
			return float64(n) / pow10[len(b)-1-frac], true
		}
	}
	return parseNumber(string(b))
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16}

// parseNumber reads a plain number ("5.3", "1E-3"), refusing Inf and NaN.
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// formatNumber writes a number the way a spreadsheet shows it in General
// format: at most 15 significant digits, no exponent, no float noise
// (0.41*100 is 41, not 41.00000000000001).
func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		r = v
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// numberText returns a number cell's value as text for the parsers of
// analysis, with a percentage format applied (0.41 with format 0% is
// "41%") and a date format shown as a date.
func numberText(c *cell, date1904 bool) string {
	// One or two digits are left to formatNumber, which gives strconv's
	// own strings for numbers below 100 where a copy would allocate.
	if c.Format == xlsxscan.PlainFormat && len(c.Bytes) > 2 && shortestNumber(c.Bytes) {
		return string(c.Bytes)
	}
	v, ok := numberOf(c)
	if !ok {
		return trimSpace(c.Text())
	}
	switch c.Format {
	case xlsxscan.PercentFormat:
		return formatNumber(v*100) + "%"
	case xlsxscan.DateFormat:
		if t, ok := serialDate(v, date1904); ok {
			return t.Format(analysis.DateLayout)
		}
	}
	return formatNumber(v)
}

// shortestNumber reports whether b is a number as formatNumber writes
// it: digits without a needless zero, perhaps a point and more digits
// ending in one other than 0, at most 15 digits in all. Such a number is
// its own formatNumber: numberText takes it as it is in about 40 ns,
// against 250 ns for parsing and formatting it (most amounts are
// written so). TestShortestNumber holds the two to the same text.
func shortestNumber(b []byte) bool {
	n := len(b) // digits, and a point
	i := 0
	for i < n && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	switch {
	case i == 0, b[0] == '0' && i > 1: // no digits before a point, or 007
		return false
	case i == n: // an integer
		return n <= 15
	}
	if b[i] != '.' || i == n-1 || b[n-1] == '0' || n-1 > 15 {
		return false
	}
	for _, c := range b[i+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Excel's date serials run from 1 (1900-01-01) to 2958465 (9999-12-31).
const maxSerial = 2958465

// serialDate converts an Excel date serial to the day it stands for, in
// UTC, dropping any time of day.
func serialDate(v float64, date1904 bool) (time.Time, bool) {
	if v < 1 || v > maxSerial || math.IsNaN(v) {
		return time.Time{}, false
	}
	if v == math.Trunc(v) && v > 61 {
		// A whole day after February 1900 is that many days after the
		// epoch of the date system, as excelize.ExcelDateToTime counts
		// it: one time.Date takes 25 ns, that function's arithmetic on
		// times 100 ns. TestSerialDate holds the two to the same day.
		if date1904 {
			return time.Date(1904, time.January, 1+int(v), 0, 0, 0, 0, time.UTC), true
		}
		return time.Date(1899, time.December, 30+int(v), 0, 0, 0, 0, time.UTC), true
	}
	t, err := excelize.ExcelDateToTime(v, date1904)
	if err != nil {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// trimSpace trims what xlsxscan.IsSpace names from both ends of s.
func trimSpace(s string) string {
	// Fast path: nothing to trim.
	if s == "" || (s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf) {
		return s
	}
	return strings.TrimFunc(s, xlsxscan.IsSpace)
}

// hasControl reports whether a text cell holds a control character
// between its ends, without allocating.
func hasControl(c *cell) bool {
	if c.Bytes != nil {
		_, ok := analysis.ControlChar(xlsxscan.TrimSpace(c.Bytes))
		return ok
	}
	_, ok := analysis.ControlChar(trimSpace(c.Str))
	return ok
}

// errorValues are the error values a spreadsheet shows in a cell.
var errorValues = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true,
	"#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true,
	"#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true, "#PYTHON!": true,
}

// hasErrorValue reports whether a text cell holds an error value as text,
// without allocating for the usual text that does not.
func hasErrorValue(c *cell) bool {
	if c.Bytes != nil {
		b := xlsxscan.TrimSpace(c.Bytes)
		return len(b) > 1 && b[0] == '#' && isErrorValue(string(b))
	}
	s := trimSpace(c.Str)
	return len(s) > 1 && s[0] == '#' && isErrorValue(s)
}

// isErrorValue reports whether trimmed text is a spreadsheet error value,
// as Excel writes into a CSV file or a text cell.
func isErrorValue(s string) bool {
	return len(s) > 1 && s[0] == '#' && errorValues[strings.ToUpper(s)]
}

// interner keeps one copy of each repeated short string (investor names,
// currencies, sector names) so that a million rows do not hold a million
// copies. It stops growing at maxInterned strings.
type interner struct {
	m map[string]string
}

const (
	maxInterned   = 1 << 17
	maxInternSize = 256 // longer strings are rarely repeated
)

// bytes returns the interned string equal to b; looking up an existing
// string does not allocate.
func (in *interner) bytes(b []byte) string {
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := string(b)
	in.add(s)
	return s
}

// str returns the interned string equal to s. A new string is cloned, so
// that the table does not keep alive the larger string s may be part of
// (a CSV record).
func (in *interner) str(s string) string {
	if t, ok := in.m[s]; ok {
		return t
	}
	if len(s) > maxInternSize {
		return s
	}
	s = strings.Clone(s)
	in.add(s)
	return s
}

func (in *interner) add(s string) {
	if in.m == nil {
		in.m = make(map[string]string, 256)
	}
	if len(in.m) < maxInterned && len(s) <= maxInternSize {
		in.m[s] = s
	}
}
