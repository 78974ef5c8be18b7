package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"pledgewatch/analysis"
	"slices"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"pledgewatch/analysis/charts"
	"pledgewatch/analysis/store"
	"pledgewatch/analysis/workbook"
)

// shippedMonth is the month the tests report the shipped inputs for.
const shippedMonth = "2025-11"

// shippedCharts returns the chart files of a report of the shipped
// inputs for shippedMonth with no earlier report, sorted: the charts the
// package charts plans for it, each with the files Chart.Files names.
var shippedCharts = sync.OnceValues(func() ([]string, error) {
	c := &config{stdout: io.Discard, stderr: io.Discard, Now: clock}
	if err := c.parse("run", []string{"--inputs", "../../inputs", "--month", shippedMonth, "--quiet"}); err != nil {
		return nil, err
	}
	r, probs, err := c.build(context.Background(), func() []analysis.Snapshot { return nil })
	if err != nil {
		return nil, err
	}
	if probs.HasErrors() {
		return nil, fmt.Errorf("shipped inputs: %w", probs.Err())
	}
	var files []string
	for _, name := range charts.PlanCharts(r).Names() {
		for _, f := range (charts.Chart{Name: name}).Files() {
			files = append(files, filepath.Join("charts", f.Name))
		}
	}
	slices.Sort(files)
	return files, nil
})

// checkComplete fails unless dir holds a complete report of the shipped
// inputs for month: a workbook that opens with every sheet, the charts
// planned for the inputs that decode, a snapshot that reads, and no other
// file.
func checkComplete(t *testing.T, dir, month string) {
	t.Helper()
	chartFiles, err := shippedCharts()
	if err != nil {
		t.Fatal(err)
	}
	book := "pledgewatch-" + month + ".xlsx"
	want := append([]string{book, store.SnapshotName(month)}, chartFiles...)
	slices.Sort(want)
	var got []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, rel)
		}
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s holds\n%q\nwant\n%q", dir, got, want)
	}

	f, err := excelize.OpenFile(filepath.Join(dir, book))
	if err != nil {
		t.Fatalf("%s: workbook: %v", dir, err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), workbook.SheetNames(); !slices.Equal(got, want) {
		t.Errorf("%s: sheets %q, want %q", dir, got, want)
	}
	for _, sheet := range workbook.SheetNames() {
		if _, err := f.GetRows(sheet); err != nil {
			t.Errorf("%s: %s: %v", dir, sheet, err)
		}
	}
	for _, name := range chartFiles {
		if filepath.Ext(name) != ".png" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue // reported above
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: %s: %v", dir, name, err)
		}
	}
	sf, err := os.Open(filepath.Join(dir, store.SnapshotName(month)))
	if err != nil {
		t.Fatalf("%s: snapshot: %v", dir, err)
	}
	defer sf.Close()
	zr, err := gzip.NewReader(sf)
	if err != nil {
		t.Fatalf("%s: snapshot: %v", dir, err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		t.Errorf("%s: snapshot: %v", dir, err)
	}
}
