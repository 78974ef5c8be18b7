package xlsxscan

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// open opens a zip of parts.
func open(tb testing.TB, data []byte, opt Options) (*Workbook, error) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	return Open(zr, opt)
}

// TestOpen reads the structure of workbooks: the sheets in order with
// their parts and types, the date system, and what makes a zip not a
// workbook.
func TestOpen(t *testing.T) {
	rels := func(targets ...string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
		for i, tt := range targets {
			typ, target, _ := strings.Cut(tt, " ")
			fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, i+1, typ, target)
		}
		return b.String() + `</Relationships>`
	}
	three := []xlsxtest.Sheet{{Name: "Pledges", Data: ""}, {Name: "Chart", Data: ""}, {Name: "Gone", Data: ""}}
	for _, c := range []struct {
		name   string
		book   xlsxtest.Book
		sheets string
		date   bool
		err    string
	}{{
		name:   "sheets, with targets relative, absolute and missing",
		book:   xlsxtest.Book{Sheets: three, Extra: map[string]string{"xl/_rels/workbook.xml.rels": rels("worksheet worksheets/sheet1.xml", "chartsheet /xl/worksheets/sheet2.xml", "worksheet missing.xml")}},
		sheets: `[{Pledges xl/worksheets/sheet1.xml worksheet} {Chart xl/worksheets/sheet2.xml chartsheet} {Gone  worksheet}]`,
	}, {
		name:   "the 1904 date system",
		book:   xlsxtest.Book{Date1904: true, Sheets: three[:1]},
		sheets: `[{Pledges xl/worksheets/sheet1.xml worksheet}]`,
		date:   true,
	}, {
		name: "a workbook part named by the package relationships",
		book: xlsxtest.Book{Extra: map[string]string{
			"_rels/.rels":                rels("metadata/core-properties docProps/core.xml", "officeDocument BOOK/Main.xml"),
			"book/main.xml":              `<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
			"book/_rels/main.xml.rels":   rels("worksheet ../data/s.xml"),
			"data/s.xml":                 `<worksheet><sheetData/></worksheet>`,
			"xl/workbook.xml":            "not read",
			"xl/_rels/workbook.xml.rels": "not read",
		}},
		sheets: `[{S data/s.xml worksheet}]`,
	}, {
		name: "no workbook part",
		book: xlsxtest.Book{Extra: map[string]string{"xl/workbook.xml": "", "_rels/.rels": rels("officeDocument xl/book.xml")}},
		err:  "no workbook part",
	}, {
		name: "a damaged workbook part",
		book: xlsxtest.Book{Extra: map[string]string{"xl/workbook.xml": "<workbook><sheets><sheet name="}},
		err:  "xl/workbook.xml: malformed XML: XML syntax error on line 1: unexpected EOF",
	}} {
		t.Run(c.name, func(t *testing.T) {
			wb, err := open(t, c.book.Bytes(t), Options{})
			if c.err != "" {
				if fmt.Sprint(err) != c.err {
					t.Fatalf("error %v, want %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(wb.Sheets()); got != c.sheets || wb.Date1904() != c.date {
				t.Errorf("sheets %s, 1904 %v; want %s, %v", got, wb.Date1904(), c.sheets, c.date)
			}
		})
	}
}

// TestOpenNotAWorkbook checks the error that tells a zip without a
// workbook from a damaged workbook.
func TestOpenNotAWorkbook(t *testing.T) {
	_, err := open(t, xlsxtest.Zip(t, map[string]string{"word/document.xml": "<w/>"}), Options{})
	if !errors.Is(err, ErrNoWorkbook) {
		t.Errorf("error %v, want ErrNoWorkbook", err)
	}
}

// TestStyles checks which cell formats make a number a date or a
// percentage: custom formats by their code, built-in ones by number.
func TestStyles(t *testing.T) {
	for _, c := range []struct {
		code string
		want Format
	}{
		{"General", PlainFormat},
		{"0.00", PlainFormat},
		{"#,##0", PlainFormat},
		{"0.00E+00", PlainFormat},
		{`#,##0.0" bn"`, PlainFormat},
		{`"Day "0`, PlainFormat},
		{"[Red]0.00;[Blue]-0.00", PlainFormat},
		{"[$€-2] #,##0.00", PlainFormat},
		{"0%", PercentFormat},
		{"0.0%;[Red]-0.0%", PercentFormat},
		{"yyyy-mm-dd", DateFormat},
		{`yyyy\-mm\-dd`, DateFormat},
		{"d/m/yyyy", DateFormat},
		{"[$-409]mmmm d, yyyy;@", DateFormat},
		{"[h]:mm:ss", DateFormat},
		{"hh:mm AM/PM", DateFormat},
		{`yyyy"年"m"月"d"日"`, DateFormat},
		{"@", PlainFormat},
		{`"unclosed`, PlainFormat},
		{"[unclosed", PlainFormat},
	} {
		if got := classifyFormat(c.code); got != c.want {
			t.Errorf("classifyFormat(%q) = %d, want %d", c.code, got, c.want)
		}
	}
	for id, want := range map[int]Format{0: PlainFormat, 2: PlainFormat, 9: PercentFormat, 10: PercentFormat, 14: DateFormat, 22: DateFormat, 45: DateFormat, 49: PlainFormat, 57: DateFormat} {
		if got := builtinFormat(id); got != want {
			t.Errorf("builtinFormat(%d) = %d, want %d", id, got, want)
		}
	}
	// A workbook without a styles part has plain numbers; a damaged one
	// is an error.
	for _, c := range []struct {
		styles, err string
	}{
		{"", ""},
		{"<styleSheet><cellXfs>", "xl/styles.xml: malformed XML: XML syntax error on line 1: unexpected EOF"},
	} {
		parts := map[string]string{"xl/workbook.xml": `<workbook/>`}
		if c.styles != "" {
			parts["xl/styles.xml"] = c.styles
		}
		wb, err := open(t, xlsxtest.Zip(t, parts), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := wb.LoadStyles(); fmt.Sprint(err) != cmp.Or(c.err, "<nil>") {
			t.Errorf("styles %q: error %v, want %q", c.styles, err, c.err)
		}
	}
}

// TestSharedStringsLimit checks that shared strings over the limit are
// a LimitError, which wraps ErrTooLarge and names the sizes, when a
// sheet first refers to one.
func TestSharedStringsLimit(t *testing.T) {
	data := xlsxtest.Book{SST: []string{"<t>a</t>", "<t>b</t>"},
		Sheets: []xlsxtest.Sheet{{Name: "S", Data: `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`}}}.Bytes(t)
	wb, err := open(t, data, Options{SharedStringsLimit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var l lines
	err = wb.ReadSheet(wb.Sheets()[0].Part, &l)
	var limit *LimitError
	if !errors.As(err, &limit) || !errors.Is(err, ErrTooLarge) || limit.Limit != 100 || limit.Size <= 100 || limit.Part != "xl/sharedStrings.xml" {
		t.Fatalf("error %#v (%v); want a LimitError of the shared strings", err, err)
	}
	if fmt.Sprint(l.got) != `[A1 number "1"]` {
		t.Errorf("cells %q; want the row before the shared string", l.got)
	}
	wb, _ = open(t, data, Options{SharedStringsLimit: 1000})
	l = lines{}
	if err := wb.ReadSheet(wb.Sheets()[0].Part, &l); err != nil || fmt.Sprint(l.got) != `[A1 number "1" A2 text "b"]` {
		t.Errorf("under the limit: cells %q, error %v", l.got, err)
	}
}

// TestSharedStrings reads a shared strings part with the forms a string
// takes, however the part is cut into reads.
func TestSharedStrings(t *testing.T) {
	part := `<?xml version="1.0"?><sst xmlns="x" count="9" uniqueCount="1000000000"><si><t>plain</t></si><si/><si><t/></si>` +
		`<si><r><t>Ali</t></r><r><t xml:space="preserve">baba </t></r><rPh><t>アリ</t></rPh></si>` +
		`<si><t>` + strings.Repeat("a", maxCellChars+1) + `</t></si><si><t>a_x000D_b &amp; &#x4E2D;</t></si>` +
		`<si><t><![CDATA[<cdata>]]></t></si><x:si><x:t>prefixed</x:t></x:si><si><t>` + strings.Repeat("中", maxCellChars) + `</t></si></sst>`
	want := `["plain" "" "" "Alibaba " "" "a\rb & 中" "<cdata>" "prefixed" "` + strings.Repeat("中", maxCellChars) + `"] map[4:true]`
	for name, wrap := range wraps {
		sst, long, err := readSharedStrings(wrap(strings.NewReader(part)), int64(len(part)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := fmt.Sprintf("%q %v", sst, long); got != want {
			t.Errorf("%s: got %.200s..., want %.200s...", name, got, want)
		}
		if cap(sst) > len(part)/16+1 {
			t.Errorf("%s: room for %d strings made for a part of %d bytes", name, cap(sst), len(part))
		}
	}
	if _, _, err := readSharedStrings(iotest.TimeoutReader(strings.NewReader(part)), int64(len(part))); err == nil {
		t.Error("a failing reader gave no error")
	}
}
