package sheets

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"pledgewatch/analysis/sheets/internal/xlsxtest"
)

// splitSheet is a Pledges sheet of n data rows that exercises what a row
// can hold: shared and inline strings, dates, numbers, text amounts, bad
// amounts, missing required values, a value beyond the header, a formula
// without a saved value, escapes and blank rows.
func splitSheet(n int) xlsxtest.Book {
	var b strings.Builder
	b.WriteString(headerRow(1, "id", "announced", "investor", "program", "amount", "currency", "sectors", "source"))
	for i := 0; i < n; i++ {
		r := i + 2
		ref := func(col string) string { return col + strconv.Itoa(r) }
		cells := []string{is(ref("A"), "p"+strconv.Itoa(i)), num(ref("B"), strconv.Itoa(45000+i%900), 3)}
		switch i % 11 {
		case 3:
			cells = append(cells, `<c r="`+ref("C")+`" t="s"><v>0</v></c>`) // shared string
		case 5:
			// investor left empty: a required value missing
		default:
			cells = append(cells, is(ref("C"), "Investor_x0041_ "+strconv.Itoa(i%97)))
		}
		cells = append(cells, is(ref("D"), "Program &amp; "+strconv.Itoa(i)))
		switch i % 13 {
		case 4:
			cells = append(cells, is(ref("E"), "lots"))
		case 7:
			cells = append(cells, `<c r="`+ref("E")+`"><f>1+1</f></c>`)
		case 9:
			cells = append(cells, is(ref("E"), "约 5.3 亿"), is(ref("F"), "CNY"))
		default:
			cells = append(cells, num(ref("E"), strconv.Itoa(1000+i), 0), is(ref("F"), "USD"))
		}
		cells = append(cells, is(ref("G"), "AI; cloud"), `<c r="`+ref("H")+`" t="s"><v>1</v></c>`)
		switch i % 101 {
		case 50:
			cells = append(cells, is(ref("K"), "stray"))
		case 60:
			// Past its first value a column without a header is not
			// read: a damaged cell there must not matter.
			cells = append(cells, `<c r="`+ref("K")+`" t="s"><v>999</v></c>`)
		}
		b.WriteString(row(r, cells...))
	}
	return xlsxtest.Book{SST: []string{"<t>Tencent</t>", "<t>SCMP</t>"}, Sheets: []xlsxtest.Sheet{{Name: "Pledges", Data: b.String()}}}
}

// TestSplitScan reads the same sheets with the scan on the sink's
// goroutine and on one of its own: records and problems must be the same,
// also when the row limit stops the read or the sheet is cut short.
func TestSplitScan(t *testing.T) {
	full := splitSheet(5000)
	cut := full
	cut.Sheets = []xlsxtest.Sheet{{Name: "Pledges", Data: full.Sheets[0].Data[:len(full.Sheets[0].Data)*2/3]}}
	cases := []struct {
		name    string
		data    []byte
		maxRows int
	}{
		{"whole", full.Bytes(t), 0},
		{"row limit", full.Bytes(t), 3000},
		{"cut short", cut.Bytes(t), 0},
	}
	read := func(data []byte, maxRows int, split int64) *Reader {
		old := splitFrom
		splitFrom = split
		defer func() { splitFrom = old }()
		rd := &Reader{Options: Options{MaxRows: maxRows}}
		if err := rd.ReadXLSX(bytes.NewReader(data), "in.xlsx"); err != nil {
			t.Fatal(err)
		}
		return rd
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			one := read(c.data, c.maxRows, 1<<62)
			two := read(c.data, c.maxRows, 1)
			if len(one.Inputs.Pledges) == 0 || len(one.Problems.List()) == 0 {
				t.Fatalf("the sheet gave %d pledges and %d problems; it should give both", len(one.Inputs.Pledges), len(one.Problems.List()))
			}
			if !reflect.DeepEqual(one.Inputs.Pledges, two.Inputs.Pledges) {
				for i := range one.Inputs.Pledges {
					if i >= len(two.Inputs.Pledges) || !reflect.DeepEqual(one.Inputs.Pledges[i], two.Inputs.Pledges[i]) {
						t.Fatalf("pledge %d differs:\n%+v\n%+v", i, one.Inputs.Pledges[i], two.Inputs.Pledges[min(i, len(two.Inputs.Pledges)-1)])
					}
				}
				t.Fatalf("%d pledges read in one goroutine, %d in two", len(one.Inputs.Pledges), len(two.Inputs.Pledges))
			}
			a, b := problemLines(&one.Problems), problemLines(&two.Problems)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("problems differ:\none goroutine:\n%s\ntwo:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
			t.Logf("%d pledges, %d problems; first: %s", len(one.Inputs.Pledges), len(a), a[0])
		})
	}
}
