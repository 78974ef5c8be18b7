package workbook

import (
	"os"
	"runtime"
	"strconv"
	"testing"

	"pledgewatch/analysis"
)

// bigReport builds a report of n pledges shaped like real ones.
func bigReport(t testing.TB, n int) *analysis.Report {
	in := testInputs(t)
	base := in.Pledges
	in.Pledges = make([]analysis.Pledge, 0, n)
	sectors := [][]string{{"AI infrastructure"}, {"cloud computing", "AI chips"}, {"healthcare"}, nil}
	for i := 0; i < n; i++ {
		p := base[i%len(base)]
		p.ID = "p" + strconv.Itoa(i)
		p.Investor = "Investor " + strconv.Itoa(i%5000)
		p.Program = "Program " + strconv.Itoa(i)
		p.Sectors = sectors[i%len(sectors)]
		p.Announced = p.Announced.AddDate(0, 0, -(i % 900))
		p.Loc = p.Loc.WithRow(i + 4)
		p.URL = "https://example.com/news/" + strconv.Itoa(i)
		in.Pledges = append(in.Pledges, p)
	}
	r, _ := analysis.Build(in, analysis.Options{AsOf: day("2025-11-30")})
	return r
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkWrite writes a workbook of 10,000 pledges, and of
// $WORKBOOK_BIG pledges (up to 1,048,575) when set, all of them new since
// the previous report, so the Changes sheet lists them all. Besides the
// time it reports the megabytes written and the heap in use after
// writing.
func BenchmarkWrite(b *testing.B) {
	sizes := []int{10000}
	if n, _ := strconv.Atoi(os.Getenv("WORKBOOK_BIG")); n > 0 {
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			r := bigReport(b, n)
			prev := r.Snapshot("2025-10")
			prev.Pledges = nil
			ch := analysis.Compare(prev, r.Snapshot("2025-11"))
			r.Changes = &ch
			m := testMeta(b)
			var c counter
			for b.Loop() {
				c = counter{}
				if err := Write(&c, r, m); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(c.n)/1e6, "MB-written/op")
			b.ReportMetric(float64(ms.HeapInuse>>20), "heap-MB")
		})
	}
}
