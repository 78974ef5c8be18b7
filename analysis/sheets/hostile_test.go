package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxscan"
	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// hostileBook writes a Pledges sheet whose note (F2), or whose shared
// string, is text of size bytes split by XML comments every 4 KiB, so
// that no one token comes near the tokenizer's cap. The sheet is
// written to the zip piece by piece: the test never holds the text.
func hostileBook(t *testing.T, size int, shared bool) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	write := func(name string, pieces func(w io.Writer)) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		pieces(w)
	}
	huge := func(w io.Writer) {
		chunk := []byte(strings.Repeat("A", 4096) + "<!---->")
		for n := 0; n < size; n += 4096 {
			w.Write(chunk)
		}
	}
	base := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Pledges"}}}
	if shared {
		base.SST = []string{"<t>HUGE</t>"}
	}
	parts := zipPartsMap(t, base.Bytes(t))
	for name, data := range parts {
		switch name {
		case "xl/worksheets/sheet1.xml":
			write(name, func(w io.Writer) {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
				io.WriteString(w, headerRow(1, "announced", "investor", "program", "amount", "currency", "note"))
				io.WriteString(w, `<row r="2">`+is("A2", "2025-02-24")+is("B2", "Alibaba")+is("C2", "Cloud")+num("D2", "380", 0)+is("E2", "CNY"))
				if shared {
					io.WriteString(w, `<c r="F2" t="s"><v>0</v></c>`)
				} else {
					io.WriteString(w, `<c r="F2" t="inlineStr"><is><t>`)
					huge(w)
					io.WriteString(w, `</t></is></c>`)
				}
				io.WriteString(w, `</row>`+row(3, is("A3", "2025-02-25"), is("B3", "Tencent"), is("C3", "AI"), num("D3", "5", 0), is("E3", "USD")))
				io.WriteString(w, `</sheetData></worksheet>`)
			})
		case "xl/sharedStrings.xml":
			write(name, func(w io.Writer) {
				io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`)
				huge(w)
				io.WriteString(w, `</t></si></sst>`)
			})
		default:
			write(name, func(w io.Writer) { w.Write(data) })
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipPartsMap reads the parts of a zip.
func zipPartsMap(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return parts
}

// TestHugeCellBoundedMemory reads a cell of 64 MiB split by comments,
// inline and shared: it is refused at its cell while it is read, the
// memory allocated stays far below its size, and the other row is read.
func TestHugeCellBoundedMemory(t *testing.T) {
	const size = 64 << 20
	for _, shared := range []bool{false, true} {
		t.Run(fmt.Sprintf("shared=%v", shared), func(t *testing.T) {
			data := hostileBook(t, size, shared)
			var rd Reader
			alloc := allocated(func() {
				if err := rd.ReadXLSX(bytes.NewReader(data), "huge.xlsx"); err != nil {
					t.Fatal(err)
				}
			})
			want := []string{`error: huge.xlsx: sheet "Pledges", cell F2 (note): the cell text exceeds Excel's limit of 32,767 characters; shorten it (keep a long text in a document and link to it)`}
			compare(t, "problem", problemLines(&rd.Problems), want)
			if p := rd.Problems.List(); len(p) == 1 && !errors.Is(p[0], analysis.ErrTooLarge) {
				t.Errorf("problem kind %v, want ErrTooLarge", p[0].Kind())
			}
			if len(rd.Inputs.Pledges) != 1 || rd.Inputs.Pledges[0].Investor != "Tencent" {
				t.Errorf("pledges = %v, want Tencent's alone", rd.Inputs.Pledges)
			}
			t.Logf("allocated %d KiB", alloc>>10)
			if alloc > size/8 {
				t.Errorf("reading a %d MiB cell allocated %d MiB; the text must not be kept", size>>20, alloc>>20)
			}
		})
	}
}

// TestCellLengthLimit checks the limit in Excel's characters (UTF-16
// code units), for inline text, shared strings and CSV fields.
func TestCellLengthLimit(t *testing.T) {
	tests := []struct {
		name string
		note string
		long bool
	}{
		{"32767 ASCII", strings.Repeat("a", 32767), false},
		{"32768 ASCII", strings.Repeat("a", 32768), true},
		{"32767 CJK (three bytes each)", strings.Repeat("中", 32767), false},
		{"32768 CJK", strings.Repeat("中", 32768), true},
		{"16383 emoji (two code units each)", strings.Repeat("😀", 16383) + "a", false},
		{"16384 emoji", strings.Repeat("😀", 16384), true},
		{"escapes", strings.Repeat("_x000D_", 32768), true},
	}
	header := []string{"announced", "investor", "program", "amount", "currency", "note"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inline := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Pledges", Data: headerRow(1, header...) +
				row(2, is("A2", "2025-02-24"), is("B2", "X"), is("C2", "P"), num("D2", "5", 0), is("E2", "USD"), is("F2", tt.note))}}}
			shared := xlsxtest.Book{SST: []string{"<t>" + tt.note + "</t>"}, Sheets: []xlsxtest.Sheet{{Name: "Pledges", Data: headerRow(1, header...) +
				row(2, is("A2", "2025-02-24"), is("B2", "X"), is("C2", "P"), num("D2", "5", 0), is("E2", "USD"), `<c r="F2" t="s"><v>0</v></c>`)}}}
			csvText := strings.Join(header, ",") + "\n2025-02-24,X,P,5,USD," + tt.note + "\n"
			for _, in := range []struct {
				name string
				read func(rd *Reader) error
			}{
				{"inline", func(rd *Reader) error { return rd.ReadXLSX(bytes.NewReader(inline.Bytes(t)), "p.xlsx") }},
				{"shared", func(rd *Reader) error { return rd.ReadXLSX(bytes.NewReader(shared.Bytes(t)), "p.xlsx") }},
				{"csv", func(rd *Reader) error { return rd.ReadCSV(strings.NewReader(csvText), "pledges.csv") }},
			} {
				var rd Reader
				if err := in.read(&rd); err != nil {
					t.Fatal(err)
				}
				errs := rd.Problems.Errors()
				switch {
				case tt.long && (len(errs) != 1 || errs[0].Cell != "F2" || !strings.Contains(errs[0].Error(), "exceeds Excel's limit")):
					t.Errorf("%s: problems %v; want the cell F2 refused", in.name, problemLines(&rd.Problems))
				case !tt.long && (len(errs) != 0 || len(rd.Inputs.Pledges) != 1 || rd.Inputs.Pledges[0].Note == ""):
					t.Errorf("%s: problems %v, %d pledges; want the note read", in.name, problemLines(&rd.Problems), len(rd.Inputs.Pledges))
				}
			}
		})
	}
}

