package xlsxscan

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// TestQuickCellShapes checks which cells quickCellXML reads itself: the
// plain value and inline string, and none that needs the tokenizer.
func TestQuickCellShapes(t *testing.T) {
	cases := []struct {
		rest  string // what follows the cell's start tag
		quick bool
		text  string // the text it keeps
	}{
		{`<v>45712</v></c><c>`, true, "45712"},
		{`<v></v></c>`, true, ""},
		{`<v>a &amp; b&#x4E2D;</v></c>`, true, "a & b中"},
		{"<v>cr\r\nlf</v></c>", true, "cr\nlf"},
		{`<is><t>text > more</t></is></c>`, true, "text > more"},
		{`<is><t xml:space="preserve"> x </t></is></c>`, true, " x "},
		{`<is><t></t></is></c>`, true, ""},
		{`<is><t>` + strings.Repeat("y", maxQuickText) + `</t></is></c>`, true, strings.Repeat("y", maxQuickText)},
		{`<is><t>` + strings.Repeat("y", maxQuickText+1) + `</t></is></c>`, false, ""},
		{`<is><t/></is></c>`, false, ""},
		{`<is><r><t>rich</t></r></is></c>`, false, ""},
		{`<is><t><![CDATA[<x>]]></t></is></c>`, false, ""},
		{`<x:v>1</x:v></x:c>`, false, ""},
		{`<f>1+1</f><v>2</v></c>`, false, ""},
		{`<v>1</v> </c>`, false, ""},
		{` <v>1</v></c>`, false, ""},
		{`<v>1</v ></c>`, false, ""},
		{`<v>1</v></c`, false, ""},
		{`<v>1`, false, ""},
	}
	for _, c := range cases {
		s := &sheetScanner{x: newXMLReader(strings.NewReader(c.rest)), wb: &Workbook{}, buf: []byte("before")}
		s.x.fill()
		p := cellXML{v: none, f: none, is: none, start: len(s.buf)}
		quick := s.quickCellXML(&p)
		if quick != c.quick {
			t.Errorf("%.40q: quick %v, want %v", c.rest, quick, c.quick)
			continue
		}
		if !quick {
			if s.x.pos != 0 || string(s.buf) != "before" || p.v != none || p.is != none {
				t.Errorf("%.40q: read something before giving up: pos %d, buf %q, %+v", c.rest, s.x.pos, s.buf, p)
			}
			continue
		}
		got := p.is
		if p.hasV {
			got = p.v
		}
		if text := string(s.buf[got.start:got.end]); text != c.text {
			t.Errorf("%.40q: text %q, want %q", c.rest, text, c.text)
		}
		if wantRest := strings.SplitAfterN(c.rest, "</c>", 2)[1]; string(s.x.buf[s.x.pos:s.x.end]) != wantRest {
			t.Errorf("%.40q: left %q, want %q", c.rest, s.x.buf[s.x.pos:s.x.end], wantRest)
		}
	}
}

