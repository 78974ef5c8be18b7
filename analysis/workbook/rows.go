package workbook

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"reflect"
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
// compresses them as they come; when the workbook is saved they are
// spliced into the sheet's part without being compressed again.
//
// The StreamWriter builds a cell struct, a cell reference and an escaped
// copy of every string for each cell; on a 100,000-row Pledges sheet that
// was 1.5 s of CPU time and 450 MB of garbage a run, about a third of the
// whole run. rowWriter appends straight into one buffer, compressed as it
// fills: on 10,000 Pledges-like rows it takes 20 ms, 3.4 MB and one
// allocation a row against the StreamWriter's 100 ms, 44 MB and 74
// allocations a row before compression (BenchmarkRowsRowWriter,
// BenchmarkRowsStreamWriter).
//
// It takes the cell values the StreamWriter takes and writes what the
// StreamWriter would (TestRowWriterMatchesStreamWriter holds the two to
// each other), but for three the workbook never writes, which it refuses
// rather than write differently: a date without a style (the StreamWriter
// adds a style of its own), durations and rich text. Styles, tables,
// merged cells and everything around the rows are still excelize's.
type rowWriter struct {
	buf  []byte
	last int      // the last row written
	cols []string // column letters by index from 0, grown as needed
	err  error
	// The rows are compressed as they come, in pieces of bufSize bytes:
	// crc and size are the checksum and size of the rows before
	// compression, sink holds them compressed.
	fw   *pooledFlate
	crc  uint32
	size int64
	sink spillSink
	done bool
}

// bufSize is how many bytes of rows are buffered before they are
// compressed, and spillAt the size of compressed rows past which they go
// to a temporary file: a million-row Pledges sheet compresses to about a
// hundred megabytes.
const (
	bufSize = 256 << 10
	spillAt = 8 << 20
)

// errRowOrder is the StreamWriter's limit on the order of rows.
var errRowOrder = errors.New("rows must be written in ascending order")

// row appends a row of cells from column col, with height h in points (0
// for the default), as the StreamWriter's SetRow does.
func (w *rowWriter) row(row, col int, cells []any, h float64) error {
	if w.err != nil {
		return w.err
	}
	if w.done {
		return errors.New("rows written after the sheet was finished")
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
	if len(b) >= bufSize {
		w.err = w.spill()
	}
	return w.err
}

// cellValue is a cell as the StreamWriter's xlsxC holds it before writing.
// Numbers and inline strings are kept as they are, and formatted or
// escaped straight into the row when written.
type cellValue struct {
	t, v    string // type and value
	space   bool   // xml:space="preserve" on the cell (a formula's string)
	num     bool   // the value is x, a number of the given bits
	x       float64
	bits    int
	is      bool   // an inline string
	isVal   string // the inline string: raw, to escape when isRaw is set
	isRaw   bool
	isSpace bool // xml:space="preserve" on the inline string
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
		c.t, c.v = "", strconv.Itoa(x)
	case int8, int16, int32, int64:
		c.t, c.v = "", strconv.FormatInt(reflect.ValueOf(x).Int(), 10)
	case uint, uint8, uint16, uint32, uint64:
		c.t, c.v = "", strconv.FormatUint(reflect.ValueOf(x).Uint(), 10)
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
		b = appendEscaped(b, formula, true)
		b = append(b, `</f>`...)
	}
	switch {
	case c.num:
		b = append(b, `<v>`...)
		b = appendFloat(b, c.x, c.bits)
		b = append(b, `</v>`...)
	case c.v != "":
		b = append(b, `<v>`...)
		b = appendEscaped(b, c.v, true)
		b = append(b, `</v>`...)
	}
	if c.is {
		b = append(b, `<is><t`...)
		if c.isSpace {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		switch {
		case !c.isRaw:
			b = append(b, c.isVal...)
		case strings.Contains(c.isVal, "_x"):
			b = append(b, escapeBSTR(string(appendEscaped(nil, c.isVal, false)))...)
		default:
			b = appendEscaped(b, c.isVal, false)
		}
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
	c.t, c.v, c.is = "", "", false
	c.num, c.x, c.bits = true, x, bits
}

// str sets a string: a formula's cached string, or an inline string.
func (c *cellValue) str(s string, formula bool) {
	if formula {
		c.t, c.is = "str", false
		c.v, c.space = trimValue(s)
		return
	}
	c.inline(s)
}

// inline sets an inline string, to be escaped when written, as
// excelize's trimCellValue escapes it: for XML, line breaks kept as they
// are, then its _xHHHH_ sequences.
func (c *cellValue) inline(s string) {
	c.t, c.v, c.is, c.num = "inlineStr", "", true, false
	s = cutCell(s)
	c.isVal, c.isRaw, c.isSpace = s, true, s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1]))
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
	c.isVal, c.isRaw = s, false
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

// appendFloat appends a number with at most Excel's 15 significant
// digits, as excelize's formatCellFloat writes it.
func appendFloat(b []byte, x float64, bits int) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, x, 'f', -1, bits)
	if math.Abs(x) == math.MaxFloat64 {
		return b
	}
	const maxPrec = 15
	str := b[start:]
	decimal := bytes.IndexByte(str, '.')
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
			return bytes.TrimSuffix(b[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		b = b[:start+decimal]
		for ; idx < decimal; idx++ {
			b[start+idx] = '0'
		}
		return b
	}
	return b
}