// endless is a reader of a header line and then one line that never ends.
type endless struct {
	head string
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	if e.read < int64(len(e.head)) {
		n = copy(p, e.head[e.read:])
	}
	for i := n; i < len(p); i++ {
		p[i] = 'x'
	}
	e.read += int64(len(p))
	return len(p), nil
}

// TestEndlessCSVLine reads a CSV file whose second line never ends: the
// row is refused with its position once it passes the limit, and neither
// the memory allocated nor the bytes read grow with the line.
func TestEndlessCSVLine(t *testing.T) {
	src := &endless{head: "announced,investor,program,amount,currency\n2025-02-24,X,P,5,USD\n"}
	var rd Reader
	alloc := allocated(func() {
		if err := rd.ReadCSV(src, "inputs/pledges.csv"); err != nil {
			t.Fatal(err)
		}
	})
	want := []string{"error: inputs/pledges.csv, row 3: the row is longer than 1.0 MiB, the most one row may hold, so the file is read no further; a field may lack its closing double quote, or the file may not be a table"}
	compare(t, "problem", problemLines(&rd.Problems), want)
	if len(rd.Inputs.Pledges) != 1 {
		t.Errorf("%d pledges, want the one before the endless line", len(rd.Inputs.Pledges))
	}
	if src.read > 4*maxCSVRecord {
		t.Errorf("read %d bytes of an endless line; want at most a few times the limit of %d", src.read, maxCSVRecord)
	}
	if alloc > 16*maxCSVRecord {
		t.Errorf("allocated %d MiB reading an endless line", alloc>>20)
	}
}

// TestCSVRecordLimitFollowsQuotes checks that line breaks inside quotes
// do not end a record for the limit, and that rows keep their numbers.
func TestCSVRecordLimitFollowsQuotes(t *testing.T) {
	note := "\"" + strings.Repeat("line\n", maxCSVRecord/5+1) + "\""
	text := "announced,investor,program,amount,currency,note\n\n2025-02-24,X,P,5,USD,\"a\nb\"\n2025-02-24,Y,P,5,USD," + note + "\n"
	var rd Reader
	if err := rd.ReadCSV(strings.NewReader(text), "pledges.csv"); err != nil {
		t.Fatal(err)
	}
	errs := rd.Problems.Errors()
	if len(errs) != 1 || errs[0].Row != 4 || !errors.Is(errs[0], analysis.ErrTooLarge) {
		t.Errorf("problems %v; want row 4 refused as too long", problemLines(&rd.Problems))
	}
	if len(rd.Inputs.Pledges) != 1 || rd.Inputs.Pledges[0].Note != "a\nb" {
		t.Errorf("pledges %v; want X's with its two-line note", rd.Inputs.Pledges)
	}
}

// TestYenWarning checks that ¥ read as the yuan is a warning at its cell,
// and CN¥ is not.
func TestYenWarning(t *testing.T) {
	text := "announced,investor,program,amount,currency\n2025-02-24,X,P,¥5 billion,\n2025-02-24,Y,P,5,CN¥\n2025-02-24,Z,P,5,￥\n"
	var rd Reader
	if err := rd.ReadCSV(strings.NewReader(text), "pledges.csv"); err != nil {
		t.Fatal(err)
	}
	compare(t, "problem", problemLines(&rd.Problems), []string{
		`warning: pledges.csv, cell D2 (amount): "¥5 billion": ¥ is read as the Chinese yuan, but it is also the yen sign; write CNY or JPY to be exact`,
		`warning: pledges.csv, cell E4 (currency): "￥": ¥ is read as the Chinese yuan, but it is also the yen sign; write CNY or JPY to be exact`,
	})
	if len(rd.Inputs.Pledges) != 3 {
		t.Errorf("%d pledges, want 3", len(rd.Inputs.Pledges))
	}
}

// TestCSVTooManyColumns refuses a CSV row with more fields than a sheet
// has columns, at its line, and reads no further.
func TestCSVTooManyColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("announced,investor,program,amount\n")
	b.WriteString(strings.Repeat("x,", xlsxscan.MaxColumns+5) + "x\n")
	b.WriteString("2025-01-01,A,B,US$1 billion\n")
	rd := &Reader{}
	if err := rd.ReadCSV(strings.NewReader(b.String()), "pledges.csv"); err != nil {
		t.Fatal(err)
	}
	errs := rd.Problems.Errors()
	if len(errs) != 1 || errs[0].Row != 2 || !strings.Contains(errs[0].Error(), "more than the 16384 columns") {
		t.Fatalf("errors = %v", errs)
	}
	if len(rd.Inputs.Pledges) != 0 {
		t.Errorf("read %d pledges after the refused row", len(rd.Inputs.Pledges))
	}
}
