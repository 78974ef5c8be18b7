package xlsxscan

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// checked is a Sink that checks each cell it gets against what a cell
// may be, and keeps it as a cellLine.
type checked struct {
	lines
	t *testing.T
}

func (c *checked) Row(n int, cells []Cell) bool {
	if n < 1 || n > MaxRows || len(cells) == 0 {
		c.t.Fatalf("row %d with %d cells", n, len(cells))
	}
	for i := range cells {
		cell := &cells[i]
		bad := cell.Col < 1 || cell.Col > MaxColumns || cell.Kind == Empty || cell.Kind > TextTooLong ||
			cell.Format != PlainFormat && cell.Kind != Number ||
			cell.Kind == Text && (cell.Text() == "" || TooLong(cell.Text())) ||
			cell.Kind == TextTooLong && cell.Text() != "" ||
			cell.Kind == Number && len(TrimSpace(cell.Bytes)) == 0
		if bad {
			c.t.Fatalf("row %d: a cell that cannot be: %+v", n, *cell)
		}
	}
	return c.lines.Row(n, cells)
}

// FuzzSheetXML scans fuzzed XML in the place of a worksheet (the rows
// inside sheetData, or a whole part starting with <?xml): the scan must
// give cells that can be, and the same cells and error however the input
// is cut into reads.
func FuzzSheetXML(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="inlineStr"><is><t>currency</t></is></c><c r="B1" s="2"><v>0.9</v></c><c r="C1" s="1"><v>45000</v></c></row>`)
	f.Add(`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>3</v></c></row><row><c t="e"><v>#REF!</v></c><c><f>1</f></c><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row>`)
	f.Add(`<x:row r="1"><x:c r="A1" t="str"><x:f>A</x:f><x:v>currency &amp; <![CDATA[x]]></x:v></x:c></x:row><!-- c -->`)
	f.Add(`<?xml version="1.0"?><worksheet><sheetData><row r="2"><c r="B2" t="d"><v>2025-02-24</v></c></row></sheetData><mergeCells><mergeCell ref="B2:C3"/></mergeCells></worksheet>`)
	data := xlsxtest.Book{SST: []string{"<t>currency</t>", "<t>per_usd</t>", "<t/>", "<t>" + strings.Repeat("x", maxCellChars+1) + "</t>"},
		Sheets: []xlsxtest.Sheet{{Name: "S", Data: ""}}}.Bytes(f)
	wb, err := open(f, data, Options{})
	if err != nil {
		f.Fatal(err)
	}
	if err := wb.LoadStyles(); err != nil {
		f.Fatal(err)
	}
	if err := wb.loadSharedStrings(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, sheet string) {
		if !strings.HasPrefix(sheet, "<?xml") {
			sheet = "<worksheet><sheetData>" + sheet + "</sheetData></worksheet>"
		}
		var got [2]string
		for i, wrap := range []func(io.Reader) io.Reader{wraps["whole"], iotest.OneByteReader} {
			c := &checked{t: t}
			err := wb.scanSheet(wrap(strings.NewReader(sheet)), int64(len(sheet)), c)
			got[i] = fmt.Sprintf("%q, error %v", c.got, err)
		}
		if got[0] != got[1] {
			t.Fatalf("one byte at a time:\n%s\nwhole:\n%s", got[1], got[0])
		}
	})
}

// FuzzSharedStrings reads a fuzzed shared strings part: each string must
// fit in a cell, and the strings must be the same however the input is
// cut into reads.
func FuzzSharedStrings(f *testing.F) {
	f.Add(`<sst count="2" uniqueCount="2"><si><t>a &amp; b</t></si><si><r><t>Ali</t></r><r><t>baba</t></r><rPh><t>アリ</t></rPh></si><si/></sst>`)
	f.Add(`<?xml version="1.0"?><x:sst uniqueCount="99999999"><x:si><x:t><![CDATA[<c>]]>_x000D_</x:t></x:si></x:sst>`)
	f.Fuzz(func(t *testing.T, part string) {
		var got [2]string
		for i, wrap := range []func(io.Reader) io.Reader{wraps["whole"], iotest.OneByteReader} {
			sst, long, err := readSharedStrings(wrap(strings.NewReader(part)), int64(len(part)))
			for j, s := range sst {
				if TooLong(s) || long[j] && s != "" {
					t.Fatalf("string %d of %d bytes, long %v", j, len(s), long[j])
				}
			}
			got[i] = fmt.Sprintf("%q %v, error %v", sst, long, err)
		}
		if got[0] != got[1] {
			t.Fatalf("one byte at a time:\n%s\nwhole:\n%s", got[1], got[0])
		}
	})
}
