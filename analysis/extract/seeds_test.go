package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pledgewatch/analysis"
	"pledgewatch/analysis/internal/readtest"
)

// shippedInputs reads the shipped dataset.
func shippedInputs(t testing.TB) *analysis.Inputs {
	t.Helper()
	rd := readtest.Read(t, filepath.Join("..", "..", "inputs", "pledgewatch.xlsx"), "pledgewatch.xlsx")
	if rd.Problems.HasErrors() {
		t.Fatalf("the shipped inputs have errors: %v", rd.Problems.Errors())
	}
	return &rd.Inputs
}

// SeedsDir is the folder of the five articles the shipped dataset was
// curated from: $PLEDGEWATCH_SEEDS, else shared/seeds beside the
// repository. The articles are not part of the project; a test that
// needs them is skipped where the folder is absent.
func SeedsDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("PLEDGEWATCH_SEEDS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "seeds")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		t.Skipf("the seed articles are not at %s (set PLEDGEWATCH_SEEDS to their folder): %v", abs, err)
	}
	return abs
}

// seedFigures reads and matches the five seed articles the shipped
// dataset was curated from.
func seedFigures(t testing.TB, in *analysis.Inputs) []Figure {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(SeedsDir(t), "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("%d seed articles (%v), want 5", len(files), err)
	}
	var all []Figure
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Decode(filepath.Base(p), b)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		figs := Figures(a)
		for i := range figs {
			if figs[i].Converts >= 0 {
				figs[i].Converts += len(all)
			}
		}
		all = append(all, figs...)
	}
	Match(all, in)
	return all
}

// heldFigure is a money or percentage figure of the shipped dataset.
type heldFigure struct {
	row      string
	value    float64
	currency string // "" for a percentage
	qual     analysis.Qualifier
}

// heldFigures lists the money and percentage figures of the inputs, as
// Match names their rows.
func heldFigures(in *analysis.Inputs) []heldFigure {
	var out []heldFigure
	for _, p := range in.Pledges {
		if !p.Amount.Undisclosed && p.Amount.Value != 0 {
			out = append(out, heldFigure{rowName(p.Loc, p.ID), p.Amount.Value, p.Amount.Currency, p.Amount.Qualifier})
		}
	}
	for _, m := range in.Metrics {
		if m.Money || m.Unit == "%" {
			cur := m.Unit
			if !m.Money {
				cur = ""
			}
			out = append(out, heldFigure{rowName(m.Loc, m.Entity+", "+m.Metric+", "+m.Period.String()), m.Value, cur, m.Qualifier})
		}
	}
	return out
}

// TestSeedRecall checks that the money and percentage figures of the
// shipped dataset are found in the five articles it was curated from,
// with their value, currency and qualifier, and marked as in the inputs
// with their row named.
func TestSeedRecall(t *testing.T) {
	const minRecall = 0.9
	in := shippedInputs(t)
	figs := seedFigures(t, in)
	held := heldFigures(in)
	if len(held) < 30 {
		t.Fatalf("%d money and percentage figures in the shipped dataset; the test expects the dataset of 20 pledges and 40 metrics", len(held))
	}
	found := 0
	for _, h := range held {
		hit := false
		for _, f := range figs {
			if f.Status == InInputs && f.Row == h.row && same(f.Value, h.value) && f.Qualifier == h.qual &&
				(f.Currency == h.currency && (f.Kind == Money || f.Kind == Price) || h.currency == "" && f.Kind == Percent) {
				hit = true
				break
			}
		}
		if hit {
			found++
		} else {
			t.Logf("not found as in inputs: %s (%g %s %s)", h.row, h.value, h.currency, h.qual.Label())
		}
	}
	recall := float64(found) / float64(len(held))
	t.Logf("seed recall: %d of %d money and percentage figures of the shipped dataset found and marked in inputs (%.1f%%)", found, len(held), 100*recall)
	if recall < minRecall {
		t.Errorf("seed recall %.3f, want at least %.2f", recall, minRecall)
	}
}

// TestSeedNew checks that figures the dataset lacks are offered as new,
// and that no figure marked new has its value, unit and qualifier in a
// row of the inputs.
func TestSeedNew(t *testing.T) {
	in := shippedInputs(t)
	figs := seedFigures(t, in)
	held := heldFigures(in)
	newTexts := map[string]bool{}
	for _, f := range figs {
		if f.Status != New {
			if f.Row == "" {
				t.Errorf("%q is %s but names no row", f.Text, f.Status)
			}
			continue
		}
		newTexts[f.Text] = true
		for _, h := range held {
			if same(f.Value, h.value) && f.Qualifier == h.qual && (f.Kind == Percent && h.currency == "" || f.Kind == Money && f.Currency == h.currency) {
				t.Errorf("%q is marked new, but %s holds it", f.Text, h.row)
			}
		}
	}
	// CNA's rounding of the quarter's revenue and ABMedia's headline of the
	// big four's budgets are in the articles and not in the dataset.
	for _, text := range []string{"280 billion yuan", "exceeding $30 billion"} {
		if !newTexts[text] {
			t.Errorf("%q is not offered as new", text)
		}
	}
	for _, f := range figs {
		if f.Status == New && (f.Table != Pledges && f.Table != Metrics) {
			t.Errorf("%q: table %q", f.Text, f.Table)
		}
		if !strings.Contains(f.Sentence, f.Text) {
			t.Errorf("%q is not in its sentence %q", f.Text, f.Sentence)
		}
	}
}
