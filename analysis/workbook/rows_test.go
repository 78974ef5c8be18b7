package workbook

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// streamRows writes rows through excelize's StreamWriter and returns the
// XML between <sheetData> and </sheetData> of the saved sheet.
func streamRows(t *testing.T, rows []testRow) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(r.col, r.row)
		if r.height > 0 {
			err = sw.SetRow(cell, r.cells, excelize.RowOpts{Height: r.height})
		} else {
			err = sw.SetRow(cell, r.cells)
		}
		if err != nil {
			t.Fatalf("StreamWriter: %v", err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	s, ok := parts["xl/worksheets/sheet1.xml"]
	if !ok {
		t.Fatal("no sheet1.xml")
	}
	i, j := strings.Index(s, "<sheetData>"), strings.Index(s, "</sheetData>")
	if i < 0 || j < i {
		t.Fatalf("no sheetData in %q", s)
	}
	return s[i+len("<sheetData>") : j]
}

type testRow struct {
	row, col int
	height   float64
	cells    []any
}

// encodeRows writes rows through rowWriter and returns them as written.
func encodeRows(t *testing.T, rows []testRow) string {
	t.Helper()
	var w rowWriter
	defer w.close()
	for _, r := range rows {
		if err := w.row(r.row, r.col, r.cells, r.height); err != nil {
			t.Fatalf("rowWriter: %v", err)
		}
	}
	return rowsXML(t, &w)
}

// rowsXML finishes w and returns its rows uncompressed, checked against
// the checksum and size it gives for them.
func rowsXML(t testing.TB, w *rowWriter) string {
	t.Helper()
	if w.empty() {
		return ""
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	// The compressed rows end on a flush, without a final block: an empty
	// final block (fixed Huffman codes, the end-of-block code) ends them.
	z := io.MultiReader(w.sink.reader(), bytes.NewReader([]byte{0x03, 0x00}))
	data, err := io.ReadAll(flate.NewReader(z))
	if err != nil {
		t.Fatalf("the compressed rows do not read back: %v", err)
	}
	if int64(len(data)) != w.size || crc32.ChecksumIEEE(data) != w.crc {
		t.Fatalf("rows of %d bytes (checksum %08x) read back as %d bytes (%08x)", w.size, w.crc, len(data), crc32.ChecksumIEEE(data))
	}
	return string(data)
}

// randomText is a string made of pieces that XML, Excel's _xHHHH_
// escapes and the cell's white-space rule each treat apart.
func randomText(rnd *rand.Rand) string {
	pieces := []string{"a", "Alibaba", " ", "  ", "\t", "\n", "\r", "<", ">", "&", `"`, "'", "_x0041_", "_x005F_", "_x005F_x0041_",
		"_x12", "_xZZZZ_", "x0041_", "億", "人民币", "港元", "—", "😀", "\x01", "\x7f", "\xff", "\xe4\xbd", "\uFFFE", "\uFFFD",
		"=1+1", "%", "0", "12.5", "-", "HK$", "\u00a0"}
	var b strings.Builder
	n := rnd.IntN(8)
	for i := 0; i < n; i++ {
		b.WriteString(pieces[rnd.IntN(len(pieces))])
	}
	return b.String()
}

func randomFloat(rnd *rand.Rand) float64 {
	switch rnd.IntN(9) {
	case 0:
		return 0
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return float64(rnd.IntN(1000000)) / 100
	case 3:
		return rnd.NormFloat64() * math.Pow(10, float64(rnd.IntN(40)-20))
	case 4:
		return 0.1 + 0.2
	case 5:
		return 1 / 3.0 * math.Pow(10, float64(rnd.IntN(30)))
	case 6:
		return math.MaxFloat64 * float64(1-2*rnd.IntN(2))
	case 7:
		return 123456789012345678
	}
	return rnd.Float64() * 1e9
}

func randomValue(rnd *rand.Rand) any {
	loc := time.FixedZone("HKT", 8*3600)
	switch rnd.IntN(12) {
	case 0, 1, 2:
		return randomText(rnd)
	case 3, 4:
		return randomFloat(rnd)
	case 5:
		return rnd.IntN(2000000) - 1000000
	case 6:
		return time.Date(1890+rnd.IntN(200), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC)
	case 7:
		return time.Date(1899+rnd.IntN(3), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), rnd.IntN(24), rnd.IntN(60), 0, 0, loc)
	case 8:
		return rnd.IntN(2) == 0
	case 9:
		return int64(rnd.Uint64())
	case 10:
		return uint8(rnd.IntN(256))
	}
	return float32(rnd.Float64() * 1000)
}

// TestRowWriterMatchesStreamWriter holds rowWriter to excelize's
// StreamWriter: the same rows give the same sheet XML, byte for byte,
// on random cells of every kind the workbook writes and many it does not.
func TestRowWriterMatchesStreamWriter(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 11))
	for round := 0; round < 60; round++ {
		var rows []testRow
		row := 0
		for i := 0; i < 20; i++ {
			row += 1 + rnd.IntN(3)
			r := testRow{row: row, col: 1 + rnd.IntN(30)}
			if rnd.IntN(4) == 0 {
				r.height = float64(1+rnd.IntN(400)) + float64(rnd.IntN(4))/4
			}
			for j := rnd.IntN(12); j > 0; j-- {
				v := randomValue(rnd)
				style := rnd.IntN(40)
				switch rnd.IntN(6) {
				case 0:
					r.cells = append(r.cells, nil)
				case 1:
					if _, isTime := v.(time.Time); isTime {
						v = randomText(rnd)
					}
					r.cells = append(r.cells, v)
				case 2:
					r.cells = append(r.cells, &excelize.Cell{StyleID: style + 1, Formula: "HYPERLINK(" + randomText(rnd) + ")", Value: v})
				case 3:
					r.cells = append(r.cells, excelize.Cell{StyleID: style + 1, Value: v})
				default:
					r.cells = append(r.cells, &excelize.Cell{StyleID: style + 1, Value: v})
				}
			}
			rows = append(rows, r)
		}
		want, got := streamRows(t, rows), encodeRows(t, rows)
		if got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			lo := max(i-200, 0)
			t.Fatalf("round %d: rows differ at byte %d:\nrowWriter:     %q\nStreamWriter: %q", round, i, got[lo:min(i+200, len(got))], want[lo:min(i+200, len(want))])
		}
	}
}

