package xlsxscan

import "testing"

// count is a Sink that wants every cell and counts them.
type count struct{ rows, cells int }

func (c *count) Wants(int) bool { return true }

func (c *count) Row(_ int, cells []Cell) bool {
	c.rows++
	c.cells += len(cells)
	return true
}

// BenchmarkReadSheet scans a sheet of 100,000 rows of seven columns
// written by excelize's StreamWriter (inline strings, numbers, dates,
// booleans), on one goroutine, doing nothing with the cells; ns/row is
// the time per row.
func BenchmarkReadSheet(b *testing.B) {
	const rows = 100_000
	data := streamedBook(b, rows)
	wb := openBook(b, data, Options{})
	part := wb.Sheets()[0].Part
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var c count
		if err := wb.ReadSheet(part, &c); err != nil {
			b.Fatal(err)
		}
		if c.rows != rows {
			b.Fatalf("%d rows, want %d", c.rows, rows)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}
