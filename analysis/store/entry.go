package store

import (
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"

	"pledgewatch/analysis"
)

// appendEntry appends e as json.Encoder.Encode writes it (HTML
// characters escaped, a newline after): the same bytes, without
// reflection or an allocation per entry. Encoding the 100,000 entries of
// a 100k-pledge snapshot this way takes a fraction of encoding/json's
// time (see BenchmarkEncodeSnapshot); TestAppendEntry holds it to
// encoding/json. It is used only when entryAppendable says it writes
// what encoding/json would.
func appendEntry(b []byte, e analysis.SnapshotEntry) []byte {
	b = append(b, `{"key":`...)
	b = appendString(b, e.Key)
	b = append(b, `,"label":`...)
	b = appendString(b, e.Label)
	if e.Value != nil {
		b = append(b, `,"value":`...)
		b = appendFloat(b, *e.Value)
	}
	b = append(b, `,"fields":`...)
	if e.Fields == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, f := range e.Fields {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, f)
		}
		b = append(b, ']')
	}
	return append(b, "}\n"...)
}

// entryFields are the fields of analysis.SnapshotEntry, with their json
// tags, that appendEntry writes in this order.
var entryFields = []struct{ name, tag string }{
	{"Key", "key"}, {"Label", "label"}, {"Value", "value,omitempty"}, {"Fields", "fields"},
}

// entryLayout reports whether analysis.SnapshotEntry has the fields
// appendEntry writes, of the types it writes them as, and no others.
var entryLayout = func() bool {
	t := reflect.TypeFor[analysis.SnapshotEntry]()
	types := []reflect.Type{reflect.TypeFor[string](), reflect.TypeFor[string](), reflect.TypeFor[*float64](), reflect.TypeFor[[]string]()}
	if t.NumField() != len(entryFields) {
		return false
	}
	for i, f := range entryFields {
		sf := t.Field(i)
		if sf.Name != f.name || sf.Tag.Get("json") != f.tag || sf.Type != types[i] {
			return false
		}
	}
	return true
}()

// entryAppendable reports whether appendEntry writes e as encoding/json
// would: the entry type is the one it knows, and its value is finite
// (encoding/json refuses other values, with an error worth keeping).
func entryAppendable(e analysis.SnapshotEntry) bool {
	return entryLayout && (e.Value == nil || !math.IsInf(*e.Value, 0) && !math.IsNaN(*e.Value))
}

// appendFloat appends f as encoding/json writes a float64: as
// ECMAScript writes numbers, the exponent unpadded.
func appendFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString appends s quoted as encoding/json quotes a string with
// HTML escaping on: control characters, <, > and & as \u00XX (but \b,
// \f, \n, \r and \t), invalid UTF-8 as \ufffd, U+2028 and U+2029
// escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
