package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"pledgewatch/analysis"
	"pledgewatch/analysis/lang"
	"pledgewatch/analysis/sheets"
)

// TestClaimsOfBenchBooks builds the report of small books of the bench
// generator (random investors, groups, amounts in five currencies with
// their bounds, evidence of delivery, series of metrics), for random
// months and reporting currencies, and holds every finding to its figures
// and to the rules, in each language.
func TestClaimsOfBenchBooks(t *testing.T) {
	printers := []*lang.Printer{lang.New(lang.English), lang.New(lang.Traditional), lang.New(lang.Simplified)}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(18, 2025))
	checked := 0
	for _, n := range []int{12, 40, 150} {
		path := filepath.Join(dir, fmt.Sprintf("book-%d.xlsx", n))
		if err := generate(path, n, n != 40); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rd := &sheets.Reader{}
		err = rd.ReadXLSX(f, filepath.Base(path))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			cur := []string{"USD", "HKD", "CNY", "EUR"}[rng.IntN(4)]
			month := time.Date(2020+rng.IntN(6), time.Month(1+rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
			where := fmt.Sprintf("%d rows, %s, %s", n, cur, month.Format("2006-01"))
			r, probs := analysis.Build(rd.Inputs, analysis.Options{Currency: cur, AsOf: month.AddDate(0, 1, -1), Month: month.Format("2006-01")})
			if r == nil || probs.HasErrors() {
				t.Fatalf("%s: %v", where, probs.Err())
			}
			for _, err := range r.CheckFindings() {
				t.Errorf("%s: %v", where, err)
			}
			for _, fd := range r.Findings() {
				for _, p := range printers {
					for _, err := range p.Check(fd, r.Currency) {
						t.Errorf("%s: %v", where, err)
					}
				}
				checked++
			}
		}
	}
	if checked < 30 {
		t.Errorf("%d findings checked, want the headlines and trends of six reports", checked)
	}
}