// TestQuickCells scans random sheets of cells in every shape, the quick
// ones and the ones around them, with start tags written in every way,
// with quickCellStart and quickCellXML and with the tokenizer alone: the
// cells and errors must be the same.
func TestQuickCells(t *testing.T) {
	bodies := []string{
		`<v>123</v>`, `<v> 4.5 </v>`, `<v></v>`, `<v>0</v>`, `<v>1</v>`, `<v>7</v>`, `<v>a&amp;b</v>`, `<v>x&#x4E2D;&bogus;</v>`,
		"<v>cr\r\nx</v>", `<v>a & b</v>`, `<v>#REF!</v>`, `<v>2025-02-24</v>`, `<v>1.5E-3</v>`,
		`<is><t>text</t></is>`, `<is><t xml:space="preserve"> sp </t></is>`, `<is><t></t></is>`, `<is><t/></is>`,
		`<is><t>_x000D_esc_x005F_</t></is>`, `<is><t>a&lt;b&gt;</t></is>`, `<is><r><t>rich</t></r><rPh><t>no</t></rPh></is>`,
		`<is><t><![CDATA[<x>]]></t></is>`, `<is><t>gt > in text</t></is>`, `<is><t>` + strings.Repeat("長", 2000) + `</t></is>`,
		`<is><t>  </t></is>`, `<f>1+1</f><v>2</v>`, `<f>A1</f>`, `<f>A1</f><v></v>`, `<v>1</v> `, ` <v>1</v>`, `<v>1</v >`,
		`<v>5</v><v>6</v>`, `<is><t>a</t></is><v>b</v>`, `<v>` + strings.Repeat("9", 5000) + `</v>`,
	}
	attrs := []string{``, ` t="inlineStr"`, ` t="s"`, ` t="str"`, ` t="b"`, ` t="e"`, ` t="d"`, ` s="1"`, ` s="2"`, ` t="n" s="1"`}
	// Attributes written in other ways than quickCellStart reads, and ones
	// it reads that cellStart refuses or ignores.
	odd := []string{` r='B7'`, ` r = "B7"`, "\tr=\"B7\"", ` r="B7" `, ` r="C9" r="B7"`, ` x14ac:dyDescent="0.25"`,
		` foo="a>b'c"`, ` s="99"`, ` s="-1"`, ` t="inlineStr" t="n"`, ` r=B7`}
	bad := []string{` r="1A"`, ` r="XFE1"`, ` r="1A" r="B7"`, ` a'b="x"`, ` r="B7`, ` t="`}
	sst := []string{"<t>zero</t>", "<t/>", "<t> one </t>"}
	for seed := int64(1); seed <= 24; seed++ {
		rnd := rand.New(rand.NewSource(seed))
		badRow := 0 // none
		if seed > 8 {
			badRow = 1 + rnd.Intn(300)
		}
		var b strings.Builder
		for r := 1; r <= 300; r++ {
			fmt.Fprintf(&b, `<row r="%d">`, r)
			for c := 1; c <= 1+rnd.Intn(8); c++ {
				ref := ""
				if rnd.Intn(4) > 0 {
					ref = fmt.Sprintf(` r="%s%d"`, columnName(c), r)
				}
				a := attrs[rnd.Intn(len(attrs))]
				switch {
				case r == badRow && c == 1:
					a += bad[int(seed)%len(bad)] // the sheet ends here, or soon
				case rnd.Intn(10) == 0:
					a += odd[rnd.Intn(len(odd))]
				}
				if strings.Contains(a, `"s"`) && rnd.Intn(8) > 0 {
					fmt.Fprintf(&b, `<c%s%s><v>%d</v></c>`, ref, a, rnd.Intn(len(sst)))
					continue
				}
				switch rnd.Intn(20) {
				case 0:
					fmt.Fprintf(&b, `<c%s%s/>`, ref, a)
					continue
				case 1:
					fmt.Fprintf(&b, `<c%s%s />`, ref, a)
					continue
				case 2:
					b.WriteString("\n  ") // pretty-printed XML
				}
				fmt.Fprintf(&b, `<c%s%s>%s</c>`, ref, a, bodies[rnd.Intn(len(bodies))])
			}
			b.WriteString(`</row>`)
		}
		sheet := b.String()
		if seed%5 == 0 {
			sheet = `<?xml version="1.0"?><worksheet><sheetData>` + sheet[:rnd.Intn(len(sheet))] // cut anywhere
		}
		wb := openBook(t, xlsxtest.Book{SST: sst, Sheets: []xlsxtest.Sheet{{Name: "S", Data: sheet}}}.Bytes(t), Options{})
		for _, wname := range []string{"whole", "halves"} {
			var got [2]string
			for i, tokens := range []bool{false, true} {
				wb.tokenCells = tokens
				var l lines
				err := scanPart(t, wb, wb.Sheets()[0].Part, wraps[wname], &l)
				got[i] = fmt.Sprintf("%q, error %v", l.got, err)
			}
			if got[0] != got[1] {
				t.Fatalf("seed %d, %s: quick\n%s\ntokens\n%s", seed, wname, got[0], got[1])
			}
		}
	}
}

// TestQuickCellStartShapes checks which start tags of cells
// quickCellStart reads itself, and what it reads in them.
func TestQuickCellStartShapes(t *testing.T) {
	cases := []struct {
		tag   string
		quick bool
		want  string // column, type and style, or the error
	}{
		{`<c r="B2" s="1" t="inlineStr">`, true, "col 2 type 2 style 1"},
		{`<c r="AB12" t="s"/>`, true, "col 28 type 1 style 0 empty"},
		{`<c>`, true, "col 5 type 0 style 0"},
		{`<c/>`, true, "col 5 type 0 style 0 empty"},
		{`<c x14ac:dyDescent="0.25" foo="a>b'c" r="C1">`, true, "col 3 type 0 style 0"},
		{`<c r="1A" r="B2">`, true, `malformed XML: cell reference "1A"`},
		{`<c r="B2" r="1A">`, true, `malformed XML: cell reference "1A"`},
		{`<c r='B2'>`, false, ""},
		{`<c r = "B2">`, false, ""},
		{"<c\tr=\"B2\">", false, ""},
		{`<c r="B2" >`, false, ""},
		{`<c r="B2" />`, false, ""},
		{`<c a'b="x">`, false, ""},
		{`<c r=B2>`, false, ""},
		{`<c r="B2"`, false, ""},
		{`<col min="1">`, false, ""},
		{`<x:c r="B2">`, false, ""},
		{`</c>`, false, ""},
	}
	for _, c := range cases {
		s := &sheetScanner{x: newXMLReader(strings.NewReader(c.tag + "rest")), wb: &Workbook{}}
		s.x.fill()
		cell, typ, style, quick, err := s.quickCellStart(4)
		if quick != c.quick {
			t.Errorf("%s: quick %v, want %v", c.tag, quick, c.quick)
			continue
		}
		if !quick {
			if s.x.pos != 0 {
				t.Errorf("%s: read %d bytes before giving up", c.tag, s.x.pos)
			}
			continue
		}
		got := fmt.Sprintf("col %d type %d style %d", cell.Col, typ, style)
		if s.x.empty {
			got += " empty"
		}
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.tag, got, c.want)
		}
		if rest := string(s.x.buf[s.x.pos:s.x.end]); rest != "rest" {
			t.Errorf("%s: left %q", c.tag, rest)
		}
	}
}
