package xlsxscan

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// kindNames name the kinds of cell in test output.
var kindNames = map[Kind]string{Empty: "empty", Text: "text", Number: "number", Bool: "bool",
	ErrorValue: "error", NoValue: "formula", ISODate: "isodate", TextTooLong: "too long"}

// cellLine describes a cell of row n: B2 number "45712" date.
func cellLine(n int, c *Cell) string {
	s := fmt.Sprintf("%s%d %s", columnName(c.Col), n, kindNames[c.Kind])
	if c.Kind != TextTooLong {
		s += fmt.Sprintf(" %q", c.Text())
	}
	switch c.Format {
	case DateFormat:
		s += " date"
	case PercentFormat:
		s += " percent"
	}
	return s
}

// lines is a Sink that keeps every cell as a cellLine.
type lines struct{ got []string }

func (l *lines) Wants(int) bool { return true }

func (l *lines) Row(n int, cells []Cell) bool {
	for i := range cells {
		l.got = append(l.got, cellLine(n, &cells[i]))
	}
	return true
}

// openBook opens a workbook and reads its styles.
func openBook(t testing.TB, data []byte, opt Options) *Workbook {
	t.Helper()
	wb, err := open(t, data, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.LoadStyles(); err != nil {
		t.Fatal(err)
	}
	return wb
}

// scanPart scans a sheet part through wrap, the part read whole first
// (iotest.DataErrReader loses the last bytes of a reader that returns
// them with io.EOF, as zip does).
func scanPart(t *testing.T, wb *Workbook, part string, wrap func(io.Reader) io.Reader, sink Sink) error {
	t.Helper()
	rc, size, err := wb.open(part)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		t.Fatal(err)
	}
	return wb.scanSheet(wrap(bytes.NewReader(data)), size, sink)
}

// wraps are the ways a part may arrive: whole, or cut into pieces.
var wraps = map[string]func(io.Reader) io.Reader{
	"whole":    func(r io.Reader) io.Reader { return r },
	"one byte": iotest.OneByteReader,
	"halves":   iotest.HalfReader,
	"data+err": iotest.DataErrReader,
}

