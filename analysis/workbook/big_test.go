package workbook

import (
	"io"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

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
		p.Loc.Row = i + 4
		p.URL = "https://example.com/news/" + strconv.Itoa(i)
		in.Pledges = append(in.Pledges, p)
	}
	r, _ := analysis.Build(in, analysis.Options{AsOf: day("2025-11-30")})
	return r
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// TestBig writes a workbook of $WORKBOOK_BIG pledges (up to 1,048,575),
// all of them new since the previous report, and reports the time and
// memory it took.
func TestBig(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("WORKBOOK_BIG"))
	if n == 0 {
		t.Skip("set WORKBOOK_BIG to a number of pledges")
	}
	r := bigReport(t, n)
	// Compared with a report of the same shape but no pledges: every
	// pledge is new, and the Changes sheet lists them all.
	prev := r.Snapshot("2025-10")
	prev.Pledges = nil
	ch := analysis.Compare(prev, r.Snapshot("2025-11"))
	r.Changes = &ch
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	var c counter
	if err := Write(io.Writer(&c), r, testMeta(t)); err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d pledges: %.1f s, %.1f MB written, %d MB allocated, heap in use %d MB before (the report) and %d MB after",
		n, time.Since(start).Seconds(), float64(c.n)/1e6, (ms.TotalAlloc-before.TotalAlloc)>>20, before.HeapInuse>>20, ms.HeapInuse>>20)
}

func BenchmarkWrite10k(b *testing.B) {
	r := bigReport(b, 10000)
	m := testMeta(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(io.Discard, r, m); err != nil {
			b.Fatal(err)
		}
	}
}
