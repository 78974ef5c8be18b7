package charts

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"
)

// TestLargestFirst holds largestFirst to sort.SliceStable on lists with
// many equal values, and with values that are not numbers.
func TestLargestFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for n := range 300 {
		items := make([]item, n)
		for i := range items {
			items[i] = item{label: strconv.Itoa(i), value: float64(rng.IntN(n/3 + 1))}
			if n%7 == 0 && rng.IntN(10) == 0 {
				items[i].value = math.NaN()
			}
		}
		want := slices.Clone(items)
		sort.SliceStable(want, func(i, j int) bool { return want[i].value > want[j].value })
		pos := make([]int32, n)
		for i := range pos {
			pos[i] = int32(i)
		}
		got := largestFirst(items, pos)
		for i, p := range got {
			if items[p].label != want[i].label {
				t.Fatalf("%d items: item %d is %s, sort.SliceStable gives %s", n, i, items[p].label, want[i].label)
			}
		}
	}
}