// TestScanCells reads sheets that hold each kind of cell, and sheets
// damaged in each way, however the part is cut into reads: every cell
// is found at its reference, with its kind and format, and every damage
// is an error that says where it is.
func TestScanCells(t *testing.T) {
	sst := []string{"<t>shared</t>", `<r><rPr><b/></rPr><t>Ali</t></r><r><t xml:space="preserve">baba </t></r><rPh sb="0" eb="1"><t>アリ</t></rPh>`,
		"<t>" + strings.Repeat("x", maxCellChars+1) + "</t>", "<t/>", "<t>line_x000D_\nbreak</t>"}
	cases := []struct {
		name  string
		sheet string // inside sheetData, or a whole part
		want  []string
		err   string
	}{{
		name: "values",
		sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t>in &amp; line</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v> 1 </v></c>` +
			`<c r="D1" s="1"><v>45712</v></c><c r="E1" s="2"><v>0.41</v></c><c r="F1" s="4"><v>1.5E-3</v></c><c r="G1" t="b"><v>1</v></c>` +
			`<c r="H1" t="e"><v>#REF!</v></c><c r="I1" t="d"><v>2025-02-24T00:00:00</v></c><c r="J1" t="s"><v>4</v></c></row>`,
		want: []string{`A1 text "in & line"`, `B1 text "shared"`, `C1 text "Alibaba "`, `D1 number "45712" date`, `E1 number "0.41" percent`,
			`F1 number "1.5E-3"`, `G1 bool "1"`, `H1 error "#REF!"`, `I1 isodate "2025-02-24T00:00:00"`, `J1 text "line\r\nbreak"`},
	}, {
		name: "formulas",
		sheet: `<row r="2"><c r="A2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2"><f>TODAY()</f></c>` +
			`<c r="D2" t="str"><f t="shared" si="0"/></c><c r="E2" t="str"><f>""</f><v></v></c><c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
		want: []string{`A2 text "ab"`, `B2 number "2"`, `C2 formula "TODAY()"`, `D2 formula ""`, `F2 error "#DIV/0!"`},
	}, {
		name: "empty and blank cells are left out",
		sheet: `<row r="3"><c r="A3"/><c r="B3"><v> </v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="inlineStr"><is><t></t></is></c>` +
			`<c r="E3" t="inlineStr"><is><t> </t></is></c><c r="F3" t="b"><v></v></c></row><row r="4"/><row r="5"></row>`,
		want: []string{`E3 text " "`},
	}, {
		name:  "cells and rows without references follow the ones before",
		sheet: `<x:row><x:c><x:v>1</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row><x:row><x:c><x:v>5</x:v></x:c></x:row>`,
		want:  []string{`A1 number "1"`, `C1 number "3"`, `D1 number "4"`, `A2 number "5"`},
	}, {
		name: "text written in every way XML allows",
		sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c><c r="B1" t="inlineStr"><is><t>&#x4E2D;&#25991;&quot;&apos;&lt;&gt;</t></is></c>` +
			"<c r=\"C1\" t=\"inlineStr\"><is><t>cr\r\nlf\rx</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>_xD83D__xDE00_ _x005F_x0041_</t></is></c>" +
			`<!-- a comment --><?pi x?><c r='E1' t='inlineStr'><is><r><t>rich</t></r><rPh><t>ignored</t></rPh><r><t> text</t></r></is></c></row>`,
		want: []string{`A1 text "a <b> & c"`, `B1 text "中文\"'<>"`, `C1 text "cr\nlf\nx"`, `D1 text "😀 _x0041_"`, `E1 text "rich text"`},
	}, {
		name:  "text longer than a cell may hold",
		sheet: `<row r="7"><c r="A7" t="inlineStr"><is><t>` + strings.Repeat("中", maxCellChars) + `</t></is></c><c r="B7" t="inlineStr"><is><t>` + strings.Repeat("中", maxCellChars+1) + `</t></is></c><c r="C7" t="s"><v>2</v></c></row>`,
		want:  []string{`A7 text "` + strings.Repeat("中", maxCellChars) + `"`, `B7 too long`, `C7 too long`},
	}, {
		name:  "a shared string that does not exist",
		sheet: `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="s"><v>9</v></c></row>`,
		want:  []string{`A1 number "1"`},
		err:   `malformed XML: cell B2 refers to shared string "9", which does not exist`,
	}, {
		name:  "a cell reference that is not one",
		sheet: `<row r="1"><c r="1A"><v>1</v></c></row>`,
		err:   `malformed XML: cell reference "1A"`,
	}, {
		name:  "a column past Excel's last",
		sheet: `<row r="1"><c r="XFE1"><v>1</v></c></row>`,
		err:   `malformed XML: cell reference "XFE1"`,
	}, {
		name:  "a row number past Excel's last",
		sheet: `<row r="1048577"><c><v>1</v></c></row>`,
		err:   `malformed XML: row number "1048577"`,
	}, {
		name:  "cut inside a cell",
		sheet: `<?xml version="1.0"?><worksheet><sheetData><row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2`,
		err:   "malformed XML: the sheet ends inside a cell",
	}, {
		name:  "cut inside a row",
		sheet: `<?xml version="1.0"?><worksheet><sheetData><row r="3"><c r="A3"><v>1</v></c>`,
		err:   "malformed XML: the sheet ends inside row 3",
	}, {
		name:  "cut after a row",
		sheet: `<?xml version="1.0"?><worksheet><sheetData><row r="3"><c r="A3"><v>1</v></c></row>`,
		want:  []string{`A3 number "1"`},
		err:   "malformed XML: the sheet ends before the end of its data",
	}, {
		name:  "a document type declaration",
		sheet: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>`,
		err:   "malformed XML: document type declarations are not allowed in a workbook",
	}, {
		name:  "a sheet without data",
		sheet: `<?xml version="1.0"?><worksheet><sheetData/></worksheet>`,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb := openBook(t, xlsxtest.Book{SST: sst, Sheets: []xlsxtest.Sheet{{Name: "S", Data: c.sheet}}}.Bytes(t), Options{})
			for wname, wrap := range wraps {
				var l lines
				err := scanPart(t, wb, wb.Sheets()[0].Part, wrap, &l)
				if fmt.Sprint(l.got) != fmt.Sprint(c.want) {
					t.Errorf("%s: cells\n got %q\nwant %q", wname, l.got, c.want)
				}
				if got := fmt.Sprint(err); c.err == "" && err != nil || c.err != "" && got != c.err {
					t.Errorf("%s: error %v, want %q", wname, err, c.err)
				}
				if c.err != "" && !errors.Is(err, errMalformed) {
					t.Errorf("%s: error %v does not wrap errMalformed", wname, err)
				}
			}
		})
	}
}

// picky is a Sink that wants some columns and stops after some rows.
type picky struct {
	lines
	cols    map[int]bool
	rowsMax int
	rows    int
}

func (p *picky) Wants(col int) bool { return p.cols[col] }

func (p *picky) Row(n int, cells []Cell) bool {
	p.rows++
	p.lines.Row(n, cells)
	return p.rows < p.rowsMax
}

// TestWantsAndStop checks that the cells of unwanted columns are not
// decoded (a damaged one there does not matter) and that a sink stops
// the scan without an error.
func TestWantsAndStop(t *testing.T) {
	sheet := `<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>999</v></c><c r="C1"><v>3</v></c></row>` +
		`<row r="2"><c r="A2"><v>4</v></c><c r="C2"><v>6</v></c></row><row r="3"><c r="A3"><v>7</v></c></row><row r="4"><c r="A4"><v>`
	wb := openBook(t, xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "S", Data: sheet}}}.Bytes(t), Options{})
	p := &picky{cols: map[int]bool{1: true, 3: true}, rowsMax: 2}
	if err := wb.ReadSheet(wb.Sheets()[0].Part, p); err != nil {
		t.Fatal(err)
	}
	want := []string{`A1 number "1"`, `C1 number "3"`, `A2 number "4"`, `C2 number "6"`}
	if fmt.Sprint(p.got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", p.got, want)
	}
}

// merges is a Sink that keeps the merged ranges it is given.
type merges struct {
	lines
	ranges []string
	calls  int
}

func (m *merges) SetMerges(rs []Range) {
	m.calls++
	for _, r := range rs {
		m.ranges = append(m.ranges, r.String())
	}
}

// TestMerges checks that a MergeSink gets the merged ranges after the
// rows, in order and with their corners put in order, and that a bad
// range is an error.
func TestMerges(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>1</v></c></row>`
	part := func(merged string) string {
		return `<?xml version="1.0"?><worksheet><sheetData>` + rows + `</sheetData>` + merged + `<pageMargins left="0.7"/></worksheet>`
	}
	for _, c := range []struct {
		name, merged string
		want         []string
		calls        int
		err          string
	}{
		{"ranges", `<mergeCells count="3"><mergeCell ref="F2:F3"/><mergeCell ref="H5:G4"/><mergeCell ref="AA10"/></mergeCells>`,
			[]string{"F2:F3", "G4:H5", "AA10:AA10"}, 1, ""},
		{"none", ``, nil, 0, ""},
		{"a bad range", `<mergeCells><mergeCell ref="F2:F"/></mergeCells>`, nil, 0, `malformed XML: merged range "F2:F"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			wb := openBook(t, xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "S", Data: part(c.merged)}}}.Bytes(t), Options{})
			var m merges
			err := wb.ReadSheet(wb.Sheets()[0].Part, &m)
			if fmt.Sprint(m.ranges) != fmt.Sprint(c.want) || m.calls != c.calls || fmt.Sprint(err) != cmp.Or(c.err, "<nil>") {
				t.Errorf("ranges %q in %d calls, error %v; want %q in %d, error %q", m.ranges, m.calls, err, c.want, c.calls, c.err)
			}
		})
	}
}

// progress is a Sink that checks the progress it is told at each row.
type progress struct {
	lines
	t      *testing.T
	f      func() (int64, int64)
	last   int64
	checks int
}

func (p *progress) SetProgress(f func() (int64, int64)) { p.f = f }

func (p *progress) Row(n int, cells []Cell) bool {
	done, total := p.f()
	if done < p.last || done > total || total <= 0 {
		p.t.Errorf("row %d: progress %d of %d after %d", n, done, total, p.last)
	}
	p.last = done
	p.checks++
	return p.lines.Row(n, cells)
}

// TestProgress checks that a ProgressSink is told how far the scan has
// got, in bytes that only grow and stay within the part.
func TestProgress(t *testing.T) {
	var b strings.Builder
	for r := 1; r <= 500; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c><v>%d</v></c></row>`, r, r)
	}
	wb := openBook(t, xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "S", Data: b.String()}}}.Bytes(t), Options{})
	p := &progress{t: t}
	if err := wb.ReadSheet(wb.Sheets()[0].Part, p); err != nil {
		t.Fatal(err)
	}
	if p.checks != 500 || p.last < int64(b.Len()) {
		t.Errorf("%d rows, last progress %d; want 500 rows, at least %d bytes", p.checks, p.last, b.Len())
	}
}

