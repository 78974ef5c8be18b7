package workbook

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// rowWriter encodes the rows of a streamed sheet below its table's header
// as the sheet XML excelize's StreamWriter writes, byte for byte, and
// keeps them until the workbook is saved, when they are spliced into the
// sheet's part. The StreamWriter builds a cell struct, a cell reference
// and an escaped copy of every string for each cell; on a 100,000-row
// Pledges sheet that was 1.5 s of CPU time and 450 MB of garbage a run,
// about a third of the whole run. rowWriter appends straight into one
// buffer, spilled to a temporary file past spillAt bytes. It takes the
// cell values the StreamWriter takes and writes what the StreamWriter
// would (TestRowWriterMatchesStreamWriter holds the two to each other);
// styles, tables, merged cells and everything around the rows are still
// excelize's.
type rowWriter struct {
	buf  []byte
	tmp  *os.File
	bw   *bufio.Writer
	last int      // the last row written
	cols []string // column letters by index from 0, grown as needed
	err  error
}

// spillAt is the size of buffered rows past which rowWriter moves them
// to a temporary file: a million-row sheet is close to a gigabyte of XML.
const spillAt = 4 << 20

// Row limits the StreamWriter checks.
var errRowOrder = errors.New("rows must be written in ascending order")

// row appends a row of cells from column col, with height h in points (0
// for the default), as the StreamWriter's SetRow does.
func (w *rowWriter) row(row, col int, cells []any, h float64) error {
	if w.err != nil {
		return w.err
	}
	if row <= w.last {
		return fmt.Errorf("row %d: %w", row, errRowOrder)
	}
	if row > excelize.TotalRows || col < 1 || col-1+len(cells) > excelize.MaxColumns {
		return fmt.Errorf("row %d, column %d: %w", row, col, excelize.ErrCoordinates)
	}
	if h > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	w.last = row
	b := w.buf
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if h > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, h, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, v := range cells {
		if v == nil {
			continue
		}
		style, formula := 0, ""
		switch c := v.(type) {
		case excelize.Cell:
			style, formula, v = c.StyleID, c.Formula, c.Value
		case *excelize.Cell:
			if c != nil {
				style, formula, v = c.StyleID, c.Formula, c.Value
			}
		}
		var err error
		if b, err = w.cell(b, col+i, row, style, formula, v); err != nil {
			w.buf = b
			return err
		}
	}
	b = append(b, `</row>`...)
	w.buf = b
	if len(b) >= spillAt {
		w.err = w.spill()
	}
	return w.err
}

// cellValue is a cell as the StreamWriter's xlsxC holds it before writing.
type cellValue struct {
	t, v     string // type and value
	space    bool   // xml:space="preserve" on the cell (a formula's string)
	is       bool   // an inline string
	isVal    string // the inline string, escaped
	isSpace  bool   // xml:space="preserve" on the inline string
	isDirect bool   // isVal was set without escaping
}

