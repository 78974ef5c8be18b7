package analysis

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestPermute holds the in-place reordering of rows to a copy made row
// by row, on permutations of many sizes.
func TestPermute(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		for range 5 {
			rows := make([]PledgeRow, n)
			for i := range rows {
				rows[i] = PledgeRow{Pledge: &Pledge{ID: itoa(i)}, Value: float64(i)}
			}
			order := rng.Perm(n)
			want := make([]PledgeRow, n)
			for k, i := range order {
				want[k] = rows[i]
			}
			permute(rows, slices.Clone(order))
			for k := range want {
				if rows[k].Pledge != want[k].Pledge || rows[k].Value != want[k].Value {
					t.Fatalf("n=%d order %v: place %d holds row %s, want %s", n, order, k, rows[k].ID, want[k].ID)
				}
			}
		}
	}
}

// markDuplicatesBySlices is markDuplicates with a slice of candidates per
// key, the plain form the linked lists must agree with.
func markDuplicatesBySlices(rows []PledgeRow, order []int, probs *Problems) {
	const window = 31 * 24 * time.Hour
	type key struct{ inv, prog string }
	byKey := map[key][]int{}
	for _, i := range order {
		p := &rows[i]
		if !p.Counted {
			continue
		}
		inv, prog := strings.TrimSpace(p.Investor), strings.TrimSpace(p.Program)
		k := key{strings.ToLower(inv), strings.ToLower(prog)}
		list := byKey[k]
		for len(list) > 0 && p.Announced.Sub(rows[list[0]].Announced) > window {
			list = list[1:]
		}
		for _, j := range list {
			q := &rows[j]
			if !similar(p.USD, q.USD) {
				continue
			}
			p.Counted, p.Excluded = false, ExcludedTwice
			for _, s := range p.Sources {
				q.Sources = AppendUnique(q.Sources, s)
			}
			probs.Add(p.Loc.Problem(SevWarning, "program", p.Program, errorf(ErrDuplicatePledge, "same pledge as %s: %s", q.Loc.Ref(), Listed(q.Sources, "; "))))
			break
		}
		if p.Counted {
			list = append(list, i)
		}
		byKey[k] = list
	}
}

// TestMarkDuplicatesAgrees holds markDuplicates to the plain form on
// random books of few investors, programs, amounts and dates, so that
// keys repeat, windows expire and lists empty and fill again.
func TestMarkDuplicatesAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	investors := []string{"Alibaba", "alibaba ", "Tencent", "ÉCOLE", "école"}
	programs := []string{"AI fund", "ai FUND", "Cloud", " Cloud"}
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	twice := 0
	for round := range 300 {
		n := 1 + rng.IntN(120)
		book := func() []PledgeRow {
			r := rand.New(rand.NewPCG(uint64(round), 9))
			rows := make([]PledgeRow, n)
			for i := range rows {
				p := &Pledge{Loc: At("f", "Pledges", i+2, nil), Investor: investors[r.IntN(len(investors))],
					Program: programs[r.IntN(len(programs))], Announced: day0.AddDate(0, 0, r.IntN(200)), Source: "s" + itoa(i)}
				usd := math.NaN()
				if r.IntN(8) > 0 {
					usd = float64(100 + 10*r.IntN(5))
				}
				rows[i] = PledgeRow{Pledge: p, USD: usd, Counted: r.IntN(10) > 0, Sources: []string{p.Source}}
			}
			return rows
		}
		got, want := book(), book()
		order := rng.Perm(n)
		slices.SortStableFunc(order, func(i, j int) int { return got[i].Announced.Compare(got[j].Announced) })
		var gp, wp Problems
		markDuplicates(got, order, &gp)
		markDuplicatesBySlices(want, order, &wp)
		for i := range got {
			g, w := got[i], want[i]
			if g.Counted != w.Counted || g.Excluded != w.Excluded || !slices.Equal(g.Sources, w.Sources) {
				t.Fatalf("round %d row %d: counted %v %q sources %v, want %v %q %v", round, i, g.Counted, g.Excluded, g.Sources, w.Counted, w.Excluded, w.Sources)
			}
			if g.Excluded == ExcludedTwice {
				twice++
			}
		}
		if len(gp.list) != len(wp.list) {
			t.Fatalf("round %d: %d problems, want %d", round, len(gp.list), len(wp.list))
		}
		for k := range gp.list {
			if gp.list[k].Row != wp.list[k].Row {
				t.Fatalf("round %d: problem %d at row %d, want %d", round, k, gp.list[k].Row, wp.list[k].Row)
			}
		}
	}
	if twice == 0 {
		t.Fatal("no row was found entered twice: the books test nothing")
	}
}

// TestItoa holds itoa to the digit-by-digit form it replaced: "" below
// zero.
func TestItoa(t *testing.T) {
	digits := func(n int) string {
		if n == 0 {
			return "0"
		}
		var b []byte
		for n > 0 {
			b = append([]byte{byte('0' + n%10)}, b...)
			n /= 10
		}
		return string(b)
	}
	for n := -20; n < 30000; n++ {
		if got, want := itoa(n), digits(n); got != want {
			t.Fatalf("itoa(%d) = %q, want %q", n, got, want)
		}
	}
}