// splitter is a SplitSink that lets the rows come from another goroutine
// from row 3 on, wanting the columns its Row has seen a value in (a rule
// that changes with the rows, as a real sink's may), and stopping after
// stopAt rows when that is set.
type splitter struct {
	lines
	seen   map[int]bool
	rows   int
	stopAt int
	splits int
}

func (s *splitter) Wants(col int) bool { return col <= 2 || s.seen[col-1] }

func (s *splitter) Row(n int, cells []Cell) bool {
	s.rows++
	for _, c := range cells {
		s.seen[c.Col] = true
	}
	s.lines.Row(n, cells)
	return s.stopAt == 0 || s.rows < s.stopAt
}

func (s *splitter) Split() (Filter, bool) {
	if s.rows < 3 {
		return nil, false
	}
	s.splits++
	f := &seenFilter{seen: map[int]bool{}}
	for c := range s.seen {
		f.seen[c] = true
	}
	return f, true
}

// seenFilter follows splitter's rule on the scanning goroutine.
type seenFilter struct{ seen map[int]bool }

func (f *seenFilter) Wants(col int) bool { return col <= 2 || f.seen[col-1] }

func (f *seenFilter) Saw(cells []Cell) {
	for _, c := range cells {
		f.seen[c.Col] = true
	}
}

