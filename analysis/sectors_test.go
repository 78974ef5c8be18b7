package analysis

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseSectors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		names  string
		shares []float64
		err    error
	}{
		{"cloud computing; AI infrastructure", "cloud computing|AI infrastructure", nil, nil},
		{"cloud computing 60%; AI infrastructure 40%", "cloud computing|AI infrastructure", []float64{0.6, 0.4}, nil},
		{"cloud computing 60%; AI infrastructure", "", nil, ErrConflict},
		{"cloud computing 60%; AI infrastructure 30%", "", nil, ErrConflict},
		{"cloud computing 160%", "", nil, ErrNumber},
	} {
		names, shares, err := ParseSectors(tc.in)
		if !errors.Is(err, tc.err) || err == nil && (strings.Join(names, "|") != tc.names || len(shares) != len(tc.shares)) {
			t.Errorf("ParseSectors(%q) = %q, %v, %v", tc.in, names, shares, err)
			continue
		}
		for i := range tc.shares {
			if math.Abs(shares[i]-tc.shares[i]) > 1e-12 {
				t.Errorf("ParseSectors(%q) shares %v, want %v", tc.in, shares, tc.shares)
			}
		}
	}
}

// TestSectorSplit maps sector names to the analyst's list, uses stated
// shares, and keeps what an equal split assumes apart.
func TestSectorSplit(t *testing.T) {
	fund := at(pledge("fund", "2024-12-20", "Fund", "fund", "AI fund", "US$150 million", "", 0, "GPUs; AI chips; healthcare", "Hong Kong", "S"), 2)
	plan := at(pledge("plan", "2025-02-24", "Group", "company", "Plan", "US$100 million", "", 0, "", "Mainland China", "S"), 3)
	plan.Sectors, plan.SectorShares = []string{"cloud computing", "AI chips"}, []float64{0.6, 0.4}
	in := ratesInputs(fund, plan)
	in.SectorNames = []SectorName{{Name: "gpus", Sector: "AI chips and computing"}, {Name: "AI chips", Sector: "AI chips and computing"}}
	r, probs := Build(in, Options{})
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	got := map[string]Group{}
	for _, g := range r.BySector {
		got[g.Key] = g
	}
	// The fund's two chip names are one sector: 150/2 each to chips and
	// healthcare, assumed; the plan's 40 stated to chips, 60 to cloud.
	for k, w := range map[string][2]float64{
		"AI chips and computing": {75e6 + 40e6, 75e6},
		"healthcare":             {75e6, 75e6},
		"cloud computing":        {60e6, 0},
	} {
		if g := got[k]; math.Abs(g.Total-w[0]) > 1e-3 || math.Abs(g.Assumed-w[1]) > 1e-3 {
			t.Errorf("%s = %v (assumed %v), want %v (assumed %v)", k, g.Total, g.Assumed, w[0], w[1])
		}
	}
	if len(r.BySector) != 3 {
		t.Errorf("sectors = %+v", r.BySector)
	}
	// A name mapped to two sectors is an error at the second row.
	in.SectorNames = append(in.SectorNames, SectorName{Loc: At("in.xlsx", "Sector names", 4, Columns{"sector": 2}),
		Name: "GPUs", Sector: "Semiconductors"})
	_, probs = Build(in, Options{})
	if e := probs.Errors(); len(e) != 1 || e[0].Cell != "B4" {
		t.Errorf("errors = %v", e)
	}
}