// cell appends one cell, as the StreamWriter's setCellValFunc and
// writeCell make it.
func (w *rowWriter) cell(b []byte, col, row, style int, formula string, v any) ([]byte, error) {
	var c cellValue
	if formula != "" {
		c.t = "str"
	}
	switch x := v.(type) {
	case int:
		c.t, c.v = "", strconv.FormatInt(int64(x), 10)
	case int8:
		c.t, c.v = "", strconv.FormatInt(int64(x), 10)
	case int16:
		c.t, c.v = "", strconv.FormatInt(int64(x), 10)
	case int32:
		c.t, c.v = "", strconv.FormatInt(int64(x), 10)
	case int64:
		c.t, c.v = "", strconv.FormatInt(x, 10)
	case uint:
		c.t, c.v = "", strconv.FormatUint(uint64(x), 10)
	case uint8:
		c.t, c.v = "", strconv.FormatUint(uint64(x), 10)
	case uint16:
		c.t, c.v = "", strconv.FormatUint(uint64(x), 10)
	case uint32:
		c.t, c.v = "", strconv.FormatUint(uint64(x), 10)
	case uint64:
		c.t, c.v = "", strconv.FormatUint(x, 10)
	case float32:
		c.float(float64(x), 32)
	case float64:
		c.float(x, 64)
	case string:
		c.str(x, formula != "")
	case []byte:
		c.str(string(x), formula != "")
	case time.Time:
		if style <= 0 {
			// The StreamWriter would add a date style of its own.
			return b, fmt.Errorf("cell %s: a date needs a style", cellName(col, row))
		}
		c.time(x)
	case bool:
		c.t, c.v = "b", "0"
		if x {
			c.v = "1"
		}
	case nil:
	case time.Duration, []excelize.RichTextRun:
		return b, fmt.Errorf("cell %s: %T values are not written by this sheet writer", cellName(col, row), v)
	default:
		c.str(fmt.Sprint(x), formula != "")
	}
	b = append(b, `<c`...)
	if c.space {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, ` r="`...)
	b = append(b, w.col(col)...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if style > 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	if c.t != "" {
		b = append(b, ` t="`...)
		b = append(b, c.t...)
		b = append(b, '"')
	}
	b = append(b, '>')
	if formula != "" {
		b = append(b, `<f>`...)
		b = escapeText(b, formula)
		b = append(b, `</f>`...)
	}
	if c.v != "" {
		b = append(b, `<v>`...)
		b = escapeText(b, c.v)
		b = append(b, `</v>`...)
	}
	if c.is {
		b = append(b, `<is><t`...)
		if c.isSpace {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = append(b, c.isVal...)
		b = append(b, `</t></is>`...)
	}
	return append(b, `</c>`...), nil
}

// float sets a number, as the StreamWriter's setCellFloat does.
func (c *cellValue) float(x float64, bits int) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		c.inline(fmt.Sprint(x))
		return
	}
	c.t, c.v, c.is = "", formatFloat(x, bits), false
}

// str sets a string: a formula's cached string, or an inline string.
func (c *cellValue) str(s string, formula bool) {
	if formula {
		c.t, c.is = "str", false
		c.v, c.space = trimValue(s, false)
		return
	}
	c.inline(s)
}

// inline sets an inline string, escaped.
func (c *cellValue) inline(s string) {
	c.t, c.v, c.is = "inlineStr", "", true
	c.isVal, c.isSpace = trimValue(s, true)
}

// time sets a date, as the StreamWriter's setCellTime does in a workbook
// of the 1900 date system: a serial day number, or, before 1900, the
// date as text.
func (c *cellValue) time(t time.Time) {
	_, offset := t.In(t.Location()).Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	if serial := excelTime(t); serial > 0 {
		c.t, c.v = "", strconv.FormatFloat(serial, 'f', -1, 64)
		return
	}
	s := t.Format(time.RFC3339Nano)
	c.inline(s)
	c.isVal = s
}

// The 1900 date system, as excelize's timeToExcelTime counts it.
var (
	excelEpoch     = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelLeapStart = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

const (
	dayLength   = 24 * time.Hour
	maxDuration = 290 * 364 * dayLength
)

// excelTime is t as a serial day number of the 1900 date system, with
// Excel's 29 February 1900; 0 before the system's start.
func excelTime(t time.Time) float64 {
	if t.Before(excelEpoch) {
		return 0
	}
	tt, diff, result := t, t.Sub(excelEpoch), 0.0
	for diff >= maxDuration {
		result += float64(maxDuration / dayLength)
		tt = tt.Add(-maxDuration)
		diff = tt.Sub(excelEpoch)
	}
	rem := diff % dayLength
	result += float64(diff-rem)/float64(dayLength) + float64(rem)/float64(dayLength)
	if t.After(excelLeapStart) {
		result++
	}
	return result
}

// formatFloat writes a number with at most Excel's 15 significant
// digits, as excelize's formatCellFloat does.
func formatFloat(x float64, bits int) string {
	str := strconv.FormatFloat(x, 'f', -1, bits)
	if math.Abs(x) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// trimValue cuts a string to the 32,767 characters a cell holds, says
// whether its leading or trailing white space must be kept, escapes it for
// XML when escape is set (keeping line breaks as they are), and escapes
// the _xHHHH_ sequences Excel would read as characters, as excelize's
// trimCellValue does.
func trimValue(s string, escape bool) (string, bool) {
	if len(s) > excelize.TotalCellChars && utf16Len(s) > excelize.TotalCellChars {
		s = cutUTF16(s, excelize.TotalCellChars)
	}
	space := false
	if s != "" {
		first, last := s[0], s[len(s)-1]
		space = isXMLSpace(first) || isXMLSpace(last)
		if escape && needsEscape(s) {
			s = strings.ReplaceAll(string(escapeText(nil, s)), "&#xA;", "\n")
		}
	}
	return escapeBSTR(s), space
}

func isXMLSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// cutUTF16 cuts s to at most n UTF-16 code units.
func cutUTF16(s string, n int) string {
	count := 0
	for i, r := range s {
		if count += utf16.RuneLen(r); count > n {
			return s[:i]
		}
	}
	return s
}

// needsEscape reports whether xml.EscapeText would change s: any of the
// characters it escapes, a byte outside printable ASCII that may be
// invalid UTF-8 or outside XML's characters.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>' {
			if c >= utf8.RuneSelf && validXMLText(s[i:]) {
				// The rest holds no ASCII to escape only if checked on.
				return needsEscapeASCII(s[i:])
			}
			return true
		}
	}
	return false
}

