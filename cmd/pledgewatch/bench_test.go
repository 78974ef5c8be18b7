package main

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkRunShipped runs the whole report on the shipped inputs, each
// time into a fresh output folder: reading, computing, drawing the charts
// and writing the workbook, the charts and the snapshot.
func BenchmarkRunShipped(b *testing.B) {
	inputs := filepath.Join("..", "..", "inputs")
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(dir, strconv.Itoa(i))
		if code := Run(context.Background(), []string{"run", "--inputs", inputs, "--out", out, "--month", "2025-11", "--quiet"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("run ended with code %d", code)
		}
	}
}