// trimValue cuts a string to the 32,767 characters a cell holds, says
// whether its leading or trailing white space must be kept, and escapes
// the _xHHHH_ sequences Excel would read as characters, as excelize's
// trimCellValue does for a formula's string (escaped for XML when
// written).
func trimValue(s string) (string, bool) {
	s = cutCell(s)
	space := s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1]))
	return escapeBSTR(s), space
}

// cutCell cuts s to the 32,767 UTF-16 units a cell holds.
func cutCell(s string) string {
	if len(s) > excelize.TotalCellChars && utf16Len(s) > excelize.TotalCellChars {
		return cutUTF16(s, excelize.TotalCellChars)
	}
	return s
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

// appendEscaped appends s escaped as encoding/xml's EscapeText escapes
// it (line breaks too when newline is set; invalid UTF-8 and characters
// XML does not allow become U+FFFD), without EscapeText's copies.
func appendEscaped(b []byte, s string, newline bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\'' && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		r, width := rune(c), 1
		if c >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			if !newline {
				i += width
				continue
			}
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			i += width
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML allows the character r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
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

// spill compresses the buffered rows on, into memory and, past
// spillAt compressed bytes, into the temporary file.
func (w *rowWriter) spill() error {
	if w.fw == nil {
		fw, err := newPooledFlate(&w.sink)
		if err != nil {
			return err
		}
		w.fw = &fw
	}
	w.crc = crc32.Update(w.crc, crc32.IEEETable, w.buf)
	w.size += int64(len(w.buf))
	_, err := w.fw.Write(w.buf)
	w.buf = w.buf[:0]
	if err == nil {
		err = w.sink.err
	}
	return err
}

// finish compresses the rows still buffered and ends the compressed
// rows with a flush, on a byte boundary and without a final block, so
// that more compressed data may follow them.
func (w *rowWriter) finish() error {
	if w.err != nil || w.done {
		return w.err
	}
	w.done = true
	if w.err = w.spill(); w.err != nil {
		return w.err
	}
	if w.err = w.fw.Flush(); w.err == nil {
		w.err = w.sink.flush()
	}
	return w.err
}

// empty reports whether no row was written.
func (w *rowWriter) empty() bool { return w == nil || w.last == 0 }

// close removes the temporary file, if any, and returns the compressor.
func (w *rowWriter) close() error {
	if w == nil {
		return nil
	}
	if w.fw != nil {
		w.fw.release()
		w.fw = nil
	}
	return w.sink.close()
}

// spillSink holds compressed rows: in memory up to spillAt bytes, in a
// temporary file past that.
type spillSink struct {
	mem  bytes.Buffer
	tmp  *os.File
	bw   *bufio.Writer
	size int64
	err  error
}

func (s *spillSink) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	s.size += int64(len(p))
	if s.tmp == nil && s.mem.Len()+len(p) <= spillAt {
		return s.mem.Write(p)
	}
	if s.tmp == nil {
		f, err := os.CreateTemp("", "pledgewatch-rows-*")
		if err != nil {
			s.err = err
			return 0, err
		}
		s.tmp, s.bw = f, bufio.NewWriterSize(f, 1<<20)
		if _, err := s.bw.Write(s.mem.Bytes()); err != nil {
			s.err = err
			return 0, err
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.bw.Write(p)
	s.err = err
	return n, err
}

// flush writes what is buffered to the temporary file, if any.
func (s *spillSink) flush() error {
	if s.err == nil && s.bw != nil {
		s.err = s.bw.Flush()
	}
	return s.err
}

// reader reads back what was written.
func (s *spillSink) reader() io.Reader {
	if s.tmp == nil {
		return bytes.NewReader(s.mem.Bytes())
	}
	return io.NewSectionReader(s.tmp, 0, s.size)
}

// close removes the temporary file, if any.
func (s *spillSink) close() error {
	if s.tmp == nil {
		return nil
	}
	err := s.tmp.Close()
	if e := os.Remove(s.tmp.Name()); err == nil {
		err = e
	}
	s.tmp = nil
	return err
}

// crc32Combine is the CRC-32 (IEEE) of a‖b from crcA, the checksum of a,
// and crcB, the checksum of b, which is n bytes long, as zlib's
// crc32_combine computes it: crcA is run through n zero bytes by squaring
// the matrix of the CRC's shift over GF(2), and crcB added. The standard
// library's hash/crc32 has no such function.
func crc32Combine(crcA, crcB uint32, n int64) uint32 {
	if n <= 0 {
		return crcA
	}
	var even, odd [32]uint32
	odd[0] = crc32.IEEE // the operator for one zero bit
	row := uint32(1)
	for i := 1; i < 32; i++ {
		odd[i] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	for {
		gf2Square(&even, &odd) // one zero byte, then 4, 16, ...
		if n&1 != 0 {
			crcA = gf2Times(&even, crcA)
		}
		if n >>= 1; n == 0 {
			break
		}
		gf2Square(&odd, &even)
		if n&1 != 0 {
			crcA = gf2Times(&odd, crcA)
		}
		if n >>= 1; n == 0 {
			break
		}
	}
	return crcA ^ crcB
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for i := range mat {
		square[i] = gf2Times(mat, mat[i])
	}
}
