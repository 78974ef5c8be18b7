package analysis

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// groupInput is n pledges' group keys and values over 50 groups, as the
// totals by group sum them.
func groupInput(n int) ([]string, []float64) {
	r := rand.New(rand.NewPCG(1, 2))
	keys, values := make([]string, n), make([]float64, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("group %d", r.IntN(50))
		values[i] = r.Float64() * 1e9
	}
	return keys, values
}

// BenchmarkGroupSumGota sums values by group with gota's GroupBy and
// Aggregation, the work frame.go leaves to plain Go; set beside
// BenchmarkGroupSumMap it is why (see the comment at the top of
// frame.go).
func BenchmarkGroupSumGota(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		keys, values := groupInput(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				df := dataframe.New(series.New(keys, series.String, "group"), series.New(values, series.Float, "value"))
				out := df.GroupBy("group").Aggregation([]dataframe.AggregationType{dataframe.Aggregation_SUM}, []string{"value"})
				if out.Nrow() != 50 {
					b.Fatalf("%d groups", out.Nrow())
				}
			}
		})
	}
}

// BenchmarkGroupSumMap sums the same values by group with a map.
func BenchmarkGroupSumMap(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		keys, values := groupInput(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				sums := map[string]float64{}
				for i, k := range keys {
					sums[k] += values[i]
				}
				if len(sums) != 50 {
					b.Fatalf("%d groups", len(sums))
				}
			}
		})
	}
}
