package sheets

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// TestControlCharacters checks the one policy for control characters: a
// text cell holding one is an error at its cell, which names the
// character and quotes the text with it spelt out, in a CSV file and in a
// workbook (as Excel writes it, _x0007_, and raw in a shared string).
// Tab, line feed and carriage return stay text; a control character at
// either end that is trimmed as space (VT, FF, NEL) is no error.
func TestControlCharacters(t *testing.T) {
	csv := "announced,investor,program,amount,source,note\n" +
		"2025-02-24,Bell\aCo,Cloud,US$1 billion,Star,a\tb\n" +
		"2025-02-24,Tencent,\x1b[31mAI,US$1 billion,Star,\"two\nlines\"\n" +
		"2025-02-24,Baidu,AI,US$1 billion,Star\u0085,\x0bnote\x0c\n" +
		"2025-02-24,JD,AI,US$1 billion,Star,note\u0085end\n" +
		"2025-02-24,Meituan,AI,US$1 billion,Star,x\ufffe\n"
	rd := &Reader{}
	if err := rd.ReadCSV(strings.NewReader(csv), "pledges.csv"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`error: pledges.csv, cell B2 (investor): "Bell[BEL]Co": the text holds the control character U+0007 (BEL), which no report can show (an SVG chart holding it cannot be opened); delete it from the cell`,
		`error: pledges.csv, cell C3 (program): "[ESC][31mAI": the text holds the control character U+001B (ESC),`,
		`error: pledges.csv, cell F5 (note): "note[U+0085]end": the text holds the control character U+0085,`,
		`error: pledges.csv, cell F6 (note): "x[U+FFFE]": the text holds the control character U+FFFE,`,
	}
	checkControl(t, rd, want)

	b := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Pledges", Data: strings.Join([]string{
		headerRow(1, "announced", "investor", "program", "amount", "source"),
		row(2, is("A2", "2025-02-24"), is("B2", "Bell_x0007_Co"), is("C2", "AI"), is("D2", "US$1 billion"), is("E2", "Star")),
		row(3, is("A3", "2025-02-24"), `<c r="B3" t="s"><v>0</v></c>`, is("C3", "AI"), is("D3", "US$1 billion"), is("E3", "Star")),
		row(4, is("A4", "2025-02-24"), is("B4", "Tab_x0009_Co"), is("C4", "AI"), is("D4", "US$1 billion"), is("E4", "Star")),
	}, "")}}, SST: []string{"<t>Nul_x0000_Co</t>"}}
	rd = &Reader{}
	if err := rd.ReadXLSX(strings.NewReader(string(b.Bytes(t))), "in.xlsx"); err != nil {
		t.Fatal(err)
	}
	checkControl(t, rd, []string{
		`error: in.xlsx: sheet "Pledges", cell B2 (investor): "Bell[BEL]Co": the text holds the control character U+0007 (BEL),`,
		`error: in.xlsx: sheet "Pledges", cell B3 (investor): "Nul[NUL]Co": the text holds the control character U+0000 (NUL),`,
	})
}

func checkControl(t *testing.T, rd *Reader, want []string) {
	t.Helper()
	var got []string
	for _, p := range rd.Problems.List() {
		if errors.Is(p, analysis.ErrControlChar) {
			got = append(got, p.Severity.String()+": "+p.Error())
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d control-character problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("missing %s\nin:\n%s", w, strings.Join(got, "\n"))
		}
	}
}
