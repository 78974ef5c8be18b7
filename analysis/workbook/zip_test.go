package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// unzip returns the parts of a zip in their order and their contents by
// name.
func unzip(t testing.TB, data []byte) ([]string, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	parts := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		names = append(names, zf.Name)
		parts[zf.Name] = string(b)
	}
	return names, parts
}

// TestSortedCopy copies a zip whose parts are out of order, one of them
// several megabytes: the copy holds the same parts in name order with no
// timestamps, the parts to fix with the short relationship prefix, and
// copying again gives the same bytes.
func TestSortedCopy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var big bytes.Buffer
	for big.Len() < 5<<20 {
		big.WriteString(`<row r="` + strconv.Itoa(rng.IntN(1e6)) + `"><c r="A1" t="inlineStr"><is><t>Investor ` + strconv.Itoa(rng.IntN(5000)) + `</t></is></c></row>`)
	}
	long := `<worksheet xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships" relationships:id="rId1"/>`
	in := []struct{ name, content string }{
		{"xl/worksheets/sheet2.xml", big.String()},
		{"xl/worksheets/sheet1.xml", long},
		{"[Content_Types].xml", "<Types/>"},
		{"docProps/app.xml", ""},
	}
	var src bytes.Buffer
	zw := newZipWriter(&src)
	for _, p := range in {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	edits := map[string]partEdit{"xl/worksheets/sheet1.xml": {fix: true}}
	var copies [2]bytes.Buffer
	for i := range copies {
		if err := sortedCopy(&copies[i], bytes.NewReader(src.Bytes()), int64(src.Len()), edits); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(copies[0].Bytes(), copies[1].Bytes()) {
		t.Error("two copies of the same zip differ")
	}
	names, parts := unzip(t, copies[0].Bytes())
	if !slices.IsSorted(names) || len(names) != len(in) {
		t.Errorf("parts %q, want the %d parts in name order", names, len(in))
	}
	for _, p := range in {
		want := p.content
		if edits[p.name].fix {
			want = `<worksheet r:id="rId1"/>`
		}
		if parts[p.name] != want {
			t.Errorf("%s: %d bytes that differ from the %d written", p.name, len(parts[p.name]), len(want))
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(copies[0].Bytes()), int64(copies[0].Len()))
	for _, zf := range zr.File {
		if zf.ModifiedDate != 0 || zf.ModifiedTime != 0 || len(zf.Extra) > 0 {
			t.Errorf("%s carries a time or extra fields", zf.Name)
		}
	}
}

// TestWriteZipMatchesExcelize saves a workbook of 10,000 pledges, whose
// Pledges sheet takes several megabytes, both through excelize's own zip
// writer and through writeZip: the parts are the same, but for the
// relationship prefix of the parts to fix, the tails added to sheets
// (the sparklines of Trends) and the rows written apart from excelize, and
// excelize reads the workbook back.
func TestWriteZipMatchesExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	b := newBook(f, bigReport(t, 10000), testMeta(t))
	if err := b.build(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := b.save(&out); err != nil {
		t.Fatal(err)
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	plain, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	names, got := unzip(t, out.Bytes())
	_, want := unzip(t, plain.Bytes())
	if len(got) != len(want) {
		t.Errorf("%d parts, excelize writes %d", len(got), len(want))
	}
	tails, spliced := map[string]string{}, map[string]string{}
	for id, name := range f.GetSheetMap() {
		part := "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml"
		if t := b.tails[name]; len(t) > 0 {
			tails[part] = string(t)
		}
		if r := b.rows[name]; r != nil {
			spliced[part] = rowsXML(t, r)
		}
	}
	if len(tails) == 0 {
		t.Error("no sheet has a tail: the report of 10,000 pledges has no trend to draw a sparkline of")
	}
	for name, w := range want {
		w = string(bytes.ReplaceAll([]byte(w), longRelPrefix, shortRelPrefix))
		if tail := tails[name]; tail != "" {
			w = strings.Replace(w, "</worksheet>", tail+"</worksheet>", 1)
		}
		w = strings.Replace(w, "</sheetData>", spliced[name]+"</sheetData>", 1)
		if got[name] != w {
			t.Errorf("%s: %d bytes that differ from excelize's %d", name, len(got[name]), len(w))
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("parts not in name order: %q", names)
	}
	back := open(t, out.Bytes())
	rows, err := back.Rows(sheetPledges)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if n <= 10000 {
		t.Errorf("read back %d rows of Pledges, want the 10,000 pledges and their header", n)
	}
}

type failingWriter struct{ left int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		return 0, errors.New("disk full")
	}
	w.left -= len(p)
	return len(p), nil
}

// TestWriteZipError: a destination that fails stops the save with its
// error.
func TestWriteZipError(t *testing.T) {
	err := Write(&failingWriter{left: 1000}, testReport(t), testMeta(t))
	if err == nil || err.Error() != "disk full" {
		t.Errorf("Write = %v, want disk full", err)
	}
}