// needsEscapeASCII reports whether s holds an ASCII character that
// xml.EscapeText escapes.
func needsEscapeASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>' {
			return true
		}
	}
	return false
}

// validXMLText reports whether s is valid UTF-8 of characters XML allows,
// so that xml.EscapeText leaves its non-ASCII characters as they are.
func validXMLText(s string) bool {
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return false
		case r < 0x20:
			if r != '\t' && r != '\n' && r != '\r' {
				return false
			}
		case r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
	}
	return true
}

// escapeText appends s escaped as xml.EscapeText escapes it.
func escapeText(b []byte, s string) []byte {
	if !needsEscape(s) {
		return append(b, s...)
	}
	buf := bytes.NewBuffer(b)
	_ = xml.EscapeText(buf, []byte(s))
	return buf.Bytes()
}

// bstrPattern is an _xHHHH_ sequence, which Excel reads as the character
// HHHH.
var (
	bstrPattern       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapePattern = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// escapeBSTR escapes the _xHHHH_ sequences of s as excelize's
// bstrMarshal does, so that they are read back as written.
func escapeBSTR(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrPattern.FindAllStringSubmatchIndex(s, -1), len(s), 0
	var result strings.Builder
	for _, match := range matches {
		result.WriteString(s[cursor:match[0]])
		sub := s[match[0]:match[1]]
		if sub == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapePattern.MatchString(s[match[1]:match[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`); err == nil {
					result.WriteString(sub + "x005F" + sub)
					continue
				}
			}
			result.WriteString(sub + "x005F_")
			continue
		}
		if bstrPattern.MatchString(sub) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result.WriteString("_x005F" + sub)
				continue
			}
		}
	}
	if cursor < l {
		result.WriteString(s[cursor:])
	}
	return result.String()
}

// col returns the letters of column n (from 1).
func (w *rowWriter) col(n int) string {
	for len(w.cols) < n {
		name, _ := excelize.ColumnNumberToName(len(w.cols) + 1)
		w.cols = append(w.cols, name)
	}
	return w.cols[n-1]
}

// cellName is the reference of a cell, as A1.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// spill moves the buffered rows to the temporary file, created on the
// first spill.
func (w *rowWriter) spill() error {
	if w.tmp == nil {
		f, err := os.CreateTemp("", "pledgewatch-rows-*.xml")
		if err != nil {
			return err
		}
		w.tmp, w.bw = f, bufio.NewWriterSize(f, 1<<20)
	}
	_, err := w.bw.Write(w.buf)
	w.buf = w.buf[:0]
	return err
}

// empty reports whether no row was written.
func (w *rowWriter) empty() bool { return w == nil || w.last == 0 }

// copyTo writes the rows to dst; a nil rowWriter writes nothing.
func (w *rowWriter) copyTo(dst io.Writer) error {
	if w == nil {
		return nil
	}
	if w.err != nil {
		return w.err
	}
	if w.tmp != nil {
		if err := w.bw.Flush(); err != nil {
			return err
		}
		if _, err := w.tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.Copy(dst, w.tmp); err != nil {
			return err
		}
	}
	_, err := dst.Write(w.buf)
	return err
}

// close removes the temporary file, if any.
func (w *rowWriter) close() error {
	if w == nil || w.tmp == nil {
		return nil
	}
	err := w.tmp.Close()
	if e := os.Remove(w.tmp.Name()); err == nil {
		err = e
	}
	w.tmp = nil
	return err
}
