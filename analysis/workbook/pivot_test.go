package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// parts returns the parts of the xlsx data by name.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range zr.File {
		rc, err := p.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[p.Name] = string(b)
	}
	return out
}

// sheetPart is the name of the part of the sheet called name.
func sheetPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	f := open(t, data)
	for id, n := range f.GetSheetMap() {
		if n == name {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml"
		}
	}
	t.Fatalf("no sheet %s", name)
	return ""
}

// TestPivotSlicersSparklines: the Pivot sheet holds a pivot table of the
// counted value by investor group and year over the table of the Pivot
// source sheet, with the slicers of pivotSlicers as its filter fields; its cache
// holds no records and is refreshed when the workbook opens. Trends
// holds a sparkline per series, over that series' points.
func TestPivotSlicersSparklines(t *testing.T) {
	r, data := testBook(t)
	f := open(t, data)
	pts, err := f.GetPivotTables(sheetPivot)
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 1 {
		t.Fatalf("%d pivot tables on %s, want 1", len(pts), sheetPivot)
	}
	pt := pts[0]
	head := func(key string) string { return pivotColumns.headers(r.Currency)[pivotColumns.index(key)] }
	fields := func(fs []excelize.PivotTableField) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Data)
		}
		return out
	}
	var slicerHeads []string
	for _, k := range pivotSlicers {
		slicerHeads = append(slicerHeads, head(k))
	}
	if got := fields(pt.Rows); !slices.Equal(got, []string{head("group")}) {
		t.Errorf("pivot rows %q, want the investor group", got)
	}
	if got := fields(pt.Columns); !slices.Equal(got, []string{head("year")}) {
		t.Errorf("pivot columns %q, want the year", got)
	}
	if len(pt.Data) != 1 || !strings.HasPrefix(pt.Data[0].Data, "Value (") || pt.Data[0].Subtotal != "Sum" {
		t.Errorf("pivot data %+v, want the sum of the value", pt.Data)
	}
	if got := fields(pt.Filter); !slices.Equal(got, slicerHeads) {
		t.Errorf("pivot filters %q, want %q", got, slicerHeads)
	}
	// The source holds every counted pledge once, in few lines.
	rows := r.PivotRows()
	tables, err := f.GetTables(sheetPivotSource)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || !strings.HasSuffix(tables[0].Range, strconv.Itoa(len(rows)+1)) {
		t.Errorf("source tables %+v, want one of %d lines", tables, len(rows))
	}
	slicers, err := f.GetSlicers(sheetPivot)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range slicers {
		names = append(names, s.Caption)
		if s.TableName != pt.Name {
			t.Errorf("slicer %s filters %s, want the pivot table %s", s.Caption, s.TableName, pt.Name)
		}
	}
	if !slices.Equal(names, slicerHeads) {
		t.Errorf("slicers %q, want %q", names, slicerHeads)
	}

	ps := parts(t, data)
	cache := ""
	for name, body := range ps {
		if strings.HasPrefix(name, "xl/pivotCache/pivotCacheDefinition") {
			cache = body
		}
		if strings.HasPrefix(name, "xl/pivotCache/pivotCacheRecords") {
			t.Errorf("%s: the program wrote the pivot cache's records", name)
		}
	}
	if !strings.Contains(cache, `refreshOnLoad="true"`) {
		t.Errorf("the pivot cache is not refreshed on load: %.300s", cache)
	}

	trends := ps[sheetPart(t, data, sheetTrends)]
	sparks := regexp.MustCompile(`<x14:sparkline><xm:f>([^<]+)</xm:f><xm:sqref>([A-Z]+)(\d+)</xm:sqref></x14:sparkline>`).FindAllStringSubmatch(trends, -1)
	if len(sparks) != len(r.Trends) || len(r.Trends) == 0 {
		t.Fatalf("%d sparklines for %d series", len(sparks), len(r.Trends))
	}
	col := trendColumns.letter("sparkline")
	for _, m := range sparks {
		row, _ := strconv.Atoi(m[3])
		i := row - newLayout(r).trendsFirst
		if m[2] != col || i < 0 || i >= len(r.Trends) {
			t.Errorf("a sparkline in %s%s, outside the %s column of the series", m[2], m[3], col)
			continue
		}
		first := newLayout(r).pointRows[i]
		want := "Trends!$" + colPointValue + "$" + strconv.Itoa(first) + ":$" + colPointValue + "$" + strconv.Itoa(first+len(r.Trends[i].Points)-1)
		if m[1] != want {
			t.Errorf("series %d: sparkline over %s, want %s", i, m[1], want)
		}
	}
}

// TestLibreOfficeKeepsPivotAndSparklines: LibreOffice reads the pivot
// table, its slicers' filter fields and the sparklines: a book it saves
// again still holds them.
func TestLibreOfficeKeepsPivotAndSparklines(t *testing.T) {
	lo := libreOffice(t)
	t.Parallel()
	back := lo.converted(t, "changed", "xlsx")
	ps := parts(t, back)
	pivot := false
	for name := range ps {
		pivot = pivot || strings.HasPrefix(name, "xl/pivotTables/")
	}
	if !pivot {
		t.Error("LibreOffice dropped the pivot table")
	}
	if trends := ps[sheetPart(t, back, sheetTrends)]; !strings.Contains(trends, "sparkline") {
		t.Error("LibreOffice dropped the sparklines of Trends")
	}
}