// TestRowWriterLongText holds the two writers to each other on texts past
// a cell's 32,767 characters, cut in the middle of characters that take
// two UTF-16 units.
func TestRowWriterLongText(t *testing.T) {
	long := strings.Repeat("億😀_x0041_ &", 5000)
	rows := []testRow{{row: 1, col: 1, cells: []any{long, excelize.Cell{StyleID: 2, Formula: "A1", Value: long}, " " + long}}}
	if got, want := encodeRows(t, rows), streamRows(t, rows); got != want {
		t.Fatalf("long texts differ: %d bytes against %d", len(got), len(want))
	}
}

// TestRowWriterSpills holds rows whose compressed data passes spillAt,
// and so moves to a temporary file, to the same bytes, in order, and
// removes the file when closed.
func TestRowWriterSpills(t *testing.T) {
	var w rowWriter
	var want strings.Builder
	rnd := rand.New(rand.NewPCG(1, 2))
	text := make([]byte, 3000)
	for r := 1; w.sink.tmp == nil && r < 100000; r++ {
		for i := range text {
			text[i] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[rnd.IntN(62)]
		}
		if err := w.row(r, 1, []any{string(text), r}, 0); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&want, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>%d</v></c></row>`, r, r, text, r, r)
	}
	if w.sink.tmp == nil {
		t.Fatal("rows past spillAt stayed in memory")
	}
	name := w.sink.tmp.Name()
	if got := rowsXML(t, &w); got != want.String() {
		t.Fatal("spilled rows differ from the rows written")
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); err == nil {
		t.Fatalf("%s left behind", name)
	}
}

// TestCRC32Combine holds the combined checksum of two pieces to the
// checksum of the two joined, for pieces of many lengths.
func TestCRC32Combine(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 7, 8, 255, 256, 1000, 4096, 65537, 1 << 20} {
		a, b := make([]byte, rnd.IntN(5000)), make([]byte, n)
		for i := range a {
			a[i] = byte(rnd.Uint32())
		}
		for i := range b {
			b[i] = byte(rnd.Uint32())
		}
		want := crc32.ChecksumIEEE(append(slices.Clone(a), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(n)); got != want {
			t.Errorf("%d+%d bytes: combined %08x, want %08x", len(a), n, got, want)
		}
	}
}

// TestRowWriterRefuses gives the StreamWriter's errors for rows out of
// order and rows too tall, and refuses a date without a style.
func TestRowWriterRefuses(t *testing.T) {
	var w rowWriter
	if err := w.row(3, 1, []any{1}, 0); err != nil {
		t.Fatal(err)
	}
	if err := w.row(3, 1, []any{1}, 0); err == nil {
		t.Error("a row written twice was taken")
	}
	var w2 rowWriter
	if err := w2.row(1, 1, []any{1}, 410); err == nil {
		t.Error("a row taller than Excel's 409 points was taken")
	}
	var w3 rowWriter
	if err := w3.row(1, 1, []any{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, 0); err == nil {
		t.Error("a date without a style was taken")
	}
}

// benchCells is a row shaped like a Pledges row: texts, numbers, a date
// and a link formula.
func benchCells() []any {
	return []any{
		&excelize.Cell{StyleID: 3, Value: "hk-2025-0042"},
		&excelize.Cell{StyleID: 5, Value: 45678.0},
		&excelize.Cell{StyleID: 3, Value: "Alibaba Group"},
		&excelize.Cell{StyleID: 3, Value: "Cloud and AI infrastructure — three-year plan"},
		&excelize.Cell{StyleID: 7, Value: "RMB 380 billion (at least)"},
		&excelize.Cell{StyleID: 9, Value: 53_200_000_000.5},
		&excelize.Cell{StyleID: 4, Value: "yes"},
		&excelize.Cell{StyleID: 11, Formula: `HYPERLINK("https://example.com/news/42","Reuters")`, Value: "Reuters"},
		&excelize.Cell{StyleID: 12, Value: 7.1843},
		&excelize.Cell{StyleID: 5, Value: time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)},
		&excelize.Cell{StyleID: 3, Value: "AI infrastructure; cloud computing"},
		&excelize.Cell{StyleID: 3, Value: "pledges.xlsx: sheet \"Pledges\", row 42"},
	}
}

// BenchmarkRowsStreamWriter and BenchmarkRowsRowWriter write the same
// 10,000 Pledges-like rows through excelize's StreamWriter and through
// rowWriter (which compresses them too).
func BenchmarkRowsStreamWriter(b *testing.B) {
	cells := benchCells()
	b.ReportAllocs()
	for b.Loop() {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		for r := 1; r <= 10000; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, cells); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

func BenchmarkRowsRowWriter(b *testing.B) {
	cells := benchCells()
	b.ReportAllocs()
	for b.Loop() {
		var w rowWriter
		for r := 1; r <= 10000; r++ {
			if err := w.row(r, 1, cells, 0); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.finish(); err != nil {
			b.Fatal(err)
		}
		w.close()
	}
}

// TestAppendEscaped holds appendEscaped to encoding/xml's EscapeText on
// random strings, with line breaks escaped and, as trimCellValue leaves
// them, not.
func TestAppendEscaped(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		s := randomText(rnd)
		if i%3 == 0 {
			b := make([]byte, rnd.IntN(12))
			for j := range b {
				b[j] = byte(rnd.Uint32())
			}
			s += string(b)
		}
		var want strings.Builder
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := string(appendEscaped(nil, s, true)); got != want.String() {
			t.Fatalf("%q: %q, EscapeText gives %q", s, got, want.String())
		}
		if got, want := string(appendEscaped([]byte("x"), s, false)), "x"+strings.ReplaceAll(want.String(), "&#xA;", "\n"); got != want {
			t.Fatalf("%q without line breaks escaped: %q, want %q", s, got, want)
		}
	}
}
