package analysis

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// evidenceBook makes n evidence rows about pledges of few dates and
// stages, so that many rows tie on pledge, date and stage.
func evidenceBook(rng *rand.Rand, n, pledges int) []EvidenceRow {
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := make([]EvidenceRow, n)
	for i := range rows {
		e := &Evidence{Date: day0.AddDate(0, 0, rng.IntN(4)), Stage: StageOf(Stages[rng.IntN(len(Stages))]), Note: itoa(i)}
		rows[i] = EvidenceRow{Evidence: e, Value: float64(i), Pledge: rng.IntN(pledges)}
	}
	return rows
}

// TestByPledge holds byPledge to one stable sort of every row by pledge,
// date and stage, and its ranges to the rows of each pledge.
func TestByPledge(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		n, pledges := rng.IntN(200), 1+rng.IntN(40)
		rows := evidenceBook(rng, n, pledges)
		want := slices.Clone(rows)
		slices.SortStableFunc(want, func(a, b EvidenceRow) int {
			return cmp.Or(cmp.Compare(a.Pledge, b.Pledge), a.Date.Compare(b.Date), cmp.Compare(stageRank(a.Stage), stageRank(b.Stage)))
		})
		got, starts := byPledge(rows, pledges)
		if len(got) != len(want) {
			t.Fatalf("round %d: %d rows, want %d", round, len(got), len(want))
		}
		for k := range want {
			if got[k].Evidence != want[k].Evidence {
				t.Fatalf("round %d: row %d is %s, want %s", round, k, got[k].Note, want[k].Note)
			}
		}
		if n == 0 {
			if starts != nil {
				t.Fatalf("round %d: ranges %v for no rows", round, starts)
			}
			continue
		}
		for i := range pledges {
			for k := starts[i]; k < starts[i+1]; k++ {
				if got[k].Pledge != i {
					t.Fatalf("round %d: row %d of pledge %d's range is of pledge %d", round, k, i, got[k].Pledge)
				}
			}
		}
		if starts[pledges] != int32(n) {
			t.Fatalf("round %d: the ranges end at %d of %d rows", round, starts[pledges], n)
		}
	}
}

func BenchmarkSortEvidence(b *testing.B) {
	rows := evidenceBook(rand.New(rand.NewPCG(7, 8)), 100000, 60000)
	b.Run("byPledge", func(b *testing.B) {
		for b.Loop() {
			byPledge(slices.Clone(rows), 60000)
		}
	})
	b.Run("stable", func(b *testing.B) {
		for b.Loop() {
			one := slices.Clone(rows)
			slices.SortStableFunc(one, func(a, b EvidenceRow) int {
				return cmp.Or(cmp.Compare(a.Pledge, b.Pledge), a.Date.Compare(b.Date), cmp.Compare(stageRank(a.Stage), stageRank(b.Stage)))
			})
		}
	})
}
