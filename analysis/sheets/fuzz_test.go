package sheets

import (
	"bytes"
	"strings"
	"testing"

	"pledgewatch/analysis"
	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// checkReader checks what any input must give: problems placed in the
// named file with a known kind, records placed in it with a row, and a
// table count that matches the records.
func checkReader(t *testing.T, rd *Reader, name string) {
	t.Helper()
	for _, p := range rd.Problems.List() {
		if p.File != name || p.Kind() == nil || p.Err == nil || (p.Cell != "" && p.Row <= 0) {
			t.Fatalf("bad problem %#v", p)
		}
		_ = p.Error()
	}
	// Each record's position names the file, a row and the cells of the
	// columns its table requires.
	type placed struct {
		loc  analysis.Loc
		spec *tableSpec
	}
	var locs []placed
	for _, p := range rd.Inputs.Pledges {
		locs = append(locs, placed{p.Loc, pledgeSpec})
		if p.Investor == "" || p.Program == "" || p.Announced.IsZero() {
			t.Fatalf("pledge without a required value: %+v", p)
		}
	}
	for _, m := range rd.Inputs.Metrics {
		locs = append(locs, placed{m.Loc, metricSpec})
	}
	for _, r := range rd.Inputs.Rates {
		locs = append(locs, placed{r.Loc, fxSpec})
		if r.PerUSD <= 0 || r.Currency == "" {
			t.Fatalf("bad rate %+v", r)
		}
	}
	for _, l := range locs {
		if l.loc.File() != name || l.loc.Row() <= 0 {
			t.Fatalf("bad location %v", l.loc.Ref())
		}
		for _, c := range l.spec.requiredNames() {
			if l.loc.Column(c) == 0 || l.loc.Cell(c) == "" {
				t.Fatalf("%v: no cell for required column %s", l.loc.Ref(), c)
			}
		}
	}
	n := 0
	for _, f := range rd.Inputs.Files {
		for _, tb := range f.Tables {
			n += tb.Rows
		}
	}
	if n != len(locs) {
		t.Fatalf("tables count %d records, there are %d", n, len(locs))
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, c := range readCases {
		if strings.HasSuffix(strings.ToLower(c.file), ".csv") {
			f.Add(c.data(f))
		}
	}
	f.Add([]byte("currency,per_usd,date\nEUR,0.9,2025-01-01\n"))
	f.Add([]byte("entity,metric,period,value\nA,capex,2025,32 billion USD\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"pledges.csv", "metrics.csv", "fx.csv"} {
			var rd Reader
			if err := rd.ReadCSV(bytes.NewReader(data), name); err != nil {
				t.Fatal(err)
			}
			checkReader(t, &rd, name)
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	for _, c := range readCases {
		if !strings.HasSuffix(strings.ToLower(c.file), ".csv") && c.opts.MaxRows == 0 && c.opts.UnzipSizeLimit == 0 && c.opts.SharedStringsLimit == 0 {
			f.Add(c.data(f))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := Reader{Options: Options{UnzipSizeLimit: 64 << 20}}
		if err := rd.ReadXLSX(bytes.NewReader(data), "f.xlsx"); err != nil {
			t.Fatal(err)
		}
		checkReader(t, &rd, "f.xlsx")
	})
}

// FuzzReadSheetXML puts fuzzed XML in the place of a worksheet of a
// valid workbook: reading must not fail but with problems, each placed.
// (The scanner's own FuzzSheetXML checks the cells it finds.)
func FuzzReadSheetXML(f *testing.F) {
	f.Add(headerRow(1, "currency", "per_usd", "date") + row(2, is("A2", "EUR"), num("B2", "0.9", 0), num("C2", "45000", 1)))
	f.Add(`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row><row><c t="e"><v>#REF!</v></c><c><f>1</f></c><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row>`)
	f.Add(`<x:row r="1"><x:c r="A1" t="str"><x:f>A</x:f><x:v>currency &amp; <![CDATA[x]]></x:v></x:c></x:row><!-- c -->`)
	f.Fuzz(func(t *testing.T, sheet string) {
		data := xlsxtest.Book{SST: []string{"<t>currency</t>", "<t>per_usd</t>", "<t>date</t>"},
			Sheets: []xlsxtest.Sheet{{Name: "FX", Data: sheet}}}.Bytes(t)
		var rd Reader
		if err := rd.ReadXLSX(bytes.NewReader(data), "f.xlsx"); err != nil {
			t.Fatal(err)
		}
		checkReader(t, &rd, "f.xlsx")
	})
}