// TestSplit scans the same sheets with the rows handed over on one
// goroutine and from another: the rows, the stop and the error at the
// end must be the same.
func TestSplit(t *testing.T) {
	var b strings.Builder
	for r := 1; r <= 5000; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>row %d &amp; more</t></is></c><c r="B%d"><v>%d</v></c>`, r, r, r, r, r)
		if r%7 == 0 {
			// A column wanted only once the one before it has a value.
			fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>x</t></is></c>`, columnName(3+r%5), r)
		}
		b.WriteString(`</row>`)
	}
	whole := b.String()
	cut := whole[:len(whole)*2/3]
	for _, c := range []struct {
		name   string
		sheet  string
		stopAt int
	}{
		{"whole", whole, 0},
		{"stopped", whole, 4000},
		{"cut short", `<?xml version="1.0"?><worksheet><sheetData>` + cut, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "S", Data: c.sheet}}}.Bytes(t)
			var got [2][]string
			var errs [2]string
			for i, from := range []int64{1 << 62, 1} {
				wb := openBook(t, data, Options{SplitFrom: from})
				s := &splitter{seen: map[int]bool{}, stopAt: c.stopAt}
				errs[i] = fmt.Sprint(wb.ReadSheet(wb.Sheets()[0].Part, s))
				got[i] = s.got
				if want := min(i, 1); s.splits != want {
					t.Errorf("split from %d: %d splits, want %d", from, s.splits, want)
				}
			}
			if len(got[0]) < 1000 {
				t.Fatalf("%d cells read in one goroutine; the sheet should give more", len(got[0]))
			}
			if strings.Join(got[0], "\n") != strings.Join(got[1], "\n") || errs[0] != errs[1] {
				t.Errorf("one goroutine: %d cells, error %s; two: %d cells, error %s", len(got[0]), errs[0], len(got[1]), errs[1])
			}
			t.Logf("%d cells, last %s, error %s", len(got[0]), got[0][len(got[0])-1], errs[0])
		})
	}
}

// TestCellReferences checks that column letters and numbers convert both
// ways, up to Excel's last column.
func TestCellReferences(t *testing.T) {
	for ref, want := range map[string]int{"A1": 1, "Z9": 26, "AA10": 27, "az3": 52, "XFD1048576": 16384, "XFE1": 0, "A": 0, "1": 0, "A1B": 0, "": 0} {
		if got := columnOf([]byte(ref)); got != want {
			t.Errorf("columnOf(%q) = %d, want %d", ref, got, want)
		}
	}
	for ref, want := range map[string]int{"A1": 1, "XFD1048576": 1048576, "A1048577": 0, "A0": 0, "A": 0, "A1B": 0} {
		if got := rowOf([]byte(ref)); got != want {
			t.Errorf("rowOf(%q) = %d, want %d", ref, got, want)
		}
	}
	for n := 1; n <= MaxColumns; n++ {
		if l := columnName(n); columnOf([]byte(l+"1")) != n {
			t.Fatalf("columnName(%d) = %q", n, l)
		}
	}
	if got := (Range{Top: 2, Left: 28, Bottom: 10, Right: MaxColumns}).String(); got != "AB2:XFD10" {
		t.Errorf("Range.String() = %q", got)
	}
}
