package xlsxscan

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// MaxColumns and MaxRows are the sheet limits of Excel.
const (
	MaxColumns = 16384
	MaxRows    = 1048576
)

// Kind says what a cell holds.
type Kind uint8

// The kinds of cell.
const (
	Empty       Kind = iota // nothing (ReadSheet leaves such cells out)
	Text                    // typed text or the text result of a formula
	Number                  // a number, its digits as stored in Bytes; see Format
	Bool                    // TRUE or FALSE, stored as 1 or 0
	ErrorValue              // a spreadsheet error value such as #REF!
	NoValue                 // a formula without a saved value; Bytes holds the formula
	ISODate                 // t="d": a date stored as ISO 8601 text
	TextTooLong             // text longer than a cell may hold (see TooLong); the text is not kept
)

// Format is what the number format of a Number cell says about it.
type Format uint8

// The formats that change what a number means.
const (
	PlainFormat   Format = iota // any other format: the number is as stored
	DateFormat                  // a date or time format: the number is a date serial
	PercentFormat               // a percentage format: 0.41 shows as 41%
)

// Cell is one value of a row. Its text is in Bytes when it came from the
// sheet, valid only until the row is handed on (so that only what is kept
// is copied), and in Str otherwise (a shared string, or a cell made by
// another reader).
type Cell struct {
	Col    int    // one-based column number
	Kind   Kind   // what the cell holds
	Format Format // of a Number: what its number format says
	Str    string // the text, when it is not in Bytes
	Bytes  []byte // the text as it came from the sheet, entities decoded
}

// Text returns the cell's text as stored, not trimmed: for a number the
// stored digits (45712, 5.3E-2).
func (c *Cell) Text() string {
	if c.Bytes != nil {
		return string(c.Bytes)
	}
	return c.Str
}

// IsBlank reports whether the cell holds nothing but white space (see
// IsSpace).
func (c *Cell) IsBlank() bool {
	switch c.Kind {
	case Empty:
		return true
	case Text:
		if c.Bytes != nil {
			return len(TrimSpace(c.Bytes)) == 0
		}
		for _, r := range c.Str {
			if !IsSpace(r) {
				return false
			}
		}
		return true
	}
	return false
}

// maxCellChars is Excel's limit on the text of a cell, in UTF-16 code
// units (what Excel counts as characters).
const maxCellChars = 32767

// maxCellBytes bounds the bytes a cell's text may take while it is read:
// no text of maxCellChars characters is longer, even written as _xHHHH_
// escapes of seven bytes each. Past it, the text is dropped at once.
const maxCellBytes = 7 * maxCellChars

// TooLong reports whether text is longer than Excel allows in a cell:
// 32,767 characters, counted as UTF-16 code units. It costs one
// comparison for text of up to 32,767 bytes.
func TooLong[T string | []byte](text T) bool {
	if len(text) <= maxCellChars {
		return false
	}
	n := 0
	for _, r := range string(text) { // no copy: the compiler ranges over the bytes
		n++
		if r > 0xFFFF {
			n++ // a surrogate pair
		}
		if n > maxCellChars {
			return true
		}
	}
	return false
}

// IsSpace reports whether r is trimmed from the ends of cell text:
// Unicode white space (including the no-break space pasted from web
// pages), zero-width spaces and a stray byte-order mark.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// TrimSpace returns b without what IsSpace names at either end.
func TrimSpace(b []byte) []byte {
	// Fast path: nothing to trim.
	if len(b) == 0 || (b[0] > ' ' && b[0] < utf8.RuneSelf && b[len(b)-1] > ' ' && b[len(b)-1] < utf8.RuneSelf) {
		return b
	}
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if !IsSpace(r) {
			break
		}
		b = b[n:]
	}
	for len(b) > 0 {
		r, n := utf8.DecodeLastRune(b)
		if !IsSpace(r) {
			break
		}
		b = b[:len(b)-n]
	}
	return b
}

// Range is a range of merged cells, rows Top to Bottom and columns Left
// to Right, one-based; the value of the range is in its top-left cell.
type Range struct{ Top, Left, Bottom, Right int }

// String returns the range as a reference such as H2:H3.
func (m Range) String() string {
	return columnName(m.Left) + strconv.Itoa(m.Top) + ":" + columnName(m.Right) + strconv.Itoa(m.Bottom)
}

// columnName returns the letters of a one-based column number.
func columnName(n int) string {
	if n <= 26 && n > 0 {
		return letters[n-1 : n]
	}
	var b [4]byte
	i := len(b)
	for n > 0 && i > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// columnOf returns the column number of a cell reference ("AB12" is 28),
// or 0 when it is not one.
func columnOf(ref []byte) int {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n = n*26 + int(c-'A') + 1
		case c >= 'a' && c <= 'z':
			n = n*26 + int(c-'a') + 1
		default:
			goto digits
		}
		if n > MaxColumns {
			return 0
		}
	}
digits:
	if i == 0 || i == len(ref) {
		return 0
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0
		}
	}
	return n
}

// rowOf returns the row number of a cell reference ("AB12" is 12), or 0.
func rowOf(ref []byte) int {
	i := 0
	for i < len(ref) && (ref[i] < '0' || ref[i] > '9') {
		i++
	}
	n, err := strconv.Atoi(string(ref[i:]))
	if err != nil || n < 1 || n > MaxRows {
		return 0
	}
	return n
}
